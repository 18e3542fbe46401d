"""Every decoder, fed anything: a valid result or ``CardDataError``, never another exception.

A card in a public hall can be anything a citizen carries; a crash or a hang in a decoder
would take the kiosk down, so the decoders and whole profile reads are fuzzed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.cards.apdu import ApduSession
from drivers.cards.base import CardDataError, CardReadError
from drivers.cards.identity import Identity
from drivers.cards.profiles import PROFILES
from drivers.cards.profiles.belgian_eid import identity_from_files
from drivers.cards.profiles.estonian_id import identity_from_personal_data
from drivers.cards.profiles.fields import (
    parse_belgian_birth_date,
    parse_dotted_date,
    parse_roc_date,
    parse_spaced_date,
)
from drivers.cards.profiles.taiwan_nhi import identity_from_basic_data
from drivers.cards.profiles.tlv import parse_fedict_tlv
from tests.integration.cards.virtual_cards import BelgianEidCard
from tests.integration.cards.virtual_cards.belgian_eid import tlv
from tests.integration.cards.virtual_cards.estonian_id import PERSONAL_DATA
from tests.integration.cards.virtual_cards.taiwan_nhi import basic_data_record
from tests.unit.drivers.cards.virtual_session import ScriptedTransmitter

FUZZ = settings(deadline=None)
VALID_BELGIAN = BelgianEidCard()
VALID_IDENTITY_FILE = VALID_BELGIAN.files["3F00DF014031"]
VALID_ADDRESS_FILE = VALID_BELGIAN.files["3F00DF014033"]


@st.composite
def mutated(draw: st.DrawFn, valid: bytes) -> bytes:
    """``valid`` with a few bytes overwritten, cut short or extended: close to a real card."""
    data = bytearray(valid)
    for _ in range(draw(st.integers(0, 4))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    cut = draw(st.integers(0, len(data)))
    return bytes(data[:cut]) + draw(st.binary(max_size=8))


@FUZZ
@given(st.binary(max_size=600))
def test_tlv_parser_takes_any_bytes(data: bytes) -> None:
    try:
        fields = parse_fedict_tlv(data)
    except CardDataError:
        return
    assert all(isinstance(value, bytes) for value in fields.values())


@FUZZ
@given(st.dictionaries(st.integers(1, 255), st.binary(max_size=700), max_size=6))
def test_tlv_parser_reads_back_what_was_encoded(fields: dict[int, bytes]) -> None:
    encoded = b"".join(tlv(tag, value) for tag, value in fields.items())
    assert parse_fedict_tlv(encoded) == fields


@FUZZ
@given(st.text(max_size=20))
def test_text_date_parsers_take_any_text(text: str) -> None:
    for parse in (parse_dotted_date, parse_spaced_date, parse_belgian_birth_date):
        try:
            result = parse(text, "date")
        except CardDataError:
            continue
        assert result is None or isinstance(result, date)


@FUZZ
@given(st.binary(max_size=10) | st.from_regex(r"\A[0-9]{7}\Z").map(str.encode))
def test_roc_date_parser_takes_any_bytes(raw: bytes) -> None:
    with contextlib.suppress(CardDataError):
        assert isinstance(parse_roc_date(raw, "date"), date)


def decodes_or_refuses(decode: Callable[..., Identity], *args: object) -> None:
    with contextlib.suppress(CardDataError):
        assert isinstance(decode(*args), Identity)


@FUZZ
@given(st.binary(max_size=80) | mutated(basic_data_record()))
def test_nhi_record_parser_takes_any_bytes(record: bytes) -> None:
    decodes_or_refuses(identity_from_basic_data, record)


@FUZZ
@given(
    st.dictionaries(st.integers(1, 15), st.binary(max_size=40), max_size=15)
    | st.fixed_dictionaries(
        {number: mutated(text.encode()) for number, text in PERSONAL_DATA.items() if text}
    )
)
def test_estonian_field_parser_takes_any_files(files: dict[int, bytes]) -> None:
    decodes_or_refuses(identity_from_personal_data, files)


@FUZZ
@given(
    st.binary(max_size=300) | mutated(VALID_IDENTITY_FILE),
    st.binary(max_size=150) | mutated(VALID_ADDRESS_FILE),
)
def test_belgian_file_parser_takes_any_bytes(identity_file: bytes, address_file: bytes) -> None:
    decodes_or_refuses(identity_from_files, identity_file, address_file, b"")


@FUZZ
@given(st.lists(st.binary(max_size=260), max_size=40))
def test_profiles_facing_a_card_that_answers_anything(replies: list[bytes]) -> None:
    for profile in PROFILES:
        session = ApduSession(ScriptedTransmitter(replies))
        try:
            if profile.probe(session):
                assert isinstance(profile.read(session), Identity)
        except CardReadError:
            pass
