"""A printer-independent receipt: a sequence of elements that every printer backend renders.

The core (``kiosk/receipts.py``) decides what goes on a receipt; a printer backend decides how
the elements become bytes for its paper width and character set.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


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


# -- the receipt as JSON, for a print job handed to another process ---------------------------

_ELEMENT_TYPES: dict[str, type[Element]] = {
    "title": Title,
    "text": Text,
    "key-value": KeyValue,
    "separator": Separator,
    "qr": QRCode,
    "barcode": Barcode,
    "feed": Feed,
    "cut": Cut,
}
_TYPE_NAMES = {kind: name for name, kind in _ELEMENT_TYPES.items()}


def receipt_to_json(receipt: Receipt) -> dict[str, object]:
    elements: list[dict[str, object]] = []
    for element in receipt.elements:
        fields = {
            name: value.value if isinstance(value, Align) else value
            for name, value in vars(element).items()
        }
        elements.append({"type": _TYPE_NAMES[type(element)], **fields})
    return {"reference": receipt.reference, "elements": elements}


def receipt_from_json(data: dict[str, Any]) -> Receipt:
    """The inverse of ``receipt_to_json``; raises ``ValueError`` on anything else."""
    try:
        elements: list[Element] = []
        for raw in data["elements"]:
            fields = {key: value for key, value in raw.items() if key != "type"}
            if "align" in fields:
                fields["align"] = Align(fields["align"])
            elements.append(_ELEMENT_TYPES[raw["type"]](**fields))
        return Receipt(reference=str(data["reference"]), elements=tuple(elements))
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not a receipt: {error!r}") from None
