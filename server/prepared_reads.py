"""The busiest reads, run straight on a DBAPI cursor of a connection kept for the event loop.

A citizen's look-up is one short SELECT. Run through SQLAlchemy's ``Connection.execute`` it
cost five times what the DBAPI call costs (the execution context, the result object, checking
a pooled connection out and back in): more CPU than a whole request to a bare FastAPI route. The
statement is still written in SQLAlchemy Core and compiled by SQLAlchemy, once per dialect;
each run is a cursor ``execute`` and ``fetchall`` on a connection held by the event loop's
thread, with the columns' own result processors applied (dates from SQLite's text, the UTC
timestamps of :class:`server.models.UtcDateTime`). DBAPI errors are raised as SQLAlchemy's
exceptions, the same ones ``Connection.execute`` raises, so the 503 answer for a database
that went away and the one retry after a lost connection work as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import namedtuple
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Engine, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # Bind names in the order of the SQL's placeholders (qmark style), or None (named style).
    positions: tuple[str, ...] | None


class PreparedRead:
    """A Core SELECT to run through :class:`HotReads`; rows come back as named tuples.

    Parameters are handed to the DBAPI as given: strings and numbers only (no bind-side type
    processing is applied). Rows are plain named tuples: ``row.number``, ``row.event_at``.
    """

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._columns = list(statement.selected_columns)
        # namedtuple, not a dataclass: building one per row is the cheapest typed row there is.
        self.row_type: type[tuple[Any, ...]] = namedtuple(  # type: ignore[misc]
            "Row", [str(column.key) for column in self._columns]
        )
        self._compiled: dict[Dialect, _Compiled] = {}
        self._processors: dict[Dialect, tuple[Processor, ...]] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            positions = tuple(compiled.positiontup or ()) if compiled.positional else None
            found = self._compiled[dialect] = _Compiled(compiled.string, positions)
        return found

    def processors(self, dialect: Dialect, description: Any) -> tuple[Processor, ...]:
        """Each column's result processor for ``dialect`` (None where the value is ready)."""
        found = self._processors.get(dialect)
        if found is None:
            found = self._processors[dialect] = tuple(
                column.type.dialect_impl(dialect).result_processor(dialect, described[1])
                for column, described in zip(self._columns, description, strict=True)
            )
        return found

    def parameters(self, dialect: Dialect, values: Mapping[str, Any]) -> Any:
        positions = self.compiled(dialect).positions
        if positions is None:
            return dict(values)
        return tuple(values[name] for name in positions)


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
        if self._owns_held_connection():
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
        dialect = self._dialect
        compiled = read.compiled(dialect)
        parameters = read.parameters(dialect, values)
        cursor = None
        try:
            cursor = connection.cursor()
            cursor.execute(compiled.sql, parameters)
            fetched = cursor.fetchall()
            processors = read.processors(dialect, cursor.description)
        except self._dbapi_error as error:
            raise self._translated(connection, cursor, compiled.sql, error) from error
        finally:
            if cursor is not None:
                _close_quietly(cursor)
        make = read.row_type._make  # type: ignore[attr-defined]
        if not any(processors):
            return [make(row) for row in fetched]
        return [
            make([value if processor is None else processor(value) for value, processor in pairs])
            for pairs in (zip(row, processors, strict=True) for row in fetched)
        ]

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


def _close_quietly(cursor: Any) -> None:
    # A cursor of a connection the database dropped may fail to close; the error that
    # matters is the one already being raised.
    with contextlib.suppress(Exception):
        cursor.close()


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
