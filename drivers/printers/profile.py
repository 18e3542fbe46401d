"""Paper width, character set and code rendering of a receipt printer, from its URI query.

``tcp://10.0.0.5:9100?paper=58mm&encoding=big5&codes=raster``: the paper decides how many
columns a line holds and how wide images and QR codes may be; the encoding is the double-byte
code the printer's Chinese mode (``FS &``) expects, which is fixed by the model's firmware
(GB18030/GBK on mainland models, Big5 on Taiwan models), or ``raster`` for a printer without a
Chinese font; ``codes`` says whether QR codes and barcodes use the printer's own commands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar
from urllib.parse import parse_qs

from drivers.printers.base import PrinterError


@dataclass(frozen=True)
class PaperProfile:
    name: str  # as the URI spells it: "<width>mm", or "<width>mm-<dots>" for a narrower head
    columns: int  # characters of the 12x24 base font per line
    dots: int  # printable width in dots (203 dpi)
    qr_module_dots: int  # big enough to scan from paper, small enough for a long URL to fit

    @property
    def width_mm(self) -> int:
        return int(self.name.partition("mm")[0])


PAPER_58MM = PaperProfile(name="58mm", columns=32, dots=384, qr_module_dots=5)
PAPER_80MM = PaperProfile(name="80mm", columns=48, dots=576, qr_module_dots=6)
# 80 mm paper under a 512-dot head (Epson TM-T88V and its clones): 42 columns of 12 dots.
PAPER_80MM_512 = PaperProfile(name="80mm-512", columns=42, dots=512, qr_module_dots=6)
PAPERS: Mapping[str, PaperProfile] = {p.name: p for p in (PAPER_58MM, PAPER_80MM, PAPER_80MM_512)}


class CjkEncoding(Enum):
    """The code a printer's Chinese mode reads; the value is how the URI spells it."""

    GB18030 = "gb18030"  # mainland models (a superset of GBK and GB2312)
    BIG5 = "big5"  # Taiwan models
    RASTER = "raster"  # no Chinese font: every line with non-ASCII text is sent as an image

    @property
    def codec(self) -> str:
        """The Python codec name for the printer's double-byte code."""
        # A raster printer has no double-byte code; stray Chinese-mode bytes (a job made for
        # another printer) are read as GB18030, the commonest, so a preview still shows them.
        return "gb18030" if self is CjkEncoding.RASTER else self.value


class CodeRendering(Enum):
    """How QR codes and Code128 barcodes reach the paper; the value is how the URI spells it."""

    NATIVE = "native"  # the printer draws them (GS ( k, GS k): a few dozen bytes
    RASTER = "raster"  # drawn here and sent as an image, for printers whose own codes fail


DEFAULT_PAPER = PAPER_80MM
DEFAULT_ENCODING = CjkEncoding.GB18030
DEFAULT_CODES = CodeRendering.NATIVE


@dataclass(frozen=True)
class PrinterOptions:
    """What a printer URI's query says about the printer: ``?paper=&encoding=&codes=``."""

    paper: PaperProfile = DEFAULT_PAPER
    encoding: CjkEncoding = DEFAULT_ENCODING
    codes: CodeRendering = DEFAULT_CODES

    def for_encoder(self) -> tuple[PaperProfile, CjkEncoding, CodeRendering]:
        return self.paper, self.encoding, self.codes


DEFAULT_OPTIONS = PrinterOptions()

_Option = TypeVar("_Option", CjkEncoding, CodeRendering)


def printer_options_from_query(query: str) -> PrinterOptions:
    """Read ``paper=``, ``encoding=`` and ``codes=`` from a URI query; PrinterError if bad."""
    params = parse_qs(query, keep_blank_values=True)
    paper = DEFAULT_PAPER
    if "paper" in params:
        value = _last_value(params, "paper")
        if value not in PAPERS:
            raise _unsupported("paper", value, PAPERS)
        paper = PAPERS[value]
    encoding = _enum_option(params, "encoding", CjkEncoding, DEFAULT_ENCODING)
    codes = _enum_option(params, "codes", CodeRendering, DEFAULT_CODES)
    return PrinterOptions(paper=paper, encoding=encoding, codes=codes)


def _last_value(params: Mapping[str, list[str]], name: str) -> str:
    return params[name][-1].strip().lower()


def _enum_option(
    params: Mapping[str, list[str]], name: str, kind: type[_Option], default: _Option
) -> _Option:
    if name not in params:
        return default
    value = _last_value(params, name)
    try:
        return kind(value)
    except ValueError:
        raise _unsupported(name, value, [member.value for member in kind]) from None


def _unsupported(name: str, value: str, allowed: Iterable[str]) -> PrinterError:
    listed = ", ".join(allowed)
    return PrinterError(f"printer URI: {name}={value!r} is not supported; use one of {listed}")
