"""Shared fixtures: Qt offscreen at kiosk size, and the real backend on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import RunningBackend
from ui.offscreen import use_offscreen_screen

# Before pytest-qt creates the QApplication.
use_offscreen_screen(1920, 1080)


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBackend]:
    """The reference backend (``python -m server``) on 127.0.0.1 with its own SQLite file."""
    from kiosk.backend_process import BackendProcess

    database = tmp_path_factory.mktemp("backend") / "backend.sqlite3"
    with BackendProcess(f"sqlite:///{database}") as process:
        yield RunningBackend(process.url, database)
