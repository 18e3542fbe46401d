"""The resident ID card's text block: fields, tables and the checks that reject a misread."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.cards.base import CardDataError
from drivers.cards.identity import DocumentKind, Identity, Sex
from drivers.cards.idnumbers import gb11643_check_char
from drivers.cards.sam_text import (
    NATIONS,
    SEXES,
    TEXT_BLOCK_SIZE,
    decode_identity,
    encode_text_block,
    split_card_data,
)

FIELDS = {
    "name": "阿依古丽·买买提",
    "sex_code": "2",
    "nation_code": "05",
    "birth_date": "19491231",
    "address": "示范自治区示范市团结路12号",
    "id_number": "11010519491231002X",
    "issuer": "示范市公安局",
    "valid_from": "20100101",
    "valid_until": "长期",
}


def with_check_char(first17: str) -> str:
    return first17 + gb11643_check_char(first17)


def block(**changes: str) -> bytes:
    return encode_text_block(**{**FIELDS, **changes})


def test_every_field_decodes() -> None:
    identity = decode_identity(block(), b"WLT-photo")
    assert identity.kind is DocumentKind.CN_RESIDENT_ID
    assert (identity.name, identity.sex, identity.nationality) == (
        "阿依古丽·买买提",
        Sex.FEMALE,
        "维吾尔",
    )
    assert identity.birth_date == date(1949, 12, 31)
    assert identity.id_number == "11010519491231002X"
    assert identity.address == "示范自治区示范市团结路12号"
    assert identity.issuer == "示范市公安局"
    assert identity.valid_from == date(2010, 1, 1)
    assert identity.valid_until is None  # 长期
    assert identity.photo == b"WLT-photo"


def test_a_dated_end_of_validity_and_a_lower_case_check_x() -> None:
    identity = decode_identity(block(valid_until="20300101", id_number="11010519491231002x"))
    assert identity.valid_until == date(2030, 1, 1)
    assert identity.id_number.endswith("X")


def test_nul_padding_is_accepted_too() -> None:
    padded = bytearray(block())
    padded[0:30] = "王明".encode("utf-16-le").ljust(30, b"\x00")
    assert decode_identity(bytes(padded)).name == "王明"


def test_the_nation_table_is_gb_3304() -> None:
    expected_codes = [f"{n:02d}" for n in range(1, 57)] + ["97", "98"]
    assert sorted(NATIONS) == expected_codes
    assert (NATIONS["01"], NATIONS["46"], NATIONS["56"]) == ("汉", "德昂", "基诺")
    assert (NATIONS["97"], NATIONS["98"]) == ("其他", "外国血统")
    assert len(set(NATIONS.values())) == len(NATIONS)


def test_sex_codes_are_gb_t_2261_1() -> None:
    assert SEXES == {"0": Sex.UNSPECIFIED, "1": Sex.MALE, "2": Sex.FEMALE, "9": Sex.UNSPECIFIED}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "no name"),
        ({"sex_code": "3"}, "GB/T 2261.1"),
        ({"nation_code": "57"}, "GB 3304"),
        ({"nation_code": "00"}, "GB 3304"),
        ({"birth_date": "19491331"}, "calendar date"),
        ({"birth_date": "1949123"}, "YYYYMMDD"),
        ({"id_number": "110105194912310021"}, "check character"),
        ({"id_number": "11010519491231002"}, "check character"),
        ({"id_number": with_check_char("11010519501231002")}, "disagree"),
        ({"valid_from": "2010-1-1"}, "YYYYMMDD"),
        ({"valid_until": "永久"}, "YYYYMMDD"),
    ],
)
def test_fields_that_fail_their_check(changes: dict[str, str], message: str) -> None:
    with pytest.raises(CardDataError, match=message):
        decode_identity(block(**changes))


def test_a_lone_surrogate_is_a_data_error() -> None:
    damaged = b"\x00\xd8" + block()[2:]
    with pytest.raises(CardDataError, match="UCS-2"):
        decode_identity(damaged)


def test_a_text_block_of_another_size_is_refused() -> None:
    with pytest.raises(CardDataError, match="256"):
        decode_identity(block()[:-2])


def test_card_data_splits_into_text_and_photo() -> None:
    photo = bytes(range(256)) * 4
    data = (256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + block() + photo
    assert split_card_data(data) == (block(), photo)


@pytest.mark.parametrize(
    "data",
    [
        b"\x01",
        (200).to_bytes(2, "big") + (0).to_bytes(2, "big") + bytes(200),
        (256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + bytes(256 + 1000),
        (256).to_bytes(2, "big") + (0).to_bytes(2, "big") + bytes(300),
    ],
    ids=["no-lengths", "short-text", "truncated-photo", "trailing-bytes"],
)
def test_card_data_that_does_not_add_up(data: bytes) -> None:
    with pytest.raises(CardDataError):
        split_card_data(data)


def test_encoding_refuses_a_field_that_does_not_fit() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        block(name="很" * 16)


@settings(deadline=None)
@given(st.binary(max_size=1400))
def test_arbitrary_card_data_is_an_identity_or_a_data_error(data: bytes) -> None:
    try:
        text, photo = split_card_data(data)
        identity = decode_identity(text, photo)
    except CardDataError:
        return
    assert isinstance(identity, Identity)


# Field text drawn from what cards hold plus what damage produces: digits, CJK, padding, NULs.
field_text = st.text(alphabet="0123456789X长期汉 \x00\ud7ff", max_size=18)


@settings(deadline=None)
@given(st.fixed_dictionaries(dict.fromkeys(FIELDS, field_text)))
def test_arbitrary_field_contents_are_an_identity_or_a_data_error(fields: dict[str, str]) -> None:
    """Closer to valid than random bytes, so the later checks get exercised as well."""
    try:
        text = encode_text_block(**{**FIELDS, **fields})
    except ValueError:
        return  # does not fit its field: not a block a card can hold
    try:
        identity = decode_identity(text)
    except CardDataError:
        return
    assert identity.birth_date is not None
    assert identity.id_number[6:14] == identity.birth_date.strftime("%Y%m%d")


@st.composite
def citizens(draw: st.DrawFn) -> tuple[dict[str, str], Identity]:
    """The fields of a valid card, and the identity they must decode to."""
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    region = draw(st.from_regex(r"\A[1-9][0-9]{5}\Z"))
    sequence = draw(st.from_regex(r"\A[0-9]{3}\Z"))
    nation = draw(st.sampled_from(sorted(NATIONS)))
    name = draw(st.text(alphabet="王李张刘陈杨赵黄周吴·", min_size=1, max_size=15))
    valid_days = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=20 * 365)))
    number = with_check_char(region + birth.strftime("%Y%m%d") + sequence)
    male = int(sequence[-1]) % 2 == 1  # GB 11643: an odd sequence number is a man's
    valid_until = None if valid_days is None else birth + timedelta(days=valid_days)
    fields = {
        **FIELDS,
        "name": name,
        "sex_code": "1" if male else "2",
        "nation_code": nation,
        "birth_date": birth.strftime("%Y%m%d"),
        "id_number": number,
        "valid_from": birth.strftime("%Y%m%d"),
        "valid_until": "长期" if valid_until is None else valid_until.strftime("%Y%m%d"),
    }
    expected = Identity(
        kind=DocumentKind.CN_RESIDENT_ID,
        name=name,
        id_number=number,
        birth_date=birth,
        sex=Sex.MALE if male else Sex.FEMALE,
        nationality=NATIONS[nation],
        address=FIELDS["address"],
        valid_from=birth,
        valid_until=valid_until,
        issuer=FIELDS["issuer"],
        photo=b"photo",
    )
    return fields, expected


@settings(deadline=None)
@given(citizens())
def test_any_valid_card_round_trips(citizen: tuple[dict[str, str], Identity]) -> None:
    fields, expected = citizen
    text = encode_text_block(**fields)
    assert len(text) == TEXT_BLOCK_SIZE
    assert decode_identity(text, b"photo") == expected
