"""GB 11643 check characters, against published example numbers."""

from __future__ import annotations

import pytest

from server.id_numbers import check_character, is_valid_id_number


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002X",  # the standard's own example
        "11010519491231002x",  # a lower-case x as typed by hand
        "440524188001010014",
        "110101199003074477",
    ],
)
def test_published_examples_are_valid(number: str) -> None:
    assert is_valid_id_number(number)


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # X replaced by a digit
        "440524188001010015",  # last digit off by one
        "44052418800101001",  # 17 characters
        "4405241880010100144",  # 19 characters
        "44052418800101001A",
        "X40524188001010014",
        "４４0524188001010014",  # full-width digits are not ASCII digits
        "",
    ],
)
def test_wrong_numbers_are_invalid(number: str) -> None:
    assert not is_valid_id_number(number)


def test_check_character_of_known_prefixes() -> None:
    assert check_character("11010519491231002") == "X"
    assert check_character("44052418800101001") == "4"


def test_check_character_needs_17_ascii_digits() -> None:
    with pytest.raises(ValueError):
        check_character("1234")
