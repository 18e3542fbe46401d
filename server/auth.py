"""Who is calling: a kiosk (its own bearer token) or a staff member (theirs).

Both kinds are bearer tokens stored only as SHA-256 hashes, in separate tables, so a kiosk
token is simply unknown to the staff routes and the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from server import models
from server.context import AppContext, Context
from server.keyed_hash import token_sha256
from server.problems import ProblemError
from server.rate_limit import retry_after_header

kiosk_bearer = HTTPBearer(
    scheme_name="kioskToken",
    description="A kiosk's own token, from POST /v1/kiosks/provision.",
    auto_error=False,
)
_staff_scheme = HTTPBearer(
    scheme_name="staffToken",
    description="A staff member's token, from `kiosk-server staff add NAME`.",
    auto_error=False,
)
Credentials = HTTPAuthorizationCredentials | None
KioskCredentials = Annotated[Credentials, Depends(kiosk_bearer)]


@dataclass(frozen=True)
class KioskCaller:
    kiosk_id: str


@dataclass(frozen=True)
class StaffCaller:
    name: str


def unauthorized(detail: str) -> ProblemError:
    return ProblemError(
        401,
        "unauthorized",
        "Not authorised",
        detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


def too_many_requests(wait_s: float) -> ProblemError:
    return ProblemError(
        429,
        "rate-limited",
        "Too many requests",
        "Slow down and retry after the time in Retry-After.",
        headers=retry_after_header(wait_s),
    )


def require_kiosk(context: Context, credentials: KioskCredentials) -> KioskCaller:
    if credentials is None:
        raise unauthorized("This route needs a kiosk's bearer token.")
    return authenticate_kiosk(context, credentials.credentials)


def authenticate_kiosk(context: AppContext, token: str) -> KioskCaller:
    """The kiosk ``token`` belongs to, rate limited; for routes that take it from elsewhere
    than the Authorization header (Open311's ``api_key`` argument)."""
    digest = token_sha256(token)
    with context.sessions() as session:
        kiosk_id = session.scalar(
            select(models.Kiosk.id).where(models.Kiosk.token_sha256 == digest)
        )
    if kiosk_id is None:
        raise unauthorized("The kiosk token is not known to this server.")
    limit_kiosk(context, kiosk_id)
    return KioskCaller(kiosk_id)


def limit_kiosk(context: AppContext, kiosk_id: str) -> None:
    wait_s = context.kiosk_limiter.try_acquire(kiosk_id)
    if wait_s:
        raise too_many_requests(wait_s)


def require_staff(
    context: Context, credentials: Annotated[Credentials, Depends(_staff_scheme)]
) -> StaffCaller:
    if credentials is None:
        raise unauthorized("This route needs a staff member's bearer token.")
    digest = token_sha256(credentials.credentials)
    with context.sessions() as session:
        name = session.scalar(
            select(models.StaffMember.name).where(
                models.StaffMember.token_sha256 == digest,
                models.StaffMember.revoked_at.is_(None),
            )
        )
    if name is None:
        raise unauthorized("The staff token is not known to this server, or was revoked.")
    return StaffCaller(name)


async def limit_public_caller(request: Request, context: Context) -> None:
    """Budget callers without a token by their address (in memory: no thread pool hop)."""
    limit_public(context, request)


def limit_public(context: AppContext, request: Request) -> None:
    """:func:`limit_public_caller`, for a route that calls it itself rather than depend on it."""
    # The scope's (host, port) itself: Request.client builds a named tuple each time.
    client = request.scope.get("client")
    wait_s = context.public_limiter.try_acquire(client[0] if client else "unknown")
    if wait_s:
        raise too_many_requests(wait_s)


Kiosk = Annotated[KioskCaller, Depends(require_kiosk)]
Staff = Annotated[StaffCaller, Depends(require_staff)]
PublicLimited = Depends(limit_public_caller)
