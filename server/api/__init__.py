"""The HTTP routes, one module per part of the contract; :data:`ROUTERS` lists them all."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from server.api import (
    applications,
    catalog,
    evaluations,
    fleet_page,
    holidays,
    hotline,
    kiosks,
    open311,
    queue,
    statistics,
)

# In the order FastAPI tries them for each request. Fixed paths are found at once (server.
# route_index); for paths with parameters every route tried before the one that matches costs
# the request ~11,500 CPU instructions, so the busiest come first.
ROUTERS: tuple[APIRouter, ...] = (
    applications.lookup_router,
    catalog.router,
    applications.router,
    holidays.router,
    statistics.router,
    queue.router,
    hotline.router,
    evaluations.router,
    kiosks.router,
    open311.router,
    fleet_page.router,
)
# Bodies that routes read themselves (server.api.direct_routes): OpenAPI components need them.
SELF_READ_BODIES: tuple[type[BaseModel], ...] = applications.SELF_READ_BODIES
