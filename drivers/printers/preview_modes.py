"""The ESC/POS preview's tables and the modes a printer keeps between commands."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.printers.preview_paper import DEFAULT_LINE_SPACING

LF, HT, FF, DLE, ESC, FS, GS = 0x0A, 0x09, 0x0C, 0x10, 0x1B, 0x1C, 0x1D

# ESC t n: the single-byte code pages receipt printers agree on (escpos-printer-db numbering).
CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252"}
CODE_PAGES |= {17: "cp866", 18: "cp852", 19: "cp858"}

# Commands drawn as nothing, by their byte after ESC / GS / FS: how many argument bytes follow.
ESC_SKIP = {0x3D: 1, 0x72: 1, 0x7B: 1, 0x56: 1, 0x52: 1, 0x55: 1, 0x20: 1, 0x54: 1, 0x24: 2}
ESC_SKIP |= {0x5C: 2, 0x25: 1, 0x70: 3, 0x42: 2, 0x4B: 1, 0x63: 2, 0x65: 1, 0x3F: 2, 0x75: 1}
ESC_SKIP |= {0x4D: 1, 0x53: 0, 0x4C: 0, 0x69: 0, 0x6D: 0, 0x3C: 0, 0x57: 8, 0x43: 1}
GS_SKIP = {0x62: 1, 0x7C: 1, 0x66: 1, 0x4C: 2, 0x57: 2, 0x50: 2, 0x61: 1, 0x72: 1, 0x49: 1}
GS_SKIP |= {0x24: 2, 0x5C: 2, 0x5E: 3, 0x5A: 1, 0x2F: 1, 0x45: 1, 0x54: 1}
FS_SKIP = {0x43: 1, 0x53: 2, 0x70: 2, 0x32: 74, 0x71: 1, 0x55: 1}
CUT_WITH_FEED = {65, 66, 97, 98, 103, 104}  # GS V m n: feed n dots, then cut


@dataclass
class PrintModes:
    """What the printer remembers between commands; ``ESC @`` puts it all back."""

    align: int = 0
    bold: bool = False
    underline: bool = False
    invert: bool = False
    single_byte_size: tuple[int, int] = (1, 1)  # width, height multipliers
    double_byte_size: tuple[int, int] = (1, 1)
    chinese_mode: bool = False
    code_page: int = 0
    line_spacing: int = DEFAULT_LINE_SPACING
    barcode_height: int = 162
    barcode_module: int = 3
    hri_position: int = 0  # 0 none, 1 above, 2 below, 3 both
    qr_module: int = 3
    qr_error_correction: int = 0
    qr_data: bytes = b""
