"""A printer-independent receipt: a sequence of elements that every printer backend renders.

The core (``kiosk/receipts.py``) decides what goes on a receipt; a printer backend decides how
the elements become bytes for its paper width and character set.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Title:
    """Large, bold, centred."""

    text: str


@dataclass(frozen=True)
class Text:
    """Wrapped to the paper width; CJK characters count as two columns."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False


@dataclass(frozen=True)
class KeyValue:
    """``key`` on the left, ``value`` on the right; wraps the value under the key when long."""

    key: str
    value: str


@dataclass(frozen=True)
class Separator:
    char: str = "-"


@dataclass(frozen=True)
class QRCode:
    data: str


@dataclass(frozen=True)
class Barcode:
    """Code128."""

    data: str


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    pass


Element = Title | Text | KeyValue | Separator | QRCode | Barcode | Feed | Cut


@dataclass(frozen=True)
class Receipt:
    """What a printer prints. ``reference`` names the job (an application number, never PII)."""

    reference: str
    elements: tuple[Element, ...]
