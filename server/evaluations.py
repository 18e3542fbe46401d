"""Evaluations (好差評): one rating per transaction, the rater kept only as a keyed hash."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server import applications as application_numbers
from server import hotline as hotline_numbers
from server import models
from server.context import AppContext
from server.evaluation_indicators import indicator_errors
from server.keyed_hash import identity_hash
from server.problems import ProblemError, validation_problem
from server.schemas import PROVISIONAL_REF_PATTERN
from server.schemas_evaluations import EvaluationReceipt, EvaluationRequest, TransactionKind
from server.schemas_queue import MAX_ROW_ID

# The numbers this server gives applications and hotline requests: one that no row holds was
# never given out. Any other reference may be a kiosk's provisional one, for a filing still on
# its way from a kiosk that was offline.
_OFFICIAL_NUMBER = re.compile(
    "|".join(
        f"{module.NUMBER_PREFIX}[0-9]{{{8 + module.DAILY_SEQUENCE_DIGITS}}}"
        for module in (application_numbers, hotline_numbers)
    )
)
_PROVISIONAL_REF = re.compile(PROVISIONAL_REF_PATTERN)
_FILINGS: dict[TransactionKind, type[models.Application] | type[models.HotlineRequest]] = {
    TransactionKind.APPLICATION: models.Application,
    TransactionKind.HOTLINE_REQUEST: models.HotlineRequest,
}


def file_evaluation(
    context: AppContext, session: Session, request: EvaluationRequest, kiosk_id: str
) -> dict[str, Any]:
    """Add the evaluation to ``session``; the answer body.

    A concurrent second rating of the same transaction fails on the unique constraint, and
    :func:`server.idempotency.create_once`'s retry then finds this one and answers 409.
    """
    errors = indicator_errors(request.level, request.indicators)
    if errors:
        raise validation_problem(errors, "Some indicators do not fit the chosen level.")
    kind = request.transaction_kind
    reference, department_code = _find_transaction(session, kind, str(request.transaction_ref))
    earlier = session.scalar(
        select(models.Evaluation.id).where(
            models.Evaluation.transaction_kind == kind,
            models.Evaluation.transaction_ref == reference,
        )
    )
    if earlier is not None:
        raise ProblemError(
            409,
            "already-evaluated",
            "Already evaluated",
            "This transaction has been rated already; each one is rated once.",
        )
    rater = request.rater
    evaluation = models.Evaluation(
        transaction_kind=kind,
        transaction_ref=reference,
        department_code=department_code,
        level=request.level,
        indicators=list(request.indicators),
        comment=request.comment,
        rater_hash=(
            identity_hash(context.identity_secret(), rater.document_kind, rater.id_number)
            if rater is not None
            else None
        ),
        kiosk_id=kiosk_id,
        created_at=context.now(),
    )
    session.add(evaluation)
    session.flush()
    return EvaluationReceipt.model_validate(
        {
            "id": evaluation.id,
            "transaction_kind": kind,
            "transaction_ref": reference,
            "level": evaluation.level,
            "created_at": evaluation.created_at,
        }
    ).model_dump(mode="json")


def _find_transaction(
    session: Session, kind: TransactionKind, reference: str
) -> tuple[str, str | None]:
    """The transaction's canonical reference and department; 404 when there is none."""
    # An offline kiosk rates by the provisional reference its receipt carried; the rating
    # belongs to the official number, so the one-rating rule holds for both spellings.
    if kind is TransactionKind.APPLICATION:
        applications = models.Application
        application = session.execute(
            select(applications.number, applications.department_code)
            .where(or_(applications.number == reference, applications.provisional_ref == reference))
            .order_by((applications.number == reference).desc())
            .limit(1)
        ).first()
        if application is not None:
            return application.number, application.department_code
    elif kind is TransactionKind.HOTLINE_REQUEST:
        requests = models.HotlineRequest
        number = session.scalar(
            select(requests.number)
            .where(or_(requests.number == reference, requests.provisional_ref == reference))
            .order_by((requests.number == reference).desc())
            .limit(1)
        )
        if number is not None:
            return number, None
    else:
        ticket_id = _row_id(reference)
        if ticket_id is not None and session.get(models.QueueTicket, ticket_id) is not None:
            # "007" and "7" name the same ticket; one spelling keeps the one-rating rule.
            return str(ticket_id), None
    if _may_still_arrive(session, kind, reference):
        raise ProblemError(
            404,
            "transaction-not-yet-known",
            "Transaction not known yet",
            f"No {kind.replace('_', ' ')} has been filed under this reference yet. A kiosk "
            "that filed it offline sends the rating after the filing itself.",
        )
    raise ProblemError(
        404,
        "unknown-transaction",
        "Transaction not found",
        f"No {kind.replace('_', ' ')} has this reference.",
    )


def _may_still_arrive(session: Session, kind: TransactionKind, reference: str) -> bool:
    """Whether a filing of ``kind`` may yet arrive under ``reference``: it is spelled as a
    kiosk's provisional reference (not as a number this server gives), and no filing of the
    other kind holds it (a kiosk's references are unique across kinds)."""
    if kind not in _FILINGS or not _PROVISIONAL_REF.fullmatch(reference):
        return False
    if _OFFICIAL_NUMBER.fullmatch(reference):
        return False
    return not any(
        session.scalar(
            select(table.id)
            .where(or_(table.number == reference, table.provisional_ref == reference))
            .limit(1)
        )
        is not None
        for other, table in _FILINGS.items()
        if other is not kind
    )


def _row_id(reference: str) -> int | None:
    if not (reference.isascii() and reference.isdigit()):
        return None
    value = int(reference)
    return value if 1 <= value <= MAX_ROW_ID else None
