"""Receipts on printers that lack a glyph or a code command: read back from the bytes and from
the preview picture (decoded with zxing-cpp), never from what the encoder says it sent."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFont

from drivers.printers.escpos_encoder import encode
from drivers.printers.layout import (
    Align,
    Barcode,
    KeyValue,
    QRCode,
    Receipt,
    Separator,
    Text,
    Title,
)
from drivers.printers.preview import render
from drivers.printers.profile import (
    PAPER_58MM,
    PAPER_80MM,
    PAPER_80MM_512,
    CjkEncoding,
    CodeRendering,
    PaperProfile,
)
from kiosk.i18n import Language
from kiosk.receipts import application_receipt
from tests.unit.drivers.printers.test_printer_escpos_encoder import FS_AND, RasterBlock, read_job

STATUS_URL = "http://127.0.0.1:8080/v1/applications/OS20261129000001"
NUMBER = "OS20261129000001"
SERVICE = {Language.ZH_HANS: "户籍证明开具", Language.ZH_HANT: "戶籍證明開具"}
NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def application(language: Language) -> Receipt:
    return application_receipt(
        number=NUMBER,
        service_name=SERVICE[language],
        submitted_at=datetime(2026, 11, 29, 9, 30),
        promised_by=date(2026, 12, 6),
        status_url=STATUS_URL,
        applicant_masked_name="王*明",
        applicant_masked_id="4418**********123X",
        kiosk_id="K-017",
        language=language,
    )


def receipt_text(receipt: Receipt, columns: int) -> str:
    """Everything a receipt says in words, in order, spaces left out."""
    parts: list[str] = []
    for element in receipt.elements:
        match element:
            case Title(text=text) | Text(text=text):
                parts.append(text)
            case KeyValue(key=key, value=value):
                parts += [key, value]
            case Separator(char=char):
                parts.append(char * columns)
    return "".join(parts).replace(" ", "")


def with_raster_blanked(data: bytes, raster: RasterBlock) -> bytes:
    """The same job with one image's dots all white: what the picture owes to that image."""
    start = raster.offset + 8
    return data[:start] + bytes(len(raster.data)) + data[start + len(raster.data) :]


