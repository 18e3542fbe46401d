"""JSON shapes of applications: the citizen's status view, look-ups, staff work, the holiday
calendar and the yearly statistics."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from server.lifecycle import ApplicationState
from server.schemas import PROVISIONAL_REF_PATTERN, _Strict

NO_NUL = r"^[^\x00]*$"
DEPARTMENT_CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
NOTE_MAX_CHARS = 500


class TimelineEntry(BaseModel):
    status: ApplicationState
    at: dt.datetime = Field(description="ISO 8601, UTC")
    note: str = Field(description="what the hall told the citizen at this step; may be empty")


class ApplicationStatus(BaseModel):
    """What whoever holds the receipt (or proved the ID's last four) may see: no personal data."""

    number: str = Field(examples=["OS20261129000001"])
    service_code: str
    status: ApplicationState
    submitted_at: dt.datetime = Field(description="ISO 8601, UTC")
    promised_by: dt.date = Field(description="the hall's date the decision is promised by")
    overdue: bool = Field(
        description="undecided after the promised date, or decided after it (hall's calendar)"
    )
    provisional_ref: str | None = Field(
        description="the kiosk's offline reference this application was filed under, if any"
    )
    status_url: str = Field(description="this view again; the receipt's QR code links here")
    timeline: list[TimelineEntry] = Field(description="every lifecycle step, oldest first")


class ApplicationList(BaseModel):
    applications: list[ApplicationStatus] = Field(description="newest first")


class ReferenceLookup(_Strict):
    reference: str = Field(
        pattern=PROVISIONAL_REF_PATTERN,
        description="the application number, or the provisional reference of an offline receipt",
    )
    id_last4: str = Field(
        pattern=r"^[0-9A-Za-z]{4}$", description="the last four characters of the ID number"
    )


class IdentityLookup(_Strict):
    """The identity the kiosk's card reader verified."""

    document_kind: str = Field(min_length=1, max_length=32, pattern=NO_NUL)
    id_number: str = Field(min_length=1, max_length=32, pattern=NO_NUL)


class TransitionRequest(_Strict):
    to: ApplicationState
    note: str = Field(
        default="", max_length=NOTE_MAX_CHARS, pattern=NO_NUL, description="shown to the citizen"
    )


class StaffTimelineEntry(TimelineEntry):
    actor: str = Field(description="the staff member who took the step (the kiosk for filing)")


class ApplicantSummary(BaseModel):
    name: str
    document_kind: str
    id_number_masked: str = Field(examples=["1101**********002X"])


class StaffApplication(BaseModel):
    """An application as staff work on it: the applicant's name, never the full ID number."""

    number: str
    service_code: str
    department_code: str
    status: ApplicationState
    allowed_next: list[ApplicationState]
    kiosk_id: str
    language: str
    applicant: ApplicantSummary
    submitted_at: dt.datetime
    promised_by: dt.date
    overdue: bool
    decided_at: dt.datetime | None
    completed_at: dt.datetime | None
    provisional_ref: str | None
    timeline: list[StaffTimelineEntry]


class StaffApplicationPage(BaseModel):
    applications: list[StaffApplication] = Field(description="newest first")
    total: int = Field(description="how many applications match the filters")
    limit: int
    offset: int


class HolidayRequest(_Strict):
    is_workday: bool = Field(
        description="false: a public holiday; true: a make-up working day (调休上班)"
    )
    name: str = Field(default="", max_length=100, pattern=NO_NUL, examples=["国庆节"])


class Holiday(BaseModel):
    date: dt.date
    is_workday: bool
    name: str


class HolidayList(BaseModel):
    year: int
    holidays: list[Holiday] = Field(description="by date")


class Figures(BaseModel):
    """Figures of the applications received in a period (a cohort by filing date)."""

    received: int
    completed: int = Field(description="received, and since completed")
    completed_within_promise: int = Field(
        description="completed, and decided no later than the promised date"
    )
    overdue: int = Field(description="overdue today: undecided past the promise, or decided late")
    evaluated: int = Field(description="received, and rated by the citizen")
    satisfied: int = Field(description="rated 4 or 5 of 5")
    evaluation_rate: float = Field(description="evaluated / received; 0 when none received")
    satisfaction_rate: float = Field(description="satisfied / evaluated; 0 when none rated")


class MonthFigures(Figures):
    month: int = Field(ge=1, le=12)


class DepartmentFigures(Figures):
    department_code: str


class YearStatistics(BaseModel):
    """A service centre's yearly report; months and dates follow the hall's time zone."""

    year: int
    as_of: dt.date = Field(description="the hall's date on which overdue was judged")
    total: Figures
    by_month: list[MonthFigures] = Field(description="months 1 to 12, empty months as zeros")
    by_department: list[DepartmentFigures] = Field(
        description="departments that received applications that year, by code"
    )
