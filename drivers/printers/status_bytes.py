"""Real-time status (``DLE EOT n``) queries and what their reply bytes mean.

Kept apart from any transport so every printer that can read replies (TCP, serial, USB) maps
them the same way. Bit meanings are from printers.md (Epson TM series and clones).
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.printers.base import PaperState, PrinterStatus

PRINTER_QUERY = b"\x10\x04\x01"  # n=1: printer status
OFFLINE_CAUSE_QUERY = b"\x10\x04\x02"  # n=2: offline cause
PAPER_QUERY = b"\x10\x04\x04"  # n=4: roll paper sensor
QUERIES = (PRINTER_QUERY, OFFLINE_CAUSE_QUERY, PAPER_QUERY)

_FIXED_BITS_MASK = 0b1001_0011
_FIXED_BITS_VALUE = 0b0001_0010  # every reply is 0xx1xx10b

_OFFLINE = 0x08  # n=1 bit 3
_COVER_OPEN = 0x04  # n=2 bit 2
_STOPPED_BY_PAPER_END = 0x20  # n=2 bit 5
_ERROR = 0x40  # n=2 bit 6
_PAPER_NEAR_END = 0x0C  # n=4 bits 2-3
_PAPER_OUT = 0x60  # n=4 bits 5-6


def is_status_reply(byte: int) -> bool:
    """Only bytes of the form 0xx1xx10b are status; anything else is noise or another reply."""
    return byte & _FIXED_BITS_MASK == _FIXED_BITS_VALUE


def status_from_replies(
    printer: int | None, offline_cause: int | None, paper: int | None
) -> PrinterStatus:
    """The status the three replies describe; None or an invalid byte means "did not say"."""
    printer = printer if printer is not None and is_status_reply(printer) else None
    cause = offline_cause if offline_cause is not None and is_status_reply(offline_cause) else 0
    paper = paper if paper is not None and is_status_reply(paper) else None

    online = None if printer is None else not printer & _OFFLINE
    if paper is not None and paper & _PAPER_OUT:
        paper_state = PaperState.OUT
    elif paper is not None and paper & _PAPER_NEAR_END:
        paper_state = PaperState.NEAR_END
    elif paper is not None:
        paper_state = PaperState.OK
    elif cause & _STOPPED_BY_PAPER_END:
        paper_state = PaperState.OUT  # the sensor did not answer, but the printer stopped for it
    else:
        paper_state = PaperState.UNKNOWN
    return PrinterStatus(
        online=online,
        paper=paper_state,
        cover_open=bool(cause & _COVER_OPEN),
        error=bool(cause & _ERROR),
    )


def ask_in_turn(ask: Callable[[bytes], int | None]) -> PrinterStatus:
    """Send each query through ``ask`` (reply byte or None) and read the status.

    After an unanswered query, its late reply could be taken for the next query's answer (a
    printer out of paper read as "paper ok"), so the remaining queries are not asked.
    """
    replies: list[int | None] = []
    for query in QUERIES:
        replies.append(None if None in replies else ask(query))
    return status_from_replies(*replies)


def describe_problem(status: PrinterStatus) -> str:
    """Why ``status`` cannot print, for a staff member's screen."""
    problems = []
    if status.online is False:
        problems.append("offline")
    if status.paper is PaperState.OUT:
        problems.append("out of paper")
    if status.cover_open:
        problems.append("cover open")
    if status.error:
        problems.append("in error")
    return ", ".join(problems) or "not ready"
