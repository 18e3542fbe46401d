"""The yearly statistics, computed by the server from applications and evaluations.

Applications are filed and moved through the API, then placed into a year of their own (the
backend is shared; its current year holds every other test's applications too).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import (
    HALL_TIMEZONE,
    TIMEOUT_S,
    assert_problem,
    assert_staff_only,
    call,
    file_application,
    hall_today,
    move,
    pension_certification_request,
    set_application_columns,
)
from tests.support import RunningBackend

MARKET = "administration-for-market-regulation"
SOCIAL = "human-resources-and-social-security-bureau"
PATHS = {
    "submitted": [],
    "in_review": ["accepted", "in_review"],
    "approved": ["accepted", "in_review", "approved"],
    "rejected": ["accepted", "in_review", "rejected"],
    "approved+completed": ["accepted", "in_review", "approved", "completed"],
    "rejected+completed": ["accepted", "in_review", "rejected", "completed"],
}


def statistics(backend: RunningBackend, year: int) -> dict[str, Any]:
    response = requests.get(
        f"{backend.url}/v1/staff/statistics",
        params={"year": year},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    return report


def at_noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=HALL_TIMEZONE)


def placed(
    backend: RunningBackend,
    state: str,
    filed: dt.date,
    promised: dt.date,
    decided: dt.date | None = None,
    *,
    service: str = "BR-001",
) -> str:
    """An application filed through the API, moved to ``state``, then dated as given."""
    body = pension_certification_request() if service == "SA-001" else None
    number = str(file_application(backend, body)["number"])
    for step in PATHS[state]:
        assert move(backend, number, step).status_code == 200
    dates: dict[str, Any] = {
        "submitted_on": filed,
        "submitted_at": at_noon(filed),
        "promised_by": promised,
    }
    if decided is not None:
        dates |= {"decided_on": decided, "decided_at": at_noon(decided)}
        if state.endswith("+completed"):
            dates["completed_at"] = at_noon(decided + dt.timedelta(days=1))
    set_application_columns(backend, number, **dates)
    return number


def rate(backend: RunningBackend, reference: str, level: int, kind: str = "application") -> None:
    """An evaluation row as the evaluations API stores it (set-up straight in the database)."""
    created = dt.datetime.now(dt.UTC)
    backend.execute(
        "INSERT INTO evaluations (transaction_kind, transaction_ref, department_code, level, "
        "indicators, comment, rater_hash, kiosk_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        kind,
        reference,
        None,
        level,
        "[]",
        "",
        None,
        backend.kiosk_id,
        created if backend.is_postgresql else created.strftime("%Y-%m-%d %H:%M:%S.%f"),
    )


def figures(
    received: int,
    *,
    completed: int = 0,
    within: int = 0,
    overdue: int = 0,
    evaluated: int = 0,
    satisfied: int = 0,
) -> dict[str, Any]:
    return {
        "received": received,
        "completed": completed,
        "completed_within_promise": within,
        "overdue": overdue,
        "evaluated": evaluated,
        "satisfied": satisfied,
        "evaluation_rate": round(evaluated / received, 4) if received else 0.0,
        "satisfaction_rate": round(satisfied / evaluated, 4) if evaluated else 0.0,
    }


def test_a_year_by_month_and_by_department(backend: RunningBackend) -> None:
    year = 1991
    jan, mar, dec = dt.date(year, 1, 10), dt.date(year, 3, 5), dt.date(year, 12, 31)
    day = dt.timedelta(days=1)
    in_time = placed(backend, "approved+completed", jan, jan + 5 * day, jan + 5 * day)
    late = placed(backend, "rejected+completed", jan, jan + 5 * day, jan + 8 * day)
    stuck = placed(backend, "in_review", mar, mar + day, service="SA-001")
    decided = placed(backend, "approved", mar, mar + 9 * day, mar + 2 * day, service="SA-001")
    # Filed on New Year's Eve, promised well into the future: still in time today.
    placed(backend, "submitted", dec, hall_today() + 30 * day)
    # Just outside the year on either side.
    before = placed(backend, "approved+completed", dt.date(year - 1, 12, 31), jan, jan)
    placed(backend, "submitted", dt.date(year + 1, 1, 1), hall_today() + 30 * day)
    rate(backend, in_time, 5)
    rate(backend, late, 2)
    rate(backend, decided, 4)
    rate(backend, before, 5)
    rate(backend, stuck, 5, kind="queue-ticket")  # another kind of transaction, same reference

    report = statistics(backend, year)

    assert report["year"] == year
    assert report["as_of"] == hall_today().isoformat()
    assert report["total"] == figures(5, completed=2, within=1, overdue=2, evaluated=3, satisfied=2)
    months = {entry.pop("month"): entry for entry in report["by_month"]}
    assert list(months) == list(range(1, 13))
    assert months[1] == figures(2, completed=2, within=1, overdue=1, evaluated=2, satisfied=1)
    assert months[3] == figures(2, overdue=1, evaluated=1, satisfied=1)
    assert months[12] == figures(1)
    assert all(months[m] == figures(0) for m in set(range(1, 13)) - {1, 3, 12})
    departments = {entry.pop("department_code"): entry for entry in report["by_department"]}
    assert departments == {
        MARKET: figures(3, completed=2, within=1, overdue=1, evaluated=2, satisfied=1),
        SOCIAL: figures(2, overdue=1, evaluated=1, satisfied=1),
    }
    assert report["total"]["evaluation_rate"] == 0.6
    assert report["total"]["satisfaction_rate"] == 0.6667


def test_a_year_without_applications_is_all_zeros(backend: RunningBackend) -> None:
    report = statistics(backend, 1905)

    assert report["total"] == figures(0)
    assert [entry["month"] for entry in report["by_month"]] == list(range(1, 13))
    assert all(entry["received"] == 0 for entry in report["by_month"])
    assert report["by_department"] == []


def test_months_follow_the_halls_calendar(backend: RunningBackend) -> None:
    receipt = file_application(backend)
    [(submitted_on,)] = backend.rows(
        "SELECT submitted_on FROM applications WHERE number = ?", receipt["number"]
    )
    hall_date = dt.datetime.fromisoformat(receipt["submitted_at"]).astimezone(HALL_TIMEZONE).date()

    assert str(submitted_on) == hall_date.isoformat()
    assert receipt["number"][2:10] == hall_date.strftime("%Y%m%d")
    report = statistics(backend, hall_date.year)
    assert report["by_month"][hall_date.month - 1]["received"] >= 1
    assert report["by_department"], "this year's applications are in some department"


@pytest.mark.parametrize("query", ["", "year=0", "year=10000", "year=last", "year=2026.5"])
def test_a_bad_year_is_422(backend: RunningBackend, query: str) -> None:
    response = call(backend, "GET", f"/v1/staff/statistics?{query}", backend.staff_headers())
    assert_problem(response, 422)


def test_statistics_are_for_staff_only(backend: RunningBackend) -> None:
    assert_staff_only(backend, "GET", "/v1/staff/statistics?year=2026")
