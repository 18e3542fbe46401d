"""Who holds the card: the identity a reader produces.

Personal data: an ``Identity`` lives for one session in memory. Its ``repr`` shows only masked
values so that a stray ``log.debug("%r", identity)`` cannot leak a name or an ID number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class DocumentKind(Enum):
    CN_RESIDENT_ID = "cn-resident-id"
    TW_NHI_CARD = "tw-nhi-card"
    BE_EID = "be-eid"
    EE_ID = "ee-id"
    DEMO = "demo"


class Sex(Enum):
    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


def mask_id(number: str) -> str:
    """``4418**********123X``: four and four of a long number, two and two of a short one.

    A 10- or 11-character number (Taiwan, Belgium, Estonia) with 8 characters shown and its
    check digit known would leave only a handful of candidates.
    """
    keep = 4 if len(number) >= 15 else 2 if len(number) >= 6 else 0
    if keep == 0:
        return "*" * len(number)
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]


def mask_name(name: str) -> str:
    """Keep the first character (the family name in Chinese; an initial in Latin script)."""
    name = name.strip()
    if not name:
        return ""
    if " " in name:  # Latin script: "Wang Xiaoming" -> "W*** X*******"
        return " ".join(part[:1] + "*" * (len(part) - 1) for part in name.split())
    return name[0] + "*" * max(len(name) - 1, 1)


@dataclass(frozen=True, repr=False)
class Identity:
    kind: DocumentKind
    name: str
    id_number: str
    birth_date: date | None = None
    sex: Sex = Sex.UNSPECIFIED
    nationality: str = ""
    address: str = ""
    valid_from: date | None = None
    valid_until: date | None = None  # None: valid for life (长期)
    issuer: str = ""
    # Raw as the card holds it (e.g. WLT on a China resident ID card); never written to disk.
    photo: bytes = b""

    def masked_id(self) -> str:
        return mask_id(self.id_number)

    def masked_name(self) -> str:
        return mask_name(self.name)

    def is_expired(self, today: date) -> bool:
        return self.valid_until is not None and self.valid_until < today

    def __repr__(self) -> str:
        name, number = self.masked_name(), self.masked_id()
        return f"Identity(kind={self.kind.value}, name={name!r}, id={number!r})"
