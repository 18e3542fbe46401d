"""12345 hotline requests: filed at kiosks, followed by citizens, answered by staff."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from server.api.responses import (
    IDEMPOTENT_CREATE,
    KIOSK_AUTH,
    NOT_FOUND,
    PUBLIC_LIMIT,
    STAFF_AUTH,
    Responses,
)
from server.auth import Kiosk, PublicLimited, Staff
from server.context import Context
from server.hotline import CATEGORIES, HotlineCategory, HotlineStatus, Source, check_contact
from server.hotline_store import (
    NewRequest,
    StaffFilter,
    add_reply,
    file_request,
    public_status,
    receipt_body,
    staff_get,
    staff_list,
)
from server.idempotency import Creation, create_once, idempotency_key
from server.keyed_hash import ACCESS_CODE_LENGTH
from server.problems import validation_problem
from server.schemas import Problem
from server.schemas_hotline import (
    NO_NUL,
    STAFF_PAGE_MAX,
    HotlineCategoryInfo,
    HotlineCategoryList,
    HotlinePublicStatus,
    HotlineReceipt,
    HotlineReplyInput,
    HotlineRequestInput,
    HotlineStaffList,
    HotlineStaffView,
)

router = APIRouter(prefix="/v1", tags=["hotline"])

Number = Annotated[
    str, Path(max_length=32, pattern=NO_NUL, description="the hotline number, RX...")
]
CONFLICT: Responses = {409: {"model": Problem, "description": "Provisional reference already used"}}


@router.get("/hotline/categories", response_model=HotlineCategoryList)
def list_categories() -> HotlineCategoryList:
    return HotlineCategoryList(
        categories=[
            HotlineCategoryInfo(
                code=category,
                name=info.name,
                description=info.description,
                anonymous_allowed=info.anonymous_allowed,
            )
            for category, info in CATEGORIES.items()
        ]
    )


@router.post(
    "/hotline/requests",
    status_code=201,
    response_model=HotlineReceipt,
    response_description="Filed; a repeat of the key gets this same answer with "
    "Idempotent-Replayed: true",
    responses={**IDEMPOTENT_CREATE, **KIOSK_AUTH, **CONFLICT},
)
def create_hotline_request(
    body: HotlineRequestInput,
    request: Request,
    context: Context,
    kiosk: Kiosk,
    key: Annotated[str, Depends(idempotency_key)],
) -> JSONResponse:
    contact, errors = check_contact(
        body.category, body.anonymous, body.contact_name, body.contact_phone
    )
    if contact is None:
        raise validation_problem(errors, "The contact does not suit this request.")
    new = NewRequest(
        category=body.category,
        description=body.description,
        contact=contact,
        language=body.language,
        source=Source.KIOSK,
        kiosk_id=kiosk.kiosk_id,
        address=body.address,
        provisional_ref=body.provisional_ref,
    )
    public_url = context.base_url(request)
    answer = create_once(
        context.sessions,
        Creation(kiosk.kiosk_id, key, "hotline-request", body),
        lambda session: receipt_body(file_request(context, session, new), public_url),
    )
    return answer.response()


@router.get(
    "/hotline/requests/{number}",
    response_model=HotlinePublicStatus,
    responses={**NOT_FOUND, **PUBLIC_LIMIT},
    dependencies=[PublicLimited],
)
def get_hotline_request(
    number: Number,
    context: Context,
    code: Annotated[
        str,
        Query(
            min_length=ACCESS_CODE_LENGTH,
            max_length=ACCESS_CODE_LENGTH,
            pattern=NO_NUL,
            description="the access code in the receipt's status link",
        ),
    ],
) -> JSONResponse:
    return JSONResponse(public_status(context, number, code))


@router.get(
    "/staff/hotline/requests",
    response_model=HotlineStaffList,
    responses={**STAFF_AUTH},
    tags=["staff"],
)
def list_hotline_requests(
    context: Context,
    _staff: Staff,
    status: HotlineStatus | None = None,
    category: HotlineCategory | None = None,
    limit: Annotated[int, Query(ge=1, le=STAFF_PAGE_MAX)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> JSONResponse:
    return JSONResponse(staff_list(context, StaffFilter(status, category, limit, offset)))


@router.get(
    "/staff/hotline/requests/{number}",
    response_model=HotlineStaffView,
    responses={**STAFF_AUTH, **NOT_FOUND},
    tags=["staff"],
)
def get_hotline_request_for_staff(number: Number, context: Context, _staff: Staff) -> JSONResponse:
    return JSONResponse(staff_get(context, number))


@router.post(
    "/staff/hotline/requests/{number}/replies",
    status_code=201,
    response_model=HotlineStaffView,
    response_description="Replied; the request as it is now",
    responses={
        400: {"model": Problem, "description": "The body is not valid JSON"},
        **STAFF_AUTH,
        **NOT_FOUND,
        409: {"model": Problem, "description": "The request is closed"},
    },
    tags=["staff"],
)
def reply_to_hotline_request(
    number: Number, body: HotlineReplyInput, context: Context, staff: Staff
) -> JSONResponse:
    return JSONResponse(
        add_reply(context, number, body.text, HotlineStatus(body.status), staff.name),
        status_code=201,
    )
