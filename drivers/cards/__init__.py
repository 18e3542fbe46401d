"""Card readers. ``open_reader(uri)`` imports only the backend the URI asks for."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

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
    "list_pcsc_readers",
    "open_reader",
    "read_card",
]

SUPPORTED = "simulated://, pcsc:// (or pcsc://?reader=NAME), sam-serial:///dev/DEVICE"


def open_reader(uri: str) -> CardReader:
    """Build the reader a URI names; only that reader's libraries are imported."""
    scheme = urlsplit(uri).scheme
    if scheme == "simulated":
        from drivers.cards.simulated import SimulatedReader

        return SimulatedReader()
    if scheme == "sam-serial":
        from drivers.cards.sam_serial import sam_reader_from_uri

        return sam_reader_from_uri(uri, urlsplit(uri))
    if scheme == "pcsc":
        return _open_pcsc_reader(uri)
    raise CardReaderError(f"unsupported card reader URI {uri!r}; supported: {SUPPORTED}")


def read_card(uri: str, timeout_s: float) -> Identity:
    """Wait up to ``timeout_s`` for a card on the reader ``uri`` names and read it once.

    Raises TimeoutError when no card came, CardReaderError for the reader, CardReadError
    subclasses for the card. The simulated reader holds the demo card.
    """
    scheme = urlsplit(uri).scheme
    if scheme == "simulated":
        from drivers.cards.simulated import DEMO_IDENTITY

        return DEMO_IDENTITY
    if scheme == "sam-serial":
        from drivers.cards.sam_serial import read_once_from_uri

        return read_once_from_uri(uri, timeout_s)
    if scheme == "pcsc":
        from drivers.cards.pcsc import read_once
        from drivers.cards.profiles import PROFILES

        return read_once(_pcsc_reader_filter(uri), PROFILES, timeout_s)
    raise CardReaderError(f"unsupported card reader URI {uri!r}; supported: {SUPPORTED}")


def list_pcsc_readers() -> list[str]:
    """The PC/SC readers pcscd sees now (raises CardReaderError when pcscd is not running)."""
    from drivers.cards.pcsc import list_readers

    return list_readers()


def _open_pcsc_reader(uri: str) -> CardReader:
    """``pcsc://`` watches any reader; ``pcsc://?reader=NAME`` those whose name contains NAME."""
    from drivers.cards.pcsc import PcscReader
    from drivers.cards.profiles import PROFILES

    return PcscReader(_pcsc_reader_filter(uri), PROFILES)


def _pcsc_reader_filter(uri: str) -> str | None:
    parts = urlsplit(uri)
    query = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(query) - {"reader"})
    if parts.netloc or parts.path or unknown or len(query.get("reader", [])) > 1:
        raise CardReaderError(f"bad card reader URI {uri!r}; use pcsc:// or pcsc://?reader=NAME")
    reader_filter = query["reader"][0] if "reader" in query else None
    if reader_filter == "":
        raise CardReaderError(f"bad card reader URI {uri!r}: reader= names no reader")
    return reader_filter
