"""SerialPrinter through a real pseudo-terminal: the test plays the printer on the master side."""

from __future__ import annotations

import os
import time

import pytest
from serial import Serial

from drivers.printers import PrinterError, PrinterUnavailable, PrintFailed, open_printer
from drivers.printers.base import PaperState, PrinterStatus
from drivers.printers.escpos_encoder import encode
from drivers.printers.isolated import IsolatedPrinter
from drivers.printers.layout import Cut, KeyValue, QRCode, Receipt, Title
from drivers.printers.profile import PAPER_58MM, PAPER_80MM, CjkEncoding
from drivers.printers.serial_port import SerialPrinter
from tests.integration.printers.conftest import StartPtyPrinter
from tests.integration.printers.peer import PAPER_OUT, READY
from tests.integration.printers.pty_peer import PtyPrinter

RECEIPT = Receipt(
    "2024-0001-ABC",
    (Title("受理回执"), KeyValue("申请编号", "2024-0001-ABC"), QRCode("https://x.gov/s/1"), Cut()),
)
EXPECTED = encode(RECEIPT, PAPER_80MM, CjkEncoding.GB18030)


def printer_for(peer: PtyPrinter, options: str = "") -> SerialPrinter:
    printer = open_printer(f"serial://{peer.path}{options}")
    assert isinstance(printer, SerialPrinter)
    return printer


def test_job_bytes_arrive_intact(pty_printer_factory: StartPtyPrinter) -> None:
    peer = pty_printer_factory(READY)
    printer_for(peer).print(RECEIPT)
    assert peer.wait_for_printed(len(EXPECTED)) == EXPECTED
    assert sorted(peer.queries) == [1, 2, 4]  # asked before printing


def test_each_job_opens_and_closes_the_port(pty_printer_factory: StartPtyPrinter) -> None:
    """A printer power-cycled or an adapter re-plugged between jobs is opened again."""
    peer = pty_printer_factory(READY)
    before = peer.descriptors_open_in(os.getpid())  # the peer's own slave descriptor
    printer = printer_for(peer)
    printer.print(RECEIPT)
    assert peer.descriptors_open_in(os.getpid()) == before
    printer.print(RECEIPT)
    assert peer.wait_for_printed(2 * len(EXPECTED)) == EXPECTED * 2


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        (READY, PrinterStatus(online=True, paper=PaperState.OK)),
        ({1: 0x12, 2: 0x12, 4: 0x1E}, PrinterStatus(online=True, paper=PaperState.NEAR_END)),
        (PAPER_OUT, PrinterStatus(online=False, paper=PaperState.OUT)),
        (
            {1: 0x1A, 2: 0x16, 4: 0x12},
            PrinterStatus(online=False, paper=PaperState.OK, cover_open=True),
        ),
        ({1: 0xFF, 2: 0x00, 4: 0x41}, PrinterStatus(online=None, paper=PaperState.UNKNOWN)),
        ({}, PrinterStatus(online=None, paper=PaperState.UNKNOWN)),
    ],
    ids=["ready", "near-end", "paper-out", "cover-open", "invalid-byte", "silent"],
)
def test_status_mapping(
    pty_printer_factory: StartPtyPrinter, replies: dict[int, int], expected: PrinterStatus
) -> None:
    peer = pty_printer_factory(replies)
    started = time.monotonic()
    assert printer_for(peer).status() == expected
    assert time.monotonic() - started < 2
    # A silent printer is asked once: a late reply could pass for the next query's answer.
    assert sorted(peer.queries) == ([1, 2, 4] if replies else [1])


def test_silent_printer_still_gets_the_job(pty_printer_factory: StartPtyPrinter) -> None:
    peer = pty_printer_factory({})
    printer_for(peer).print(RECEIPT)
    assert peer.wait_for_printed(len(EXPECTED)) == EXPECTED


@pytest.mark.parametrize(
    ("replies", "problem"),
    [(PAPER_OUT, "out of paper"), ({1: 0x1A, 2: 0x16, 4: 0x12}, "cover open")],
)
def test_a_printer_that_cannot_print_gets_nothing(
    pty_printer_factory: StartPtyPrinter, replies: dict[int, int], problem: str
) -> None:
    peer = pty_printer_factory(replies)
    with pytest.raises(PrinterUnavailable, match=problem):
        printer_for(peer).print(RECEIPT)
    assert peer.wait_for_printed(1, timeout_s=0.3) == b""


