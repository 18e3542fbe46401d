"""Fixtures for printer tests: printer-like TCP peers, each closed after its test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.integration.printers.peer import PrinterPeer

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
