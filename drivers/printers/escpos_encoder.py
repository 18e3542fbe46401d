"""Turn a ``Receipt`` into ESC/POS bytes with python-escpos.

python-escpos writes every command; this module decides the layout (wrapping, alignment, sizes)
and works around its one gap for this kiosk: Chinese text. ``Escpos.text()`` sends CJK as raw
GB18030 without switching the printer into Chinese mode, has no Big5 path, and turns fullwidth
punctuation into ``?``. So wide characters go out as ``FS &`` + double-byte code + ``FS .``
through ``_raw``, and everything else through ``text()`` with Chinese mode off. A line holding
a character the printer has no glyph for (``printer_charset``) goes out as an image instead
(``raster_text``); with ``codes=raster`` QR codes and barcodes do too (``raster_codes``).

Import this module only when printing: importing escpos costs ~170 ms and a temporary directory.
"""

from __future__ import annotations

from typing import Any

from escpos.capabilities import Profile, get_profile
from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from drivers.printers.layout import (
    Align,
    Barcode,
    Cut,
    Element,
    Feed,
    KeyValue,
    QRCode,
    Receipt,
    Separator,
    Text,
    Title,
)
from drivers.printers.printer_charset import chinese_mode_bytes, line_needs_raster
from drivers.printers.profile import DEFAULT_CODES, CjkEncoding, CodeRendering, PaperProfile
from drivers.printers.raster_codes import code128_raster, qr_raster
from drivers.printers.raster_text import LineStyle, raster_line
from drivers.printers.textwidth import display_width, is_wide, key_value_lines, wrap

CHINESE_MODE_ON = b"\x1c\x26"  # FS &
CHINESE_MODE_OFF = b"\x1c\x2e"  # FS .

_ALIGN_NAMES = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}

_BARCODE_HEIGHT_DOTS = 80
_QR_QUIET_ZONE_MODULES = 4


class _PaperWidthProfile(Profile):
    """The ``default`` profile's features (full cut, Code128, native QR) plus our paper width.

    The bundled profiles for 58 mm printers lack ``paperFullCut``, which makes ``cut()`` send
    nothing; ``default`` knows no width. Receipt printers in service halls all cut and print
    native QR, so take the features from ``default`` and the width from the URI.
    """

    def __init__(self, paper: PaperProfile) -> None:
        super().__init__(columns=paper.columns, features=dict(get_profile("default").features))
        self.media = {"width": {"mm": paper.width_mm, "pixels": paper.dots}}


def encode(
    receipt: Receipt,
    profile: PaperProfile,
    encoding: CjkEncoding,
    codes: CodeRendering = DEFAULT_CODES,
) -> bytes:
    """The ESC/POS bytes that print ``receipt`` on ``profile`` paper."""
    printer = Dummy(profile=_PaperWidthProfile(profile))
    traditional = _draws_traditional_glyphs(receipt, encoding)
    writer = _ReceiptWriter(printer, profile, encoding, codes, traditional=traditional)
    printer.hw("INIT")  # ESC @: forget whatever the previous job left set
    # Many Chinese models power up in Chinese mode; leave it so single-byte text is predictable.
    printer._raw(CHINESE_MODE_OFF)
    for element in receipt.elements:
        writer.write(element)
    output: bytes = printer.output
    return output


def _draws_traditional_glyphs(receipt: Receipt, encoding: CjkEncoding) -> bool:
    """Whether images of text use the TC face (the shapes readers in Taiwan and Hong Kong know).

    A Big5 printer's own font is TC and a GB18030 printer's SC: images match it. A raster
    printer has neither, so the receipt decides: any character that Big5 has and GB2312 (the
    Simplified set) lacks means Traditional text.
    """
    if encoding is not CjkEncoding.RASTER:
        return encoding is CjkEncoding.BIG5
    text = "".join(str(value) for element in receipt.elements for value in vars(element).values())
    return any(_traditional_only(char) for char in text if is_wide(char))


def _traditional_only(char: str) -> bool:
    return _encodable(char, "big5") and not _encodable(char, "gb2312")