def test_a_printer_holding_the_line_fails_the_job_in_bounded_time(
    pty_printer_factory: StartPtyPrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Far more than the pseudo-terminal buffers: the write blocks once the printer stops reading.
    import drivers.printers.escpos_encoder as encoder

    monkeypatch.setattr(encoder, "encode", lambda *_args: b"A" * (4 * 1024 * 1024))
    peer = pty_printer_factory(READY, stall_after_queries=3)
    printer = SerialPrinter(peer.path, job_timeout_s=1.0)
    started = time.monotonic()
    with pytest.raises(PrintFailed, match="did not take the whole job"):
        printer.print(RECEIPT)
    assert time.monotonic() - started < 5
    assert peer.descriptors_open_in(os.getpid()) == 1  # closed despite the stuck bytes


def test_a_missing_port_is_unavailable_with_a_hint() -> None:
    printer = open_printer("serial:///dev/ttyKIOSK-absent")
    with pytest.raises(PrinterUnavailable, match="check the cable"):
        printer.print(RECEIPT)
    assert printer.status().online is False


def test_uri_options(pty_printer_factory: StartPtyPrinter) -> None:
    peer = pty_printer_factory(READY)
    default = printer_for(peer)
    assert (default.baudrate, default.flow_control) == (9600, "none")
    chosen = printer_for(peer, "?baudrate=19200&flow=rtscts&paper=58mm&encoding=big5")
    assert (chosen.baudrate, chosen.flow_control) == (19200, "rtscts")
    assert (chosen.options.paper, chosen.options.encoding) == (PAPER_58MM, CjkEncoding.BIG5)


@pytest.mark.parametrize(
    ("uri", "mentions"),
    [
        ("serial:///dev/ttyS0?baudrate=12345", "baudrate"),
        ("serial:///dev/ttyS0?flow=xonxoff", "flow"),
        ("serial://ttyS0", "serial:///dev/"),
    ],
)
def test_bad_serial_uris_say_what_is_allowed(uri: str, mentions: str) -> None:
    with pytest.raises(PrinterError, match=mentions):
        open_printer(uri)


def test_through_the_isolated_child_process(pty_printer_factory: StartPtyPrinter) -> None:
    peer = pty_printer_factory(READY)
    uri = f"serial://{peer.path}?baudrate=19200"
    IsolatedPrinter(uri, open_printer(uri)).print(RECEIPT)
    assert peer.wait_for_printed(len(EXPECTED)) == EXPECTED


def test_isolated_child_reports_paper_out(pty_printer_factory: StartPtyPrinter) -> None:
    peer = pty_printer_factory(PAPER_OUT)
    uri = f"serial://{peer.path}"
    with pytest.raises(PrinterUnavailable, match="out of paper"):
        IsolatedPrinter(uri, open_printer(uri)).print(RECEIPT)


def hang_up_once_opened(monkeypatch: pytest.MonkeyPatch, peer: PtyPrinter) -> None:
    """The adapter is unplugged right after the driver opened the port: on the open port,
    tcflush (pyserial's buffer resets) raises termios.error, which is not an OSError."""
    real_open = SerialPrinter._open

    def open_then_unplug(self: SerialPrinter, deadline: float) -> Serial:
        port = real_open(self, deadline)
        peer.hang_up()
        return port

    monkeypatch.setattr(SerialPrinter, "_open", open_then_unplug)


def test_status_of_a_line_that_hung_up_is_unknown(
    pty_printer_factory: StartPtyPrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    peer = pty_printer_factory(READY)
    hang_up_once_opened(monkeypatch, peer)
    assert SerialPrinter(peer.path).status() == PrinterStatus(online=None)


def test_a_job_on_a_line_that_hung_up_fails_as_a_printer_error(
    pty_printer_factory: StartPtyPrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    peer = pty_printer_factory(READY)
    hang_up_once_opened(monkeypatch, peer)
    with pytest.raises(PrintFailed, match="did not take the whole job"):
        SerialPrinter(peer.path).print(RECEIPT)
