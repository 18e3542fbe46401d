"""The HTTP routes, one module per part of the contract; :data:`ROUTERS` lists them all."""

from __future__ import annotations

from fastapi import APIRouter

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

ROUTERS: tuple[APIRouter, ...] = (
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
