from __future__ import annotations

from datetime import date

import pytest

from drivers.cards.apdu import ApduSession
from drivers.cards.base import CardDataError, CardRemoved
from drivers.cards.identity import DocumentKind, Sex
from drivers.cards.profiles import PROFILES
from drivers.cards.profiles.belgian_eid import BelgianEidProfile
from drivers.cards.profiles.fields import parse_belgian_birth_date
from drivers.cards.profiles.tlv import parse_fedict_tlv
from tests.integration.cards.virtual_card import VirtualCard
from tests.integration.cards.virtual_cards import (
    BelgianEidCard,
    EstonianIdCard,
    Faults,
    TaiwanNhiCard,
)
from tests.integration.cards.virtual_cards.belgian_eid import BelgianCitizen
from tests.unit.drivers.cards.virtual_session import VirtualCardTransmitter, session_for

PROFILE = BelgianEidProfile()
READ_BINARY = 0xB0


def read_binary_les(card: BelgianEidCard) -> list[int]:
    return [apdu[4] for apdu in card.commands if apdu[1] == READ_BINARY]


def test_profiles_are_listed_in_the_readers_order() -> None:
    assert [profile.kind for profile in PROFILES] == [
        DocumentKind.BE_EID,
        DocumentKind.EE_ID,
        DocumentKind.TW_NHI_CARD,
    ]


def test_reads_identity_address_and_photo() -> None:
    card = BelgianEidCard()
    session = session_for(card)
    assert PROFILE.probe(session)
    identity = PROFILE.read(session)
    assert identity.kind is DocumentKind.BE_EID
    assert identity.name == "Anna Maria Peeters"
    assert identity.id_number == "85031412401"
    assert identity.birth_date == date(1985, 3, 14)
    assert identity.sex is Sex.FEMALE
    assert identity.nationality == "Belg"
    assert identity.address == "Bondgenotenlaan 12 bus 3, 3000 Leuven"
    assert identity.valid_from == date(2021, 6, 12)
    assert identity.valid_until == date(2031, 6, 12)
    assert identity.issuer == "Leuven"
    assert identity.photo == card.photo and identity.photo.startswith(b"\xff\xd8")


def test_reads_with_le_252_as_eid_mw_does() -> None:
    session = session_for(card := BelgianEidCard())
    PROFILE.probe(session)
    assert session.apdu_count == 1  # the path select answers 9000 at once
    PROFILE.read(session)
    # identity: select + 1 read (161 bytes); address: select + 1 (117);
    # photo: select + 13 reads (3064 = 12 × 252 + 40).
    assert session.apdu_count == 1 + 2 + 2 + 14
    assert set(read_binary_les(card)) == {252}


def test_a_card_taking_at_most_252_bytes_refuses_no_read() -> None:
    session = session_for(card := BelgianEidCard(max_le=252))
    PROFILE.read(session)
    assert session.apdu_count == 2 + 2 + 14
    assert set(read_binary_les(card)) == {252}


class FailsLongReplies(VirtualCardTransmitter):
    """A reader whose transport fails any reply of 256 data bytes, as some readers do: to the
    driver that is indistinguishable from a card pulled mid-read."""

    def transmit(self, apdu: bytes) -> bytes:
        if apdu[1] == READ_BINARY and apdu[4] == 0x00:
            raise CardRemoved("card left the reader")
        return super().transmit(apdu)


def test_a_reader_failing_256_byte_replies_reads_the_card() -> None:
    card = BelgianEidCard()
    identity = PROFILE.read(ApduSession(FailsLongReplies(card)))
    assert identity.photo == card.photo


def test_file_ending_on_a_chunk_boundary_ends_at_6b00() -> None:
    card = BelgianEidCard(citizen=BelgianCitizen(photo_size=10 * 252))
    session = session_for(card)
    identity = PROFILE.read(session)
    assert len(identity.photo) == 2520
    assert session.apdu_count == 2 + 2 + 1 + 10 + 1  # the 11th photo read answers 6B00


def test_selects_the_applet_when_the_path_select_is_refused() -> None:
    card = BelgianEidCard(applet_preselected=False)
    session = session_for(card)
    assert PROFILE.probe(session)
    assert session.apdu_count == 3  # path 6A82, applet 9000, path 9000
    assert card.commands[1][:4] == bytes.fromhex("00A40400")
    assert PROFILE.read(session).id_number == "85031412401"


@pytest.mark.parametrize("other", [EstonianIdCard, TaiwanNhiCard])
def test_probe_says_no_to_other_cards(other: type[VirtualCard]) -> None:
    assert PROFILE.probe(session_for(other())) is False


