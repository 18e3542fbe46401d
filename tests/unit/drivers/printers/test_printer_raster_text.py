"""Lines and codes sent as images: the ``GS v 0`` bytes read back bit by bit, and which
characters a printer's own fonts can take."""

from __future__ import annotations

import struct

import pytest

from drivers.printers.layout import Align
from drivers.printers.printer_charset import chinese_mode_bytes, printable_as_text
from drivers.printers.profile import CjkEncoding
from drivers.printers.raster_codes import qr_raster
from drivers.printers.raster_text import LineStyle, raster_line

ESC_J = b"\x1bJ"


def read_raster(command: bytes) -> tuple[int, list[list[bool]], bytes]:
    """(mode, rows of dots with True = ink, the bytes after the image) of one GS v 0."""
    assert command[:3] == b"\x1dv0"
    mode = command[3]
    width_bytes, rows = struct.unpack("<HH", command[4:8])
    data = command[8 : 8 + width_bytes * rows]
    assert len(data) == width_bytes * rows
    dots = [
        [bool(byte & (0x80 >> bit)) for byte in data[r * width_bytes : (r + 1) * width_bytes]
         for bit in range(8)]
        for r in range(rows)
    ]  # fmt: skip
    return mode, dots, command[8 + width_bytes * rows :]


def inked_columns(dots: list[list[bool]]) -> set[int]:
    return {x for row in dots for x, dark in enumerate(row) if dark}


def test_line_image_has_the_text_cells_width_and_height_and_feeds_to_the_line_pitch() -> None:
    mode, dots, rest = read_raster(raster_line("ab中", LineStyle(), traditional=False))
    assert mode == 0
    assert (len(dots[0]), len(dots)) == (48, 24)  # 12 + 12 + 24 dots: exactly, in whole bytes
    assert rest == ESC_J + bytes([6])  # 24 rows + 6 dots = the 30-dot pitch of a text line
    columns = inked_columns(dots)
    assert columns & set(range(0, 12)) and columns & set(range(12, 24))  # a, b
    assert columns & set(range(24, 48))  # 中


def test_padding_to_whole_bytes_goes_away_from_the_justified_edge() -> None:
    # "a中": 36 dots of cells, sent as 40.
    _, left, _ = read_raster(raster_line("a中", LineStyle(Align.LEFT), traditional=False))
    _, right, _ = read_raster(raster_line("a中", LineStyle(Align.RIGHT), traditional=False))
    assert len(left[0]) == len(right[0]) == 40
    assert max(inked_columns(left)) < 36
    assert min(inked_columns(right)) >= 4


def test_double_size_line_is_sent_at_half_size_for_the_printer_to_double() -> None:
    style = LineStyle(Align.CENTER, bold=True, double_size=True)
    mode, dots, rest = read_raster(raster_line("受理", style, traditional=True))
    assert mode == 3  # double width and height
    assert (len(dots[0]), len(dots)) == (48, 24)
    assert rest == b""  # 48 dots tall already exceeds the line pitch


def test_bold_prints_more_ink_than_regular() -> None:
    _, regular, _ = read_raster(raster_line("申请", LineStyle(), traditional=False))
    _, bold, _ = read_raster(raster_line("申请", LineStyle(bold=True), traditional=False))
    assert sum(map(sum, bold)) > sum(map(sum, regular))


URL = "http://127.0.0.1:8080/v1/applications/OS20261129000001"  # QR version 4 at level M


def test_qr_image_has_quiet_zones_fed_and_even_modules_sent_at_half_size() -> None:
    command = qr_raster(URL, 6, 576)
    quiet_zone = ESC_J + bytes([4 * 6])  # four modules of six dots
    assert command.startswith(quiet_zone) and command.endswith(quiet_zone)
    mode, dots, rest = read_raster(command[len(quiet_zone) :])
    assert mode == 3
    assert rest == quiet_zone
    # Version 4 (33 modules) at 3 dots: 99 dots, padded to 104.
    assert (len(dots[0]), len(dots)) == (104, 99)


@pytest.mark.parametrize(("paper_dots", "sent_module_dots"), [(384, 6), (240, 5)])
def test_odd_qr_modules_grow_a_dot_only_when_the_symbol_still_fits(
    paper_dots: int, sent_module_dots: int
) -> None:
    command = qr_raster(URL, 5, paper_dots)
    assert command.startswith(ESC_J + bytes([4 * sent_module_dots]))
    mode, dots, _ = read_raster(command[2 + 1 :])
    # 33 modules: at 6 dots sent as 3 and doubled; at 5 (41 x 6 = 246 > 240) sent as is.
    expected = (3, 33 * 3) if sent_module_dots == 6 else (0, 33 * 5)
    assert (mode, len(dots)) == expected


@pytest.mark.parametrize(
    ("char", "encoding", "expected"),
    [
        ("執", CjkEncoding.GB18030, "執".encode("gb18030")),  # Traditional, in GBK
        ("们", CjkEncoding.GB18030, "们".encode("gb18030")),
        ("，", CjkEncoding.BIG5, "，".encode("big5")),
        ("们", CjkEncoding.BIG5, None),  # Simplified only: not in Big5
        ("䶮", CjkEncoding.GB18030, None),  # Extension A: four bytes in GB18030
        ("😀", CjkEncoding.GB18030, None),
        ("€", CjkEncoding.GB18030, None),  # GBK's one single-byte extra is no Chinese glyph
        ("中", CjkEncoding.RASTER, None),
    ],
)
def test_chinese_mode_bytes_only_for_the_fonts_double_byte_set(
    char: str, encoding: CjkEncoding, expected: bytes | None
) -> None:
    found = chinese_mode_bytes(char, encoding)
    assert found == expected
    if found is not None:
        assert len(found) == 2 and found.decode(encoding.codec) == char


@pytest.mark.parametrize(
    ("char", "encoding", "printable"),
    [
        ("A", CjkEncoding.RASTER, True),
        ("é", CjkEncoding.GB18030, True),  # a code page has it
        ("é", CjkEncoding.RASTER, False),
        ("\u0301", CjkEncoding.GB18030, False),  # a lone combining accent
        ("䶮", CjkEncoding.GB18030, False),
        ("們", CjkEncoding.BIG5, True),
    ],
)
def test_printable_as_text(char: str, encoding: CjkEncoding, printable: bool) -> None:
    assert printable_as_text(char, encoding) is printable
