"""Check characters of identity numbers printed on cards."""

from __future__ import annotations

import re

_GB11643_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_GB11643_CHECK = "10X98765432"
_GB11643_SHAPE = re.compile(r"^\d{17}[\dX]$")


def gb11643_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of a mainland resident ID number."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first17, _GB11643_WEIGHTS, strict=True)
    )
    return _GB11643_CHECK[total % 11]


def is_valid_gb11643(number: str) -> bool:
    """True for an 18-character mainland ID number whose check character matches."""
    number = number.upper()
    return bool(_GB11643_SHAPE.match(number)) and gb11643_check_char(number[:17]) == number[17]
