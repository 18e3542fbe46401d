from __future__ import annotations

from datetime import date

import pytest

from drivers.cards.apdu import ApduSession
from drivers.cards.base import CardDataError, CardRemoved
from drivers.cards.identity import DocumentKind, Sex
from drivers.cards.profiles.estonian_id import (
    EstonianIdProfile,
    birth_date_from_personal_code,
    identity_from_personal_data,
)
from tests.integration.cards.virtual_card import VirtualCard
from tests.integration.cards.virtual_cards import (
    BelgianEidCard,
    EstonianIdCard,
    Faults,
    TaiwanNhiCard,
)
from tests.integration.cards.virtual_cards.estonian_id import PERSONAL_DATA
from tests.unit.drivers.cards.virtual_session import session_for

PROFILE = EstonianIdProfile()


def probed(card: EstonianIdCard, *, pull_after: int | None = None) -> ApduSession:
    """A session on ``card`` after the probe: ``read`` relies on the AWP being selected."""
    session = session_for(card, pull_after=pull_after)
    assert PROFILE.probe(session)
    return session


READ_APDUS = 1 + 9 * 2  # select DF 5000, then select + one READ BINARY for files 1..9


def test_reads_the_personal_data_files() -> None:
    session = session_for(EstonianIdCard())
    assert PROFILE.probe(session)
    identity = PROFILE.read(session)
    assert identity.kind is DocumentKind.EE_ID
    assert identity.name == "MARI-LIIS JÕEORG"
    assert identity.id_number == "48702140270"
    assert identity.birth_date == date(1987, 2, 14)
    assert identity.sex is Sex.FEMALE
    assert identity.nationality == "EST"
    assert identity.address == ""  # the card holds none
    assert identity.valid_from == date(2023, 8, 9)
    assert identity.valid_until == date(2028, 8, 9)
    assert identity.issuer == "Politsei- ja Piirivalveamet"


def test_uses_the_documented_select_sequence_and_the_fewest_apdus() -> None:
    card = EstonianIdCard()
    session = session_for(card)
    PROFILE.probe(session)
    assert card.commands[0] == bytes.fromhex("00A4040010A000000077010800070000FE00000100")
    PROFILE.read(session)
    assert session.apdu_count == 1 + READ_APDUS
    assert card.commands[1] == bytes.fromhex("00A4010C025000")
    assert card.commands[2:4] == [bytes.fromhex("00A4020C025001"), bytes.fromhex("00B0000000")]


@pytest.mark.parametrize("other", [BelgianEidCard, TaiwanNhiCard])
def test_probe_says_no_to_other_cards(other: type[VirtualCard]) -> None:
    assert PROFILE.probe(session_for(other())) is False


def test_matches_the_2018_atr() -> None:
    assert PROFILE.matches_atr(EstonianIdCard.atr)
    assert not PROFILE.matches_atr(BelgianEidCard.atr)


def test_t0_card_answers_through_get_response() -> None:
    session = probed(EstonianIdCard(Faults(t0_get_response=True)))
    assert PROFILE.read(session).id_number == "48702140270"
    assert session.apdu_count == 1 + READ_APDUS + 9


def test_wrong_le_is_resent_with_the_length_the_card_gives() -> None:
    session = probed(EstonianIdCard(Faults(wrong_le=True)))
    assert PROFILE.read(session).name == "MARI-LIIS JÕEORG"
    assert session.apdu_count == 1 + READ_APDUS + 9  # every file is shorter than Le = 00


@pytest.mark.parametrize(
    ("faults", "message"),
    [
        (Faults(malformed_data=True), "surname: not utf-8"),
        (Faults(truncated_file=True), "check digit"),
        (Faults(bad_check_digits=True), "check digit"),
    ],
)
def test_broken_cards_raise_card_data_error(faults: Faults, message: str) -> None:
    with pytest.raises(CardDataError, match=message):
        PROFILE.read(probed(EstonianIdCard(faults)))


def test_expired_card_is_read_and_reported_expired() -> None:
    identity = PROFILE.read(probed(EstonianIdCard(Faults(expired_document=True))))
    assert identity.valid_until == date(2021, 5, 17)
    assert identity.is_expired(date(2025, 1, 1))


def test_card_removed_propagates_untouched() -> None:
    session = probed(EstonianIdCard(), pull_after=5)
    with pytest.raises(CardRemoved) as raised:
        PROFILE.read(session)
    assert type(raised.value) is CardRemoved


def test_birth_date_falls_back_to_the_personal_code() -> None:
    files = {number: text.encode() for number, text in PERSONAL_DATA.items()}
    files[5] = b""
    assert identity_from_personal_data(files).birth_date == date(1987, 2, 14)


@pytest.mark.parametrize(
    ("code", "born"),
    [("37605030299", date(1976, 5, 3)), ("50001010006", date(2000, 1, 1))],
)
def test_birth_date_from_personal_code(code: str, born: date) -> None:
    assert birth_date_from_personal_code(code) == born


def test_impossible_birth_date_in_the_code_is_card_data_error() -> None:
    with pytest.raises(CardDataError):
        birth_date_from_personal_code("38702300000")  # 30 February
