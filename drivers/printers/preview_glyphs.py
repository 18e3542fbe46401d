"""Character cells for the ESC/POS preview, drawn with Noto Sans CJK like a printer's ROM font.

A receipt printer's font A is a 12x24 dot cell for single-byte characters and 24x24 for
double-byte (Chinese) ones. Noto Sans *Mono* CJK has half-width Latin at exactly half an em, so
both fit their cells without squeezing. The .ttc holds one face per region: the glyph shapes of
a character differ between Traditional (TC) and Simplified (SC) Chinese, so pick the face that
matches the printer's code (Big5 printers carry TC fonts, GB18030 printers SC).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from drivers.printers.profile import CjkEncoding

CELL_WIDTH = 12  # font A, single-byte
CELL_HEIGHT = 24

_KNOWN_FONT_PATH = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
_MAX_FACES_IN_COLLECTION = 32
_FONT_SIZE = 22  # leaves a dot of air around a Chinese character, as printer fonts do
_BASELINE = 20  # Noto CJK's em box sits 0.88 em above the baseline


def _region(encoding: CjkEncoding) -> str:
    return "TC" if encoding is CjkEncoding.BIG5 else "SC"


def _find_font_file() -> Path | None:
    """Noto Sans CJK via fontconfig, falling back to where Debian installs it."""
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "--format=%{file}", "Noto Sans Mono CJK SC"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found.lower().endswith((".ttc", ".otf", ".ttf")) and "CJK" in found:
            return Path(found)
    return _KNOWN_FONT_PATH if _KNOWN_FONT_PATH.exists() else None


@functools.cache
def load_font(encoding: CjkEncoding) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The Mono face for the encoding's region; Pillow's built-in font if Noto is missing."""
    path = _find_font_file()
    if path is None:
        return ImageFont.load_default()
    wanted = (f"Noto Sans Mono CJK {_region(encoding)}", f"Noto Sans CJK {_region(encoding)}")
    faces: dict[str, int] = {}
    for index in range(_MAX_FACES_IN_COLLECTION):
        try:
            family, _style = ImageFont.truetype(str(path), _FONT_SIZE, index=index).getname()
        except OSError:
            break  # past the last face of the collection
        if family is not None:
            faces.setdefault(family, index)
    for family in wanted:
        if family in faces:
            return ImageFont.truetype(str(path), _FONT_SIZE, index=faces[family])
    return ImageFont.truetype(str(path), _FONT_SIZE, index=0)


class GlyphCells:
    """Greyscale cells (0 ink, 255 paper) for characters. Treat them as read-only: they are
    cached and shared between renders, since every receipt repeats the same few hundred."""

    def __init__(self, encoding: CjkEncoding) -> None:
        self._encoding = encoding

    def cell(self, char: str, *, wide: bool, bold: bool) -> Image.Image:
        return _draw_cell(self._encoding, char, wide, bold)


@functools.lru_cache(maxsize=4096)
def _draw_cell(encoding: CjkEncoding, char: str, wide: bool, bold: bool) -> Image.Image:
    font = load_font(encoding)
    width = CELL_WIDTH * (2 if wide else 1)
    image = Image.new("L", (width, CELL_HEIGHT), 255)
    if not char.isprintable() or char == " ":
        return image
    draw = ImageDraw.Draw(image)
    x = (width - draw.textlength(char, font=font)) / 2
    draw.text((x, _BASELINE), char, font=font, fill=0, anchor="ls")
    if bold:  # emphasised print is a double strike shifted by one dot
        draw.text((x + 1, _BASELINE), char, font=font, fill=0, anchor="ls")
    return image
