"""Filing applications, and the citizen's view of them: numbers, promised dates, by identity.

The look-ups by number or receipt code are in :mod:`server.status_lookup`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from server import models
from server.catalog import from_row
from server.context import AppContext
from server.form_validation import validate_form
from server.holidays import calendar_after
from server.keyed_hash import identity_hash, new_access_code
from server.lifecycle import INITIAL_STATE, ApplicationState, is_overdue
from server.problems import ProblemError, validation_problem
from server.schemas import ApplicationRequest
from server.schemas_applications import ApplicationStatus, IdentityLookup, TimelineEntry
from server.working_days import add_working_days

NUMBER_PREFIX = "OS"
DAILY_SEQUENCE_DIGITS = 6
# A citizen files a handful of applications a year; a kiosk screen shows the newest ones.
IDENTITY_LOOKUP_LIMIT = 100

_A = models.Application


def file_application(
    context: AppContext,
    session: Session,
    request: ApplicationRequest,
    kiosk_id: str,
    public_url: str,
) -> dict[str, Any]:
    """Add the application and its first event to ``session``; the answer body."""
    service_row = session.get(models.Service, request.service_code)
    if service_row is None:
        raise ProblemError(404, "unknown-service", "Service not found", "No service has this code.")
    errors = validate_form(request.form, from_row(service_row).fields)
    if errors:
        raise validation_problem(errors, "Some form values are not valid.")
    if request.provisional_ref is not None and session.scalar(
        select(_A.id).where(_A.provisional_ref == request.provisional_ref)
    ):
        # A repeat of the same filing carries the same Idempotency-Key and is replayed before
        # this point; a new key with a used reference is a different application.
        raise ProblemError(
            409,
            "provisional-ref-taken",
            "Provisional reference already used",
            "Another application was filed under this provisional reference.",
        )
    submitted_at = context.now()
    hall_date = context.hall_date(submitted_at)
    application = models.Application(
        number=_next_number(session, hall_date),
        service_code=service_row.code,
        department_code=service_row.department_code,
        kiosk_id=kiosk_id,
        applicant_name=request.applicant.name,
        applicant_id_number=request.applicant.id_number,
        applicant_document_kind=request.applicant.document_kind,
        identity_hash=identity_hash(
            context.identity_secret(), request.applicant.document_kind, request.applicant.id_number
        ),
        access_code=request.access_code or new_access_code(),
        provisional_ref=request.provisional_ref,
        form=dict(request.form),
        language=request.language,
        status=INITIAL_STATE.value,
        submitted_at=submitted_at,
        submitted_on=hall_date,
        promised_by=add_working_days(
            hall_date, service_row.promised_days, calendar_after(session, hall_date)
        ),
    )
    session.add(application)
    session.flush()
    event = models.ApplicationEvent(
        application_id=application.id,
        status=INITIAL_STATE.value,
        note="",
        actor=kiosk_id,
        at=submitted_at,
    )
    session.add(event)
    return status_body(application, [event], hall_date, public_url)


def statuses_by_identity(
    context: AppContext, lookup: IdentityLookup, public_url: str
) -> dict[str, Any]:
    """The applications of the citizen whose card the kiosk read, newest first."""
    digest = identity_hash(context.identity_secret(), lookup.document_kind, lookup.id_number)
    with context.sessions() as session:
        applications = session.scalars(
            select(_A)
            .where(_A.identity_hash == digest)
            .order_by(_A.submitted_at.desc(), _A.id.desc())
            .limit(IDENTITY_LOOKUP_LIMIT)
        ).all()
        return {"applications": _bodies(context, session, applications, public_url)}


def _bodies(
    context: AppContext,
    session: Session,
    applications: Iterable[models.Application],
    public_url: str,
) -> list[dict[str, Any]]:
    applications = list(applications)
    events = events_by_application(session, [application.id for application in applications])
    today = hall_today(context)
    return [
        status_body(application, events[application.id], today, public_url)
        for application in applications
    ]


def status_body(
    application: models.Application,
    events: list[models.ApplicationEvent],
    today: dt.date,
    public_url: str,
) -> dict[str, Any]:
    """The citizen's view of an application (JSON-ready); deliberately without personal data."""
    timeline = [_timeline_entry(event.status, event.at, event.note) for event in events]
    return status_view(application, timeline, today, public_url).model_dump(mode="json")


def status_view(
    application: models.Application, timeline: list[TimelineEntry], today: dt.date, public_url: str
) -> ApplicationStatus:
    return ApplicationStatus(
        number=application.number,
        service_code=application.service_code,
        status=ApplicationState(application.status),
        submitted_at=application.submitted_at,
        promised_by=application.promised_by,
        overdue=is_overdue(application.promised_by, application.decided_on, today),
        provisional_ref=application.provisional_ref,
        status_url=status_url(public_url, application),
        timeline=timeline,
    )


def _timeline_entry(status: str, at: dt.datetime, note: str) -> TimelineEntry:
    return TimelineEntry(status=ApplicationState(status), at=at, note=note)


def events_by_application(
    session: Session, application_ids: list[int]
) -> dict[int, list[models.ApplicationEvent]]:
    """Each application's lifecycle events, oldest first, fetched in one query."""
    grouped: dict[int, list[models.ApplicationEvent]] = defaultdict(list)
    if not application_ids:
        return grouped
    rows = session.scalars(
        select(models.ApplicationEvent)
        .where(models.ApplicationEvent.application_id.in_(application_ids))
        .order_by(models.ApplicationEvent.at, models.ApplicationEvent.id)
    )
    for event in rows:
        grouped[event.application_id].append(event)
    return grouped


def hall_today(context: AppContext) -> dt.date:
    # The clock's own reading: a date needs neither UTC nor whole seconds first. (What
    # context.hall_date does, without one more call on every look-up.)
    return context.clock().astimezone(context.hall_timezone).date()


def overdue_clause(today: dt.date) -> ColumnElement[bool]:
    """:func:`server.lifecycle.is_overdue` as SQL, for filters and statistics.

    Written so that it is never NULL (each branch tests decided_on for NULL first): its
    negation then selects exactly the applications that are not overdue.
    """
    return or_(
        and_(_A.decided_on.is_(None), _A.promised_by < today),
        and_(_A.decided_on.is_not(None), _A.decided_on > _A.promised_by),
    )


def status_url(public_url: str, application: models.Application) -> str:
    return status_link(public_url, application.number, application.access_code)


def status_link(public_url: str, number: str, access_code: str) -> str:
    """The status view again, for whoever holds the receipt (its QR code links here)."""
    return f"{public_url}/v1/applications/{number}?code={access_code}"


def _next_number(session: Session, hall_date: dt.date) -> str:
    """``OS`` + YYYYMMDD + the next daily sequence; a race is caught by the unique constraint."""
    prefix = f"{NUMBER_PREFIX}{hall_date:%Y%m%d}"
    highest = session.scalar(select(func.max(_A.number)).where(_A.number.like(f"{prefix}%")))
    sequence = int(highest[len(prefix) :]) + 1 if highest else 1
    if sequence >= 10**DAILY_SEQUENCE_DIGITS:
        raise ProblemError(503, "numbers-exhausted", "No numbers left", "Try again tomorrow.")
    return f"{prefix}{sequence:0{DAILY_SEQUENCE_DIGITS}d}"
