"""Migration 0001 builds exactly the schema the models describe (no drift to autogenerate)."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from server.database import build_engine, migrate_to_head
from server.models import Base


def test_migrated_schema_matches_models(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path}/db.sqlite3")
    try:
        migrate_to_head(engine)
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()

    assert differences == []


def test_migrating_twice_is_harmless(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path}/db.sqlite3")
    try:
        migrate_to_head(engine)
        migrate_to_head(engine)
        with engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()

    assert revision == "0001"
