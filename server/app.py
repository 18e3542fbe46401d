"""The FastAPI application: built by :func:`create_app`, migrated and seeded on start-up."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from zoneinfo import ZoneInfo

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from server.applications import FilingDesk
from server.catalog import demo_catalog_path, load_catalog, seed_if_empty
from server.database import build_engine, ensure_sqlite_directory, migrate_to_head, session_factory
from server.openapi_document import build_openapi
from server.problems import install_problem_handlers
from server.routes import VERSION, AppContext, router

TITLE = "OneStop Kiosk reference backend"
# The service hall's own calendar decides the date in application numbers and promised dates.
DEFAULT_HALL_TIMEZONE = "Asia/Shanghai"
# An application is a few kilobytes; anything far larger is a mistake or an attack.
MAX_BODY_BYTES = 256 * 1024

logger = logging.getLogger(__name__)


def create_app(
    database_url: str,
    *,
    seed_demo: bool = True,
    public_url: str | None = None,
    hall_timezone: str = DEFAULT_HALL_TIMEZONE,
) -> FastAPI:
    """Build the app; nothing touches the database until the app starts (see ``_lifespan``)."""
    engine = build_engine(database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        _prepare_database(database_url, engine, seed_demo=seed_demo)
        yield
        engine.dispose()

    app = FastAPI(
        title=TITLE,
        version=VERSION,
        description="Service catalog and application filing for OneStop self-service kiosks.",
        lifespan=lifespan,
        max_body_size=MAX_BODY_BYTES,
    )
    app.state.context = AppContext(
        desk=FilingDesk(sessions=session_factory(engine), hall_timezone=ZoneInfo(hall_timezone)),
        public_url=public_url.rstrip("/") if public_url else None,
    )
    app.include_router(router)
    install_problem_handlers(app)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    return app


def _prepare_database(database_url: str, engine: Engine, *, seed_demo: bool) -> None:
    ensure_sqlite_directory(database_url)
    migrate_to_head(engine)
    if not seed_demo:
        return
    sessions = session_factory(engine)
    try:
        with sessions.begin() as session:
            if seed_if_empty(session, load_catalog(demo_catalog_path())):
                logger.info("seeded the demo service catalog")
    except IntegrityError:
        # Another backend process on the same database seeded it at the same moment.
        logger.info("the demo service catalog was seeded by another process")
