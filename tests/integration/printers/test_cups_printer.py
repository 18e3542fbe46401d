"""CupsPrinter against a real cupsd the test starts in a temp dir (see cups_server.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drivers.printers import PrinterError, PrinterUnavailable, PrintFailed, open_printer
from drivers.printers.base import PaperState, PrinterStatus
from drivers.printers.cups import CupsPrinter
from drivers.printers.escpos_encoder import encode
from drivers.printers.isolated import IsolatedPrinter
from drivers.printers.layout import Cut, KeyValue, QRCode, Receipt, Title
from drivers.printers.profile import PAPER_58MM, PAPER_80MM, CjkEncoding
from tests.integration.printers.cups_server import CupsServer

RECEIPT = Receipt(
    "2024-0001-ABC",
    (Title("受理回执"), KeyValue("申请编号", "2024-0001-ABC"), QRCode("https://x.gov/s/1"), Cut()),
)


def wait_for_bytes(path: Path, size: int, timeout_s: float = 10) -> bytes:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size >= size:
            break
        time.sleep(0.05)
    return path.read_bytes() if path.exists() else b""


def test_the_encoded_receipt_reaches_the_device_byte_for_byte(cups_server: CupsServer) -> None:
    out = cups_server.root / "out.bin"
    cups_server.add_queue("kiosk", out)
    printer = open_printer(f"cups://kiosk?server={cups_server.address}&paper=58mm")
    printer.print(RECEIPT)
    expected = encode(RECEIPT, PAPER_58MM, CjkEncoding.GB18030)
    assert wait_for_bytes(out, len(expected)) == expected


def test_ready_queue_is_online_with_unknown_paper(cups_server: CupsServer) -> None:
    cups_server.add_queue("kiosk", cups_server.root / "out.bin")
    status = open_printer(f"cups://kiosk?server={cups_server.address}").status()
    assert status == PrinterStatus(online=True, paper=PaperState.UNKNOWN)


def test_disabled_queue_is_offline_and_refuses_the_job(cups_server: CupsServer) -> None:
    out = cups_server.root / "out.bin"
    cups_server.add_queue("kiosk", out)
    cups_server.run("cupsdisable", "-r", "paper jam", "kiosk")
    printer = open_printer(f"cups://kiosk?server={cups_server.address}")
    assert printer.status().online is False
    with pytest.raises(PrinterUnavailable, match="stopped: paper jam"):
        printer.print(RECEIPT)
    assert cups_server.run("lpstat", "-o", "kiosk").stdout == ""  # nothing left queued
    assert not out.exists() or out.read_bytes() == b""


def test_a_queue_rejecting_jobs_is_refused(cups_server: CupsServer) -> None:
    cups_server.add_queue("kiosk", cups_server.root / "out.bin")
    cups_server.run("cupsreject", "kiosk")
    printer = open_printer(f"cups://kiosk?server={cups_server.address}")
    assert printer.status().online is False
    with pytest.raises(PrinterUnavailable, match="rejects jobs"):
        printer.print(RECEIPT)


def test_unknown_queue(cups_server: CupsServer) -> None:
    printer = open_printer(f"cups://nosuchqueue?server={cups_server.address}")
    assert printer.status().online is False
    with pytest.raises(PrinterUnavailable, match="no queue named 'nosuchqueue'"):
        printer.print(RECEIPT)


def test_a_job_the_device_cannot_take_is_cancelled(cups_server: CupsServer) -> None:
    """The device path cannot be opened: CUPS stops the queue mid-job; the job must not stay
    queued to print whenever the printer comes back."""
    cups_server.add_queue("kiosk", cups_server.root / "missing-dir" / "out.bin")
    printer = CupsPrinter("kiosk", cups_server.address, job_timeout_s=10)
    with pytest.raises(PrintFailed, match="cancelled"):
        printer.print(RECEIPT)
    assert cups_server.run("lpstat", "-o", "kiosk").stdout == ""


def test_no_scheduler_at_that_address() -> None:
    printer = open_printer("cups://kiosk?server=127.0.0.1:9")
    assert printer.status().online is False
    with pytest.raises(PrinterUnavailable, match="no CUPS scheduler"):
        printer.print(RECEIPT)


def test_the_system_default_server_is_used_without_server_option(
    cups_server: CupsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = cups_server.root / "out.bin"
    cups_server.add_queue("kiosk", out)
    monkeypatch.setenv("CUPS_SERVER", cups_server.address)
    printer = open_printer("cups://kiosk")
    assert isinstance(printer, CupsPrinter) and printer.server is None
    printer.print(RECEIPT)
    expected = encode(RECEIPT, PAPER_80MM, CjkEncoding.GB18030)
    assert wait_for_bytes(out, len(expected)) == expected


@pytest.mark.parametrize("uri", ["cups://", "cups://a/b", "cups://two%20words"])
def test_bad_cups_uris(uri: str) -> None:
    with pytest.raises(PrinterError, match="cups://QUEUE"):
        open_printer(uri)


def test_through_the_isolated_child_process(cups_server: CupsServer) -> None:
    out = cups_server.root / "out.bin"
    cups_server.add_queue("kiosk", out)
    uri = f"cups://kiosk?server={cups_server.address}&encoding=big5"
    IsolatedPrinter(uri, open_printer(uri)).print(RECEIPT)
    expected = encode(RECEIPT, PAPER_80MM, CjkEncoding.BIG5)
    assert wait_for_bytes(out, len(expected)) == expected
