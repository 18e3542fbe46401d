"""Character cells for text the printer cannot draw itself, drawn as its ROM font would be.

The geometry is the printer's: 12x24 dots per narrow character, 24x24 per wide one, so a line
sent as an image lines up with the text lines around it. The face is Noto Sans Mono CJK, SC or
TC by the printer's region (``preview_glyphs.load_font``, which the preview draws text with
too). Noto Sans CJK lacks CJK Extension B and emoji; for those, the first installed font that
fontconfig says covers the character is used, and the font's missing-glyph box otherwise.
"""

from __future__ import annotations

import functools
import shutil
import subprocess

from PIL import Image, ImageDraw, ImageFont

from drivers.printers.preview_glyphs import CELL_HEIGHT, CELL_WIDTH, load_font
from drivers.printers.profile import CjkEncoding

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

_FONT_SIZE = 22  # as preview_glyphs: a dot of air around a Chinese character, like ROM fonts
_BASELINE = 20
_SURELY_MISSING = "\U0010fffd"  # a private-use code point no font maps: draws the .notdef box


def glyph_cell(cluster: str, *, wide: bool, bold: bool, traditional: bool) -> Image.Image:
    """Greyscale cell (0 ink, 255 paper) for one character and its combining marks.

    Cached and shared: treat it as read-only.
    """
    return _draw_cell(cluster, wide, bold, traditional)


@functools.lru_cache(maxsize=2048)
def _draw_cell(cluster: str, wide: bool, bold: bool, traditional: bool) -> Image.Image:
    width = CELL_WIDTH * (2 if wide else 1)
    image = Image.new("L", (width, CELL_HEIGHT), 255)
    if not cluster.strip() or not cluster[0].isprintable():
        return image
    font = _font_for(cluster[0], traditional)
    draw = ImageDraw.Draw(image)
    x = (width - draw.textlength(cluster, font=font)) / 2
    x = max(x, 0)  # a fallback font's glyph may be wider than the cell: keep its left part
    draw.text((x, _BASELINE), cluster, font=font, fill=0, anchor="ls")
    if bold:  # emphasised print is a double strike shifted by one dot
        draw.text((x + 1, _BASELINE), cluster, font=font, fill=0, anchor="ls")
    return image


@functools.cache
def _font_for(char: str, traditional: bool) -> Font:
    primary = load_font(CjkEncoding.BIG5 if traditional else CjkEncoding.GB18030)
    if _has_glyph(primary, char):
        return primary
    for path in _font_files_covering(char):
        try:
            candidate = ImageFont.truetype(path, _FONT_SIZE)
        except OSError:
            continue  # a collection or format Pillow cannot open at index 0
        if _has_glyph(candidate, char):
            return candidate
    return primary  # its missing-glyph box still keeps the character's columns


def _has_glyph(font: Font, char: str) -> bool:
    return _bitmap(font, char) != _bitmap(font, _SURELY_MISSING)


def _bitmap(font: Font, char: str) -> bytes:
    image = Image.new("L", (2 * _FONT_SIZE, 2 * _FONT_SIZE), 255)
    ImageDraw.Draw(image).text((0, _FONT_SIZE), char, font=font, fill=0, anchor="ls")
    return image.tobytes()


def _font_files_covering(char: str) -> list[str]:
    if not shutil.which("fc-list"):
        return []
    try:
        listed = subprocess.run(
            ["fc-list", "--format=%{file}\\n", f":charset={ord(char):x}"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(filter(None, listed.splitlines())))
