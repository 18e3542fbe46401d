"""Shared fixtures: Qt offscreen at kiosk size, and the real backend on a loopback port."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

from tests.integration.printers.peer import PrinterPeer
from tests.support import RunningBackend, running_backend
from ui.offscreen import use_offscreen_screen

# Before pytest-qt creates the QApplication.
use_offscreen_screen(1920, 1080)

# Fuzzing depth: a short run in the test command, a long one from bench/fuzz.py.
settings.register_profile(
    "onestop", max_examples=int(os.environ.get("ONESTOP_FUZZ_EXAMPLES", "200")), deadline=None
)
settings.load_profile("onestop")


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook, for ``-n``
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Tests that share a costly fixture run in one worker (see tests/worker_groups.py); the
    backend, the PostgreSQL cluster and the pcscd + vpcd stack are made once per worker."""
    if config.getvalue("dist") != "load":  # another --dist asked for by name
        return None
    from tests.worker_groups import SharedFixtureScheduling

    return SharedFixtureScheduling(config, log)


_worker_packaging_timings: dict[str, float] = {}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    from tests.packaging.conftest import TIMINGS_KEY

    _worker_packaging_timings.update(getattr(node, "workeroutput", {}).get(TIMINGS_KEY, {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The packaging timings a pytest-xdist worker measured (a run in one process prints
    them from tests/packaging/conftest.py)."""
    from tests.packaging.conftest import print_timings

    print_timings(terminalreporter, _worker_packaging_timings)


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBackend]:
    """The reference backend (``python -m server``) on 127.0.0.1 with its own SQLite file."""
    database = tmp_path_factory.mktemp("backend") / "backend.sqlite3"
    with running_backend(f"sqlite:///{database}") as running:
        yield running


@pytest.fixture
def peers() -> Iterator[list[PrinterPeer]]:
    """Printer-like TCP peers a test starts; each is closed after the test."""
    started: list[PrinterPeer] = []
    yield started
    for peer in started:
        peer.close()
