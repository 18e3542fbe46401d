"""Card data errors name the field and the problem, never the value.

Their messages reach the kiosk's logs (and staff screens); a malformed birth date, a birth
place or a sex code read off a citizen's card must not travel with them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drivers.cards.base import CardDataError
from drivers.cards.profiles.belgian_eid import identity_from_files
from drivers.cards.profiles.estonian_id import identity_from_personal_data
from drivers.cards.profiles.fields import (
    make_date,
    parse_belgian_birth_date,
    parse_dotted_date,
    parse_roc_date,
    parse_spaced_date,
)
from drivers.cards.sam_text import decode_identity, encode_text_block
from tests.integration.cards.sam_emulator import CITIZEN_FIELDS
from tests.integration.cards.virtual_cards import BelgianEidCard, EstonianIdCard
from tests.integration.cards.virtual_cards.belgian_eid import BelgianCitizen


def error_text(parse: Callable[[], object]) -> str:
    with pytest.raises(CardDataError) as raised:
        parse()
    return str(raised.value)


@pytest.mark.parametrize(
    ("parse", "value", "field"),
    [
        (lambda: parse_belgian_birth_date("31 FEV 1985"), "1985", "birth date"),
        (lambda: parse_belgian_birth_date("14 XYZQ 1985"), "XYZQ", "birth date"),
        (lambda: parse_belgian_birth_date("14-03-1985"), "14-03-1985", "birth date"),
        (lambda: parse_spaced_date("31 02 1985 Tartu", "birth date"), "Tartu", "birth date"),
        (lambda: parse_spaced_date("Tartu 1985", "birth date"), "Tartu", "birth date"),
        (lambda: parse_spaced_date("31 02 1985", "birth date"), "1985", "birth date"),
        (lambda: parse_dotted_date("31.02.1985", "validity end"), "1985", "validity end"),
        (lambda: parse_dotted_date("1985-02-31", "validity end"), "1985", "validity end"),
        (lambda: parse_roc_date(b"0740231", "birth date"), "074", "birth date"),
        (lambda: parse_roc_date(b"74-2-31", "birth date"), "74", "birth date"),
        (lambda: make_date(1985, 2, 31, "birth date"), "1985", "birth date"),
    ],
)
def test_date_parsers_name_the_field_not_the_value(
    parse: Callable[[], object], value: str, field: str
) -> None:
    text = error_text(parse)
    assert field in text
    assert value not in text


@pytest.mark.parametrize(
    ("changes", "value"),
    [
        ({"birth_date": "19850399"}, "19850399"),
        ({"birth_date": "1985031X"}, "1985031X"),
        ({"nation_code": "77"}, "77"),
        ({"sex_code": "5"}, "'5'"),
    ],
)
def test_resident_id_text_errors_carry_no_value(changes: dict[str, str], value: str) -> None:
    block = encode_text_block(**{**CITIZEN_FIELDS, **changes})
    assert value not in error_text(lambda: decode_identity(block))


def test_estonian_birth_date_and_place_stay_out_of_the_message() -> None:
    files = dict(EstonianIdCard().files)
    files[5] = b"31 02 1985 Tartu"
    text = error_text(lambda: identity_from_personal_data(files))
    assert "birth date" in text
    assert "Tartu" not in text and "1985" not in text


def test_belgian_birth_date_and_sex_stay_out_of_the_message() -> None:
    card = BelgianEidCard(citizen=BelgianCitizen(birth_date="31 FEV 1985"))
    text = error_text(lambda: identity_from_files(card.files["3F00DF014031"], b"", b""))
    assert "birth date" in text and "FEV" not in text and "1985" not in text
    card = BelgianEidCard(citizen=BelgianCitizen(sex="Q"))
    text = error_text(lambda: identity_from_files(card.files["3F00DF014031"], b"", b""))
    assert "sex" in text and "'Q'" not in text
