"""Check characters of identity numbers printed on cards."""

from __future__ import annotations

import re

_GB11643_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_GB11643_CHECK = "10X98765432"
_GB11643_SHAPE = re.compile(r"[0-9]{17}[0-9X]")  # ASCII only, used with fullmatch


def gb11643_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of a mainland resident ID number."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first17, _GB11643_WEIGHTS, strict=True)
    )
    return _GB11643_CHECK[total % 11]


def is_valid_gb11643(number: str) -> bool:
    """True for an 18-character mainland ID number whose check character matches."""
    number = number.upper()
    return bool(_GB11643_SHAPE.fullmatch(number)) and gb11643_check_char(number[:17]) == number[17]


# Belgian national number (rijksregisternummer): YYMMDD + 3-digit serial + 2 check digits.
_BELGIAN_NATIONAL_NUMBER_SHAPE = re.compile(r"^\d{11}\Z", re.ASCII)


def belgian_national_number_check(first9: str, *, born_2000_or_later: bool) -> int:
    """97 − (the first nine digits mod 97); a "2" goes in front for people born in 2000 or later.

    The prefix is how the register tells 1900s from 2000s births: YYMMDD alone cannot.
    """
    base = int(("2" if born_2000_or_later else "") + first9)
    return 97 - base % 97


def is_valid_belgian_national_number(number: str) -> bool:
    """True for 11 digits whose check matches under either the 1900s or the 2000+ rule."""
    if not _BELGIAN_NATIONAL_NUMBER_SHAPE.match(number):
        return False
    first9, check = number[:9], int(number[9:])
    return check in (
        belgian_national_number_check(first9, born_2000_or_later=False),
        belgian_national_number_check(first9, born_2000_or_later=True),
    )


# Taiwan national ID (身分證統一編號): the Ministry of the Interior's letter table. It is not
# alphabetical: I, O, W, Z were added after the first 22 letters and got the codes 34, 35, 32, 33.
TAIWAN_ID_LETTER_CODES: dict[str, int] = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
    "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
    "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
}  # fmt: skip
_TAIWAN_ID_WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
# Second character: 1 male / 2 female for citizens; 8 / 9 for the resident certificate
# numbers issued to foreigners since 2021, which use the same check.
_TAIWAN_ID_SHAPE = re.compile(r"^[A-Z][1289]\d{8}\Z", re.ASCII)


def is_valid_taiwan_id(number: str) -> bool:
    """True for a Taiwan ID number (citizen or 2021+ resident format) whose check matches."""
    if not _TAIWAN_ID_SHAPE.match(number):
        return False
    code = TAIWAN_ID_LETTER_CODES[number[0]]
    digits = [code // 10, code % 10, *(int(char) for char in number[1:])]
    total = sum(digit * weight for digit, weight in zip(digits, _TAIWAN_ID_WEIGHTS, strict=True))
    return total % 10 == 0


# Estonian personal code (isikukood): GYYMMDDSSSC, G = century and sex, C = check digit.
_ESTONIAN_CODE_SHAPE = re.compile(r"^[1-8]\d{10}\Z", re.ASCII)
_ESTONIAN_FIRST_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)
_ESTONIAN_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)


def estonian_check_digit(first10: str) -> int:
    """The isikukood check digit: mod 11 with a second weight set when the first gives 10."""
    digits = [int(char) for char in first10]
    for weights in (_ESTONIAN_FIRST_WEIGHTS, _ESTONIAN_SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder < 10:
            return remainder
    return 0


def is_valid_estonian_personal_code(code: str) -> bool:
    """True for 11 digits starting with a century digit 1..8 whose check digit matches."""
    return bool(_ESTONIAN_CODE_SHAPE.match(code)) and estonian_check_digit(code[:10]) == int(
        code[10]
    )
