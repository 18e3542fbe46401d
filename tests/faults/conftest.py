"""A misbehaving proxy in front of the real backend, stopped after each test."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.faults.fault_peers import FaultyProxy
from tests.support import RunningBackend


def backend_port(backend: RunningBackend) -> int:
    port = urlsplit(backend.url).port
    assert port is not None
    return port


@pytest.fixture
def proxy(backend: RunningBackend) -> Iterator[FaultyProxy]:
    running = FaultyProxy(backend_port(backend))
    yield running
    running.stop()
