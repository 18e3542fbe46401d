"""The FastAPI application: built by :func:`create_app`, migrated and seeded on start-up."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import gc
import importlib.util
import json
import logging
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import APIRouter, FastAPI
from fastapi.telemetry import TelemetryConfig
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from server import hotline, queue
from server.api import ROUTERS, SELF_READ_BODIES
from server.body_limit import BodySizeLimit
from server.catalog import demo_catalog_path, load_catalog, seed_if_empty
from server.context import AppContext, ContextApp
from server.database import (
    build_engine,
    build_read_engine,
    ensure_sqlite_directory,
    migrate_to_head,
    session_factory,
)
from server.enrollment import Enrollment, enroll_kiosk, enroll_staff
from server.heartbeats import HeartbeatBook, flush_waiting, keep_up, upkeep_round
from server.kiosk_directory import KioskDirectory
from server.openapi_document import build_openapi
from server.prepared_reads import HotReads
from server.problems import install_problem_handlers
from server.rate_limit import RateLimit, RateLimiter
from server.route_index import RouteIndex
from server.version import VERSION

TITLE = "OneStop Kiosk reference backend"
OPENAPI_URL = "/openapi.json"
# The service hall's own calendar decides the date in application numbers and promised dates.
DEFAULT_HALL_TIMEZONE = "Asia/Shanghai"
# An application is a few kilobytes; anything far larger is a mistake or an attack.
MAX_BODY_BYTES = 256 * 1024
# A kiosk in use sends a request every few seconds; draining an outbox after an outage sends
# more, and 20 a second lets 1,000 queued items through in under a minute.
DEFAULT_KIOSK_RATE = RateLimit(per_second=20, burst=60)
# Callers without a token (receipt look-ups) by address: a phone needs a handful.
DEFAULT_PUBLIC_RATE = RateLimit(per_second=5, burst=30)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerOptions:
    """Everything about a backend instance that is not in its database."""

    database_url: str
    seed_demo: bool = True
    public_url: str | None = None
    hall_timezone: str = DEFAULT_HALL_TIMEZONE
    kiosk_rate: RateLimit = DEFAULT_KIOSK_RATE
    public_rate: RateLimit = DEFAULT_PUBLIC_RATE
    enroll_kiosks: tuple[Enrollment, ...] = field(default=())
    enroll_staff: tuple[Enrollment, ...] = field(default=())
    # False in worker processes: the parent migrated and seeded once before starting them.
    prepare_on_start: bool = True

    def to_environment(self) -> str:
        """These options as JSON, for worker processes built by :func:`app_from_environment`."""
        data = dataclasses.asdict(self)
        data["enroll_kiosks"] = [[e.name, str(e.token_file)] for e in self.enroll_kiosks]
        data["enroll_staff"] = [[e.name, str(e.token_file)] for e in self.enroll_staff]
        return json.dumps(data)

    @classmethod
    def from_environment(cls, text: str) -> ServerOptions:
        data = json.loads(text)
        data["kiosk_rate"] = RateLimit(**data["kiosk_rate"])
        data["public_rate"] = RateLimit(**data["public_rate"])
        data["enroll_kiosks"] = tuple(Enrollment(n, Path(p)) for n, p in data["enroll_kiosks"])
        data["enroll_staff"] = tuple(Enrollment(n, Path(p)) for n, p in data["enroll_staff"])
        return cls(**data)


OPTIONS_ENVIRONMENT_VARIABLE = "ONESTOP_SERVER_OPTIONS"


def app_from_environment() -> FastAPI:
    """The uvicorn factory of worker processes (``--workers N``)."""
    return create_app(ServerOptions.from_environment(os.environ[OPTIONS_ENVIRONMENT_VARIABLE]))


def create_app(options: ServerOptions) -> FastAPI:
    """Build the app; nothing touches the database until the app starts (see ``lifespan``)."""
    engine = build_engine(options.database_url)
    sessions = session_factory(engine)
    read_engine = build_read_engine(options.database_url, engine)
    context = AppContext(
        sessions=sessions,
        hall_timezone=ZoneInfo(options.hall_timezone),
        public_url=options.public_url.rstrip("/") if options.public_url else None,
        kiosk_limiter=RateLimiter(options.kiosk_rate),
        public_limiter=RateLimiter(options.public_rate),
        heartbeats=HeartbeatBook(sessions),
        kiosk_directory=KioskDirectory(),
        read_engine=read_engine,
        hot_reads=HotReads(read_engine),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if options.prepare_on_start:
            prepare_database(options, engine)
        memory = (context.heartbeats, context.kiosk_directory, sessions, context.now)
        # The whole directory is read before the first request.
        await asyncio.to_thread(upkeep_round, *memory)
        upkeep = asyncio.create_task(keep_up(*memory))
        # What start-up built lives as long as the process: the collector need not keep
        # walking it (a full collection of it held requests up for tens of milliseconds).
        gc.freeze()
        yield
        upkeep.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await upkeep
        # What arrived since the last round is written before the process ends.
        await asyncio.to_thread(flush_waiting, context.heartbeats)
        context.hot_reads.close()
        read_engine.dispose()
        engine.dispose()

    app = ContextApp(
        title=TITLE,
        version=VERSION,
        description="The contract between OneStop self-service kiosks and a service hall: "
        "catalog, applications, queue, 12345 hotline (also as Open311 GeoReport v2), "
        "evaluations, kiosk fleet and staff work.",
        lifespan=lifespan,
        # Its documentation routes are added after the API's, below.
        openapi_url=None,
        telemetry=_telemetry(),
    )
    app.context = context
    # Not FastAPI's max_body_size: see server.body_limit.
    app.add_middleware(BodySizeLimit, limit=MAX_BODY_BYTES)
    add_routes(app, ROUTERS)
    # FastAPI tries routes in order, and every route tried before the match costs a request
    # CPU: /openapi.json, /docs and /redoc go last rather than first (they are not indexed).
    app.openapi_url = OPENAPI_URL
    app.setup()
    # Routes of fixed paths are then found in one step, whatever their place in the list.
    index = RouteIndex(app.router.routes)
    app.router.routes.insert(0, index)
    index.indexed()
    install_problem_handlers(app)
    app.openapi = lambda: build_openapi(app, SELF_READ_BODIES)  # type: ignore[method-assign]
    return app


def add_routes(app: FastAPI, routers: Sequence[APIRouter]) -> None:
    """The routers' routes, in order, straight into the app's own list of routes.

    ``include_router`` would add each router as one entry that FastAPI (0.16x) searches with
    a second matching pass of its own: 54,000 more CPU instructions for a look-up, and every
    router tried before the one that answers costs more than a route. A router's prefix,
    tags, dependencies and responses are part of its routes already when they are declared,
    and the routers here include nothing else (no lifespan, no start-up handlers, no nested
    routers), so the routes answer and are documented as they would be when included.
    ``app.dependency_overrides`` do not reach them; nothing here uses those.
    """
    for router in routers:
        if router.on_startup or router.on_shutdown:
            raise ValueError("a router with its own event handlers must be included")
        app.router.routes.extend(router.routes)


def _telemetry() -> TelemetryConfig | None:
    """FastAPI's OpenTelemetry support, only where an OpenTelemetry SDK is installed.

    Without one (as installed here) nothing can be set up to receive spans or metrics, yet
    FastAPI asks the global providers on every request whether one was (~7% of the CPU of a
    bare request); with one, FastAPI's defaults apply.
    """
    try:
        sdk = importlib.util.find_spec("opentelemetry.sdk")
    except ModuleNotFoundError:
        sdk = None
    return None if sdk is not None else {"tracing": False, "metrics": False, "logs": False}


def prepare_database(options: ServerOptions, engine: Engine) -> None:
    """Migrate, enroll the given kiosks and staff, and seed the demo data if asked."""
    ensure_sqlite_directory(options.database_url)
    migrate_to_head(engine)
    sessions = session_factory(engine)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with sessions.begin() as session:
        for kiosk in options.enroll_kiosks:
            enroll_kiosk(session, kiosk.name, kiosk.token(), now)
        for staff in options.enroll_staff:
            enroll_staff(session, staff.name, staff.token(), now)
    if not options.seed_demo:
        return
    try:
        with sessions.begin() as session:
            if seed_if_empty(session, load_catalog(demo_catalog_path())):
                logger.info("seeded the demo service catalog")
            queue.seed_demo(session)
            hotline.seed_demo(session)
    except IntegrityError:
        # Another backend process on the same database seeded it at the same moment.
        logger.info("the demo data was seeded by another process")
