"""What a progress look-up works with: the backend's citizen view of an application, where a
status came from (the backend, this kiosk's memory, its outbox), and what a citizen typed or a
scanner read. Pure data and parsing: no network, no disk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from kiosk.api import BackendAnswerInvalid, BackendError
from kiosk.catalog import Service
from kiosk.outbox import ACCESS_CODE_LENGTH

# As the backend's contract (server/openapi.json: ReferenceLookup).
_REFERENCE = re.compile(r"[A-Za-z0-9-]{8,40}")
_LAST4 = re.compile(r"[0-9A-Za-z]{4}")
_CODE = re.compile(rf"[A-Za-z0-9]{{{ACCESS_CODE_LENGTH}}}")
_LINK_PATH = re.compile(r"/v1/applications/([A-Za-z0-9-]{8,40})/?")


class ApplicationState(Enum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    COMPLETED = "completed"

    @property
    def decided(self) -> bool:
        return self in _DECIDED


_DECIDED = frozenset(
    {ApplicationState.APPROVED, ApplicationState.REJECTED, ApplicationState.COMPLETED}
)


@dataclass(frozen=True)
class TimelineStep:
    status: ApplicationState
    at: datetime  # aware
    note: str  # what the hall told the citizen at this step; may be empty


@dataclass(frozen=True)
class ApplicationProgress:
    """The backend's citizen view of an application: no personal data in it."""

    number: str
    service_code: str
    status: ApplicationState
    submitted_at: datetime
    promised_by: date | None  # None only while it waits in this kiosk's outbox
    overdue: bool
    provisional_ref: str | None
    timeline: tuple[TimelineStep, ...]

    def document(self) -> dict[str, Any]:
        """As the backend sends it (without the status link, which holds an access code)."""
        return {
            "number": self.number,
            "service_code": self.service_code,
            "status": self.status.value,
            "submitted_at": self.submitted_at.isoformat(),
            "promised_by": self.promised_by.isoformat() if self.promised_by else None,
            "overdue": self.overdue,
            "provisional_ref": self.provisional_ref,
            "timeline": [
                {"status": s.status.value, "at": s.at.isoformat(), "note": s.note}
                for s in self.timeline
            ],
        }


def _moment(text: Any) -> datetime:
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_progress(raw: Any) -> ApplicationProgress:
    """An ``ApplicationStatus`` answer; ``BackendAnswerInvalid`` if it is not one."""
    try:
        promised = raw["promised_by"]
        provisional = raw.get("provisional_ref")
        return ApplicationProgress(
            number=str(raw["number"]),
            service_code=str(raw["service_code"]),
            status=ApplicationState(raw["status"]),
            submitted_at=_moment(raw["submitted_at"]),
            promised_by=date.fromisoformat(str(promised)) if promised is not None else None,
            overdue=bool(raw["overdue"]),
            provisional_ref=str(provisional) if provisional else None,
            timeline=tuple(
                TimelineStep(ApplicationState(s["status"]), _moment(s["at"]), str(s["note"] or ""))
                for s in raw["timeline"]
            ),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BackendAnswerInvalid(f"application status answer: {type(error).__name__}") from None


class Source(Enum):
    LIVE = "live"  # the backend just said so
    REMEMBERED = "remembered"  # the last the kiosk heard; may be out of date
    WAITING = "waiting"  # filed at this kiosk, still in its outbox waiting to be sent


@dataclass(frozen=True)
class KnownProgress:
    application: ApplicationProgress
    source: Source
    known_at: datetime  # live: now; remembered: when heard; waiting: when filed here


@dataclass(frozen=True)
class ProgressReport:
    """What a look-up found. ``unavailable``: why the backend could not answer (the report
    then holds only what the kiosk knew); ``services``: the catalog entries, for their names."""

    applications: tuple[KnownProgress, ...]
    services: Mapping[str, Service] = field(default_factory=dict)
    unavailable: BackendError | None = None


class ApplicationNotFound(Exception):
    """No application has this reference with that proof (which part is wrong is not said)."""


# -- what the citizen typed or scanned ------------------------------------------------------


class QueryField(Enum):
    REFERENCE = "reference"
    ID_LAST4 = "id-last4"


class InputProblem(Enum):
    MISSING = "missing"
    MALFORMED = "malformed"


class QueryInvalid(ValueError):
    def __init__(self, problems: Mapping[QueryField, InputProblem]) -> None:
        super().__init__(", ".join(f"{f.value}: {p.value}" for f, p in problems.items()))
        self.problems = dict(problems)


@dataclass(frozen=True, repr=False)
class ReferenceQuery:
    reference: str
    id_last4: str

    def __repr__(self) -> str:
        return f"ReferenceQuery({self.reference}, ****)"


def reference_query(reference: str, id_last4: str) -> ReferenceQuery:
    """Typed input, tidied (spaces dropped, upper case); ``QueryInvalid`` says what is wrong."""
    reference = re.sub(r"\s+", "", reference).upper()
    id_last4 = re.sub(r"\s+", "", id_last4).upper()
    problems: dict[QueryField, InputProblem] = {}
    for name, text, pattern in (
        (QueryField.REFERENCE, reference, _REFERENCE),
        (QueryField.ID_LAST4, id_last4, _LAST4),
    ):
        if not text:
            problems[name] = InputProblem.MISSING
        elif not pattern.fullmatch(text):
            problems[name] = InputProblem.MALFORMED
    if problems:
        raise QueryInvalid(problems)
    return ReferenceQuery(reference, id_last4)


@dataclass(frozen=True, repr=False)
class ReceiptLink:
    """A receipt's QR code: the status link with its reference and access code."""

    reference: str
    code: str

    def __repr__(self) -> str:
        return f"ReceiptLink({self.reference}, <code>)"


@dataclass(frozen=True)
class ScannedNumber:
    """A receipt's barcode: the number alone (the ID's last four are still needed)."""

    reference: str


def read_scan(text: str) -> ReceiptLink | ScannedNumber | None:
    """What a scanner typed: a status link (any host: only its path and code are used, the
    kiosk never follows it elsewhere), a bare number, or ``None`` for anything else."""
    text = text.strip()
    if "/v1/applications/" in text:
        parts = urlsplit(text)
        found = _LINK_PATH.fullmatch(unquote(parts.path))
        codes = parse_qs(parts.query).get("code", [])
        if found and len(codes) == 1 and _CODE.fullmatch(codes[0]):
            return ReceiptLink(found.group(1).upper(), codes[0])
        return None
    if _REFERENCE.fullmatch(text):
        return ScannedNumber(text.upper())
    return None
