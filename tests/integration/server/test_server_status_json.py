"""The look-ups' answers (server/status_lookup.py) are byte for byte what pydantic wrote.

Each application below is written to a real database (SQLite and PostgreSQL), found again by
number and last four, by receipt code and by provisional reference, and its answer compared
with the bytes the previous implementation sent: ``ApplicationStatus(...).model_dump_json()``
over the application as the ORM loads it, built by :func:`reference_answer` as that
implementation built it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select

from server import models
from server.catalog import demo_catalog_path, load_catalog, seed_if_empty
from server.context import AppContext
from server.database import build_engine, build_read_engine, migrate_to_head, session_factory
from server.heartbeats import HeartbeatBook
from server.kiosk_directory import KioskDirectory
from server.lifecycle import ApplicationState, is_overdue
from server.prepared_reads import HotReads
from server.problems import ProblemError
from server.rate_limit import RateLimit, RateLimiter
from server.schemas_applications import ApplicationStatus, ReferenceLookup, TimelineEntry
from server.status_lookup import status_json_by_code, status_json_by_reference

DATABASES = ("sqlite", "postgresql")
TODAY = dt.date(2026, 12, 10)
# Quotes and a backslash in the configured URL come out escaped in status_url too.
PUBLIC_URL = 'http://hall.example:8000/one"stop\\'
ID_NUMBER = "11010519491231002x"
START = dt.datetime(2026, 11, 29, 23, 30, 5, tzinfo=dt.UTC)
NOTES = (
    "",
    "已受理",
    'quote " backslash \\ slash / </script><!--',
    "controls \x01\x08\t\n\x0b\x0c\r\x1b\x1f\x7f end",
    "separators \u2028\u2029, astral 𝄞🙂, combining é",
    "  leading and trailing blanks  ",
)
_serial = itertools.count(1)


@dataclass(frozen=True)
class Case:
    """An application to write: its events are (status, at, note), in the order written."""

    promised_by: dt.date = dt.date(2026, 12, 20)
    decided_on: dt.date | None = None
    provisional_ref: str | None = None
    submitted_at: dt.datetime = START
    status: ApplicationState = ApplicationState.SUBMITTED
    events: tuple[tuple[str, dt.datetime, str], ...] = field(default=(("submitted", START, ""),))


def steps(
    *notes: str, at: Callable[[int], dt.datetime] = lambda i: START
) -> tuple[tuple[str, dt.datetime, str], ...]:
    states = list(ApplicationState)
    return tuple((states[i % len(states)].value, at(i), note) for i, note in enumerate(notes))


CASES = {
    "no events": Case(events=()),
    "one event": Case(),
    "every kind of note, every status": Case(
        status=ApplicationState.COMPLETED,
        events=steps(*NOTES, at=lambda i: START + dt.timedelta(hours=i)),
    ),
    "steps in the same second keep the order they were written": Case(
        events=steps("first", "second", "third"),
    ),
    "steps written out of time order are told in time order": Case(
        events=(
            ("in_review", START + dt.timedelta(minutes=2), "third"),
            ("submitted", START, "first"),
            ("accepted", START + dt.timedelta(minutes=1), "second"),
        ),
    ),
    "microseconds": Case(
        submitted_at=START.replace(microsecond=120000),
        events=steps("a", "b", "c", at=lambda i: START.replace(microsecond=(123456, 5, 100)[i])),
    ),
    "given in another time zone": Case(
        submitted_at=START.astimezone(ZoneInfo("Asia/Shanghai")),
        events=steps("x", at=lambda i: START.astimezone(ZoneInfo("America/New_York"))),
    ),
    "overdue, undecided": Case(promised_by=TODAY - dt.timedelta(days=1)),
    "due today, undecided": Case(promised_by=TODAY),
    "decided late": Case(
        status=ApplicationState.APPROVED,
        promised_by=dt.date(2026, 12, 1),
        decided_on=dt.date(2026, 12, 2),
    ),
    "decided in time, promise since passed": Case(
        status=ApplicationState.REJECTED,
        promised_by=dt.date(2026, 12, 1),
        decided_on=dt.date(2026, 12, 1),
    ),
    "provisional reference": Case(provisional_ref="K03-0000abcd"),
}


@pytest.fixture(scope="module", params=DATABASES)
def engine(
    request: pytest.FixtureRequest, database_factory: Callable[[str], str]
) -> Iterator[Engine]:
    engine = build_engine(database_factory(request.param))
    migrate_to_head(engine)
    with session_factory(engine).begin() as session:
        seed_if_empty(session, load_catalog(demo_catalog_path()))
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def context(engine: Engine) -> Iterator[AppContext]:
    """What a look-up needs of the app: its database, through the prepared reads."""
    sessions = session_factory(engine)
    read_engine = build_read_engine(engine.url.render_as_string(hide_password=False), engine)
    unlimited = RateLimit(per_second=1e6, burst=1_000_000)
    built = AppContext(
        sessions=sessions,
        hall_timezone=ZoneInfo("Asia/Shanghai"),
        public_url=PUBLIC_URL,
        kiosk_limiter=RateLimiter(unlimited),
        public_limiter=RateLimiter(unlimited),
        heartbeats=HeartbeatBook(sessions),
        kiosk_directory=KioskDirectory(),
        read_engine=read_engine,
        hot_reads=HotReads(read_engine),
    )
    try:
        yield built
    finally:
        built.hot_reads.close()
        if read_engine is not engine:
            read_engine.dispose()


def write(engine: Engine, case: Case) -> models.Application:
    """``case`` as an application and its events; the application as the ORM loads it."""
    number = f"OS20261129{next(_serial):06d}"
    with session_factory(engine).begin() as session:
        application = models.Application(
            number=number,
            service_code="BR-001",
            department_code="market",
            kiosk_id="K-1",
            applicant_name="王五",
            applicant_id_number=ID_NUMBER,
            applicant_document_kind="resident_id",
            identity_hash="0" * 64,
            access_code="ABCDEFGHJK",
            provisional_ref=case.provisional_ref,
            form={},
            language="zh-Hans",
            status=case.status.value,
            submitted_at=case.submitted_at,
            submitted_on=case.submitted_at.date(),
            promised_by=case.promised_by,
            decided_on=case.decided_on,
        )
        session.add(application)
        session.flush()
        for status, at, note in case.events:
            session.add(
                models.ApplicationEvent(
                    application_id=application.id, status=status, note=note, actor="K-1", at=at
                )
            )
            session.flush()
    with session_factory(engine)() as session:
        loaded = session.scalar(
            select(models.Application).where(models.Application.number == number)
        )
        assert loaded is not None
        return loaded


def reference_answer(engine: Engine, application: models.Application) -> bytes:
    """What the look-ups sent before server/status_lookup.py: the pydantic model, dumped."""
    with session_factory(engine)() as session:
        events = session.scalars(
            select(models.ApplicationEvent)
            .where(models.ApplicationEvent.application_id == application.id)
            .order_by(models.ApplicationEvent.at, models.ApplicationEvent.id)
        ).all()
    view = ApplicationStatus(
        number=application.number,
        service_code=application.service_code,
        status=ApplicationState(application.status),
        submitted_at=application.submitted_at,
        promised_by=application.promised_by,
        overdue=is_overdue(application.promised_by, application.decided_on, TODAY),
        provisional_ref=application.provisional_ref,
        status_url=f"{PUBLIC_URL}/v1/applications/{application.number}"
        f"?code={application.access_code}",
        timeline=[
            TimelineEntry(status=ApplicationState(event.status), at=event.at, note=event.note)
            for event in events
        ],
    )
    return view.model_dump_json().encode()


@pytest.mark.parametrize("name", CASES)
def test_the_answer_is_what_pydantic_wrote(engine: Engine, context: AppContext, name: str) -> None:
    case = CASES[name]
    application = write(engine, case)
    expected = reference_answer(engine, application)

    by_last4 = ReferenceLookup(reference=application.number, id_last4="002X")
    assert status_json_by_reference(context, by_last4, TODAY, PUBLIC_URL) == expected
    found_by_code = status_json_by_code(
        context, application.number, "ABCDEFGHJK", TODAY, PUBLIC_URL
    )
    assert found_by_code == expected
    if case.provisional_ref is not None:
        by_ref = ReferenceLookup(reference=case.provisional_ref, id_last4="002x")
        assert status_json_by_reference(context, by_ref, TODAY, PUBLIC_URL) == expected
    # And what the route declares it answers takes it back unchanged.
    assert ApplicationStatus.model_validate_json(expected).model_dump_json().encode() == expected


@pytest.mark.parametrize(
    ("name", "notes"),
    [
        ("steps written out of time order are told in time order", ["first", "second", "third"]),
        ("steps in the same second keep the order they were written", ["first", "second", "third"]),
    ],
)
def test_the_timeline_is_in_time_then_written_order(
    engine: Engine, context: AppContext, name: str, notes: list[str]
) -> None:
    application = write(engine, CASES[name])
    answer = status_json_by_code(context, application.number, "ABCDEFGHJK", TODAY, PUBLIC_URL)
    timeline = ApplicationStatus.model_validate_json(answer).timeline
    assert [step.note for step in timeline] == notes


def test_wrong_last_four_and_wrong_code_are_404(engine: Engine, context: AppContext) -> None:
    application = write(engine, Case())
    with pytest.raises(ProblemError) as wrong_last4:
        status_json_by_reference(
            context, ReferenceLookup(reference=application.number, id_last4="0000"), TODAY, ""
        )
    with pytest.raises(ProblemError) as wrong_code:
        status_json_by_code(context, application.number, "ZZZZZZZZZZ", TODAY, "")
    assert wrong_last4.value.status == wrong_code.value.status == 404
