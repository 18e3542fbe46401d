"""Which characters a receipt printer can print from its own fonts, and in which bytes.

A GB18030 model's Chinese font covers GBK (CP936) and nothing beyond: GB18030's four-byte codes
(CJK Extension A and B, emoji) print as garbage. A Big5 model's covers Big5, which lacks the
Simplified characters. Narrow non-ASCII characters go through python-escpos's code pages.
Whatever none of these covers is drawn and sent as an image (``raster_text``), never as ``?``.
"""

from __future__ import annotations

import functools

from escpos.capabilities import get_profile
from escpos.magicencode import Encoder

from drivers.printers.profile import CjkEncoding
from drivers.printers.textwidth import char_columns, is_wide

# The double-byte set each printer's Chinese font covers. Python's GBK codec encodes exactly
# CP936, and for every CP936 character its bytes equal GB18030's (checked over the BMP).
_FONT_CODECS = {CjkEncoding.GB18030: "gbk", CjkEncoding.BIG5: "big5"}


def chinese_mode_bytes(char: str, encoding: CjkEncoding) -> bytes | None:
    """The two bytes the printer's Chinese font draws ``char`` from; None if it has no glyph."""
    codec = _FONT_CODECS.get(encoding)
    if codec is None:
        return None
    try:
        encoded = char.encode(codec)
    except UnicodeEncodeError:
        return None
    return encoded if len(encoded) == 2 else None  # GBK's lone 0x80 (€) is no Chinese glyph


def printable_as_text(char: str, encoding: CjkEncoding) -> bool:
    """True if the printer draws ``char`` from a font of its own."""
    if " " <= char <= "~":
        return True
    if encoding is CjkEncoding.RASTER:
        return False  # a raster printer's code pages still vary by model: draw it ourselves
    if is_wide(char):
        return chinese_mode_bytes(char, encoding) is not None
    if char_columns(char) == 0:
        # A printer does not compose: a combining mark from a code page (CP1258 has some)
        # would take a column of its own that the layout did not count.
        return False
    return char.isprintable() and _code_page_has(char)


def line_needs_raster(line: str, encoding: CjkEncoding) -> bool:
    return not all(printable_as_text(char, encoding) for char in line)


@functools.cache
def _code_page_has(char: str) -> bool:
    """Whether python-escpos finds a single-byte code page for ``char`` (else it prints ``?``)."""
    return _code_page_encoder().find_suitable_encoding(char) is not None


@functools.cache
def _code_page_encoder() -> Encoder:
    return Encoder(get_profile("default").get_code_pages())
