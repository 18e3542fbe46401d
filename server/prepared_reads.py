"""The busiest reads, run straight on a DBAPI cursor of a connection kept for the event loop.

A citizen's look-up is one short SELECT. Run through SQLAlchemy's ``Connection.execute`` it
cost five times what the DBAPI call costs (the execution context, the result object, checking
a pooled connection out and back in): more CPU than a whole request to a bare FastAPI route. The
statement is still written in SQLAlchemy Core and compiled by SQLAlchemy, once per dialect;
each run is a cursor ``execute`` and ``fetchall`` on a connection held by the event loop's
thread. Rows come back as the driver returns them, without SQLAlchemy's result processing:
the caller turns the few values it needs (SQLite's dates and timestamps are ISO text, which
:mod:`server.status_lookup` writes out nearly as they are) rather than paying for every column
of every row. DBAPI errors are raised as SQLAlchemy's exceptions, the same ones
``Connection.execute`` raises, so the 503 answer for a database that went away and the one
retry after a lost connection work as before.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Engine, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection


class _Compiled:
    """A statement compiled for one dialect, and how its parameters are handed to the driver."""

    def __init__(self, sql: str, positions: tuple[str, ...] | None) -> None:
        self.sql = sql
        # Bind names in the order of the SQL's placeholders (qmark style), or None (named).
        self.positions = positions
        self.parameters: Callable[[Mapping[str, Any]], Any] = (
            _as_given if positions is None else _picker(positions)
        )


def _as_given(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return values


def _picker(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values of ``names``, in that order, as a tuple: itemgetter does it in C."""
    if len(names) >= 2:
        return itemgetter(*names)
    return lambda values: tuple(values[name] for name in names)


class PreparedRead:
    """A Core SELECT to run through :class:`HotReads`.

    Parameters are handed to the DBAPI as given: strings and numbers only (no bind-side type
    processing is applied). Rows are the driver's tuples, columns in the order selected, with
    values as the driver returns them (no result processing: SQLite returns dates and
    timestamps as text, PostgreSQL's driver as ``date`` and aware ``datetime`` objects).
    """

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self.column_names = tuple(str(column.key) for column in statement.selected_columns)
        self._compiled: dict[Dialect, _Compiled] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            positions = tuple(compiled.positiontup or ()) if compiled.positional else None
            found = self._compiled[dialect] = _Compiled(compiled.string, positions)
        return found


class HotReads:
    """Runs :class:`PreparedRead` statements for ``async`` routes, on the event loop.

    The thread running the event loop keeps one DBAPI connection of ``engine`` for itself:
    reads there run one at a time, so one is enough, and it is never checked in and out of
    the pool. Any other thread (a test, a sync route in the thread pool) borrows a pooled
    connection per read. A connection the database dropped is invalidated and the error
    raised with ``connection_invalidated`` set, as SQLAlchemy does; the caller may retry.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._dialect = engine.dialect
        self._dbapi_error: type[Exception] = engine.dialect.loaded_dbapi.Error
        self._held: PoolProxiedConnection | None = None
        self._owner: int | None = None
        self._lock = threading.Lock()

    def rows(self, read: PreparedRead, values: Mapping[str, Any]) -> list[Any]:
        # The event loop's own thread, once it holds the connection: the usual case, first.
        if self._owner == threading.get_ident() or self._owns_held_connection():
            return self._run(self._held or self._hold(), read, values)
        borrowed = self._engine.raw_connection()
        try:
            return self._run(borrowed, read, values)
        finally:
            borrowed.close()

    def _owns_held_connection(self) -> bool:
        me = threading.get_ident()
        if self._owner == me:
            return True
        if self._owner is not None or not _on_event_loop():
            return False
        # The first event loop to read here keeps the connection.
        with self._lock:
            if self._owner is None:
                self._owner = me
        return self._owner == me

    def close(self) -> None:
        """Give the held connection back (at shutdown, before the engine is disposed)."""
        held, self._held = self._held, None
        if held is not None:
            held.close()

    def _hold(self) -> PoolProxiedConnection:
        self._held = self._engine.raw_connection()
        return self._held

    def _run(
        self, connection: PoolProxiedConnection, read: PreparedRead, values: Mapping[str, Any]
    ) -> list[Any]:
        compiled = read.compiled(self._dialect)
        cursor = None
        try:
            cursor = connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            cursor.execute(compiled.sql, compiled.parameters(values))
            rows = cast("list[Any]", cursor.fetchall())
        except self._dbapi_error as error:
            raise self._translated(connection, cursor, compiled.sql, error) from error
        finally:
            # A cursor of a connection the database dropped may fail to close; the error
            # that matters is the one already being raised. (Not contextlib.suppress: on
            # every read a context manager costs more than closing the cursor does.)
            if cursor is not None:
                try:  # noqa: SIM105
                    cursor.close()
                except Exception:
                    pass
        return rows

    def _translated(
        self, connection: PoolProxiedConnection, cursor: Any, sql: str, error: Exception
    ) -> BaseException:
        dialect = self._dialect
        lost = dialect.is_disconnect(cast(Any, error), connection.dbapi_connection, cursor)
        if lost:
            if connection is self._held:
                self._held = None
            connection.invalidate(error)
        # hide_parameters: as the engines do, so no citizen's reference reaches a message.
        return DBAPIError.instance(
            sql,
            None,
            error,
            self._dbapi_error,
            hide_parameters=True,
            connection_invalidated=lost,
            dialect=dialect,
        )


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
