"""The bytes the encoder sends, read back by a small parser written for this test only."""

from __future__ import annotations

import random
import struct
import unicodedata
from dataclasses import dataclass, field

import pytest

from drivers.printers.escpos_encoder import encode
from drivers.printers.layout import (
    Align,
    Barcode,
    Cut,
    Feed,
    KeyValue,
    QRCode,
    Receipt,
    Separator,
    Text,
    Title,
)
from drivers.printers.profile import (
    PAPER_58MM,
    PAPER_80MM,
    PAPER_80MM_512,
    CjkEncoding,
    PaperProfile,
)

FS_AND, FS_DOT = b"\x1c\x26", b"\x1c\x2e"
URL = "https://kiosk.example.gov.cn/s/2024-0001-ABC"


def columns_of(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(frozen=True)
class RasterBlock:
    """A ``GS v 0`` image: where it starts in the bytes, its mode and size, its dots."""

    offset: int
    mode: int
    width_bytes: int
    rows: int
    data: bytes


@dataclass
class ReadJob:
    lines: list[tuple[str, int]] = field(default_factory=list)  # text, width multiplier
    chinese_runs: list[str] = field(default_factory=list)  # decoded FS & ... FS . contents
    rasters: list[RasterBlock] = field(default_factory=list)


def read_job(data: bytes, codec: str) -> ReadJob:
    """Text lines, Chinese-mode runs and images; knows only what a receipt contains."""
    job = ReadJob()
    line, chinese, width, i, run_start = "", False, 1, 0, 0
    fixed = {b"\x1b@": 0, b"\x1bt": 1, b"\x1ba": 1, b"\x1bE": 1, b"\x1bd": 1, b"\x1b!": 1}
    fixed |= {b"\x1bJ": 1, b"\x1dh": 1, b"\x1dw": 1, b"\x1df": 1, b"\x1dH": 1, b"\x1dV": 1}
    while i < len(data):
        two = data[i : i + 2]
        if two == FS_AND:
            chinese, i, run_start = True, i + 2, len(line)
        elif two == FS_DOT:
            if chinese:
                job.chinese_runs.append(line[run_start:])
            chinese, i = False, i + 2
        elif two == b"\x1d!":
            width, i = (data[i + 2] >> 4) + 1, i + 3
        elif two in fixed:
            i += 2 + fixed[two]
        elif two == b"\x1d(":
            i += 5 + data[i + 3] + 256 * data[i + 4]
        elif two == b"\x1dk":
            i += 4 + data[i + 3]
        elif data[i : i + 3] == b"\x1dv0":
            mode, width_bytes, rows = data[i + 3], *struct.unpack("<HH", data[i + 4 : i + 8])
            end = i + 8 + width_bytes * rows
            job.rasters.append(RasterBlock(i, mode, width_bytes, rows, data[i + 8 : end]))
            i = end
        elif data[i] == 0x0A:
            job.lines.append((line, width))
            line, i = "", i + 1
        elif chinese and data[i] >= 0x80:
            line, i = line + data[i : i + 2].decode(codec), i + 2
        else:
            assert 0x20 <= data[i] < 0x80, f"unexpected byte {data[i]:#x} at {i}"
            line, i = line + chr(data[i]), i + 1
    return job


def printed_lines(data: bytes, codec: str) -> list[tuple[str, int]]:
    """(text, width multiplier) of each line printed as text."""
    return read_job(data, codec).lines


def qr_functions(data: bytes) -> list[tuple[int, bytes, int]]:
    """(fn, arguments, total command length) of every GS ( k command."""
    found, start = [], data.find(b"\x1d(k")
    while start >= 0:
        length = data[start + 3] + 256 * data[start + 4]
        payload = data[start + 5 : start + 5 + length]
        assert payload[0] == 0x31  # cn: QR code
        found.append((payload[1], payload[2:], 5 + length))
        start = data.find(b"\x1d(k", start + 5 + length)
    return found


def test_starts_with_initialise() -> None:
    assert encode(Receipt("r", (Text("x"),)), PAPER_80MM, CjkEncoding.GB18030).startswith(b"\x1b@")


def test_simplified_chinese_goes_out_in_chinese_mode_as_gb18030() -> None:
    data = encode(Receipt("r", (KeyValue("申请编号", "A-1"),)), PAPER_80MM, CjkEncoding.GB18030)
    assert FS_AND + "申请编号".encode("gb18030") + FS_DOT in data


def test_traditional_chinese_goes_out_in_chinese_mode_as_big5() -> None:
    data = encode(Receipt("r", (Title("受理回執"),)), PAPER_80MM, CjkEncoding.BIG5)
    assert FS_AND + "受理回執".encode("big5") + FS_DOT in data
    assert "受理回執".encode("gb18030") not in data


def test_line_with_a_character_missing_from_big5_goes_out_as_an_image_of_its_width() -> None:
    data = encode(Receipt("r", (Text("执行"),)), PAPER_80MM, CjkEncoding.BIG5)
    job = read_job(data, "big5")
    assert (job.lines, job.chinese_runs) == ([], [])  # no "？" or "?" stands in for 执
    [raster] = job.rasters
    # Two wide characters: 2 x 24 dots wide (6 bytes), one 24-dot text row high.
    assert (raster.mode, raster.width_bytes, raster.rows) == (0, 6, 24)


def test_ascii_text_is_outside_chinese_mode() -> None:
    data = encode(Receipt("r", (Text("Hello 你好 world"),)), PAPER_80MM, CjkEncoding.GB18030)
    assert b"Hello " + FS_AND + "你好".encode("gb18030") + FS_DOT + b" world\n" in data


@pytest.mark.parametrize(("paper", "module"), [(PAPER_80MM, 6), (PAPER_58MM, 5)])
def test_native_qr_is_small_scannable_and_carries_the_url(paper: PaperProfile, module: int) -> None:
    data = encode(Receipt("r", (QRCode(URL),)), paper, CjkEncoding.GB18030)
    functions = {fn: args for fn, args, _ in qr_functions(data)}
    assert functions[0x50] == b"0" + URL.encode()  # store: m=0x30, then the data
    assert functions[0x43] == bytes([module])  # module size in dots
    assert functions[0x45] == b"1"  # error correction M
    assert 0x51 in functions  # print
    assert sum(length for _, _, length in qr_functions(data)) < 150
    assert data.index(b"\x1ba\x01") < data.index(b"\x1d(k")  # centred


def test_barcode_is_native_code128() -> None:
    data = encode(Receipt("r", (Barcode("2024-0001-ABC"),)), PAPER_80MM, CjkEncoding.GB18030)
    assert b"\x1dkI" + bytes([15]) + b"{B2024-0001-ABC" in data


def test_cut_feeds_then_cuts_fully_on_both_papers() -> None:
    for paper in (PAPER_58MM, PAPER_80MM):
        data = encode(Receipt("r", (Feed(2), Cut())), paper, CjkEncoding.GB18030)
        assert data.endswith(b"\x1bd\x06\x1dV\x00")


def test_title_is_double_size_centred_and_bold() -> None:
    data = encode(Receipt("r", (Title("Receipt"),)), PAPER_80MM, CjkEncoding.GB18030)
    title = data.index(b"Receipt")
    before = data[:title]
    assert b"\x1d!\x11" in before and b"\x1ba\x01" in before and b"\x1bE\x01" in before
    assert b"\x1d!\x00" in data[title:]  # back to normal size for what follows


STRINGS = [
    "一個非常非常長的服務名稱，包含全形標點符號（例如括號）與English words mixed in.",
    "https://kiosk.example.gov.cn/v1/applications/2024-0001-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "申请人：王*明　证件号码：4418**********123X",
    "a中" * 50,
]


def random_strings() -> list[str]:
    # 䶮 (Extension A) and 😀 are outside GBK: lines holding them go out as images.
    pool = list("abcXYZ019 -:/") + list("受理申请编号，。（）：Ｆ") + ["䶮", "😀"]
    rng = random.Random(7)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(1, 120))) for _ in range(60)]


