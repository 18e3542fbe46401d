"""QR codes and Code128 barcodes drawn here and sent as images (``codes=raster``).

For printers whose own QR or barcode commands are missing or broken. Modules are whole dots at
the size the native command would use, so the print scans the same. Images stay small: a QR
code's quiet zone is paper fed past rather than white rows sent, and symbols whose modules are
an even number of dots go out at half size for the printer to double.
"""

from __future__ import annotations

from PIL import Image

from drivers.printers.raster_command import feed_dots, raster_block

QR_QUIET_ZONE_MODULES = 4  # the QR specification's minimum
_CODE128_QUIET_ZONE_MODULES = 10  # the Code128 specification's minimum, each side
_CODE128_MODULE_DOTS = (3, 2)  # widest first; narrower bars blur on a 203 dpi head


def qr_raster(data: str, module_dots: int, paper_dots: int) -> bytes:
    """Quiet zone, the symbol (error correction M, as the native command), quiet zone.

    An odd module size grows by a dot when the symbol still fits: the code gets easier to scan
    and the image four times smaller, as it can then be sent at half size.
    """
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    symbol_modules = len(matrix) + 2 * QR_QUIET_ZONE_MODULES
    if module_dots % 2 and symbol_modules * (module_dots + 1) <= paper_dots:
        module_dots += 1
    halved = module_dots % 2 == 0
    image = _modules_image(matrix, module_dots // 2 if halved else module_dots)
    quiet_zone = feed_dots(QR_QUIET_ZONE_MODULES * module_dots)
    block = raster_block(image, double_width=halved, double_height=halved)
    return quiet_zone + block + quiet_zone


def code128_raster(data: str, paper_dots: int, bar_height_dots: int) -> bytes | None:
    """The bars (no human-readable line); None if ``data`` cannot be Code128 or is too long."""
    modules = code128_modules(data)
    if modules is None:
        return None
    room = paper_dots // (len(modules) + 2 * _CODE128_QUIET_ZONE_MODULES)
    fitting = [dots for dots in _CODE128_MODULE_DOTS if dots <= room]
    if not fitting:
        return None
    module_dots = fitting[0]
    halved = module_dots % 2 == 0
    row = [[bar == "1" for bar in modules]]
    # Bars are the same all the way down: send half the height, for the printer to double.
    image = _modules_image(row, module_dots // 2 if halved else module_dots)
    image = image.resize((image.width, max(bar_height_dots // 2, 1)), Image.Resampling.NEAREST)
    return raster_block(image, double_width=halved, double_height=True)


def code128_modules(data: str) -> str | None:
    """Bars and spaces ("1" a bar), with python-barcode (which python-escpos depends on)."""
    from barcode.codex import Code128

    if not data or not data.isascii():
        return None
    try:
        built: list[str] = Code128(data).build()
    except Exception:  # characters Code128 cannot carry
        return None
    return built[0] if built else None


def _modules_image(rows: list[list[bool]], module_dots: int) -> Image.Image:
    image = Image.new("L", (len(rows[0]), len(rows)), 255)
    image.putdata([0 if dark else 255 for row in rows for dark in row])
    size = (image.width * module_dots, image.height * module_dots)
    return image.resize(size, Image.Resampling.NEAREST)
