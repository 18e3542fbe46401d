"""Alembic environment: migrates on the connection the app hands over in ``config.attributes``.

There is no ``alembic.ini``: :func:`server.database.migrate_to_head` builds the config in code so
the migrations also run from an installed package.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from server.models import Base


def _run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; batch mode rebuilds tables for later revisions.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    # Only when run without the app (e.g. the alembic command with sqlalchemy.url configured).
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as own_connection:
        _run_on(own_connection)


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
_run_online()
