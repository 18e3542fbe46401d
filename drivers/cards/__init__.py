"""Card readers. ``open_reader(uri)`` imports only the backend the URI asks for."""

from __future__ import annotations

from urllib.parse import urlsplit

from drivers.cards.base import CardListener, CardReader, CardReaderError
from drivers.cards.identity import DocumentKind, Identity, Sex, mask_id, mask_name

__all__ = [
    "CardListener",
    "CardReader",
    "CardReaderError",
    "DocumentKind",
    "Identity",
    "Sex",
    "mask_id",
    "mask_name",
    "open_reader",
]


def open_reader(uri: str) -> CardReader:
    """Build the reader a URI names (``simulated://``; more schemes come with their drivers)."""
    scheme = urlsplit(uri).scheme
    if scheme == "simulated":
        from drivers.cards.simulated import SimulatedReader

        return SimulatedReader()
    raise CardReaderError(f"unsupported card reader URI {uri!r}; supported: simulated://")
