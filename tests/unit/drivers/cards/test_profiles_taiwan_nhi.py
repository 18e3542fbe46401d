from __future__ import annotations

from datetime import date

import pytest

from drivers.cards.base import CardDataError, CardRemoved
from drivers.cards.identity import DocumentKind, Sex
from drivers.cards.profiles.taiwan_nhi import TaiwanNhiProfile, identity_from_basic_data
from tests.integration.cards.virtual_card import VirtualCard
from tests.integration.cards.virtual_cards import (
    BelgianEidCard,
    EstonianIdCard,
    Faults,
    TaiwanNhiCard,
)
from tests.integration.cards.virtual_cards.taiwan_nhi import basic_data_record
from tests.unit.drivers.cards.virtual_session import session_for

PROFILE = TaiwanNhiProfile()


def test_reads_the_basic_data_record() -> None:
    session = session_for(TaiwanNhiCard())
    assert PROFILE.probe(session)
    identity = PROFILE.read(session)
    assert identity.kind is DocumentKind.TW_NHI_CARD
    assert identity.name == "林雅婷"
    assert identity.id_number == "F223687147"
    assert identity.birth_date == date(1987, 5, 21)  # ROC 076 + 1911
    assert identity.sex is Sex.FEMALE
    assert identity.nationality == "TWN"
    assert identity.valid_from == date(2019, 3, 15)
    assert identity.valid_until is None
    assert identity.issuer == "衛生福利部中央健康保險署"
    assert session.apdu_count == 2  # SELECT + one read


def test_sends_the_documented_commands() -> None:
    card = TaiwanNhiCard()
    session = session_for(card)
    PROFILE.probe(session)
    PROFILE.read(session)
    assert card.commands == [
        bytes.fromhex("00 A4 04 00 10 D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00"),
        bytes.fromhex("00 CA 11 00 02 00 00"),
    ]


def test_t0_reader_gets_61_39_then_get_response() -> None:
    card = TaiwanNhiCard(Faults(t0_get_response=True))
    session = session_for(card)
    PROFILE.probe(session)
    assert PROFILE.read(session).id_number == "F223687147"
    assert card.commands[-1] == bytes.fromhex("00C0000039")
    assert session.apdu_count == 3


def test_wrong_le_is_resent_with_57() -> None:
    card = TaiwanNhiCard(Faults(wrong_le=True))
    session = session_for(card)
    PROFILE.probe(session)
    assert PROFILE.read(session).name == "林雅婷"
    assert card.commands[-1] == bytes.fromhex("00CA1100020000") + bytes([57])


@pytest.mark.parametrize("other", [BelgianEidCard, EstonianIdCard])
def test_probe_says_no_to_other_cards(other: type[VirtualCard]) -> None:
    assert PROFILE.probe(session_for(other())) is False


@pytest.mark.parametrize(
    ("faults", "message"),
    [
        (Faults(malformed_data=True), "birth date"),
        (Faults(truncated_file=True), "40 bytes"),
        (Faults(bad_check_digits=True), "check digit"),
    ],
)
def test_broken_cards_raise_card_data_error(faults: Faults, message: str) -> None:
    session = session_for(TaiwanNhiCard(faults))
    PROFILE.probe(session)
    with pytest.raises(CardDataError, match=message):
        PROFILE.read(session)


def test_an_nhi_card_cannot_play_expired() -> None:
    with pytest.raises(ValueError, match="expired_document"):
        TaiwanNhiCard(Faults(expired_document=True))


def test_card_removed_propagates_untouched() -> None:
    session = session_for(TaiwanNhiCard(), pull_after=1)
    PROFILE.probe(session)
    with pytest.raises(CardRemoved) as raised:
        PROFILE.read(session)
    assert type(raised.value) is CardRemoved


def test_name_uses_all_20_bytes_and_stops_at_nul() -> None:
    # Six characters fill 12 of the 20 bytes: a 6-byte slice would cut the name in half.
    identity = identity_from_basic_data(basic_data_record(name="歐陽娜娜美玲"))
    assert identity.name == "歐陽娜娜美玲"


def test_eten_characters_outside_plain_big5_decode() -> None:
    record = bytearray(basic_data_record(name="王"))
    record[14:16] = "碁".encode("cp950")  # ETEN extension, in cp950 but not in Python's big5
    assert identity_from_basic_data(bytes(record)).name == "王碁"


def test_resident_numbers_have_no_nationality_guess() -> None:
    record = bytearray(basic_data_record())
    record[32:42] = b"A800000014"
    assert identity_from_basic_data(bytes(record)).nationality == ""


@pytest.mark.parametrize(("byte", "sex"), [(b"M", Sex.MALE), (b"F", Sex.FEMALE)])
def test_sex_byte(byte: bytes, sex: Sex) -> None:
    record = bytearray(basic_data_record())
    record[49:50] = byte
    assert identity_from_basic_data(bytes(record)).sex is sex


def test_unknown_sex_byte_is_card_data_error() -> None:
    record = bytearray(basic_data_record())
    record[49:50] = b"X"
    with pytest.raises(CardDataError, match="sex"):
        identity_from_basic_data(bytes(record))
