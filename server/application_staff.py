"""Staff work on applications: the work list and moving an application through its lifecycle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, func, select, update
from sqlalchemy.orm import Session

from server import models
from server.applications import events_by_application, hall_today, overdue_clause
from server.context import AppContext
from server.lifecycle import (
    DECISIONS,
    ApplicationState,
    allowed_next,
    forbidden_transition_detail,
    is_overdue,
    may_move,
)
from server.problems import ProblemError
from server.schemas_applications import (
    ApplicantSummary,
    StaffApplication,
    StaffApplicationPage,
    StaffTimelineEntry,
    TransitionRequest,
)

_A = models.Application


@dataclass(frozen=True)
class WorkListFilter:
    status: ApplicationState | None = None
    department: str | None = None
    overdue: bool | None = None


def mask_id_number(number: str) -> str:
    """``1101**********002X``: four and four of a long number, two and two of a short one.

    The kiosk masks the same way; a short number (10 or 11 characters) with eight characters
    shown would leave only a handful of candidates, so fewer are kept.
    """
    keep = 4 if len(number) >= 15 else 2 if len(number) >= 6 else 0
    if keep == 0:
        return "*" * len(number)
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]


def work_list(
    context: AppContext, where: WorkListFilter, limit: int, offset: int
) -> StaffApplicationPage:
    today = hall_today(context)
    conditions: list[ColumnElement[bool]] = []
    if where.status is not None:
        conditions.append(_A.status == where.status.value)
    if where.department is not None:
        conditions.append(_A.department_code == where.department)
    if where.overdue is not None:
        late = overdue_clause(today)
        conditions.append(late if where.overdue else ~late)
    with context.sessions() as session:
        total = session.scalar(select(func.count()).select_from(_A).where(*conditions)) or 0
        applications = session.scalars(
            select(_A).where(*conditions).order_by(_A.id.desc()).limit(limit).offset(offset)
        ).all()
        views = _staff_views(session, list(applications), today)
    return StaffApplicationPage(applications=views, total=total, limit=limit, offset=offset)


def staff_view_by_number(context: AppContext, number: str) -> StaffApplication:
    with context.sessions() as session:
        application = _find(session, number)
        return _staff_views(session, [application], hall_today(context))[0]


def move(
    context: AppContext, number: str, request: TransitionRequest, actor: str
) -> StaffApplication:
    """Take one lifecycle step; 409 when the table does not allow it from the current state."""
    with context.sessions() as session:
        application = _find(session, number)
        current = ApplicationState(application.status)
        if not may_move(current, request.to):
            raise ProblemError(
                409,
                "forbidden-transition",
                "Transition not allowed",
                forbidden_transition_detail(current, request.to),
            )
        now = context.now()
        changes: dict[str, Any] = {"status": request.to.value}
        if request.to in DECISIONS:
            changes |= {"decided_at": now, "decided_on": context.hall_date(now)}
        if request.to is ApplicationState.COMPLETED:
            changes["completed_at"] = now
        # Only if nobody moved it meanwhile: two clerks pressing at once take one step, not two.
        result = cast(
            CursorResult[Any],
            session.execute(
                update(_A)
                .where(_A.id == application.id, _A.status == current.value)
                .values(**changes)
                .execution_options(synchronize_session=False)
            ),
        )
        if result.rowcount != 1:
            session.rollback()
            raise ProblemError(
                409,
                "concurrent-change",
                "Application changed meanwhile",
                "Someone else moved this application just now; reload it and try again.",
            )
        session.add(
            models.ApplicationEvent(
                application_id=application.id,
                status=request.to.value,
                note=request.note,
                actor=actor,
                at=now,
            )
        )
        session.commit()
        session.refresh(application)
        return _staff_views(session, [application], context.hall_date(now))[0]


def _find(session: Session, number: str) -> models.Application:
    application = session.scalar(select(_A).where(_A.number == number))
    if application is None:
        raise ProblemError(
            404, "unknown-application", "Application not found", "No application has this number."
        )
    return application


def _staff_views(
    session: Session, applications: list[models.Application], today: dt.date
) -> list[StaffApplication]:
    events = events_by_application(session, [application.id for application in applications])
    return [_staff_view(a, events[a.id], today) for a in applications]


def _staff_view(
    application: models.Application, events: list[models.ApplicationEvent], today: dt.date
) -> StaffApplication:
    state = ApplicationState(application.status)
    return StaffApplication(
        number=application.number,
        service_code=application.service_code,
        department_code=application.department_code,
        status=state,
        allowed_next=allowed_next(state),
        kiosk_id=application.kiosk_id,
        language=application.language,
        applicant=ApplicantSummary(
            name=application.applicant_name,
            document_kind=application.applicant_document_kind,
            id_number_masked=mask_id_number(application.applicant_id_number),
        ),
        submitted_at=application.submitted_at,
        promised_by=application.promised_by,
        overdue=is_overdue(application.promised_by, application.decided_on, today),
        decided_at=application.decided_at,
        completed_at=application.completed_at,
        provisional_ref=application.provisional_ref,
        timeline=[
            StaffTimelineEntry(
                status=ApplicationState(event.status),
                at=event.at,
                note=event.note,
                actor=event.actor,
            )
            for event in events
        ],
    )
