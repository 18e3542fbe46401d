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
from drivers.printers.profile import (
    CjkEncoding,
    PaperProfile,
    PrinterOptions,
    printer_options_from_query,
)

__all__ = [
    "CjkEncoding",
    "PaperProfile",
    "PaperState",
    "PrintFailed",
    "Printer",
    "PrinterError",
    "PrinterOptions",
    "PrinterStatus",
    "PrinterUnavailable",
    "open_printer",
]

SUPPORTED_SCHEMES = (
    "file:///DIR/",
    "tcp://HOST[:PORT]",
    "serial:///dev/DEVICE[?baudrate=9600]",
    "usb://VID:PID",
    "cups://QUEUE[?server=HOST:PORT]",
)


def open_printer(uri: str) -> Printer:
    """Build the printer a URI names: ``file:///var/lib/kiosk/receipts/``,
    ``tcp://10.0.0.5:9100``, ``serial:///dev/ttyS0?baudrate=19200``, ``usb://0416:5011`` or
    ``cups://QUEUE``, each optionally with ``?paper=58mm|80mm|80mm-512``,
    ``&encoding=gb18030|big5|raster`` and ``&codes=native|raster``."""
    parts = urlsplit(uri)
    options = printer_options_from_query(parts.query)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path:
            raise PrinterError(f"printer URI {uri!r}: write it as file:///absolute/directory/")
        from drivers.printers.file import FilePrinter

        return FilePrinter(Path(unquote(parts.path)), options)
    if parts.scheme == "tcp":
        try:
            host, port = parts.hostname, parts.port
        except ValueError:
            host, port = None, None
        if not host:
            raise PrinterError(f"printer URI {uri!r}: write it as tcp://HOST:PORT")
        from drivers.printers.network import DEFAULT_PORT, NetworkPrinter

        return NetworkPrinter(host, port or DEFAULT_PORT, options)
    if parts.scheme == "serial":
        from drivers.printers.serial_port import serial_printer_from_uri

        return serial_printer_from_uri(uri, parts, options)
    if parts.scheme == "usb":
        from drivers.printers.usb import usb_printer_from_uri

        return usb_printer_from_uri(uri, parts, options)
    if parts.scheme == "cups":
        from drivers.printers.cups import cups_printer_from_uri

        return cups_printer_from_uri(uri, parts, options)
    supported = ", ".join(SUPPORTED_SCHEMES)
    raise PrinterError(f"unsupported printer URI {uri!r}; supported: {supported}")
