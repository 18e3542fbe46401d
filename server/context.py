"""What every endpoint shares, built once by :func:`server.app.create_app`."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

from fastapi import Depends, FastAPI, Request
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from server import models
from server.heartbeats import HeartbeatBook
from server.keyed_hash import SECRET_SETTING
from server.kiosk_directory import KioskDirectory
from server.prepared_reads import HotReads, PreparedRead
from server.rate_limit import RateLimiter

Clock = Callable[[], dt.datetime]
Result = TypeVar("Result")


# A partial rather than a function: no Python frame for the clock read on every look-up.
utc_now: Clock = functools.partial(dt.datetime.now, dt.UTC)


@dataclass
class _SecretCache:
    value: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class AppContext:
    """Kept on ``app.state.context``; no module-level globals.

    ``kiosk_limiter`` budgets each kiosk's requests; ``public_limiter`` budgets callers without
    a token by address (look-ups by number and code are guessable in principle).
    ``heartbeats`` holds the heartbeats this process has yet to write and ``kiosk_directory``
    what it remembers of kiosk tokens and commands (:mod:`server.kiosk_directory`).
    ``read_engine`` serves the hot reads (:meth:`read`); ``hot_reads`` runs the busiest of
    them, prepared, on a connection of that engine kept by the event loop (:meth:`fetch`).
    """

    sessions: sessionmaker[Session]
    hall_timezone: ZoneInfo
    public_url: str | None
    kiosk_limiter: RateLimiter
    public_limiter: RateLimiter
    heartbeats: HeartbeatBook
    kiosk_directory: KioskDirectory
    read_engine: Engine
    hot_reads: HotReads
    clock: Clock = utc_now
    _secret: _SecretCache = field(default_factory=_SecretCache)

    def base_url(self, request: Request) -> str:
        # Without a configured public URL, links point wherever this request reached us.
        return (self.public_url or str(request.base_url)).rstrip("/")

    def now(self) -> dt.datetime:
        return self.precise_now().replace(microsecond=0)

    def precise_now(self) -> dt.datetime:
        return self.clock().astimezone(dt.UTC)

    def hall_date(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.hall_timezone).date()

    def identity_secret(self) -> str:
        """The HMAC key for identities, created by migration 0002 and read once per process."""
        cache = self._secret
        with cache.lock:
            if cache.value is None:
                with self.sessions() as session:
                    setting = session.get(models.ServerSetting, SECRET_SETTING)
                    if setting is None:
                        raise RuntimeError("the database has no identity secret; migrate it")
                    cache.value = setting.value
            return cache.value

    def read(self, query: Callable[[Connection], Result]) -> Result:
        """Run a short read-only ``query`` (Core statements) right here, for an ``async`` route.

        Handing a read of a fraction of a millisecond to the thread pool costs more than the
        read, and under load the hand-over then waits for the GIL behind the event loop for
        milliseconds (see :func:`server.database.build_read_engine` for the bounds).
        """
        try:
            return self._read(query)
        except DBAPIError as error:
            # The database restarted since this connection was last used: one fresh try.
            if not error.connection_invalidated:
                raise
            return self._read(query)

    def fetch(self, read: PreparedRead, **values: Any) -> list[Any]:
        """The rows of a prepared ``read`` (:mod:`server.prepared_reads`), for an ``async``
        route: like :meth:`read`, one fresh try after a lost connection."""
        try:
            return self.hot_reads.rows(read, values)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            return self.hot_reads.rows(read, values)

    def _read(self, query: Callable[[Connection], Result]) -> Result:
        with self.read_engine.connect() as connection:
            return query(connection)


class ContextApp(FastAPI):
    """The app, carrying its :class:`AppContext` as a plain attribute.

    Not on ``app.state``: Starlette's State answers only after a failed attribute lookup,
    which cost every request that needs the context ~5,000 CPU instructions.
    """

    context: AppContext


def app_context(request: Request) -> AppContext:
    """The context of the app serving ``request``, for routes that take no dependencies."""
    app = request.scope["app"]
    assert isinstance(app, ContextApp)
    return app.context


async def _context(request: Request) -> AppContext:
    # async: a dependency that only reads app state need not hop to the thread pool.
    return app_context(request)


Context = Annotated[AppContext, Depends(_context)]
