"""Working-day arithmetic: weekends, holidays and make-up working days (2026-11-30 is a Monday)."""

from __future__ import annotations

import datetime as dt

import pytest

from server.working_days import add_working_days, is_working_day

MONDAY = dt.date(2026, 11, 30)
FRIDAY = dt.date(2026, 12, 4)
SATURDAY = dt.date(2026, 12, 5)
SUNDAY = dt.date(2026, 12, 6)


def test_weekdays_count_within_a_week() -> None:
    assert add_working_days(MONDAY, 4, {}) == FRIDAY


def test_weekend_is_skipped() -> None:
    assert add_working_days(FRIDAY, 1, {}) == dt.date(2026, 12, 7)
    assert add_working_days(SATURDAY, 1, {}) == dt.date(2026, 12, 7)


def test_start_day_is_never_counted_and_zero_days_is_the_same_day() -> None:
    assert add_working_days(MONDAY, 1, {}) == dt.date(2026, 12, 1)
    assert add_working_days(SUNDAY, 0, {}) == SUNDAY


def test_ten_working_days_span_two_weekends() -> None:
    assert add_working_days(MONDAY, 10, {}) == dt.date(2026, 12, 14)


def test_holiday_on_a_weekday_is_skipped() -> None:
    holidays = {dt.date(2026, 12, 1): False, dt.date(2026, 12, 2): False}

    assert add_working_days(MONDAY, 1, holidays) == dt.date(2026, 12, 3)


def test_make_up_working_day_on_a_weekend_counts() -> None:
    calendar = {SATURDAY: True}

    assert add_working_days(FRIDAY, 1, calendar) == SATURDAY
    assert add_working_days(FRIDAY, 2, calendar) == dt.date(2026, 12, 7)


def test_national_day_golden_week_2025() -> None:
    # The real 2025 schedule: 1-8 October off, Sunday 28 September and Saturday 11 October worked.
    calendar = {dt.date(2025, 10, day): False for day in range(1, 9)}
    calendar[dt.date(2025, 9, 28)] = True
    calendar[dt.date(2025, 10, 11)] = True
    friday_before = dt.date(2025, 9, 26)

    assert add_working_days(friday_before, 1, calendar) == dt.date(2025, 9, 28)
    assert add_working_days(friday_before, 3, calendar) == dt.date(2025, 9, 30)
    assert add_working_days(friday_before, 4, calendar) == dt.date(2025, 10, 9)
    assert add_working_days(friday_before, 6, calendar) == dt.date(2025, 10, 11)
    assert add_working_days(friday_before, 7, calendar) == dt.date(2025, 10, 13)


def test_is_working_day() -> None:
    assert is_working_day(MONDAY, {})
    assert not is_working_day(SUNDAY, {})
    assert is_working_day(SUNDAY, {SUNDAY: True})
    assert not is_working_day(MONDAY, {MONDAY: False})


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(MONDAY, -1, {})
