"""Health and the service catalog (public: the catalog is what a hall shows on its walls)."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated

from fastapi import APIRouter, Header, Response
from fastapi.responses import JSONResponse
from sqlalchemy import select

from server import models
from server.api.responses import NOT_FOUND
from server.catalog import from_row
from server.context import Context
from server.problems import ProblemError
from server.schemas import Health, Service, ServiceList
from server.version import VERSION

router = APIRouter(prefix="/v1")


@router.get("/health", response_model=Health, tags=["health"])
async def health() -> Health:
    return Health(status="ok", version=VERSION)


@router.get(
    "/services",
    response_model=ServiceList,
    responses={304: {"description": "Not modified: the If-None-Match ETag is current"}},
    tags=["catalog"],
)
def list_services(
    context: Context,
    if_none_match: Annotated[
        str | None, Header(description="an ETag from an earlier answer")
    ] = None,
) -> Response:
    with context.sessions() as session:
        rows = session.scalars(select(models.Service).order_by(models.Service.sort_order))
        catalog = ServiceList(services=[from_row(row) for row in rows])
    body = json.dumps(catalog.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    etag = '"' + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if if_none_match is not None and etag in {tag.strip() for tag in if_none_match.split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


@router.get("/services/{code}", response_model=Service, responses=NOT_FOUND, tags=["catalog"])
def get_service(code: str, context: Context) -> JSONResponse:
    with context.sessions() as session:
        row = session.get(models.Service, code)
        if row is None:
            raise ProblemError(404, "unknown-service", "Service not found", "No such service.")
        return JSONResponse(from_row(row).model_dump(mode="json"))
