"""Draw the paper an ESC/POS byte stream would come out as: previews for the demo kiosk and
evidence for tests (decode the QR code from the picture instead of trusting the encoder).

No maintained Python ESC/POS renderer exists, and the others decode text as CP437 only or lack
Chinese mode (see printers.md), hence this one. It reads what ``escpos_encoder`` and
python-escpos's ``set()``/``qr()``/``barcode()``/``image()``/``cut()`` send; other commands are
skipped with their correct length, and bytes it does not understand are skipped too: a preview
must never crash on what a real printer would shrug off.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from drivers.printers.preview_glyphs import CELL_WIDTH, GlyphCells
from drivers.printers.preview_modes import (
    CODE_PAGES,
    CUT_WITH_FEED,
    DLE,
    ESC,
    ESC_SKIP,
    FF,
    FS,
    FS_SKIP,
    GS,
    GS_SKIP,
    HT,
    LF,
    PrintModes,
)
from drivers.printers.preview_paper import (
    DEFAULT_LINE_SPACING,
    Paper,
    barcode_image,
    code128_modules,
    qr_image,
    raster_image,
)
from drivers.printers.profile import DEFAULT_ENCODING, CjkEncoding


def render(
    data: bytes, *, paper_dots: int = 576, encoding: CjkEncoding = DEFAULT_ENCODING
) -> Image.Image:
    """The printed paper, ``paper_dots`` wide, white with black print."""
    return _Interpreter(data, paper_dots, encoding).run()


def render_png(
    data: bytes, path: Path, *, paper_dots: int = 576, encoding: CjkEncoding = DEFAULT_ENCODING
) -> None:
    render(data, paper_dots=paper_dots, encoding=encoding).save(path, format="PNG")


class _Interpreter:
    def __init__(self, data: bytes, paper_dots: int, encoding: CjkEncoding) -> None:
        self._data = data
        self._pos = 0
        self._paper = Paper(paper_dots)
        self._glyphs = GlyphCells(encoding)
        self._encoding = encoding
        self._style = PrintModes()

    def run(self) -> Image.Image:
        while self._pos < len(self._data):
            byte = self._byte()
            if byte == ESC:
                self._esc(self._byte())
            elif byte == GS:
                self._gs(self._byte())
            elif byte == FS:
                self._fs(self._byte())
            elif byte == DLE:
                self._dle(self._byte())
            elif byte == LF:
                self._paper.print_line(self._style.line_spacing)
            elif byte == FF:
                self._paper.end_line_if_any()
            elif byte == HT:
                for _ in range(8 - (self._paper.line_width // CELL_WIDTH) % 8):
                    self._character(" ", wide=False)
            elif byte >= 0x20 and byte != 0x7F:
                self._text_byte(byte)
            # any other control character is ignored, as printers do
        return self._paper.finish()

    # --- reading ------------------------------------------------------------------------

    def _byte(self) -> int:
        """The next byte, or 0 past the end (a truncated command then does nothing much)."""
        if self._pos >= len(self._data):
            self._pos += 1
            return 0
        self._pos += 1
        return self._data[self._pos - 1]

    def _take(self, count: int) -> bytes:
        chunk = self._data[self._pos : self._pos + max(count, 0)]
        self._pos += max(count, 0)
        return chunk

    def _word(self) -> int:
        low, high = self._byte(), self._byte()
        return low + 256 * high

    # --- text ---------------------------------------------------------------------------

    def _text_byte(self, byte: int) -> None:
        if byte < 0x80:
            self._character(chr(byte), wide=False)
        elif self._style.chinese_mode:
            self._double_byte_character(byte)
        else:
            codec = CODE_PAGES.get(self._style.code_page, "cp437")
            self._character(bytes([byte]).decode(codec, errors="replace"), wide=False)

    def _double_byte_character(self, lead: int) -> None:
        second = self._data[self._pos] if self._pos < len(self._data) else 0
        four_byte = self._encoding is CjkEncoding.GB18030 and 0x30 <= second <= 0x39
        code = bytes([lead]) + self._take(3 if four_byte else 1)
        for char in code.decode(self._encoding.codec, errors="replace"):
            self._character(char, wide=True)

    def _character(self, char: str, *, wide: bool) -> None:
        style = self._style
        cell = self._glyphs.cell(char, wide=wide, bold=style.bold)
        width, height = style.double_byte_size if wide else style.single_byte_size
        if (width, height) != (1, 1):
            size = (cell.width * width, cell.height * height)
            cell = cell.resize(size, Image.Resampling.NEAREST)  # printers scale dot by dot
        if style.underline:
            cell = cell.copy()
            ImageDraw.Draw(cell).line([(0, cell.height - 1), (cell.width, cell.height - 1)], 0)
        if style.invert:
            cell = ImageOps.invert(cell)
        self._paper.add_char(cell, style.align)

    # --- command families ---------------------------------------------------------------

    def _esc(self, command: int) -> None:  # one branch per command, flat on purpose
        style = self._style
        if command == 0x40:  # ESC @ initialise: modes back to power-on, line buffer dropped
            self._style = PrintModes()
            self._paper.clear_line()
        elif command == 0x61:  # ESC a justification
            value = self._byte()
            value = value - 48 if value >= 48 else value
            if value in (0, 1, 2):
                style.align = value
        elif command in (0x45, 0x47):  # ESC E emphasised, ESC G double strike: both look bold
            style.bold = bool(self._byte() & 1)
        elif command == 0x21:  # ESC ! print mode (single-byte characters)
            mode = self._byte()
            style.single_byte_size = (2 if mode & 0x20 else 1, 2 if mode & 0x10 else 1)
            style.bold = bool(mode & 0x08)
            style.underline = bool(mode & 0x80)
        elif command == 0x2D:  # ESC - underline
            style.underline = self._byte() % 48 in (1, 2)
        elif command == 0x74:  # ESC t code page
            style.code_page = self._byte()
        elif command == 0x64:  # ESC d n: print and feed n lines
            self._feed_lines(self._byte())
        elif command == 0x4A:  # ESC J n: print and feed n dots
            self._paper.feed(self._byte())
        elif command == 0x32:  # ESC 2 default line spacing
            style.line_spacing = DEFAULT_LINE_SPACING
        elif command == 0x33:  # ESC 3 n: n dots
            style.line_spacing = self._byte()
        elif command == 0x41:  # ESC A n: n/60 inch
            style.line_spacing = self._byte() * 203 // 60
        elif command == 0x2B:  # ESC + n: n/360 inch
            style.line_spacing = self._byte() * 203 // 360
        elif command == 0x44:  # ESC D tab stops, NUL-terminated
            while self._pos < len(self._data) and self._byte() != 0:
                pass
        elif command == 0x2A:  # ESC * m nL nH bit image: not drawn
            mode, columns = self._byte(), self._word()
            self._take(columns * (1 if mode in (0, 1) else 3))
        elif command == 0x26:  # ESC & y c1 c2 [x d1..d(y*x)]...: user-defined characters
            height, first, last = self._byte(), self._byte(), self._byte()
            for _ in range(max(last - first + 1, 0)):
                self._take(height * self._byte())
        else:
            self._take(ESC_SKIP.get(command, 0))

    def _gs(self, command: int) -> None:  # one branch per command, flat on purpose
        style = self._style
        if command == 0x21:  # GS ! character size, single- and double-byte alike
            size = self._byte()
            both = (((size >> 4) & 7) + 1, (size & 7) + 1)
            style.single_byte_size = style.double_byte_size = both
        elif command == 0x42:  # GS B reverse (white on black)
            style.invert = bool(self._byte() & 1)
        elif command == 0x48:  # GS H HRI position
            style.hri_position = self._byte() % 48
        elif command == 0x68:  # GS h barcode height
            style.barcode_height = self._byte() or 1
        elif command == 0x77:  # GS w barcode module width
            style.barcode_module = max(1, min(self._byte(), 6))
        elif command == 0x56:  # GS V cut
            mode = self._byte()
            if mode in CUT_WITH_FEED:
                self._paper.feed(self._byte())
            if mode in CUT_WITH_FEED or mode in (0, 1, 48, 49):
                self._paper.cut_line()
        elif command == 0x6B:  # GS k barcode
            self._barcode(self._byte())
        elif command == 0x28:  # GS ( x pL pH ...: QR codes, graphics and other functions
            function, payload = self._byte(), self._take(self._word())
            if function == 0x6B:
                self._two_dimensional_code(payload)
        elif command == 0x76:  # GS v 0 raster image
            if self._byte() == 0x30:
                self._raster()
        elif command == 0x2A:  # GS * x y: define a downloaded image (x*y*8 bytes)
            self._take(self._byte() * self._byte() * 8)
        elif command == 0x38:  # GS 8 L p1..p4: graphics with a 4-byte length
            self._byte()
            self._take(int.from_bytes(self._take(4), "little"))
        else:
            self._take(GS_SKIP.get(command, 0))

    def _fs(self, command: int) -> None:
        style = self._style
        if command == 0x26:  # FS & Chinese mode on
            style.chinese_mode = True
        elif command == 0x2E:  # FS . Chinese mode off
            style.chinese_mode = False
        elif command == 0x21:  # FS ! double-byte print mode
            mode = self._byte()
            style.double_byte_size = (2 if mode & 0x04 else 1, 2 if mode & 0x08 else 1)
        elif command == 0x57:  # FS W quadruple size for double-byte characters
            style.double_byte_size = (2, 2) if self._byte() & 1 else (1, 1)
        elif command == 0x2D:  # FS - double-byte underline
            style.underline = self._byte() % 48 in (1, 2)
        elif command == 0x28:  # FS ( x pL pH ...
            self._byte()
            self._take(self._word())
        else:
            self._take(FS_SKIP.get(command, 0))

    def _dle(self, command: int) -> None:
        if command in (0x04, 0x05):  # DLE EOT n status, DLE ENQ n recovery: not printed
            self._byte()
        elif command == 0x14:  # DLE DC4 fn m t
            self._take(3)

    # --- printing -----------------------------------------------------------------------

    def _feed_lines(self, lines: int) -> None:
        spacing = self._style.line_spacing
        if self._paper.line_width:
            self._paper.print_line(spacing)
            lines -= 1
        self._paper.feed(max(lines, 0) * spacing)

    def _barcode(self, kind: int) -> None:
        if kind <= 6:  # function A: data ends with NUL
            end = self._data.find(b"\x00", self._pos)
            end = len(self._data) if end < 0 else end
            data = self._take(end - self._pos)
            self._byte()
        else:  # function B: a length byte, then the data
            data = self._take(self._byte())
        if not data:
            return
        text = data.decode("latin-1")
        if kind == 73 and text[:2] in ("{A", "{B"):
            text = text[2:]
        elif kind == 73 and text[:2] == "{C":  # code set C carries digit pairs as bytes
            text = "".join(f"{value:02d}" for value in data[2:] if value < 100)
        modules = code128_modules(text) if kind == 73 else None
        if modules is None:  # a stand-in pattern with the right feel for other symbologies
            modules = "11" + "".join(f"{value:08b}" for value in data) + "11"
        style = self._style
        if style.hri_position in (1, 3):
            self._hri(text)
        bars = barcode_image(modules, style.barcode_module, style.barcode_height)
        self._paper.place(bars, style.align)
        if style.hri_position in (2, 3):
            self._hri(text)

    def _hri(self, text: str) -> None:
        for char in text:
            if char.isprintable():
                cell = self._glyphs.cell(char, wide=False, bold=False)
                self._paper.add_char(cell, self._style.align)
        self._paper.end_line_if_any()

    def _two_dimensional_code(self, payload: bytes) -> None:
        if len(payload) < 2 or payload[0] != 0x31:  # cn 0x31: QR code; others not drawn
            return
        function, arguments = payload[1], payload[2:]
        style = self._style
        if function == 0x43 and arguments:  # module size
            style.qr_module = max(1, min(arguments[0], 16))
        elif function == 0x45 and arguments and 48 <= arguments[0] <= 51:  # error correction
            style.qr_error_correction = arguments[0] - 48
        elif function == 0x50:  # store: m, then the data
            style.qr_data = arguments[1:]
        elif function == 0x51 and style.qr_data:  # print what was stored
            symbol = qr_image(style.qr_data, style.qr_module, style.qr_error_correction)
            if symbol is not None:
                self._paper.place(symbol, style.align)

    def _raster(self) -> None:
        scale, width_bytes, rows = self._byte(), self._word(), self._word()
        data = self._take(width_bytes * rows)
        if width_bytes == 0 or len(data) < width_bytes:
            return
        complete_rows = len(data) // width_bytes
        image = raster_image(data[: width_bytes * complete_rows], width_bytes, complete_rows, scale)
        self._paper.place(image, self._style.align)
