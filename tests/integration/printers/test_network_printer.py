"""NetworkPrinter against a real TCP peer on loopback that behaves like a receipt printer."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from drivers.printers import PrinterUnavailable, PrintFailed, open_printer
from drivers.printers.base import PaperState, PrinterStatus
from drivers.printers.escpos_encoder import encode
from drivers.printers.layout import Cut, KeyValue, QRCode, Receipt, Title
from drivers.printers.network import NetworkPrinter
from drivers.printers.profile import PAPER_80MM, CjkEncoding

RECEIPT = Receipt(
    "2024-0001-ABC",
    (Title("受理回执"), KeyValue("申请编号", "2024-0001-ABC"), QRCode("https://x.gov/s/1"), Cut()),
)
READY = {1: 0x12, 2: 0x12, 4: 0x12}


class PrinterPeer:
    """Accepts connections, answers ``DLE EOT n`` with ``replies[n]`` (silent when absent), and
    keeps every other byte a connection sent as that connection's job."""

    def __init__(
        self, replies: dict[int, int | bytes] | None = None, *, reset_after_status: bool = False
    ) -> None:
        self.replies = replies or {}
        self.reset_after_status = reset_after_status
        self.jobs: list[bytes] = []
        self.queries: list[int] = []
        self.closed_connections = threading.Semaphore(0)
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            with connection:
                self._handle(connection)
            self.closed_connections.release()

    def _handle(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        pending, job = b"", bytearray()
        while True:
            try:
                chunk = connection.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            pending += chunk
            while True:
                at = pending.find(b"\x10\x04")
                if at < 0:
                    # A trailing DLE may be the first byte of a query split across reads.
                    split = len(pending) - 1 if pending.endswith(b"\x10") else len(pending)
                    job += pending[:split]
                    pending = pending[split:]
                    break
                if len(pending) < at + 3:
                    job += pending[:at]
                    pending = pending[at:]
                    break
                job += pending[:at]
                query, pending = pending[at + 2], pending[at + 3 :]
                self.queries.append(query)
                reply = self.replies.get(query)
                if reply is not None:
                    connection.sendall(bytes([reply]) if isinstance(reply, int) else reply)
                if self.reset_after_status and len(self.queries) >= 3:
                    # SO_LINGER on, 0 s: close with a reset, like a printer losing power.
                    linger = struct.pack("ii", 1, 0)
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    self.jobs.append(bytes(job))
                    return
        self.jobs.append(bytes(job + pending))

    def wait_for_connection_end(self) -> None:
        assert self.closed_connections.acquire(timeout=5)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._server.close()


StartPeer = Callable[..., PrinterPeer]


@pytest.fixture
def peer_factory() -> Iterator[StartPeer]:
    peers: list[PrinterPeer] = []

    def start(*args: Any, **kwargs: Any) -> PrinterPeer:
        peer = PrinterPeer(*args, **kwargs)
        peers.append(peer)
        return peer

    yield start
    for peer in peers:
        peer.close()


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
