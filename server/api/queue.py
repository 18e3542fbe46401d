"""Queue tickets: kiosks take them for a counter category; staff call and close them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import JSONResponse

from server import queue
from server.api.responses import (
    IDEMPOTENT_CREATE,
    KIOSK_AUTH,
    NOT_FOUND,
    STAFF_AUTH,
    Responses,
)
from server.auth import Kiosk, Staff
from server.context import Context
from server.idempotency import Creation, create_once, idempotency_key
from server.queue_rules import TicketStatus
from server.schemas import Problem
from server.schemas_queue import (
    CATEGORY_CODE_PATTERN,
    MAX_ROW_ID,
    CallNextRequest,
    OutcomeRequest,
    QueueCategoryList,
    StaffQueueOverview,
    Ticket,
    TicketRequest,
)

router = APIRouter(prefix="/v1")

TicketId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="the ticket's id")]
CategoryPath = Annotated[
    str, Path(pattern=CATEGORY_CODE_PATTERN, max_length=32, description="a category's code")
]
BUSY: Responses = {503: {"model": Problem, "description": "Too many simultaneous calls; retry"}}
# Staff routes take no Idempotency-Key, so nothing else declares the answer to a broken body.
BAD_BODY: Responses = {400: {"model": Problem, "description": "The body is not valid JSON"}}


@router.get(
    "/queue/categories",
    response_model=QueueCategoryList,
    responses=KIOSK_AUTH,
    tags=["queue"],
)
def list_categories(context: Context, _kiosk: Kiosk) -> JSONResponse:
    return JSONResponse(queue.category_list(context))


@router.post(
    "/queue/tickets",
    status_code=201,
    response_model=Ticket,
    response_description="Issued; a repeat of the key gets this same answer with "
    "Idempotent-Replayed: true",
    responses={
        **IDEMPOTENT_CREATE,
        **KIOSK_AUTH,
        404: {"model": Problem, "description": "Unknown queue category"},
        **BUSY,
    },
    tags=["queue"],
)
def take_ticket(
    body: TicketRequest,
    context: Context,
    kiosk: Kiosk,
    key: Annotated[str, Depends(idempotency_key)],
) -> JSONResponse:
    answer = create_once(
        context.sessions,
        Creation(kiosk.kiosk_id, key, "queue-ticket", body),
        lambda session: queue.issue_ticket(context, session, body, kiosk.kiosk_id),
    )
    return answer.response()


@router.get(
    "/queue/tickets/{ticket_id}",
    response_model=Ticket,
    responses={**KIOSK_AUTH, **NOT_FOUND},
    tags=["queue"],
)
def get_ticket(ticket_id: TicketId, context: Context, _kiosk: Kiosk) -> JSONResponse:
    return JSONResponse(queue.ticket_by_id(context, ticket_id))


@router.get(
    "/staff/queue",
    response_model=StaffQueueOverview,
    responses=STAFF_AUTH,
    tags=["staff", "queue"],
)
def staff_queue(context: Context, _staff: Staff) -> JSONResponse:
    return JSONResponse(queue.staff_overview(context))


@router.post(
    "/staff/queue/{category}/call-next",
    response_model=Ticket,
    responses={
        **BAD_BODY,
        **STAFF_AUTH,
        404: {"model": Problem, "description": "Unknown queue category"},
        409: {"model": Problem, "description": "Nobody of today is waiting (queue-empty)"},
        **BUSY,
    },
    tags=["staff", "queue"],
)
def call_next(
    category: CategoryPath, body: CallNextRequest, context: Context, _staff: Staff
) -> JSONResponse:
    return JSONResponse(queue.call_next(context, category, body.counter))


@router.post(
    "/staff/queue/tickets/{ticket_id}/outcome",
    response_model=Ticket,
    responses={
        **BAD_BODY,
        **STAFF_AUTH,
        **NOT_FOUND,
        409: {"model": Problem, "description": "The ticket is not called (ticket-not-called)"},
    },
    tags=["staff", "queue"],
)
def record_outcome(
    ticket_id: TicketId, body: OutcomeRequest, context: Context, _staff: Staff
) -> JSONResponse:
    return JSONResponse(queue.record_outcome(context, ticket_id, TicketStatus(body.outcome)))
