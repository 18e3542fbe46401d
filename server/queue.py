"""Queue tickets: kiosks issue them per counter category, staff call and close them.

Numbers restart each hall day per category; a race for a number fails on the unique
(category, day, sequence) constraint and :func:`server.idempotency.create_once` retries it.
Calling is a guarded UPDATE (``WHERE status = 'waiting'``): of two staff calling at once,
only one changes the row, and the other moves on to the next ticket.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CursorResult, distinct, func, select, update
from sqlalchemy.orm import Session

from server import models
from server.context import AppContext
from server.problems import ProblemError
from server.queue_rules import (
    ACTIVE_COUNTER_WINDOW,
    RECENT_SERVICES,
    TicketStatus,
    average_minutes,
    can_move,
    estimate_wait_minutes,
    service_minutes,
    ticket_number,
)
from server.schemas_queue import (
    QueueCategoryList,
    StaffQueueOverview,
    Ticket,
    TicketRequest,
)

# Each failed round means another staff member took the ticket we aimed at; every round
# lets at least one caller through, so this covers any number of counters.
MAX_CALL_ATTEMPTS = 20
FALLBACK_LANGUAGE = "zh-Hans"

DEMO_CATEGORIES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("general", "A", {"zh-Hant": "綜合受理", "zh-Hans": "综合受理", "en": "General acceptance"}),
    (
        "social-insurance",
        "B",
        {
            "zh-Hant": "社保醫保",
            "zh-Hans": "社保医保",
            "en": "Social insurance and medical insurance",
        },
    ),
    (
        "real-estate",
        "C",
        {"zh-Hant": "不動產登記", "zh-Hans": "不动产登记", "en": "Real estate registration"},
    ),
    ("tax", "D", {"zh-Hant": "稅務", "zh-Hans": "税务", "en": "Tax"}),
    (
        "household-exit-entry",
        "E",
        {
            "zh-Hant": "戶籍與出入境",
            "zh-Hans": "户籍与出入境",
            "en": "Household registration and exit-entry",
        },
    ),
)


def seed_demo(session: Session) -> None:
    """Add the demo counter categories when there are none yet."""
    if session.scalar(select(func.count()).select_from(models.QueueCategory)):
        return
    for position, (code, prefix, name) in enumerate(DEMO_CATEGORIES):
        session.add(models.QueueCategory(code=code, prefix=prefix, name=name, sort_order=position))


@dataclass(frozen=True)
class Pace:
    """How fast a category's queue moves right now."""

    recent_service_minutes: Sequence[float]
    active_counters: int

    def estimate(self, people_ahead: int) -> int:
        return estimate_wait_minutes(
            people_ahead, self.recent_service_minutes, self.active_counters
        )


def category_pace(session: Session, category_code: str, now: dt.datetime) -> Pace:
    ticket = models.QueueTicket
    recent = session.execute(
        select(ticket.called_at, ticket.finished_at)
        .where(
            ticket.category_code == category_code,
            ticket.status == TicketStatus.SERVED,
            ticket.called_at.is_not(None),
            ticket.finished_at.is_not(None),
        )
        .order_by(ticket.finished_at.desc())
        .limit(RECENT_SERVICES)
    )
    durations = [
        service_minutes(called_at, finished_at)
        for called_at, finished_at in recent
        if called_at is not None and finished_at is not None
    ]
    counters = session.scalar(
        select(func.count(distinct(ticket.counter))).where(
            ticket.category_code == category_code,
            ticket.called_at >= now - ACTIVE_COUNTER_WINDOW,
            ticket.counter.is_not(None),
        )
    )
    return Pace(durations, int(counters or 0))


def _counts_by_status(session: Session, day: dt.date) -> dict[tuple[str, str], int]:
    ticket = models.QueueTicket
    rows = session.execute(
        select(ticket.category_code, ticket.status, func.count())
        .where(ticket.day == day)
        .group_by(ticket.category_code, ticket.status)
    )
    return {(code, status): int(count) for code, status, count in rows}


