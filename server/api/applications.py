"""Applications: filed by kiosks, followed by citizens, moved through their lifecycle by staff."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from server.api.responses import IDEMPOTENT_CREATE, KIOSK_AUTH, NOT_FOUND, PUBLIC_LIMIT
from server.applications import file_application, status_by_code
from server.auth import Kiosk, PublicLimited
from server.context import Context
from server.idempotency import Creation, create_once, idempotency_key
from server.keyed_hash import ACCESS_CODE_LENGTH
from server.schemas import ApplicationRequest, ApplicationStatus, Problem

router = APIRouter(prefix="/v1", tags=["applications"])


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
    },
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


@router.get(
    "/applications/{number}",
    response_model=ApplicationStatus,
    responses={**NOT_FOUND, **PUBLIC_LIMIT},
    dependencies=[PublicLimited],
)
def get_application(
    number: str,
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
) -> JSONResponse:
    return JSONResponse(status_by_code(context, number, code, context.base_url(request)))
