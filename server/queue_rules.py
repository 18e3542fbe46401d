"""Queue rules without a database: ticket states, ticket numbers and the wait estimate."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Sequence
from enum import StrEnum


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVED = "served"
    ABSENT = "absent"


# A called citizen either reaches the counter (served) or does not turn up (absent); both end
# the ticket, and a ticket never goes back to the queue.
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    TicketStatus.WAITING: frozenset({TicketStatus.CALLED}),
    TicketStatus.CALLED: frozenset({TicketStatus.SERVED, TicketStatus.ABSENT}),
    TicketStatus.SERVED: frozenset(),
    TicketStatus.ABSENT: frozenset(),
}

# Without any served ticket to learn from, a hall's rule of thumb per citizen.
DEFAULT_MINUTES_PER_PERSON = 5.0
# How many of a category's latest served tickets the estimate learns from: recent enough to
# follow the pace of the day, enough that one long case does not swing it (the median).
RECENT_SERVICES = 20
# A counter that called a ticket within this window counts as open.
ACTIVE_COUNTER_WINDOW = dt.timedelta(hours=1)
# Sequences below this print with three digits ("A007"), as hall displays expect.
NUMBER_DIGITS = 3


def can_move(current: TicketStatus, target: TicketStatus) -> bool:
    return target in TRANSITIONS[current]


def ticket_number(prefix: str, sequence: int) -> str:
    """``A023``: the category's prefix and the day's sequence, three digits at least."""
    return f"{prefix}{sequence:0{NUMBER_DIGITS}d}"


def service_minutes(called_at: dt.datetime, finished_at: dt.datetime) -> float:
    """Minutes a ticket spent at the counter; never negative, even if clocks disagreed."""
    return max(0.0, (finished_at - called_at).total_seconds() / 60)


def estimate_wait_minutes(
    people_ahead: int, recent_service_minutes: Sequence[float], active_counters: int
) -> int:
    """Whole minutes until a citizen with ``people_ahead`` before them is likely called.

    Each person ahead takes the median of the recent service times (or the default while
    there are none), shared among the counters that are open (at least one). Rounded up, so
    nobody with people ahead is told zero.
    """
    if people_ahead <= 0:
        return 0
    per_person = (
        statistics.median(recent_service_minutes)
        if recent_service_minutes
        else DEFAULT_MINUTES_PER_PERSON
    )
    minutes = per_person * people_ahead / max(1, active_counters)
    # Rounded first so that float noise (2.2 * 25 = 55.00000000000001) does not add a minute.
    return math.ceil(round(minutes, 6))


def average_minutes(durations: Sequence[float]) -> float | None:
    """The mean service time rounded to a tenth of a minute; None without any."""
    if not durations:
        return None
    return round(statistics.fmean(durations), 1)
