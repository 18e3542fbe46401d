"""SerialPrinter drops queued output before every close, with the port replaced by a fake.

A fake because the failure cannot be produced for real here: closing a tty waits for queued
output up to its closing_wait (30 s) only on real serial hardware with flow=rtscts and CTS held
low; a pseudo-terminal has neither CTS nor a closing_wait. The fake keeps every byte written as
unsent, as such a line does, and records the order of the calls the driver makes.
"""

from __future__ import annotations

import pytest

from drivers.printers.base import PrinterStatus, PrinterUnavailable, PrintFailed
from drivers.printers.layout import Cut, Receipt, Title
from drivers.printers.serial_port import SerialPrinter

RECEIPT = Receipt("2024-0001-ABC", (Title("Receipt"), Cut()))
PAPER_OUT = b"\x1a"


class BlockedLine:
    """A port whose line is held by flow control: nothing written ever leaves.

    ``replies`` is read back byte by byte, one per ``read``; empty means a silent printer.
    """

    def __init__(self, replies: bytes = b"") -> None:
        self.replies = bytearray(replies)
        self.calls: list[str] = []
        self.unsent = 0
        self.timeout = 0.0
        self.write_timeout = 0.0

    @property
    def out_waiting(self) -> int:
        return self.unsent

    def reset_input_buffer(self) -> None:
        self.calls.append("reset_input")

    def write(self, data: bytes) -> int:
        self.calls.append("write")
        self.unsent += len(data)
        return len(data)

    def read(self, size: int) -> bytes:
        reply, self.replies = bytes(self.replies[:size]), self.replies[size:]
        return reply

    def reset_output_buffer(self) -> None:
        self.calls.append("reset_output")
        self.unsent = 0

    def close(self) -> None:
        # A real tty would block here for up to 30 s with bytes still queued.
        self.calls.append(f"close with {self.unsent} unsent")

    def __enter__(self) -> BlockedLine:  # pyserial's Serial is a context manager too
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class FreeLine(BlockedLine):
    """A line that takes every byte at once."""

    def write(self, data: bytes) -> int:
        self.calls.append("write")
        return len(data)


def printer_on(monkeypatch: pytest.MonkeyPatch, port: BlockedLine) -> SerialPrinter:
    monkeypatch.setattr(SerialPrinter, "_open", lambda _self, _deadline: port)
    return SerialPrinter("/dev/ttyFAKE", flow_control="rtscts", job_timeout_s=0.2)


def test_a_status_query_on_a_blocked_line_discards_its_bytes_before_closing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port = BlockedLine()
    assert printer_on(monkeypatch, port).status() == PrinterStatus(online=None)
    assert port.calls[-2:] == ["reset_output", "close with 0 unsent"]


def test_a_refused_job_discards_the_status_query_before_closing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port = BlockedLine(PAPER_OUT)
    with pytest.raises(PrinterUnavailable):
        printer_on(monkeypatch, port).print(RECEIPT)
    assert port.calls[-2:] == ["reset_output", "close with 0 unsent"]


def test_a_job_past_its_deadline_discards_it_before_closing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port = BlockedLine()
    with pytest.raises(PrintFailed):
        printer_on(monkeypatch, port).print(RECEIPT)
    assert port.calls[-2:] == ["reset_output", "close with 0 unsent"]


def test_a_job_that_left_the_port_is_not_flushed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing queued means nothing for close to wait on: no flush that could cost bytes."""
    port = FreeLine()
    printer_on(monkeypatch, port).print(RECEIPT)
    assert "reset_output" not in port.calls
    assert port.calls[-1] == "close with 0 unsent"
