"""Filing applications: numbering, promised dates and idempotent replay of the first answer."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from server import models
from server.catalog import from_row
from server.form_validation import validate_form
from server.problems import ProblemError, validation_problem
from server.schemas import ApplicationRequest
from server.working_days import add_working_days

NUMBER_PREFIX = "OS"
DAILY_SEQUENCE_DIGITS = 6
INITIAL_STATUS = "submitted"
# Each failed attempt means another request won a race for a number or for the same key, and
# every round lets at least one request through, so a few attempts cover any kiosk hall.
MAX_ATTEMPTS = 20

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Answer:
    """An HTTP answer to a create request; ``replayed`` when it is a stored earlier answer."""

    status: int
    body: dict[str, Any]
    replayed: bool


@dataclass(frozen=True)
class FilingDesk:
    """Everything filing needs that is fixed for the life of the app."""

    sessions: sessionmaker[Session]
    hall_timezone: ZoneInfo
    clock: Clock = utc_now

    def submit(self, request: ApplicationRequest, key: str, public_url: str) -> Answer:
        fingerprint = request_fingerprint(request)
        for _attempt in range(MAX_ATTEMPTS):
            with self.sessions() as session:
                earlier = _find_record(session, request.kiosk_id, key)
                if earlier is not None:
                    return _replay(earlier, fingerprint)
                try:
                    return self._file(session, request, key, fingerprint, public_url)
                except IntegrityError:
                    # Lost a race: another request took this number or this key. Start over;
                    # the next round either replays the winner's answer or takes a new number.
                    session.rollback()
        raise ProblemError(
            503, "busy", "Service busy", "Too many simultaneous submissions; please retry."
        )

    def _file(
        self,
        session: Session,
        request: ApplicationRequest,
        key: str,
        fingerprint: str,
        public_url: str,
    ) -> Answer:
        service_row = session.get(models.Service, request.service_code)
        if service_row is None:
            raise ProblemError(
                404, "unknown-service", "Service not found", "No service has this code."
            )
        errors = validate_form(request.form, from_row(service_row).fields)
        if errors:
            raise validation_problem(errors, "Some form values are not valid.")
        submitted_at = self.clock().astimezone(dt.UTC).replace(microsecond=0)
        hall_date = submitted_at.astimezone(self.hall_timezone).date()
        application = models.Application(
            number=_next_number(session, hall_date),
            service_code=service_row.code,
            kiosk_id=request.kiosk_id,
            applicant_name=request.applicant.name,
            applicant_id_number=request.applicant.id_number,
            applicant_document_kind=request.applicant.document_kind,
            form=dict(request.form),
            language=request.language,
            status=INITIAL_STATUS,
            submitted_at=submitted_at,
            promised_by=add_working_days(
                hall_date, service_row.promised_days, _calendar_after(session, hall_date)
            ),
        )
        body = status_body(application, public_url)
        # One transaction for both rows: a stored answer always has its application, and a
        # concurrent repeat of the key fails on the unique constraint instead of filing twice.
        session.add(application)
        session.add(
            models.IdempotencyRecord(
                kiosk_id=request.kiosk_id,
                key=key,
                request_sha256=fingerprint,
                response_status=201,
                response_body=body,
                created_at=submitted_at,
            )
        )
        session.commit()
        return Answer(201, body, replayed=False)

    def status(self, number: str, public_url: str) -> dict[str, Any]:
        with self.sessions() as session:
            application = session.scalar(
                select(models.Application).where(models.Application.number == number)
            )
            if application is None:
                raise ProblemError(
                    404, "unknown-application", "Application not found", "No such number."
                )
            return status_body(application, public_url)


def request_fingerprint(request: ApplicationRequest) -> str:
    """SHA-256 of the request's canonical JSON: key order and whitespace do not matter."""
    canonical = json.dumps(
        request.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def status_body(application: models.Application, public_url: str) -> dict[str, Any]:
    """The public view of an application; deliberately without any personal data."""
    return {
        "number": application.number,
        "service_code": application.service_code,
        "status": application.status,
        "submitted_at": application.submitted_at.isoformat().replace("+00:00", "Z"),
        "promised_by": application.promised_by.isoformat(),
        "status_url": f"{public_url.rstrip('/')}/v1/applications/{application.number}",
    }


def _find_record(session: Session, kiosk_id: str, key: str) -> models.IdempotencyRecord | None:
    return session.scalar(
        select(models.IdempotencyRecord).where(
            models.IdempotencyRecord.kiosk_id == kiosk_id, models.IdempotencyRecord.key == key
        )
    )


def _replay(record: models.IdempotencyRecord, fingerprint: str) -> Answer:
    if record.request_sha256 != fingerprint:
        raise ProblemError(
            422,
            "idempotency-key-reused",
            "Idempotency-Key reused with a different request",
            "This kiosk already used this key for another request; generate a new key.",
        )
    return Answer(record.response_status, record.response_body, replayed=True)


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


def _calendar_after(session: Session, day: dt.date) -> dict[dt.date, bool]:
    """Holiday and make-up working day entries after ``day``; the table is a few rows a year."""
    rows = session.scalars(select(models.Holiday).where(models.Holiday.date > day))
    return {row.date: row.is_workday for row in rows}
