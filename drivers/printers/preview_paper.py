"""The paper roll of the ESC/POS preview: a line buffer, a print head position and the drawing.

Like a printer, characters collect in a line buffer and are printed when the line ends (LF, a
feed, a full line, a graphic); the line is as tall as its tallest character and at least the
line spacing. Justification is the one in effect when the line's first character arrived.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

DEFAULT_LINE_SPACING = 30  # dots: 1/6 inch on the usual 203 dpi head
MAX_PAPER_DOTS = 40_000  # ~5 m of paper: stop drawing there (garbage can feed forever)
_MARGIN = 8
_INITIAL_HEIGHT = 1024


@dataclass
class _Placed:
    image: Image.Image
    align: int


class Paper:
    def __init__(self, width: int) -> None:
        self.width = width
        self._image = Image.new("L", (width, _INITIAL_HEIGHT), 255)
        self._y = _MARGIN  # top of the next printed line
        self._line: list[Image.Image] = []
        self._line_width = 0
        self._line_align = 0

    # --- layout -------------------------------------------------------------------------

    @property
    def line_width(self) -> int:
        """Dots taken by the characters waiting in the line buffer."""
        return self._line_width

    def add_char(self, cell: Image.Image, align: int) -> None:
        if self._line_width + cell.width > self.width:
            self.print_line(0)  # the printer wraps a full line by itself
        if cell.width > self.width:
            return  # a character wider than the paper does not print at all
        if not self._line:
            self._line_align = align
        self._line.append(cell)
        self._line_width += cell.width

    def print_line(self, line_spacing: int) -> None:
        """Print the buffered line and move down by the line's height or the line spacing."""
        height = max((cell.height for cell in self._line), default=0)
        x = self._aligned_x(self._line_width, self._line_align)
        self._ensure(self._y + height)
        for cell in self._line:
            self._image.paste(cell, (x, self._y + height - cell.height))  # bottoms aligned
            x += cell.width
        self._y += max(height, line_spacing)
        self._line.clear()
        self._line_width = 0

    def end_line_if_any(self) -> None:
        if self._line:
            self.print_line(0)

    def feed(self, dots: int) -> None:
        self.end_line_if_any()
        self._y += max(dots, 0)

    def clear_line(self) -> None:
        self._line.clear()
        self._line_width = 0

    # --- graphics -----------------------------------------------------------------------

    def place(self, image: Image.Image, align: int) -> None:
        """A graphic (raster image, QR code, barcode) on its own band, justified."""
        self.end_line_if_any()
        if image.width > self.width:
            image = image.crop((0, 0, self.width, image.height))
        self._ensure(self._y + image.height)
        self._image.paste(image, (self._aligned_x(image.width, align), self._y))
        self._y += image.height

    def cut_line(self) -> None:
        """A dashed line across the paper where the cutter went through."""
        self.end_line_if_any()
        self._y += 4
        self._ensure(self._y + 1)
        draw = ImageDraw.Draw(self._image)
        for x in range(0, self.width, 12):
            draw.line([(x, self._y), (min(x + 6, self.width - 1), self._y)], fill=0, width=1)
        self._y += 8

    def finish(self) -> Image.Image:
        self.end_line_if_any()
        bottom = min(self._y + _MARGIN, MAX_PAPER_DOTS)
        return self._image.crop((0, 0, self.width, max(bottom, 1)))

    # --- helpers ------------------------------------------------------------------------

    def _aligned_x(self, content_width: int, align: int) -> int:
        free = max(self.width - content_width, 0)
        return {0: 0, 1: free // 2, 2: free}.get(align, 0)

    def _ensure(self, height: int) -> None:
        """Grow the roll (doubling) to ``height``; drawing past the maximum is clipped."""
        if height <= self._image.height or self._image.height >= MAX_PAPER_DOTS:
            return
        new_height = self._image.height
        while new_height < height:
            new_height *= 2
        new_height = min(new_height, MAX_PAPER_DOTS)
        grown = Image.new("L", (self.width, new_height), 255)
        grown.paste(self._image, (0, 0))
        self._image = grown


def qr_image(data: bytes, module_dots: int, error_correction: int) -> Image.Image | None:
    """The symbol a printer would print for ``GS ( k`` store + print; None if it cannot."""
    import qrcode
    from qrcode import constants

    levels = [
        constants.ERROR_CORRECT_L,
        constants.ERROR_CORRECT_M,
        constants.ERROR_CORRECT_Q,
        constants.ERROR_CORRECT_H,
    ]
    code = qrcode.QRCode(error_correction=levels[error_correction % 4], border=4)
    try:
        code.add_data(data)
        code.make(fit=True)
    except Exception:  # too much data, or data qrcode rejects: printer skips it
        return None
    matrix = code.get_matrix()
    size = len(matrix) * module_dots
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                x, y = col * module_dots, row * module_dots
                draw.rectangle([x, y, x + module_dots - 1, y + module_dots - 1], fill=0)
    return image


def code128_modules(text: str) -> str | None:
    """Bar/space pattern ("1" bar) via python-barcode, if it is installed and takes the text."""
    try:
        from barcode.codex import Code128
    except ImportError:
        return None
    try:
        built: list[str] = Code128(text).build()
    except Exception:  # characters Code128 cannot carry: draw a stand-in
        return None
    return built[0] if built else None


def barcode_image(modules: str, module_dots: int, height: int) -> Image.Image:
    image = Image.new("L", (max(len(modules) * module_dots, 1), max(height, 1)), 255)
    draw = ImageDraw.Draw(image)
    for index, module in enumerate(modules):
        if module == "1":
            x = index * module_dots
            draw.rectangle([x, 0, x + module_dots - 1, height - 1], fill=0)
    return image


def raster_image(data: bytes, width_bytes: int, rows: int, scale: int) -> Image.Image:
    """``GS v 0`` data: rows of ``width_bytes`` bytes, most significant bit left, 1 = black."""
    inverted = data.translate(bytes(255 - value for value in range(256)))  # PIL "1": 1 = white
    image = Image.frombytes("1", (width_bytes * 8, rows), inverted).convert("L")
    width_factor, height_factor = (2 if scale & 1 else 1), (2 if scale & 2 else 1)
    if (width_factor, height_factor) != (1, 1):
        image = image.resize(
            (image.width * width_factor, image.height * height_factor), Image.Resampling.NEAREST
        )
    return image