def ink(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Dark pixels inside ``box``."""
    region = image.convert("L").crop(box)
    return sum(1 for value in region.tobytes() if value < 128)


def band_of(raster: RasterBlock, data: bytes, paper: PaperProfile) -> tuple[int, int]:
    """Top and bottom rows of the preview that change when ``raster`` is blanked."""
    full = render(data, paper_dots=paper.dots)
    blank = render(with_raster_blanked(data, raster), paper_dots=paper.dots)
    box = ImageChops.difference(full.convert("L"), blank.convert("L")).getbbox()
    assert box is not None, "the image printed nothing"
    return box[1], box[3]


@pytest.mark.parametrize(
    ("encoding", "language", "paper"),
    [
        (CjkEncoding.GB18030, Language.ZH_HANS, PAPER_80MM),
        (CjkEncoding.GB18030, Language.ZH_HANT, PAPER_58MM),  # Traditional is in GBK too
        (CjkEncoding.BIG5, Language.ZH_HANT, PAPER_80MM_512),
    ],
)
def test_chinese_text_decodes_back_to_the_receipt(
    encoding: CjkEncoding, language: Language, paper: PaperProfile
) -> None:
    receipt = application(language)
    job = read_job(encode(receipt, paper, encoding), encoding.codec)
    printed = "".join(line for line, _ in job.lines).replace(" ", "")
    assert printed == receipt_text(receipt, paper.columns)
    assert job.rasters == []  # every character had a glyph: nothing needed drawing
    for text in [line for line, _ in job.lines] + job.chinese_runs:
        assert "?" not in text and "？" not in text


MIXED = Receipt(
    "mixed",
    (
        Text("繁體：臺灣居民來往大陸通行證"),
        Text("简体：港澳台居民居住证们"),
        KeyValue("申请人", "王*䶮"),  # U+4DAE, CJK Extension A: GB18030 four-byte, not GBK
        Text("罕见𠀀与表情😀"),
    ),
)


def test_rare_characters_on_a_gb_printer_are_drawn_and_gbk_stays_text() -> None:
    data = encode(MIXED, PAPER_80MM, CjkEncoding.GB18030)
    job = read_job(data, "gb18030")
    text_lines = [line for line, _ in job.lines]
    assert text_lines == ["繁體：臺灣居民來往大陸通行證", "简体：港澳台居民居住证们"]
    assert "".join(job.chinese_runs) == "繁體：臺灣居民來往大陸通行證简体：港澳台居民居住证们"
    for rare in "䶮𠀀😀":
        assert all(rare not in text for text in text_lines + job.chinese_runs)
        assert rare.encode("gb18030") not in data
    assert len(job.rasters) == 2  # the two lines holding rare characters


def test_rare_character_image_has_ink_in_its_own_columns() -> None:
    data = encode(MIXED, PAPER_80MM, CjkEncoding.GB18030)
    key_value = read_job(data, "gb18030").rasters[0]
    top, bottom = band_of(key_value, data, PAPER_80MM)
    picture = render(data, paper_dots=PAPER_80MM.dots)
    # "申请人" + spaces + "王*䶮" right-aligned on 48 columns of 12 dots.
    assert ink(picture, (0, top, 72, bottom)) > 50  # 申请人
    assert ink(picture, (72, top, 516, bottom)) == 0  # the spaces between key and value
    assert ink(picture, (516, top, 540, bottom)) > 20  # 王
    rare_cell = picture.convert("L").crop((552, top, 576, top + 24))
    assert ink(rare_cell, (0, 0, 24, 24)) > 20  # 䶮
    assert overlap(rare_cell, missing_glyph_box()) < 0.5  # a real glyph, not the empty box


def missing_glyph_box() -> Image.Image:
    """What Noto Sans CJK draws for a code point it lacks, centred in a 24x24 cell."""
    font = ImageFont.truetype(NOTO_CJK, 22)
    cell = Image.new("L", (24, 24), 255)
    draw = ImageDraw.Draw(cell)
    left = (24 - draw.textlength("\U0010fffd", font=font)) / 2
    draw.text((left, 20), "\U0010fffd", font=font, fill=0, anchor="ls")
    return cell


def overlap(cell: Image.Image, reference: Image.Image) -> float:
    """Intersection over union of the two cells' ink, at the best shift of a few dots (the
    crop starts at the first inked row, not at the cell's top)."""

    def dark(image: Image.Image, dx: int = 0, dy: int = 0) -> set[tuple[int, int]]:
        width = image.width
        pixels = image.convert("L").tobytes()
        return {(i % width + dx, i // width + dy) for i, v in enumerate(pixels) if v < 128}

    inked = dark(cell)
    return max(
        len(inked & shifted) / max(len(inked | shifted), 1)
        for dx in range(-4, 5)
        for dy in range(-6, 7)
        for shifted in [dark(reference, dx, dy)]
    )


RECEIPT_ON_A_PRINTER_WITHOUT_CHINESE = Receipt(
    NUMBER,
    (
        Title("受理回执"),
        Text("一站式服务", align=Align.CENTER),
        Separator(),
        KeyValue("申请编号", NUMBER),
        KeyValue("办理事项", "户籍证明开具"),
        KeyValue("Kiosk", "K-017"),
        Separator(),
        Text("扫描二维码查询办理进度", align=Align.CENTER),
        QRCode(STATUS_URL),
        Text(NUMBER, align=Align.CENTER, bold=True),
    ),
)


def test_raster_encoding_draws_every_line_with_chinese_and_sends_no_chinese_mode() -> None:
    data = encode(RECEIPT_ON_A_PRINTER_WITHOUT_CHINESE, PAPER_58MM, CjkEncoding.RASTER)
    job = read_job(data, "gb18030")
    assert job.chinese_runs == []
    assert FS_AND not in strip_rasters(data, job.rasters)
    text_lines = [line for line, _ in job.lines]
    assert text_lines == ["-" * 32, "Kiosk" + " " * 22 + "K-017", "-" * 32, NUMBER]
    assert len(job.rasters) == 5  # title, subtitle, two key-value lines, the scan hint
    for raster in job.rasters:
        top, bottom = band_of(raster, data, PAPER_58MM)
        assert bottom - top >= 12  # glyphs at least half a line tall


@pytest.mark.parametrize("paper", [PAPER_58MM, PAPER_80MM_512, PAPER_80MM])
def test_raster_qr_code_scans_from_the_preview(paper: PaperProfile) -> None:
    data = encode(application(Language.ZH_HANS), paper, CjkEncoding.GB18030, CodeRendering.RASTER)
    job = read_job(data, "gb18030")
    assert b"\x1d(k" not in strip_rasters(data, job.rasters)
    results = zxingcpp.read_barcodes(render(data, paper_dots=paper.dots))
    assert [(r.format, r.text) for r in results] == [(zxingcpp.BarcodeFormat.QRCode, STATUS_URL)]


def test_raster_code128_scans_from_the_preview() -> None:
    receipt = Receipt("r", (Barcode("2024-0001-ABC"),))
    data = encode(receipt, PAPER_58MM, CjkEncoding.GB18030, CodeRendering.RASTER)
    job = read_job(data, "gb18030")
    assert b"\x1dk" not in strip_rasters(data, job.rasters)
    assert [line for line, _ in job.lines] == ["2024-0001-ABC"]  # the human-readable line
    results = zxingcpp.read_barcodes(render(data, paper_dots=PAPER_58MM.dots))
    assert [(r.format, r.text) for r in results] == [
        (zxingcpp.BarcodeFormat.Code128, "2024-0001-ABC")
    ]


def strip_rasters(data: bytes, rasters: list[RasterBlock]) -> bytes:
    """The job without image dots, which may hold any byte sequence by chance."""
    kept, position = b"", 0
    for raster in rasters:
        kept += data[position : raster.offset + 8]
        position = raster.offset + 8 + len(raster.data)
    return kept + data[position:]
