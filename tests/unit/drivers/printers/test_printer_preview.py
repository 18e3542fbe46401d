"""The preview draws what a printer would: checked by decoding the picture, not the bytes."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from drivers.printers.escpos_encoder import encode
from drivers.printers.layout import Barcode, Receipt
from drivers.printers.preview import render, render_png
from drivers.printers.profile import PAPER_58MM, PAPER_80MM, CjkEncoding, PaperProfile
from kiosk.i18n import Language
from kiosk.receipts import application_receipt

STATUS_URL = "https://kiosk.example.gov.cn/v1/status/2024-0001-ABC?k=K-017"


def receipt(language: Language) -> Receipt:
    return application_receipt(
        number="2024-0001-ABC",
        service_name="個體工商戶設立登記",
        submitted_at=datetime(2024, 5, 6, 14, 3),
        promised_by=date(2024, 5, 13),
        status_url=STATUS_URL,
        applicant_masked_name="王*明",
        applicant_masked_id="4418**********123X",
        kiosk_id="K-017",
        language=language,
    )


def ink_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """Bounding box of the dark pixels."""
    return image.convert("L").point(lambda value: 255 if value < 128 else 0).getbbox()


@pytest.mark.parametrize(
    ("paper", "encoding", "language"),
    [
        (PAPER_80MM, CjkEncoding.GB18030, Language.ZH_HANS),
        (PAPER_58MM, CjkEncoding.BIG5, Language.ZH_HANT),
        (PAPER_80MM, CjkEncoding.GB18030, Language.EN),
    ],
)
def test_receipt_preview_qr_scans_to_the_status_url(
    tmp_path: Path, paper: PaperProfile, encoding: CjkEncoding, language: Language
) -> None:
    png = tmp_path / "receipt.png"
    render_png(
        encode(receipt(language), paper, encoding), png, paper_dots=paper.dots, encoding=encoding
    )
    with Image.open(png) as image:
        assert image.width == paper.dots
        results = zxingcpp.read_barcodes(image)
    qr_texts = [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert qr_texts == [STATUS_URL]


def test_barcode_preview_scans_to_its_data() -> None:
    data = encode(Receipt("r", (Barcode("2024-0001-ABC"),)), PAPER_80MM, CjkEncoding.GB18030)
    results = zxingcpp.read_barcodes(render(data))
    assert [(r.format, r.text) for r in results] == [
        (zxingcpp.BarcodeFormat.Code128, "2024-0001-ABC")
    ]


def test_blank_job_prints_no_ink() -> None:
    assert ink_box(render(b"\x1b@\n\n\n")) is None


def test_chinese_mode_draws_double_byte_characters_in_wide_cells() -> None:
    chinese = render(
        b"\x1c\x26" + "受理回執".encode("big5") + b"\x1c\x2e\n", encoding=CjkEncoding.BIG5
    )
    box = ink_box(chinese)
    assert box is not None
    assert 80 <= box[2] - box[0] <= 96  # four 24-dot cells, a little air at the edges
    # Without FS & the same bytes are eight single-byte characters: also ink, but not the same.
    single = render("受理回執".encode("big5") + b"\n", encoding=CjkEncoding.BIG5)
    assert chinese.tobytes() != single.tobytes()


def test_centre_alignment_and_double_size() -> None:
    image = render(b"\x1ba\x01\x1d!\x11HI\n", paper_dots=576)
    box = ink_box(image)
    assert box is not None
    assert abs((box[0] + box[2]) / 2 - 288) <= 4
    assert box[3] - box[1] > 30  # taller than a 24-dot cell can be


def test_raster_image_lands_where_its_bits_say() -> None:
    block = b"\x1dv0\x00" + bytes([2, 0, 8, 0]) + b"\xff" * 16  # 16x8 dots, all black
    image = render(b"\x1b@" + block)
    box = ink_box(image)
    assert box is not None
    assert (box[0], box[2] - box[0], box[3] - box[1]) == (0, 16, 8)


def test_cut_draws_a_line_across() -> None:
    box = ink_box(render(b"\x1dV\x00", paper_dots=384))
    assert box is not None and box[2] - box[0] > 300


def test_garbage_never_crashes() -> None:
    rng = random.Random(1234)
    command_bytes = [0x1B, 0x1D, 0x1C, 0x10, 0x0A, 0x28, 0x6B, 0x76, 0x30, 0x31, 0x50, 0x51]
    for round_number in range(300):
        length = rng.randint(0, 600)
        if round_number % 2:  # biased towards command bytes to reach every parser branch
            data = bytes(rng.choice(command_bytes + [rng.randrange(256)]) for _ in range(length))
        else:
            data = rng.randbytes(length)
        image = render(data, paper_dots=384 if round_number % 3 else 576)
        assert image.width in (384, 576)


def test_every_setting_python_escpos_sends_is_skipped_without_ink() -> None:
    from escpos.printer import Dummy

    printer = Dummy()
    printer.hw("INIT")
    printer.set(align="center", font="b", bold=True, underline=0, double_height=True)
    printer.set(
        density=3, invert=False, smooth=True, flip=False, custom_size=True, width=3, height=2
    )
    printer.set(normal_textsize=True)
    printer.set_with_default()
    printer.line_spacing(40)
    printer.line_spacing()
    printer.charcode("CP858")
    printer.panel_buttons(False)
    printer.buzzer(1, 1)
    printer.text("X\n")
    box = ink_box(render(printer.output))
    assert box is not None
    assert box[2] - box[0] <= 12 and box[3] - box[1] <= 24  # just the one character
