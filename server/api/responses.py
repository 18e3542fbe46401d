"""OpenAPI descriptions of the error answers routes share."""

from __future__ import annotations

from typing import Any

from server.schemas import Problem

Responses = dict[int | str, dict[str, Any]]

NOT_FOUND: Responses = {404: {"model": Problem, "description": "No such item"}}
KIOSK_AUTH: Responses = {
    401: {"model": Problem, "description": "No kiosk token, or an unknown one"},
    429: {"model": Problem, "description": "This kiosk sent too many requests; see Retry-After"},
}
STAFF_AUTH: Responses = {
    401: {"model": Problem, "description": "No staff token, or an unknown or revoked one"},
}
PUBLIC_LIMIT: Responses = {
    429: {"model": Problem, "description": "Too many requests from this address"},
}
IDEMPOTENT_CREATE: Responses = {
    400: {"model": Problem, "description": "Missing or malformed Idempotency-Key"},
    422: {"model": Problem, "description": "Invalid request, or the key was reused"},
}
