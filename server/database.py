"""Engine construction and schema migration.

Alembic is imported only inside :func:`migrate_to_head` so that ``--export-openapi`` and the
import of :mod:`server.app` stay cheap; the demo starts this process on every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Seconds a SQLite writer waits for another writer's lock before giving up; concurrent kiosk
# submissions are short transactions, so waiting beats failing.
SQLITE_BUSY_TIMEOUT_S = 15.0
# Kept connections per worker process. Requests run on up to 40 threads (anyio's default); a
# pool much smaller than that opens and closes a connection for nearly every request under
# load, and a new PostgreSQL connection is a new server process. Size PostgreSQL's
# max_connections for hosts x workers x (POOL_SIZE + POOL_OVERFLOW), or use PgBouncer.
POOL_SIZE = 20
POOL_OVERFLOW = 20
# The longest a hot read may hold a worker's event loop on PostgreSQL, in seconds.
READ_TIMEOUT_S = 2


def build_engine(database_url: str) -> Engine:
    """An engine for ``database_url``; SQLite connections get WAL and enforced foreign keys."""
    url = make_url(database_url)
    # hide_parameters: SQL errors would otherwise quote the bound values, i.e. citizens' names
    # and ID numbers, into exception messages and from there into the log.
    if url.get_backend_name() != "sqlite":
        return create_engine(
            url,
            pool_pre_ping=True,
            hide_parameters=True,
            pool_size=POOL_SIZE,
            max_overflow=POOL_OVERFLOW,
        )
    connect_args: dict[str, Any] = {"timeout": SQLITE_BUSY_TIMEOUT_S}
    # A file database is shared by the request threads; SQLite's own locking serialises writers.
    connect_args["check_same_thread"] = False
    # An in-memory database (the OpenAPI export) lives in one connection: no pool to size.
    in_memory = url.database in (None, "", ":memory:")
    pool: dict[str, Any] = (
        {} if in_memory else {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
    )
    engine = create_engine(url, connect_args=connect_args, hide_parameters=True, **pool)
    event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def build_read_engine(database_url: str, engine: Engine) -> Engine:
    """The engine for the hot reads (look-ups, heartbeats), which run on the event loop.

    SQLite: ``engine`` itself; its reads take microseconds and, in WAL mode, never wait for a
    writer. PostgreSQL: a small pool of its own whose connections autocommit and are not
    pinged on checkout, so that a read is one round trip rather than four (ping, BEGIN, the
    query, ROLLBACK); a connection found dead is replaced and the read retried
    (:meth:`server.context.AppContext.read`). A read holds its worker's event loop for that
    round trip, so a server that stops answering must not hold it long: statements time
    out, and so do connections that go silent.
    """
    if engine.dialect.name == "sqlite":
        return engine
    return create_engine(
        make_url(database_url),
        isolation_level="AUTOCOMMIT",
        hide_parameters=True,
        # Reads run one at a time on the event loop: one connection, one spare.
        pool_size=1,
        max_overflow=1,
        connect_args={
            "connect_timeout": READ_TIMEOUT_S,
            "options": f"-c statement_timeout={READ_TIMEOUT_S * 1000}",
            "tcp_user_timeout": READ_TIMEOUT_S * 1000,
            "keepalives_idle": READ_TIMEOUT_S,
            "keepalives_interval": 1,
            "keepalives_count": 2,
        },
    )


def _configure_sqlite_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # Foreign keys are off by default in SQLite; WAL lets status reads run beside a write.
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def ensure_sqlite_directory(database_url: str) -> None:
    """Create the folder of a SQLite file database, which SQLite itself will not do."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def migrate_to_head(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision, without any ``alembic.ini``."""
    upgrade(engine, "head")


def upgrade(engine: Engine, revision: str) -> None:
    _run_alembic(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Back to ``revision`` ("base" removes every table): for tests and rolling back."""
    _run_alembic(engine, "downgrade", revision)


def _run_alembic(engine: Engine, direction: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # SQLite alters a table by copying it, dropping the old one and renaming the copy;
            # enforced foreign keys would refuse the drop. The check afterwards puts it right.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                # env.py migrates on this connection, so the SQLite pragmas above apply.
                config.attributes["connection"] = connection
                getattr(command, direction)(config, revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError(f"{direction} to {revision} broke a foreign key")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