def _categories(session: Session) -> Sequence[models.QueueCategory]:
    return session.scalars(
        select(models.QueueCategory).order_by(models.QueueCategory.sort_order)
    ).all()


def category_list(context: AppContext) -> dict[str, Any]:
    """Every category with its queue length and the wait for a ticket taken now."""
    now = context.now()
    day = context.hall_date(now)
    with context.sessions() as session:
        counts = _counts_by_status(session, day)
        categories = []
        for category in _categories(session):
            waiting = counts.get((category.code, TicketStatus.WAITING), 0)
            pace = category_pace(session, category.code, now)
            categories.append(
                {
                    "code": category.code,
                    "prefix": category.prefix,
                    "name": category.name,
                    "waiting": waiting,
                    "estimated_wait_minutes": pace.estimate(waiting),
                }
            )
    return QueueCategoryList.model_validate({"day": day, "categories": categories}).model_dump(
        mode="json"
    )


def _unknown_category() -> ProblemError:
    return ProblemError(
        404, "unknown-queue-category", "Queue category not found", "No category has this code."
    )


def _unknown_ticket() -> ProblemError:
    return ProblemError(404, "unknown-ticket", "Ticket not found", "No ticket has this id.")


def issue_ticket(
    context: AppContext, session: Session, request: TicketRequest, kiosk_id: str
) -> dict[str, Any]:
    """Add the next ticket of today for the category to ``session``; the answer body."""
    category = session.get(models.QueueCategory, request.category)
    if category is None:
        raise _unknown_category()
    issued_at = context.now()
    day = context.hall_date(issued_at)
    ticket = models.QueueTicket
    highest = session.scalar(
        select(func.max(ticket.sequence)).where(
            ticket.category_code == category.code, ticket.day == day
        )
    )
    sequence = (highest or 0) + 1
    row = models.QueueTicket(
        category_code=category.code,
        day=day,
        sequence=sequence,
        number=ticket_number(category.prefix, sequence),
        kiosk_id=kiosk_id,
        language=request.language,
        status=TicketStatus.WAITING,
        issued_at=issued_at,
    )
    session.add(row)
    # A race for this sequence fails here, inside create_once's retry loop.
    session.flush()
    return ticket_body(session, row, category, issued_at)


def ticket_body(
    session: Session, row: models.QueueTicket, category: models.QueueCategory, now: dt.datetime
) -> dict[str, Any]:
    """The ticket as the API shows it, with the people ahead and the wait as of ``now``."""
    people_ahead = 0
    estimate = 0
    if row.status == TicketStatus.WAITING:
        ticket = models.QueueTicket
        people_ahead = int(
            session.scalar(
                select(func.count()).where(
                    ticket.category_code == row.category_code,
                    ticket.day == row.day,
                    ticket.status == TicketStatus.WAITING,
                    ticket.sequence < row.sequence,
                )
            )
            or 0
        )
        estimate = category_pace(session, row.category_code, now).estimate(people_ahead)
    name = category.name.get(row.language) or category.name.get(FALLBACK_LANGUAGE, category.code)
    return Ticket.model_validate(
        {
            "id": row.id,
            "number": row.number,
            "category": row.category_code,
            "category_name": name,
            "language": row.language,
            "day": row.day,
            "status": row.status,
            "counter": row.counter,
            "people_ahead": people_ahead,
            "estimated_wait_minutes": estimate,
            "issued_at": row.issued_at,
            "called_at": row.called_at,
        }
    ).model_dump(mode="json")


def _ticket_with_category(
    session: Session, ticket_id: int
) -> tuple[models.QueueTicket, models.QueueCategory]:
    row = session.get(models.QueueTicket, ticket_id)
    if row is None:
        raise _unknown_ticket()
    category = session.get(models.QueueCategory, row.category_code)
    assert category is not None, "the foreign key guarantees the category"
    return row, category


def ticket_by_id(context: AppContext, ticket_id: int) -> dict[str, Any]:
    with context.sessions() as session:
        row, category = _ticket_with_category(session, ticket_id)
        return ticket_body(session, row, category, context.now())


