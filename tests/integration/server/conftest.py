"""A real backend process on a loopback port, shared by the server integration tests.

The tests talk to it over HTTP with ``requests`` and read its SQLite file with ``sqlite3``,
the way an operator would, so they check what was actually stored, not what the code returned.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from server_test_support import RunningBackend

from kiosk.backend_process import BackendProcess


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBackend]:
    database = tmp_path_factory.mktemp("backend") / "db.sqlite3"
    with BackendProcess(f"sqlite:///{database}") as process:
        yield RunningBackend(url=process.url, database=database)
