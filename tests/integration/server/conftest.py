"""Every server test runs against SQLite and against PostgreSQL.

The ``backend`` fixture here replaces the SQLite-only one of ``tests/conftest.py`` for this
folder. The PostgreSQL cluster is started once per test run (see ``tests/postgres_cluster.py``)
and each backend process gets a database of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.postgres_cluster import create_database, postgres_server
from tests.support import RunningBackend, running_backend

DATABASES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def database_factory(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], str]]:
    """``new_database(kind)``: the URL of a fresh, empty database of that kind."""

    def new_database(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('backend') / 'backend.sqlite3'}"
        return create_database(request.getfixturevalue("postgres_url"))

    yield new_database


@pytest.fixture(scope="session", params=DATABASES)
def backend(
    request: pytest.FixtureRequest, database_factory: Callable[[str], str]
) -> Iterator[RunningBackend]:
    """The reference backend on 127.0.0.1, once on SQLite and once on PostgreSQL."""
    with running_backend(database_factory(request.param)) as running:
        yield running
