"""The holiday calendar over HTTP, and promised dates counted against it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
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
    individual_business_request,
)
from tests.support import RunningBackend

SATURDAY = 5
# Far from today, so that these entries never move a promised date of another test.
FAR_YEAR = 2391


def put(backend: RunningBackend, day: dt.date, is_workday: bool, name: str) -> requests.Response:
    return requests.put(
        f"{backend.url}/v1/staff/holidays/{day.isoformat()}",
        json={"is_workday": is_workday, "name": name},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )


def delete(backend: RunningBackend, day: dt.date) -> requests.Response:
    return requests.delete(
        f"{backend.url}/v1/staff/holidays/{day.isoformat()}",
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )


def holidays(backend: RunningBackend, year: int) -> list[dict[str, Any]]:
    response = requests.get(f"{backend.url}/v1/holidays", params={"year": year}, timeout=TIMEOUT_S)
    assert response.status_code == 200, response.text
    assert response.json()["year"] == year
    entries: list[dict[str, Any]] = response.json()["holidays"]
    return entries


def residence_permit_request() -> dict[str, Any]:
    """CA-003 of the demo catalog, promised in several working days."""
    body = individual_business_request()
    body["service_code"] = "CA-003"
    body["form"] = {
        "residence_address": "城关镇幸福路8号",
        "residence_start_date": "2026-01-05",
        "residence_basis": "employment",
        "contact_phone": "13900139000",
    }
    return body


def expected_promise(start: dt.date, days: int, calendar: Mapping[dt.date, bool]) -> dt.date:
    """The rule, spelled out here independently: skip the start day, count worked days."""
    day = start
    while days:
        day += dt.timedelta(days=1)
        worked = calendar.get(day, day.weekday() < SATURDAY)
        days -= worked
    return day


@pytest.fixture
def holiday_week(backend: RunningBackend) -> Iterator[dict[dt.date, bool]]:
    """The seven days after today off, and the next Saturday after them a make-up working day.

    Removed again afterwards: the backend is shared, and other tests file applications too.
    """
    today = hall_today()
    week = {today + dt.timedelta(days=n): False for n in range(1, 8)}
    make_up = next(
        today + dt.timedelta(days=n)
        for n in range(8, 15)
        if (today + dt.timedelta(days=n)).weekday() == SATURDAY
    )
    calendar = {**week, make_up: True}
    try:
        for day, is_workday in calendar.items():
            name = "调休上班" if is_workday else "测试假期"
            assert put(backend, day, is_workday, name).status_code == 200
        yield calendar
    finally:
        for day in calendar:
            delete(backend, day)


def promised_days(backend: RunningBackend, code: str) -> int:
    service = requests.get(f"{backend.url}/v1/services/{code}", timeout=TIMEOUT_S).json()
    days = int(service["promised_days"])
    assert days > 0
    return days


def filed_on(receipt: dict[str, Any]) -> dt.date:
    return dt.datetime.fromisoformat(receipt["submitted_at"]).astimezone(HALL_TIMEZONE).date()


def test_promised_dates_skip_the_holiday_week_and_count_the_make_up_saturday(
    backend: RunningBackend, holiday_week: dict[dt.date, bool]
) -> None:
    make_up = max(holiday_week)
    only_holidays = {day: worked for day, worked in holiday_week.items() if not worked}
    next_day = file_application(backend, individual_business_request())
    several_days = file_application(backend, residence_permit_request())
    start = filed_on(several_days)
    days = promised_days(backend, "CA-003")

    assert promised_days(backend, "BR-001") == 1
    first_workday = dt.date.fromisoformat(next_day["promised_by"])
    assert first_workday == expected_promise(filed_on(next_day), 1, holiday_week)
    assert first_workday > start + dt.timedelta(days=7), "nothing falls in the holiday week"
    promised = dt.date.fromisoformat(several_days["promised_by"])
    assert promised == expected_promise(start, days, holiday_week)
    # At most five weekdays lie between the holiday week and the make-up Saturday, so this
    # promise counts that Saturday, and would be a working day later without it.
    assert promised > make_up
    assert promised < expected_promise(start, days, only_holidays)

    ordinary = expected_promise(start, days, {})
    for day in holiday_week:
        assert delete(backend, day).status_code == 204
    again = file_application(backend, residence_permit_request())
    assert dt.date.fromisoformat(again["promised_by"]) == ordinary
    # A promise already printed on a receipt stays as it was.
    now = requests.get(several_days["status_url"], timeout=TIMEOUT_S).json()
    assert now["promised_by"] == several_days["promised_by"] != ordinary.isoformat()


def test_the_calendar_is_kept_by_staff_and_read_by_anyone(backend: RunningBackend) -> None:
    national_day = dt.date(FAR_YEAR, 10, 1)
    make_up = dt.date(FAR_YEAR, 10, 11)
    new_year = dt.date(FAR_YEAR + 1, 1, 1)

    created = put(backend, national_day, False, "国庆节")
    assert created.status_code == 200
    assert created.json() == {
        "date": national_day.isoformat(),
        "is_workday": False,
        "name": "国庆节",
    }
    assert put(backend, make_up, True, "").status_code == 200
    assert put(backend, new_year, False, "元旦").status_code == 200
    replaced = put(backend, national_day, False, "国庆节（第一天）")
    assert replaced.json()["name"] == "国庆节（第一天）"

    assert holidays(backend, FAR_YEAR) == [
        {"date": national_day.isoformat(), "is_workday": False, "name": "国庆节（第一天）"},
        {"date": make_up.isoformat(), "is_workday": True, "name": ""},
    ]
    assert delete(backend, make_up).status_code == 204
    assert_problem(delete(backend, make_up), 404)
    assert [entry["date"] for entry in holidays(backend, FAR_YEAR)] == [national_day.isoformat()]
    assert holidays(backend, FAR_YEAR + 1) == [
        {"date": new_year.isoformat(), "is_workday": False, "name": "元旦"}
    ]
    assert holidays(backend, FAR_YEAR + 5) == []


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("2391-02-30", {"is_workday": False, "name": ""}),
        ("23911001", {"is_workday": False, "name": ""}),
        ("2391-10-01", {"name": "no flag"}),
        ("2391-10-01", {"is_workday": "sometimes", "name": ""}),
        ("2391-10-01", {"is_workday": False, "name": "长" * 101}),
        ("2391-10-01", {"is_workday": False, "name": "a\x00b"}),
        ("2391-10-01", {"is_workday": False, "name": "", "region": "all"}),
    ],
)
def test_bad_calendar_entries_are_422(
    backend: RunningBackend, path: str, body: dict[str, Any]
) -> None:
    response = call(backend, "PUT", f"/v1/staff/holidays/{path}", backend.staff_headers(), body)
    assert_problem(response, 422)


@pytest.mark.parametrize("year", ["0", "10000", "twenty", ""])
def test_a_bad_year_is_422(backend: RunningBackend, year: str) -> None:
    assert_problem(call(backend, "GET", f"/v1/holidays?year={year}", {}), 422)


def test_only_staff_change_the_calendar(backend: RunningBackend) -> None:
    day = dt.date(FAR_YEAR, 5, 1)
    body = {"is_workday": False, "name": "劳动节"}

    assert_staff_only(backend, "PUT", f"/v1/staff/holidays/{day.isoformat()}", body)
    assert_staff_only(backend, "DELETE", f"/v1/staff/holidays/{day.isoformat()}")

    assert day.isoformat() not in str(holidays(backend, FAR_YEAR))
    # Reading needs no token, and a token of either kind is simply not needed.
    for headers in (backend.kiosk_headers(), backend.staff_headers()):
        assert call(backend, "GET", f"/v1/holidays?year={FAR_YEAR}", headers).status_code == 200
