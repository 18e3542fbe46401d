"""Fixtures for the server's rule tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from server.database import build_engine, migrate_to_head, session_factory


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """Sessions on a freshly migrated SQLite file."""
    engine = build_engine(f"sqlite:///{tmp_path}/server.sqlite3")
    migrate_to_head(engine)
    try:
        yield session_factory(engine)
    finally:
        engine.dispose()
