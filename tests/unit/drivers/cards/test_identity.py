from __future__ import annotations

from datetime import date

import pytest

from drivers.cards.identity import DocumentKind, Identity, mask_id, mask_name
from drivers.cards.idnumbers import gb11643_check_char, is_valid_gb11643
from drivers.cards.simulated import DEMO_IDENTITY


def test_masked_id_keeps_four_and_four() -> None:
    assert mask_id("44180219900101123X") == "4418**********123X"
    assert mask_id("1234") == "****"


@pytest.mark.parametrize(
    ("name", "masked"),
    [("陳美玲", "陳**"), ("王明", "王*"), ("Wang Ming", "W*** M***"), ("李", "李*")],
)
def test_masked_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_repr_never_shows_the_number_or_name() -> None:
    text = repr(DEMO_IDENTITY) + str(DEMO_IDENTITY) + f"{DEMO_IDENTITY}"
    assert DEMO_IDENTITY.id_number not in text
    assert DEMO_IDENTITY.name not in text
    assert DEMO_IDENTITY.address not in text


def test_expiry() -> None:
    card = Identity(DocumentKind.DEMO, "甲", "1", valid_until=date(2026, 1, 1))
    assert card.is_expired(date(2026, 1, 2)) and not card.is_expired(date(2026, 1, 1))
    assert not DEMO_IDENTITY.is_expired(date(2100, 1, 1))  # 长期: valid for life


def test_gb11643_check_character_against_the_standards_example() -> None:
    # GB 11643-1999 appendix example number.
    assert gb11643_check_char("11010519491231002") == "X"
    assert is_valid_gb11643(DEMO_IDENTITY.id_number)
    assert not is_valid_gb11643("110105194912310021")
    assert not is_valid_gb11643("11010519491231002")


@pytest.mark.parametrize(
    "text", ["11010519491231002X\n", "１１010519491231002X", "٣1010519491231002X"]
)
def test_gb11643_accepts_only_plain_ascii(text: str) -> None:
    assert not is_valid_gb11643(text)


@pytest.mark.parametrize(
    ("number", "masked"),
    [("F223687147", "F2******47"), ("85073003328", "85*******28"), ("12345", "*****")],
)
def test_short_numbers_keep_two_and_two(number: str, masked: str) -> None:
    assert mask_id(number) == masked
