"""open_printer: schemes, options, errors, and that building a printer stays cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drivers.printers import PrinterError, open_printer
from drivers.printers.file import FilePrinter
from drivers.printers.network import NetworkPrinter
from drivers.printers.profile import (
    PAPER_58MM,
    PAPER_80MM,
    CjkEncoding,
    CodeRendering,
    PrinterOptions,
    printer_options_from_query,
)

REPO = Path(__file__).resolve().parents[4]


def test_file_uri_defaults_to_80mm_gb18030(tmp_path: Path) -> None:
    printer = open_printer(f"file://{tmp_path}/receipts/")
    assert isinstance(printer, FilePrinter)
    assert printer.directory == tmp_path / "receipts"
    assert (printer.options.paper.columns, printer.options.paper.dots) == (48, 576)
    assert printer.options.encoding is CjkEncoding.GB18030


def test_options_select_58mm_and_big5(tmp_path: Path) -> None:
    printer = open_printer(f"file://{tmp_path}/?paper=58mm&encoding=big5")
    assert isinstance(printer, FilePrinter)
    assert (printer.options.paper.columns, printer.options.paper.dots) == (32, 384)
    assert printer.options.encoding is CjkEncoding.BIG5


def test_options_select_the_42_column_80mm_head_and_raster_text(tmp_path: Path) -> None:
    printer = open_printer(f"file://{tmp_path}/?paper=80mm-512&encoding=raster")
    assert isinstance(printer, FilePrinter)
    assert (
        printer.options.paper.columns,
        printer.options.paper.dots,
        printer.options.paper.width_mm,
    ) == (
        42,
        512,
        80,
    )
    assert printer.options.encoding is CjkEncoding.RASTER


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", PrinterOptions(PAPER_80MM, CjkEncoding.GB18030, CodeRendering.NATIVE)),
        ("codes=raster", PrinterOptions(PAPER_80MM, CjkEncoding.GB18030, CodeRendering.RASTER)),
        (
            "paper=58mm&encoding=big5&codes=native&baudrate=9600",  # others' options ignored
            PrinterOptions(PAPER_58MM, CjkEncoding.BIG5, CodeRendering.NATIVE),
        ),
        (
            "codes=RASTER&codes=native",
            PrinterOptions(PAPER_80MM, CjkEncoding.GB18030, CodeRendering.NATIVE),
        ),
    ],
)
def test_printer_options_from_query(query: str, expected: PrinterOptions) -> None:
    assert printer_options_from_query(query) == expected


def test_tcp_uri_default_port() -> None:
    printer = open_printer("tcp://10.1.2.3")
    assert isinstance(printer, NetworkPrinter)
    assert (printer.host, printer.port) == ("10.1.2.3", 9100)
    assert open_printer("tcp://printer.local:9101").port == 9101  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("uri", "mentions"),
    [
        ("lpt://1", ["file://", "tcp://", "serial://", "usb://", "cups://"]),
        ("tcp://h:9100?paper=76mm", ["paper", "58mm", "80mm", "80mm-512"]),
        ("tcp://h:9100?encoding=shift_jis", ["encoding", "gb18030", "big5", "raster"]),
        ("tcp://h:9100?codes=svg", ["codes", "'svg'", "native", "raster"]),
        ("tcp://:9100", ["tcp://HOST"]),
        ("tcp://h:notaport", ["tcp://HOST"]),
    ],
)
def test_bad_uris_say_what_is_allowed(uri: str, mentions: list[str]) -> None:
    with pytest.raises(PrinterError) as raised:
        open_printer(uri)
    for word in mentions:
        assert word in str(raised.value)


def test_building_printers_imports_neither_escpos_nor_pillow(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from drivers.printers import open_printer\n"
        f"open_printer('file://{tmp_path}/').status()\n"
        "open_printer('tcp://127.0.0.1:9')\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('escpos', 'PIL', 'qrcode')]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_codes_option_reaches_the_printed_bytes(tmp_path: Path) -> None:
    from drivers.printers.layout import Cut, QRCode, Receipt

    printer = open_printer(f"file://{tmp_path}/?codes=raster")
    printer.print(Receipt("r1", (QRCode("https://example.gov/s/1"), Cut())))
    (job,) = tmp_path.glob("*.bin")
    assert b"\x1d(k" not in job.read_bytes()
    assert b"\x1dv0" in job.read_bytes(), "the QR went out as a raster image"
