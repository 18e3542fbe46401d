"""NetworkPrinter against a real TCP peer on loopback that behaves like a receipt printer."""

from __future__ import annotations

import socket
import time

import pytest

from drivers.printers import PrinterUnavailable, PrintFailed, open_printer
from drivers.printers.base import PaperState, PrinterStatus
from drivers.printers.escpos_encoder import encode
from drivers.printers.layout import Cut, KeyValue, QRCode, Receipt, Title
from drivers.printers.network import NetworkPrinter
from drivers.printers.profile import PAPER_80MM, CjkEncoding
from tests.integration.printers.conftest import StartPeer
from tests.integration.printers.peer import READY, PrinterPeer

RECEIPT = Receipt(
    "2024-0001-ABC",
    (Title("受理回执"), KeyValue("申请编号", "2024-0001-ABC"), QRCode("https://x.gov/s/1"), Cut()),
)


def printer_for(peer: PrinterPeer) -> NetworkPrinter:
    printer = open_printer(f"tcp://127.0.0.1:{peer.port}")
    assert isinstance(printer, NetworkPrinter)
    return printer


def test_job_bytes_arrive_intact(peer_factory: StartPeer) -> None:
    peer = peer_factory(READY)
    printer_for(peer).print(RECEIPT)
    peer.wait_for_connection_end()
    assert peer.jobs == [encode(RECEIPT, PAPER_80MM, CjkEncoding.GB18030)]


def test_each_job_uses_a_new_connection(peer_factory: StartPeer) -> None:
    """A printer that was power-cycled between jobs is reached again."""
    peer = peer_factory(READY)
    printer = printer_for(peer)
    printer.print(RECEIPT)
    printer.print(RECEIPT)
    peer.wait_for_connection_end()
    peer.wait_for_connection_end()
    assert len(peer.jobs) == 2 and peer.jobs[0] == peer.jobs[1]


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        (READY, PrinterStatus(online=True, paper=PaperState.OK)),
        ({1: 0x12, 2: 0x12, 4: 0x1E}, PrinterStatus(online=True, paper=PaperState.NEAR_END)),
        ({1: 0x1A, 2: 0x32, 4: 0x72}, PrinterStatus(online=False, paper=PaperState.OUT)),
        (
            {1: 0x1A, 2: 0x16, 4: 0x12},
            PrinterStatus(online=False, paper=PaperState.OK, cover_open=True),
        ),
        ({1: 0x1A, 2: 0x52, 4: 0x12}, PrinterStatus(online=False, paper=PaperState.OK, error=True)),
    ],
    ids=["ok", "near-end", "paper-out", "cover-open", "error"],
)
def test_status_mapping(
    peer_factory: StartPeer, replies: dict[int, int | bytes], expected: PrinterStatus
) -> None:
    peer = peer_factory(replies)
    assert printer_for(peer).status() == expected
    assert sorted(peer.queries) == [1, 2, 4]


def test_garbage_replies_mean_unknown(peer_factory: StartPeer) -> None:
    peer = peer_factory({1: 0xFF, 2: 0x00, 4: 0x41})
    status = printer_for(peer).status()
    assert status.online is None and status.paper is PaperState.UNKNOWN


def test_silent_printer_answers_within_the_budget(peer_factory: StartPeer) -> None:
    peer = peer_factory({})
    started = time.monotonic()
    status = printer_for(peer).status()
    assert time.monotonic() - started < 3
    assert status.online is None and status.paper is PaperState.UNKNOWN


def test_a_slow_but_timely_printer_is_understood(peer_factory: StartPeer) -> None:
    status = printer_for(peer_factory(READY, reply_delay_s=0.2)).status()
    assert status == PrinterStatus(online=True, paper=PaperState.OK)


def test_a_printer_too_slow_to_answer_is_unknown_within_the_budget(
    peer_factory: StartPeer,
) -> None:
    peer = peer_factory(READY, reply_delay_s=1.5)
    started = time.monotonic()
    status = printer_for(peer).status()
    assert time.monotonic() - started < 3
    assert status.online is None and status.paper is PaperState.UNKNOWN


def test_silent_printer_still_gets_the_job(peer_factory: StartPeer) -> None:
    peer = peer_factory({})
    printer_for(peer).print(RECEIPT)
    peer.wait_for_connection_end()
    assert peer.jobs == [encode(RECEIPT, PAPER_80MM, CjkEncoding.GB18030)]


def test_paper_out_refuses_the_job_before_sending(peer_factory: StartPeer) -> None:
    peer = peer_factory({1: 0x1A, 2: 0x32, 4: 0x72})
    with pytest.raises(PrinterUnavailable, match="out of paper"):
        printer_for(peer).print(RECEIPT)
    peer.wait_for_connection_end()
    assert peer.jobs == [b""]


def test_connection_refused(peer_factory: StartPeer) -> None:
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    printer = open_printer(f"tcp://127.0.0.1:{port}")
    with pytest.raises(PrinterUnavailable):
        printer.print(RECEIPT)
    assert printer.status().online is False


def test_connection_dropped_mid_job(
    peer_factory: StartPeer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A job far larger than the socket buffers, so the reset arrives while it is being sent.
    import drivers.printers.escpos_encoder as encoder

    monkeypatch.setattr(encoder, "encode", lambda *_args: b"A" * (64 * 1024 * 1024))
    peer = peer_factory(READY, reset_after_status=True)
    with pytest.raises(PrintFailed):
        printer_for(peer).print(RECEIPT)


def test_a_host_name_idna_cannot_encode_is_offline_not_a_crash() -> None:
    """An empty label makes create_connection raise UnicodeError, not OSError."""
    printer = open_printer("tcp://printer..lan:9100")
    assert printer.status().online is False
    with pytest.raises(PrinterUnavailable, match="unreachable"):
        printer.print(RECEIPT)
