"""Working-day arithmetic for promised completion dates (pure; no database, no clock).

A day is a working day when it is Monday to Friday and not a public holiday, or when it is a
make-up working day (调休上班日), which in China falls on a weekend next to a long holiday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

SATURDAY = 5


def is_working_day(day: dt.date, calendar: Mapping[dt.date, bool]) -> bool:
    """``calendar`` maps a special date to whether it is worked (False: holiday, True: make-up)."""
    if day in calendar:
        return calendar[day]
    return day.weekday() < SATURDAY


def add_working_days(start: dt.date, days: int, calendar: Mapping[dt.date, bool]) -> dt.date:
    """The date ``days`` working days after ``start``; ``start`` itself is never counted.

    With ``days == 0`` the answer is ``start``: the service is done the day it is filed.
    """
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    current = start
    remaining = days
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current, calendar):
            remaining -= 1
    return current
