"""Evaluations (好差評): the public indicator catalog, and ratings filed by kiosks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from server.api.responses import IDEMPOTENT_CREATE, KIOSK_AUTH, PUBLIC_LIMIT
from server.auth import Kiosk, PublicLimited
from server.context import Context
from server.evaluation_indicators import catalog
from server.evaluations import file_evaluation
from server.idempotency import Creation, create_once, idempotency_key
from server.schemas import Problem
from server.schemas_evaluations import EvaluationReceipt, EvaluationRequest, IndicatorCatalog

router = APIRouter(prefix="/v1", tags=["evaluations"])
# The levels change only with a new release; an hour's caching spares a busy hall's kiosks.
CATALOG_CACHE = "public, max-age=3600"


@router.get(
    "/evaluations/indicators",
    response_model=IndicatorCatalog,
    responses=PUBLIC_LIMIT,
    dependencies=[PublicLimited],
)
def get_indicators() -> JSONResponse:
    body = IndicatorCatalog.model_validate(catalog()).model_dump(mode="json")
    return JSONResponse(body, headers={"Cache-Control": CATALOG_CACHE})


@router.post(
    "/evaluations",
    status_code=201,
    response_model=EvaluationReceipt,
    response_description="Recorded; a repeat of the key gets this same answer with "
    "Idempotent-Replayed: true",
    responses={
        **IDEMPOTENT_CREATE,
        **KIOSK_AUTH,
        404: {
            "model": Problem,
            "description": "No such transaction (unknown-transaction); or none filed yet "
            "under this provisional reference (transaction-not-yet-known): a kiosk that filed "
            "the application or hotline request offline must send its rating after it",
        },
        409: {"model": Problem, "description": "The transaction was rated already"},
    },
)
def create_evaluation(
    body: EvaluationRequest,
    context: Context,
    kiosk: Kiosk,
    key: Annotated[str, Depends(idempotency_key)],
) -> JSONResponse:
    answer = create_once(
        context.sessions,
        Creation(kiosk.kiosk_id, key, "evaluation", body),
        lambda session: file_evaluation(context, session, body, kiosk.kiosk_id),
    )
    return answer.response()