def _guarded_move(
    session: Session,
    ticket_id: int,
    current: TicketStatus,
    target: TicketStatus,
    changes: dict[str, Any],
) -> bool:
    """Move the ticket only if it still has ``current`` status; False if someone was first."""
    if not can_move(current, target):
        raise ValueError(f"{current} → {target} is not a ticket transition")
    ticket = models.QueueTicket
    result = session.execute(
        update(ticket)
        .where(ticket.id == ticket_id, ticket.status == current)
        .values(status=target, **changes)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


def call_next(context: AppContext, category_code: str, counter: str) -> dict[str, Any]:
    """Call today's oldest waiting ticket of the category to ``counter``."""
    for _attempt in range(MAX_CALL_ATTEMPTS):
        with context.sessions() as session:
            if session.get(models.QueueCategory, category_code) is None:
                raise _unknown_category()
            now = context.now()
            ticket = models.QueueTicket
            candidate = session.scalar(
                select(ticket.id)
                .where(
                    ticket.category_code == category_code,
                    ticket.day == context.hall_date(now),
                    ticket.status == TicketStatus.WAITING,
                )
                .order_by(ticket.sequence)
                .limit(1)
            )
            if candidate is None:
                raise ProblemError(
                    409,
                    "queue-empty",
                    "Nobody is waiting",
                    "No ticket of today is waiting in this category.",
                )
            changes = {"counter": counter, "called_at": now}
            if _guarded_move(
                session, candidate, TicketStatus.WAITING, TicketStatus.CALLED, changes
            ):
                session.commit()
                row, category = _ticket_with_category(session, candidate)
                return ticket_body(session, row, category, now)
            # Another counter called this ticket between our look-up and our update.
            session.rollback()
    raise ProblemError(503, "busy", "Service busy", "Too many simultaneous calls; please retry.")


def record_outcome(context: AppContext, ticket_id: int, outcome: TicketStatus) -> dict[str, Any]:
    """Close a called ticket as served or absent."""
    with context.sessions() as session:
        row, category = _ticket_with_category(session, ticket_id)
        current = TicketStatus(row.status)
        now = context.now()
        moved = can_move(current, outcome) and _guarded_move(
            session, ticket_id, current, outcome, {"finished_at": now}
        )
        if not moved:
            session.rollback()
            raise ProblemError(
                409,
                "ticket-not-called",
                "The ticket is not at a counter",
                f"Only a called ticket can be marked {outcome}; this one is {current}.",
            )
        session.commit()
        session.refresh(row)
        return ticket_body(session, row, category, now)


def staff_overview(context: AppContext) -> dict[str, Any]:
    """Per category: today's waiting, called, served and absent tickets and the service pace."""
    now = context.now()
    day = context.hall_date(now)
    ticket = models.QueueTicket
    with context.sessions() as session:
        counts = _counts_by_status(session, day)
        served = session.execute(
            select(ticket.category_code, ticket.called_at, ticket.finished_at).where(
                ticket.day == day, ticket.status == TicketStatus.SERVED
            )
        )
        durations: dict[str, list[float]] = {}
        for code, called_at, finished_at in served:
            if called_at is not None and finished_at is not None:
                durations.setdefault(code, []).append(service_minutes(called_at, finished_at))
        categories = []
        for category in _categories(session):
            today = {status: counts.get((category.code, status), 0) for status in TicketStatus}
            pace = category_pace(session, category.code, now)
            categories.append(
                {
                    "code": category.code,
                    "prefix": category.prefix,
                    "name": category.name,
                    "waiting": today[TicketStatus.WAITING],
                    "called": today[TicketStatus.CALLED],
                    "served_today": today[TicketStatus.SERVED],
                    "absent_today": today[TicketStatus.ABSENT],
                    "average_service_minutes": average_minutes(durations.get(category.code, [])),
                    "estimated_wait_minutes": pace.estimate(today[TicketStatus.WAITING]),
                }
            )
    return StaffQueueOverview.model_validate({"day": day, "categories": categories}).model_dump(
        mode="json"
    )
