"""FilePrinter writes the exact job bytes and a preview, and says when it cannot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from drivers.printers import PrintFailed, open_printer
from drivers.printers.base import PaperState
from drivers.printers.escpos_encoder import encode
from drivers.printers.file import FilePrinter
from drivers.printers.layout import Cut, KeyValue, QRCode, Receipt, Title
from drivers.printers.profile import PAPER_58MM, CjkEncoding

RECEIPT = Receipt(
    "2024-0001-ABC",
    (Title("受理回執"), KeyValue("申請編號", "2024-0001-ABC"), QRCode("https://x.gov/s/1"), Cut()),
)


def test_print_writes_bin_and_png(tmp_path: Path) -> None:
    printer = open_printer(f"file://{tmp_path}/out/nested/?paper=58mm&encoding=big5")
    assert isinstance(printer, FilePrinter)
    printer.print(RECEIPT)

    assert printer.last_job is not None
    bin_path, png_path = printer.last_job
    assert sorted(p.name for p in (tmp_path / "out" / "nested").iterdir()) == sorted(
        [bin_path.name, png_path.name]
    )
    assert re.fullmatch(r"\d{8}-\d{6}-2024-0001-ABC\.bin", bin_path.name)
    assert png_path == bin_path.with_suffix(".png")
    assert bin_path.read_bytes() == encode(RECEIPT, PAPER_58MM, CjkEncoding.BIG5)
    with Image.open(png_path) as image:
        assert image.format == "PNG" and image.width == 384


def test_reprint_in_the_same_second_keeps_both(tmp_path: Path) -> None:
    printer = FilePrinter(tmp_path)
    printer.print(RECEIPT)
    first = printer.last_job
    printer.print(RECEIPT)
    assert printer.last_job != first
    assert len(list(tmp_path.glob("*.bin"))) == 2


def test_reference_cannot_escape_the_directory(tmp_path: Path) -> None:
    printer = FilePrinter(tmp_path / "receipts")
    printer.print(Receipt("../../etc/passwd", (Cut(),)))
    assert printer.last_job is not None
    assert printer.last_job[0].parent == tmp_path / "receipts"


def test_writable_directory_is_online(tmp_path: Path) -> None:
    status = FilePrinter(tmp_path / "not-yet-created").status()
    assert status.online is True and status.paper is PaperState.OK


@pytest.mark.parametrize("relative", ["a-file", "a-file/receipts"])
def test_unwritable_directory_is_offline_and_print_fails(tmp_path: Path, relative: str) -> None:
    # Tests run as root, which ignores permission bits: a regular file in the way stops anyone.
    (tmp_path / "a-file").write_text("not a directory")
    printer = FilePrinter(tmp_path / relative)
    assert printer.status().online is False
    assert not printer.status().can_print
    with pytest.raises(PrintFailed):
        printer.print(RECEIPT)
    assert printer.last_job is None