def _encodable(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def qr_module_size(data: str, profile: PaperProfile) -> int:
    """The paper's preferred module size, shrunk if a long payload would not fit the width."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    modules: int = code.modules_count + 2 * _QR_QUIET_ZONE_MODULES
    return max(1, min(profile.qr_module_dots, profile.dots // modules))


def code128_module_width(data: str, profile: PaperProfile) -> int | None:
    """Widest bar module (2..3 dots) at which ``data`` fits the paper; None if none does."""
    # Code set B: start + one symbol per character + check, 11 modules each; stop is 13.
    modules = 11 * (len(data) + 2) + 13
    for width in (3, 2):
        if modules * width <= profile.dots:
            return width
    return None


class _ReceiptWriter:
    def __init__(
        self,
        printer: Any,
        profile: PaperProfile,
        encoding: CjkEncoding,
        codes: CodeRendering,
        *,
        traditional: bool,
    ) -> None:
        self._printer = printer
        self._profile = profile
        self._encoding = encoding
        self._codes = codes
        self._traditional = traditional

    def write(self, element: Element) -> None:
        match element:
            case Title():
                self._title(element)
            case Text():
                self._text(element)
            case KeyValue():
                lines = key_value_lines(element.key, element.value, self._profile.columns)
                self._lines(lines, LineStyle())
            case Separator():
                self._separator(element)
            case QRCode():
                self._qr(element)
            case Barcode():
                self._barcode(element)
            case Feed():
                self._printer.print_and_feed(max(0, min(element.lines, 255)))
            case Cut():
                self._printer.cut()  # ESC d 6 + GS V 0: feed past the cutter, then full cut

    def _lines(self, lines: list[str], style: LineStyle) -> None:
        """Print lines in the style the printer was just set to (``set()`` before the call)."""
        for line in lines:
            if line_needs_raster(line, self._encoding):
                self._printer._raw(raster_line(line, style, traditional=self._traditional))
            else:
                self._text_line(line)

    def _text_line(self, line: str) -> None:
        """One printed line: wide runs in Chinese mode, the rest through python-escpos."""
        run, run_is_wide = "", False
        for char in line:
            char_is_wide = is_wide(char)
            if run and char_is_wide != run_is_wide:
                self._run(run, run_is_wide)
                run = ""
            run += char
            run_is_wide = char_is_wide
        if run:
            self._run(run, run_is_wide)
        self._printer.text("\n")

    def _run(self, run: str, wide: bool) -> None:
        if wide:
            # Only lines whose every wide character has a double-byte glyph come here.
            code = b"".join(chinese_mode_bytes(char, self._encoding) or b"" for char in run)
            self._printer._raw(CHINESE_MODE_ON + code + CHINESE_MODE_OFF)
        else:
            self._printer.text(run)

    def _title(self, title: Title) -> None:
        # GS ! (not ESC !) so the size applies to Chinese characters too.
        self._printer.set(align="center", bold=True, custom_size=True, width=2, height=2)
        style = LineStyle(Align.CENTER, bold=True, double_size=True)
        self._lines(wrap(title.text, self._profile.columns // 2), style)
        self._printer.set(align="left", bold=False, custom_size=True, width=1, height=1)

    def _text(self, text: Text) -> None:
        self._printer.set(align=_ALIGN_NAMES[text.align], bold=text.bold)
        self._lines(wrap(text.text, self._profile.columns), LineStyle(text.align, text.bold))
        self._printer.set(align="left", bold=False)

    def _separator(self, separator: Separator) -> None:
        char = separator.char[:1] or "-"
        line = char * (self._profile.columns // max(display_width(char), 1))
        self._lines([line], LineStyle())

    def _qr(self, qr: QRCode) -> None:
        # python-escpos refuses center=True for native QR; ESC a centres it on the printer.
        self._printer.set(align="center")
        size = qr_module_size(qr.data, self._profile)
        if self._codes is CodeRendering.RASTER:
            self._printer._raw(qr_raster(qr.data, size, self._profile.dots))
        else:
            self._printer.qr(qr.data, native=True, size=size, ec=QR_ECLEVEL_M)
        self._printer.set(align="left")

    def _barcode(self, barcode: Barcode) -> None:
        if self._codes is CodeRendering.RASTER:
            self._raster_barcode(barcode)
            return
        data = barcode.data
        width = code128_module_width(data, self._profile)
        if width is None or not data.isascii():
            # Too long for the paper or not Code128-encodable: print it so a person can read it.
            self._text(Text(data, align=Align.CENTER))
            return
        # _hw_barcode rather than barcode(): the public one prints to stdout on every call.
        self._printer._hw_barcode(
            "{B" + data,  # "{B": Code128 code set B, which takes all printable ASCII
            "CODE128",
            height=_BARCODE_HEIGHT_DOTS,
            width=width,
            pos="BELOW",
            font="A",
            align_ct=True,
            function_type="B",
        )
        self._printer.set(align="left")

    def _raster_barcode(self, barcode: Barcode) -> None:
        bars = code128_raster(barcode.data, self._profile.dots, _BARCODE_HEIGHT_DOTS)
        if bars is not None:
            self._printer.set(align="center")
            self._printer._raw(bars)
        # The human-readable line under the bars, as the native command prints it.
        self._text(Text(barcode.data, align=Align.CENTER))
