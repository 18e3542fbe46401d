"""Mainland China resident identity numbers (GB 11643-1999): format and check character."""

from __future__ import annotations

import re

_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
# ISO 7064 MOD 11-2 weights for positions 1..17, and the check character for each remainder.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


def check_character(first_17_digits: str) -> str:
    """The 18th character that GB 11643 requires after these 17 digits."""
    if not re.fullmatch(r"[0-9]{17}", first_17_digits):
        raise ValueError("expected exactly 17 ASCII digits")
    pairs = zip(first_17_digits, _WEIGHTS, strict=True)
    total = sum(int(digit) * weight for digit, weight in pairs)
    return _CHECK_CHARS[total % 11]


def is_valid_id_number(value: str) -> bool:
    """True for 17 digits plus the matching check character (``X`` in either case)."""
    candidate = value.upper()
    if not _SHAPE.fullmatch(candidate):
        return False
    return check_character(candidate[:17]) == candidate[17]
