"""Receipt printers. ``open_printer(uri)`` imports only the backend the URI asks for.

Building a printer never imports escpos or Pillow (they cost start-up time); the backends
import them when they print or render.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from drivers.printers.base import (
    PaperState,
    Printer,
    PrinterError,
    PrinterStatus,
    PrinterUnavailable,
    PrintFailed,
)
from drivers.printers.profile import CjkEncoding, PaperProfile, parse_printer_options

__all__ = [
    "CjkEncoding",
    "PaperProfile",
    "PaperState",
    "PrintFailed",
    "Printer",
    "PrinterError",
    "PrinterStatus",
    "PrinterUnavailable",
    "open_printer",
]

SUPPORTED_SCHEMES = ("file:///DIR/", "tcp://HOST[:PORT]")


def open_printer(uri: str) -> Printer:
    """Build the printer a URI names: ``file:///var/lib/kiosk/receipts/`` or
    ``tcp://10.0.0.5:9100``, each optionally with ``?paper=58mm|80mm&encoding=gb18030|big5``."""
    parts = urlsplit(uri)
    paper, encoding = parse_printer_options(parts.query)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path:
            raise PrinterError(f"printer URI {uri!r}: write it as file:///absolute/directory/")
        from drivers.printers.file import FilePrinter

        return FilePrinter(Path(unquote(parts.path)), paper, encoding)
    if parts.scheme == "tcp":
        try:
            host, port = parts.hostname, parts.port
        except ValueError:
            host, port = None, None
        if not host:
            raise PrinterError(f"printer URI {uri!r}: write it as tcp://HOST:PORT")
        from drivers.printers.network import DEFAULT_PORT, NetworkPrinter

        return NetworkPrinter(host, port or DEFAULT_PORT, paper, encoding)
    supported = ", ".join(SUPPORTED_SCHEMES)
    raise PrinterError(f"unsupported printer URI {uri!r}; supported: {supported}")