@pytest.mark.parametrize("paper", [PAPER_58MM, PAPER_80MM_512, PAPER_80MM])
def test_printed_lines_never_exceed_the_columns(paper: PaperProfile) -> None:
    def whole_bytes(dots: int) -> int:
        return -(-dots // 8) * 8

    # The columns' 12-dot cells, rounded up to whole bytes; titles have half the columns.
    line_dots = {0: whole_bytes(paper.columns * 12), 3: whole_bytes(paper.columns // 2 * 12) * 2}
    for text in STRINGS + random_strings():
        elements = (Title(text), Text(text), KeyValue(text[:6], text), KeyValue("No.", text[:9]))
        data = encode(Receipt("r", (*elements, Separator())), paper, CjkEncoding.GB18030)
        job = read_job(data, "gb18030")
        assert job.lines
        for line, width in job.lines:
            assert columns_of(line) * width <= paper.columns, line
        for raster in job.rasters:
            scale = 2 if raster.mode == 3 else 1
            assert raster.width_bytes * 8 * scale <= min(line_dots[raster.mode], paper.dots)


def test_key_value_fills_the_line_with_value_at_the_right() -> None:
    data = encode(Receipt("r", (KeyValue("申請編號", "A-1"),)), PAPER_58MM, CjkEncoding.BIG5)
    [(line, _)] = printed_lines(data, "big5")
    assert line.startswith("申請編號") and line.endswith(" A-1")
    assert columns_of(line) == 32


def test_text_alignment_uses_the_printer_justification() -> None:
    data = encode(Receipt("r", (Text("x", align=Align.RIGHT),)), PAPER_80MM, CjkEncoding.GB18030)
    assert data.index(b"\x1ba\x02") < data.index(b"x\n")
