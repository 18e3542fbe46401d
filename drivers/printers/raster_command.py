"""``GS v 0``: print a 1-bit image as one band, the command every ESC/POS printer shares.

The image's rows go out 8 dots a byte, most significant bit left, 1 = ink. The printer can
double the image's width and height itself (argument m), so an image whose dots come in pairs
(double-size text, QR modules of an even size, barcode bars) is sent at half size.
"""

from __future__ import annotations

from PIL import Image

GS_V_0 = b"\x1dv0"
ESC_J = b"\x1bJ"  # print and feed n dots
# Anti-aliased strokes one dot thick come out mid-grey on both sides; a threshold above the
# middle keeps them on paper instead of dropping both halves.
_INK_THRESHOLD = 160


def raster_block(
    image: Image.Image, *, double_width: bool = False, double_height: bool = False
) -> bytes:
    """``GS v 0`` for a greyscale image (dark = ink); rows are padded right to whole bytes."""
    ink = image.convert("L").point(lambda value: 255 if value < _INK_THRESHOLD else 0, mode="1")
    width_bytes = (ink.width + 7) // 8
    mode = (1 if double_width else 0) | (2 if double_height else 0)
    header = GS_V_0 + bytes([mode]) + _word(width_bytes) + _word(ink.height)
    return header + ink.tobytes()  # mode "1" packs MSB first, each row padded to a byte


def feed_dots(dots: int) -> bytes:
    """``ESC J``: advance the paper ``dots`` (0..255 a command); nothing for 0 or less."""
    commands = b""
    while dots > 0:
        step = min(dots, 255)
        commands += ESC_J + bytes([step])
        dots -= step
    return commands


def _word(value: int) -> bytes:
    return value.to_bytes(2, "little")
