"""Filing applications: numbering, promised dates and the public view of an application."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import models
from server.catalog import from_row
from server.context import AppContext
from server.form_validation import validate_form
from server.keyed_hash import identity_hash, new_access_code, same_secret
from server.problems import ProblemError, validation_problem
from server.schemas import ApplicationRequest
from server.working_days import add_working_days

NUMBER_PREFIX = "OS"
DAILY_SEQUENCE_DIGITS = 6
INITIAL_STATUS = "submitted"


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
        access_code=new_access_code(),
        form=dict(request.form),
        language=request.language,
        status=INITIAL_STATUS,
        submitted_at=submitted_at,
        promised_by=add_working_days(
            hall_date, service_row.promised_days, calendar_after(session, hall_date)
        ),
    )
    session.add(application)
    session.flush()
    session.add(
        models.ApplicationEvent(
            application_id=application.id,
            status=INITIAL_STATUS,
            note="",
            actor=kiosk_id,
            at=submitted_at,
        )
    )
    return status_body(application, public_url)


def status_by_code(context: AppContext, number: str, code: str, public_url: str) -> dict[str, Any]:
    """The status for whoever holds the receipt (its QR link carries the access code)."""
    with context.sessions() as session:
        application = session.scalar(
            select(models.Application).where(models.Application.number == number)
        )
        # One answer for "no such number" and "wrong code": the number alone reveals nothing.
        if application is None or not same_secret(code, application.access_code):
            raise ProblemError(
                404,
                "unknown-application",
                "Application not found",
                "No application has this number and code.",
            )
        return status_body(application, public_url)


def status_body(application: models.Application, public_url: str) -> dict[str, Any]:
    """The public view of an application; deliberately without any personal data."""
    return {
        "number": application.number,
        "service_code": application.service_code,
        "status": application.status,
        "submitted_at": iso_utc(application.submitted_at),
        "promised_by": application.promised_by.isoformat(),
        "status_url": status_url(public_url, application),
    }


def status_url(public_url: str, application: models.Application) -> str:
    return f"{public_url}/v1/applications/{application.number}?code={application.access_code}"


def iso_utc(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _next_number(session: Session, hall_date: dt.date) -> str:
    """``OS`` + YYYYMMDD + the next daily sequence; a race is caught by the unique constraint."""
    prefix = f"{NUMBER_PREFIX}{hall_date:%Y%m%d}"
    highest = session.scalar(
        select(func.max(models.Application.number)).where(
            models.Application.number.like(f"{prefix}%")
        )
    )
    sequence = int(highest[len(prefix) :]) + 1 if highest else 1
    if sequence >= 10**DAILY_SEQUENCE_DIGITS:
        raise ProblemError(503, "numbers-exhausted", "No numbers left", "Try again tomorrow.")
    return f"{prefix}{sequence:0{DAILY_SEQUENCE_DIGITS}d}"


def calendar_after(session: Session, day: dt.date) -> dict[dt.date, bool]:
    """Holiday and make-up working day entries after ``day``; the table is a few rows a year."""
    rows = session.scalars(select(models.Holiday).where(models.Holiday.date > day))
    return {row.date: row.is_workday for row in rows}
