"""Paper width and character set of a receipt printer, as named in its URI query.

``tcp://10.0.0.5:9100?paper=58mm&encoding=big5``: the paper decides how many columns a line
holds and how wide images and QR codes may be; the encoding is the double-byte code the
printer's Chinese mode (``FS &``) expects, which is fixed by the model's firmware (GB18030/GBK
on mainland models, Big5 on Taiwan models).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from urllib.parse import parse_qs

from drivers.printers.base import PrinterError


@dataclass(frozen=True)
class PaperProfile:
    name: str
    columns: int  # characters of the 12x24 base font per line
    dots: int  # printable width in dots (203 dpi)
    qr_module_dots: int  # big enough to scan from paper, small enough for a long URL to fit

    @property
    def width_mm(self) -> int:
        return int(self.name.removesuffix("mm"))


PAPER_58MM = PaperProfile(name="58mm", columns=32, dots=384, qr_module_dots=5)
PAPER_80MM = PaperProfile(name="80mm", columns=48, dots=576, qr_module_dots=6)
PAPERS: Mapping[str, PaperProfile] = {p.name: p for p in (PAPER_58MM, PAPER_80MM)}


class CjkEncoding(Enum):
    """The code a printer's Chinese mode reads; the value is how the URI spells it."""

    GB18030 = "gb18030"  # mainland models (a superset of GBK and GB2312)
    BIG5 = "big5"  # Taiwan models

    @property
    def codec(self) -> str:
        """The Python codec name."""
        return self.value


DEFAULT_PAPER = PAPER_80MM
DEFAULT_ENCODING = CjkEncoding.GB18030


def parse_printer_options(query: str) -> tuple[PaperProfile, CjkEncoding]:
    """Read ``paper=`` and ``encoding=`` from a URI query string; raise PrinterError if bad."""
    params = parse_qs(query, keep_blank_values=True)
    paper = DEFAULT_PAPER
    encoding = DEFAULT_ENCODING
    if "paper" in params:
        value = params["paper"][-1].strip().lower()
        if value not in PAPERS:
            allowed = ", ".join(PAPERS)
            raise PrinterError(
                f"printer URI: paper={value!r} is not supported; use one of {allowed}"
            )
        paper = PAPERS[value]
    if "encoding" in params:
        value = params["encoding"][-1].strip().lower()
        try:
            encoding = CjkEncoding(value)
        except ValueError:
            allowed = ", ".join(e.value for e in CjkEncoding)
            raise PrinterError(
                f"printer URI: encoding={value!r} is not supported; use one of {allowed}"
            ) from None
    return paper, encoding
