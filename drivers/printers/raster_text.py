"""A printed line the printer's fonts cannot draw, as a ``GS v 0`` image of the same size.

A raster image prints on a band of its own, so a line holding one such character goes out whole
as an image: every character in its 12-dot or 24-dot cell, exactly where the text would have
put it, so columns stay aligned with the text lines above and below. Double-size lines are
drawn at normal size and doubled by the printer, dot for dot, as it enlarges its own font.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PIL import Image

from drivers.printers.layout import Align
from drivers.printers.preview_glyphs import CELL_HEIGHT, CELL_WIDTH
from drivers.printers.preview_paper import DEFAULT_LINE_SPACING
from drivers.printers.raster_command import feed_dots, raster_block
from drivers.printers.raster_glyphs import glyph_cell
from drivers.printers.textwidth import char_columns


@dataclass(frozen=True)
class LineStyle:
    align: Align = Align.LEFT
    bold: bool = False
    double_size: bool = False


def raster_line(line: str, style: LineStyle, *, traditional: bool) -> bytes:
    """The ``GS v 0`` band for ``line``, then the feed a text line of its height would leave."""
    image = _pad_to_whole_bytes(line_image(line, bold=style.bold, traditional=traditional), style)
    scale = 2 if style.double_size else 1
    block = raster_block(image, double_width=scale == 2, double_height=scale == 2)
    # A text line advances by the line spacing (or its height if taller); an image only by
    # its height. Feed the difference so the next line starts where it would after text.
    return block + feed_dots(DEFAULT_LINE_SPACING - image.height * scale)


def line_image(line: str, *, bold: bool, traditional: bool) -> Image.Image:
    """Greyscale image of ``line``: one 24-dot row of 12-dot or 24-dot cells."""
    clusters = _clusters(line)
    width = sum(columns for _, columns in clusters) * CELL_WIDTH
    image = Image.new("L", (max(width, 1), CELL_HEIGHT), 255)
    x = 0
    for cluster, columns in clusters:
        cell = glyph_cell(cluster, wide=columns == 2, bold=bold, traditional=traditional)
        image.paste(cell, (x, 0))
        x += columns * CELL_WIDTH
    return image


def _clusters(line: str) -> list[tuple[str, int]]:
    """Each character that takes columns, with the combining marks drawn over it."""
    clusters: list[tuple[str, int]] = []
    for char in line:
        columns = char_columns(char)
        if columns:
            clusters.append((char, columns))
        elif clusters and unicodedata.combining(char):
            base, base_columns = clusters[-1]
            clusters[-1] = (base + char, base_columns)
    return clusters


def _pad_to_whole_bytes(image: Image.Image, style: LineStyle) -> Image.Image:
    """Widen to a multiple of 8 dots on the side away from the justification edge."""
    extra = -image.width % 8
    if not extra:
        return image
    left = {Align.LEFT: 0, Align.CENTER: extra // 2, Align.RIGHT: extra}[style.align]
    padded = Image.new("L", (image.width + extra, image.height), 255)
    padded.paste(image, (left, 0))
    return padded
