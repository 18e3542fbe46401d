"""Problem details (RFC 9457) for every error the API returns, FastAPI's own ones included."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from server.schemas import FieldError

PROBLEM_MEDIA_TYPE = "application/problem+json"
# Problem types are URNs: stable identifiers that do not pretend to be a page one can open.
TYPE_PREFIX = "urn:onestop-kiosk:problem:"
DATABASE_RETRY_AFTER_S = 5

logger = logging.getLogger(__name__)


@dataclass
class ProblemError(Exception):
    """Raise to answer with a problem document; ``kind`` becomes the ``type`` URN suffix."""

    status: int
    kind: str
    title: str
    detail: str
    errors: list[FieldError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


def problem_response(problem: ProblemError, headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + problem.kind,
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
    }
    if problem.errors:
        body["errors"] = [error.model_dump() for error in problem.errors]
    return JSONResponse(
        body, status_code=problem.status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def validation_problem(errors: list[FieldError], detail: str) -> ProblemError:
    return ProblemError(422, "validation-error", "The request is not valid", detail, errors)


def _field_path(location: Sequence[int | str]) -> str:
    # FastAPI prefixes locations with where the value came from ("body", "header", ...); the
    # kiosk only needs the path inside that part, e.g. "applicant.id_number".
    parts = [str(part) for part in location]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


async def _on_problem(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(exc, headers=exc.headers or None)


async def _on_request_validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Messages come from pydantic and never echo the rejected input, which may be personal data.
    errors = [
        FieldError(field=_field_path(error.get("loc", ())), message=str(error.get("msg", "")))
        for error in exc.errors()
    ]
    return problem_response(validation_problem(errors, "See errors for each rejected value."))


async def _on_http_exception(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "HTTP error")
    problem = ProblemError(exc.status_code, f"http-{exc.status_code}", title, str(exc.detail))
    return problem_response(problem, headers=dict(exc.headers or {}))


async def _on_database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OperationalError)
    # Only the class: the message may quote SQL, and the log is no place for row values.
    logger.error("database unavailable: %s", type(exc.orig).__name__)
    problem = ProblemError(
        503,
        "database-unavailable",
        "Service unavailable",
        "The database is not answering; retry shortly.",
        headers={"Retry-After": str(DATABASE_RETRY_AFTER_S)},
    )
    return problem_response(problem, headers=problem.headers)


async def _on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
    problem = ProblemError(500, "internal-error", "Internal server error", "Please try again.")
    return problem_response(problem)


def install_problem_handlers(app: FastAPI) -> None:
    # All async: Starlette runs a plain function handler in the thread pool, a hop that cost
    # each 404, 422 or 429 answer more CPU than building it (and a flood of 429s is answered
    # by exactly these).
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_request_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    # The database down, unreachable or locked past its timeout: kiosks retry, so say when.
    app.add_exception_handler(OperationalError, _on_database_unavailable)
    app.add_exception_handler(Exception, _on_unexpected)
