from __future__ import annotations

import pytest

from drivers.cards.idnumbers import (
    TAIWAN_ID_LETTER_CODES,
    belgian_national_number_check,
    estonian_check_digit,
    gb11643_check_char,
    is_valid_belgian_national_number,
    is_valid_estonian_personal_code,
    is_valid_gb11643,
    is_valid_taiwan_id,
)


def test_gb11643_is_kept() -> None:
    assert gb11643_check_char("11010519491231002") == "X"
    assert is_valid_gb11643("11010519491231002X")


@pytest.mark.parametrize(
    "number",
    [
        "85073003328",  # python-stdnum's documented example, born 1985
        "93051822361",
        "17073003384",  # born 2017: valid only with the "2" prefix
        "85031412401",  # the virtual Belgian card's holder
    ],
)
def test_belgian_national_numbers_that_pass(number: str) -> None:
    assert is_valid_belgian_national_number(number)


@pytest.mark.parametrize(
    "number",
    ["85073003327", "17073003383", "8507300332", "850730033288", "85.07.30-033.28", "8507300332X"],
)
def test_belgian_national_numbers_that_fail(number: str) -> None:
    assert not is_valid_belgian_national_number(number)


def test_belgian_2000_rule_prefixes_a_two() -> None:
    # 170730033 mod 97 = 42 → 55 for a 1917 birth; 2170730033 mod 97 = 13 → 84 for 2017.
    assert belgian_national_number_check("170730033", born_2000_or_later=False) == 55
    assert belgian_national_number_check("170730033", born_2000_or_later=True) == 84


def test_belgian_rejects_non_ascii_digits() -> None:
    assert not is_valid_belgian_national_number("٨٥٠٧٣٠٠٣٣٢٨")  # Arabic-Indic 85073003328


def test_taiwan_letter_table_is_the_official_one_not_the_alphabet() -> None:
    assert TAIWAN_ID_LETTER_CODES["A"] == 10
    assert TAIWAN_ID_LETTER_CODES["H"] == 17
    assert TAIWAN_ID_LETTER_CODES["J"] == 18  # I is not 18
    assert TAIWAN_ID_LETTER_CODES["I"] == 34
    assert TAIWAN_ID_LETTER_CODES["O"] == 35
    assert TAIWAN_ID_LETTER_CODES["W"] == 32
    assert TAIWAN_ID_LETTER_CODES["X"] == 30
    assert TAIWAN_ID_LETTER_CODES["Z"] == 33
    assert sorted(TAIWAN_ID_LETTER_CODES.values()) == list(range(10, 36))


@pytest.mark.parametrize(
    "number",
    [
        "A123456789",  # the textbook example: 1·1 + 0·9 + 1·8 + … + 9·1 = 130
        "F223687147",
        "A800000014",  # 2021 resident certificate format: 1 + 64 + 1 + 4 = 70
    ],
)
def test_taiwan_ids_that_pass(number: str) -> None:
    assert is_valid_taiwan_id(number)


@pytest.mark.parametrize(
    "number",
    ["A123456788", "a123456789", "A323456789", "A12345678", "1123456789", "AA23456789"],
)
def test_taiwan_ids_that_fail(number: str) -> None:
    assert not is_valid_taiwan_id(number)


@pytest.mark.parametrize(
    ("first10", "check"),
    [
        ("3760503029", 9),  # Wikipedia's example 37605030299: first weights give 9
        ("3760503006", 4),  # first weights give 10, second give 4
        ("3760503092", 0),  # both give 10: the check digit is 0
    ],
)
def test_estonian_check_digit(first10: str, check: int) -> None:
    assert estonian_check_digit(first10) == check
    assert is_valid_estonian_personal_code(first10 + str(check))
    assert not is_valid_estonian_personal_code(first10 + str((check + 1) % 10))


@pytest.mark.parametrize("code", ["97605030299", "3760503029", "376050302999", "3760503029X"])
def test_estonian_codes_of_the_wrong_shape_fail(code: str) -> None:
    assert not is_valid_estonian_personal_code(code)
