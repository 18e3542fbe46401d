"""Fixtures for printer tests: printer-like TCP peers, pseudo-terminal serial printers and a
throwaway CUPS scheduler, each stopped after its test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.integration.printers.cups_server import CupsServer
from tests.integration.printers.peer import PrinterPeer
from tests.integration.printers.pty_peer import PtyPrinter

StartPeer = Callable[..., PrinterPeer]


@pytest.fixture
def peer_factory(peers: list[PrinterPeer]) -> StartPeer:
    """Start a peer with the given replies; closed after the test (see ``peers``)."""

    def start(*args: Any, **kwargs: Any) -> PrinterPeer:
        peer = PrinterPeer(*args, **kwargs)
        peers.append(peer)
        return peer

    return start


StartPtyPrinter = Callable[..., PtyPrinter]


@pytest.fixture
def pty_printer_factory() -> Iterator[StartPtyPrinter]:
    """Serial printers on real pseudo-terminals; each closed (thread joined, fds closed)."""
    printers: list[PtyPrinter] = []

    def start(*args: Any, **kwargs: Any) -> PtyPrinter:
        printer = PtyPrinter(*args, **kwargs)
        printers.append(printer)
        return printer

    yield start
    for printer in printers:
        printer.close()


@pytest.fixture
def cups_server() -> Iterator[CupsServer]:
    """A cupsd of the test's own on a loopback port, stopped by its PID afterwards."""
    server = CupsServer()
    yield server
    server.stop()
