"""Applications: filed by kiosks, followed by citizens, moved through their lifecycle by staff."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from server.api.direct_routes import DirectRoute, JsonAnswer, documented_body, json_body
from server.api.responses import (
    IDEMPOTENT_CREATE,
    KIOSK_AUTH,
    NOT_FOUND,
    PUBLIC_LIMIT,
    STAFF_AUTH,
    Responses,
)
from server.application_staff import WorkListFilter, move, staff_view_by_number, work_list
from server.applications import file_application, hall_today, statuses_by_identity
from server.auth import Kiosk, PublicLimited, Staff, limit_public
from server.context import Context, app_context
from server.idempotency import Creation, create_once, idempotency_key
from server.keyed_hash import ACCESS_CODE_LENGTH
from server.lifecycle import ApplicationState
from server.schemas import PROVISIONAL_REF_PATTERN, ApplicationRequest, Problem
from server.schemas_applications import (
    DEPARTMENT_CODE_PATTERN,
    ApplicationList,
    ApplicationStatus,
    IdentityLookup,
    ReferenceLookup,
    StaffApplication,
    StaffApplicationPage,
    TransitionRequest,
)
from server.status_lookup import status_json_by_code, status_json_by_reference

router = APIRouter(prefix="/v1")
# The citizens' look-up, the busiest route there is, first of all (server.api.ROUTERS). Found
# through the route index (server.route_index) whatever its place; first, it also comes first
# should the index ever step aside.
lookup_router = APIRouter(prefix="/v1", route_class=DirectRoute)

INVALID: Responses = {422: {"model": Problem, "description": "Invalid request"}}
# Starlette answers 400 itself when a body cannot even be decoded as text.
INVALID_BODY: Responses = {
    400: {"model": Problem, "description": "The body is not readable JSON text"},
    **INVALID,
}
# Read by the routes themselves (server.api.direct_routes), so listed for the OpenAPI document.
SELF_READ_BODIES = (ReferenceLookup,)
MAX_PAGE = 200
MAX_OFFSET = 1_000_000

Number = Annotated[str, Path(max_length=40, description="the application number")]


@router.post(
    "/applications",
    status_code=201,
    response_model=ApplicationStatus,
    response_description="Filed; a repeat of the key gets this same answer with "
    "Idempotent-Replayed: true",
    responses={
        **IDEMPOTENT_CREATE,
        **KIOSK_AUTH,
        404: {"model": Problem, "description": "Unknown service"},
        409: {"model": Problem, "description": "The provisional reference is already used"},
    },
    tags=["applications"],
)
def create_application(
    body: ApplicationRequest,
    request: Request,
    context: Context,
    kiosk: Kiosk,
    key: Annotated[str, Depends(idempotency_key)],
) -> JSONResponse:
    public_url = context.base_url(request)
    answer = create_once(
        context.sessions,
        Creation(kiosk.kiosk_id, key, "application", body),
        lambda session: file_application(context, session, body, kiosk.kiosk_id, public_url),
    )
    return answer.response()


@lookup_router.post(
    "/applications/lookup",
    response_model=ApplicationStatus,
    responses={
        404: {"model": Problem, "description": "No such reference, or other last four"},
        **PUBLIC_LIMIT,
        **INVALID_BODY,
    },
    openapi_extra=documented_body(ReferenceLookup),
    tags=["applications"],
)
async def look_up_by_reference(request: Request) -> Response:
    """By application number (or provisional reference) and the ID number's last four."""
    # A direct route (server.api.direct_routes): it does what FastAPI would have done for a
    # dependency and a declared body, at a fraction of the CPU. The caller's budget comes
    # first, so a flood of broken bodies is refused (429) before any of it is parsed.
    context = app_context(request)
    limit_public(context, request)
    body = await json_body(request, ReferenceLookup)
    today, public_url = hall_today(context), context.base_url(request)
    return JsonAnswer(status_json_by_reference(context, body, today, public_url))


@router.post(
    "/applications/by-identity",
    response_model=ApplicationList,
    responses={**KIOSK_AUTH, **INVALID_BODY},
    tags=["applications"],
)
def look_up_by_identity(
    body: IdentityLookup, request: Request, context: Context, _kiosk: Kiosk
) -> JSONResponse:
    """The card holder's own applications, newest first (the kiosk read the card)."""
    return JSONResponse(statuses_by_identity(context, body, context.base_url(request)))


@router.get(
    "/applications/{number}",
    response_model=ApplicationStatus,
    responses={**NOT_FOUND, **PUBLIC_LIMIT, **INVALID},
    dependencies=[PublicLimited],
    tags=["applications"],
)
async def get_application(
    number: Annotated[
        str,
        Path(
            pattern=PROVISIONAL_REF_PATTERN,
            description="the application number, or the provisional reference an offline "
            "kiosk printed on its receipt (found once that filing has reached the server)",
        ),
    ],
    request: Request,
    context: Context,
    code: Annotated[
        str,
        Query(
            min_length=ACCESS_CODE_LENGTH,
            max_length=ACCESS_CODE_LENGTH,
            description="the access code printed in the receipt's QR link",
        ),
    ],
) -> Response:
    today, public_url = hall_today(context), context.base_url(request)
    return JsonAnswer(status_json_by_code(context, number, code, today, public_url))


@router.get(
    "/staff/applications",
    response_model=StaffApplicationPage,
    responses={**STAFF_AUTH, **INVALID},
    tags=["staff"],
)
def list_applications(
    context: Context,
    _staff: Staff,
    *,
    status: ApplicationState | None = None,
    department: Annotated[
        str | None, Query(pattern=DEPARTMENT_CODE_PATTERN, description="a department_code")
    ] = None,
    overdue: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> StaffApplicationPage:
    """The work list, newest first; applicants' ID numbers only masked."""
    return work_list(context, WorkListFilter(status, department, overdue), limit, offset)


@router.get(
    "/staff/applications/{number}",
    response_model=StaffApplication,
    responses={**STAFF_AUTH, **NOT_FOUND, **INVALID},
    tags=["staff"],
)
def get_staff_application(number: Number, context: Context, _staff: Staff) -> StaffApplication:
    return staff_view_by_number(context, number)


@router.post(
    "/staff/applications/{number}/transitions",
    response_model=StaffApplication,
    responses={
        **STAFF_AUTH,
        **NOT_FOUND,
        **INVALID_BODY,
        409: {
            "model": Problem,
            "description": "Not allowed from the current status (the detail lists the allowed "
            "next ones), or changed by someone else meanwhile",
        },
    },
    tags=["staff"],
)
def transition_application(
    number: Number, body: TransitionRequest, context: Context, staff: Staff
) -> StaffApplication:
    """Move the application one step: submitted → accepted → in_review → approved | rejected
    → completed."""
    return move(context, number, body, staff.name)