def test_matches_the_belpic_atr() -> None:
    assert PROFILE.matches_atr(BelgianEidCard.atr)
    assert not PROFILE.matches_atr(EstonianIdCard.atr)


def test_t0_card_answers_through_get_response() -> None:
    card = BelgianEidCard(Faults(t0_get_response=True))
    session = session_for(card)
    identity = PROFILE.read(session)
    assert identity.photo == card.photo
    assert session.apdu_count == 18 + 15  # one GET RESPONSE for each of the 15 READ BINARY


def test_wrong_le_at_the_end_of_each_file_is_resent() -> None:
    card = BelgianEidCard(Faults(wrong_le=True))
    session = session_for(card)
    assert PROFILE.read(session).photo == card.photo
    assert session.apdu_count == 18 + 3  # each file's last chunk comes back as 6Cxx


@pytest.mark.parametrize(
    ("faults", "message"),
    [
        (Faults(malformed_data=True), "announced"),
        (Faults(truncated_file=True), "announced"),
        (Faults(bad_check_digits=True), "check digits"),
    ],
)
def test_broken_cards_raise_card_data_error(faults: Faults, message: str) -> None:
    with pytest.raises(CardDataError, match=message):
        PROFILE.read(session_for(BelgianEidCard(faults)))


def test_expired_card_is_read_and_reported_expired() -> None:
    identity = PROFILE.read(session_for(BelgianEidCard(Faults(expired_document=True))))
    assert identity.valid_until == date(2019, 2, 3)
    assert identity.is_expired(date(2025, 1, 1))


def test_born_in_2000_or_later_uses_the_2000_rule() -> None:
    citizen = BelgianCitizen(national_number="05091703144", birth_date="17 SEPT 2005", sex="M")
    identity = PROFILE.read(session_for(BelgianEidCard(citizen=citizen)))
    assert identity.birth_date == date(2005, 9, 17)
    assert identity.sex is Sex.MALE


@pytest.mark.parametrize("pull_after", [0, 3, 10])
def test_card_removed_propagates_untouched(pull_after: int) -> None:
    session = session_for(BelgianEidCard(), pull_after=pull_after)
    with pytest.raises(CardRemoved) as raised:
        PROFILE.read(session)
    assert type(raised.value) is CardRemoved


def test_tlv_length_ff_adds_the_next_byte() -> None:
    data = bytes([0x01, 0xFF, 0x2D]) + b"a" * 300 + bytes([0x02, 0xFF, 0xFF, 0x02]) + b"b" * 512
    fields = parse_fedict_tlv(data)
    assert len(fields[0x01]) == 300 and len(fields[0x02]) == 512


def test_tlv_tag_00_opens_a_file_but_ends_it_anywhere_else() -> None:
    data = bytes.fromhex("00 01 01  01 02 4142  00 05 ffffffffff")
    assert parse_fedict_tlv(data) == {0x00: b"\x01", 0x01: b"AB"}


@pytest.mark.parametrize(
    "data", [bytes.fromhex("01 05 4142"), bytes.fromhex("01"), bytes.fromhex("01 FF")]
)
def test_tlv_running_past_the_end_is_card_data_error(data: bytes) -> None:
    with pytest.raises(CardDataError):
        parse_fedict_tlv(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 MAAR 1985", date(1985, 3, 14)),
        ("14 MARS 1985", date(1985, 3, 14)),
        ("14.MÄR.1985", date(1985, 3, 14)),
        ("01. DEZ 1990", date(1990, 12, 1)),
        ("15 AOUT 1970", date(1970, 8, 15)),
        ("3 MEI 2001", date(2001, 5, 3)),
        ("28 FEV 1966", date(1966, 2, 28)),
        ("31 OKT 1999", date(1999, 10, 31)),
        ("1968", None),  # only the year is on record
    ],
)
def test_birth_dates_in_french_dutch_and_german(text: str, expected: date | None) -> None:
    assert parse_belgian_birth_date(text) == expected


@pytest.mark.parametrize("text", ["14 MRZ 1985", "31 FEV 1985", "14-03-1985", "", "MAI 1985"])
def test_unreadable_birth_dates_are_card_data_error(text: str) -> None:
    with pytest.raises(CardDataError):
        parse_belgian_birth_date(text)


def test_a_file_too_large_to_address_is_refused_not_truncated() -> None:
    # The last short offset, 130 × 252 = 32760, still reaches 252 bytes beyond it: only a file
    # longer than 33012 bytes leaves some of it out of reach.
    card = BelgianEidCard(citizen=BelgianCitizen(photo_size=0x8000 + 300))
    with pytest.raises(CardDataError, match="larger than"):
        PROFILE.read(session_for(card))
