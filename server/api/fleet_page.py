"""``/fleet``: the fleet page for a vendor's office, and signing in and out of it.

Not part of the kiosk contract (a page for people), so it is left out of the OpenAPI document;
its access rules are tested on their own (tests/integration/server/test_server_fleet_page.py).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from server import models
from server.auth import PublicLimited
from server.context import AppContext, Context
from server.fleet_page import (
    COOKIE_NAME,
    SECURITY_HEADERS,
    SIGN_IN_HOURS,
    fleet_page,
    sign_in_cookie,
    sign_in_page,
    signed_token_hash,
)
from server.keyed_hash import token_sha256
from server.kiosks import fleet

router = APIRouter()
# The page's own URL, relative: it works behind a proxy that serves the backend under a prefix.
_HERE = "fleet"
_MAX_TOKEN_CHARS = 200


def _html(text: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status_code, headers=SECURITY_HEADERS)


def _staff_name(context: AppContext, digest: str) -> str | None:
    """The active staff member whose token hashes to ``digest``; kiosk tokens are not here."""
    with context.sessions() as session:
        return session.scalar(
            select(models.StaffMember.name).where(
                models.StaffMember.token_sha256 == digest,
                models.StaffMember.revoked_at.is_(None),
            )
        )


@router.get("/fleet", include_in_schema=False, response_class=HTMLResponse)
def show_fleet(request: Request, context: Context, attention: str = "") -> Response:
    now = context.now()
    digest = signed_token_hash(context.identity_secret(), request.cookies.get(COOKIE_NAME), now)
    name = _staff_name(context, digest) if digest else None
    if name is None:
        return _html(sign_in_page())
    with context.sessions() as session:
        view = fleet(session, now)
    return _html(
        fleet_page(
            view,
            staff_name=name,
            now=now,
            zone=context.hall_timezone,
            attention_only=attention not in ("", "0"),
        )
    )


@router.post(
    "/fleet", include_in_schema=False, response_class=HTMLResponse, dependencies=[PublicLimited]
)
async def sign_in_or_out(request: Request, context: Context) -> Response:
    """The sign-in form (``token``) or the sign-out button (``action=sign-out``)."""
    try:
        form = await request.form(max_files=0, max_fields=4)
    except (MultiPartException, StarletteHTTPException):
        return _html(sign_in_page("The form could not be read."), 400)
    if form.get("action") == "sign-out":
        response: Response = RedirectResponse(_HERE, status_code=303, headers=SECURITY_HEADERS)
        response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="strict")
        return response
    token = form.get("token")
    if not isinstance(token, str) or not token.strip() or len(token) > _MAX_TOKEN_CHARS:
        return _html(sign_in_page("Enter a staff token."), 401)
    # In the thread pool: the database is not read on the event loop.
    cookie = await run_in_threadpool(_cookie_for, context, token.strip())
    if cookie is None:
        return _html(sign_in_page("This is not a valid staff token (or it was revoked)."), 401)
    response = RedirectResponse(_HERE, status_code=303, headers=SECURITY_HEADERS)
    response.set_cookie(
        COOKIE_NAME,
        cookie,
        max_age=SIGN_IN_HOURS * 3600,
        path="/",
        secure=_secure(request, context),
        httponly=True,
        samesite="strict",
    )
    return response


def _cookie_for(context: AppContext, token: str) -> str | None:
    digest = token_sha256(token)
    if _staff_name(context, digest) is None:
        return None
    return sign_in_cookie(context.identity_secret(), digest, context.now())


def _secure(request: Request, context: AppContext) -> bool:
    """Secure cookies where the office reaches the server over HTTPS (directly or by a proxy
    that says so in the public URL)."""
    public = context.public_url or ""
    return request.url.scheme == "https" or public.startswith("https://")
