"""What every endpoint shares, built once by :func:`server.app.create_app`."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from server import models
from server.keyed_hash import SECRET_SETTING
from server.rate_limit import RateLimiter, RecentTokens

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class _SecretCache:
    value: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class AppContext:
    """Kept on ``app.state.context``; no module-level globals.

    ``kiosk_limiter`` budgets each kiosk's requests; ``public_limiter`` budgets callers without
    a token by address (look-ups by number and code are guessable in principle).
    """

    sessions: sessionmaker[Session]
    hall_timezone: ZoneInfo
    public_url: str | None
    kiosk_limiter: RateLimiter
    public_limiter: RateLimiter
    known_kiosk_tokens: RecentTokens = field(default_factory=RecentTokens)
    clock: Clock = utc_now
    _secret: _SecretCache = field(default_factory=_SecretCache)

    def base_url(self, request: Request) -> str:
        # Without a configured public URL, links point wherever this request reached us.
        return (self.public_url or str(request.base_url)).rstrip("/")

    def now(self) -> dt.datetime:
        return self.clock().astimezone(dt.UTC).replace(microsecond=0)

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


async def _context(request: Request) -> AppContext:
    # async: a dependency that only reads app state need not hop to the thread pool.
    context = request.app.state.context
    assert isinstance(context, AppContext)
    return context


Context = Annotated[AppContext, Depends(_context)]
