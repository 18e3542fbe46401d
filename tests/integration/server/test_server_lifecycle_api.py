"""Staff move applications through their lifecycle and work through the list of them."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    VALID_ID_NUMBER,
    access_code,
    assert_problem,
    assert_staff_only,
    call,
    file_application,
    hall_today,
    move,
    set_application_columns,
)
from tests.support import RunningBackend

ALL_STATES = ("submitted", "accepted", "in_review", "approved", "rejected", "completed")
ALLOWED = {
    "submitted": {"accepted"},
    "accepted": {"in_review"},
    "in_review": {"approved", "rejected"},
    "approved": {"completed"},
    "rejected": {"completed"},
    "completed": set(),
}
# How to reach each state from submitted.
PATHS = {
    "submitted": [],
    "accepted": ["accepted"],
    "in_review": ["accepted", "in_review"],
    "approved": ["accepted", "in_review", "approved"],
    "rejected": ["accepted", "in_review", "rejected"],
    "completed": ["accepted", "in_review", "approved", "completed"],
}
MARKET_REGULATION = "administration-for-market-regulation"


def filed_in(backend: RunningBackend, state: str) -> str:
    number = str(file_application(backend)["number"])
    for step in PATHS[state]:
        assert move(backend, number, step).status_code == 200
    return number


def citizen_view(backend: RunningBackend, receipt: dict[str, Any]) -> dict[str, Any]:
    response = requests.get(receipt["status_url"], timeout=TIMEOUT_S)
    assert response.status_code == 200, response.text
    view: dict[str, Any] = response.json()
    return view


def staff_list(backend: RunningBackend, **params: Any) -> dict[str, Any]:
    response = requests.get(
        f"{backend.url}/v1/staff/applications",
        params=params,
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def event_count(backend: RunningBackend, number: str) -> int:
    [(count,)] = backend.rows(
        "SELECT count(*) FROM application_events e JOIN applications a "
        "ON a.id = e.application_id WHERE a.number = ?",
        number,
    )
    return int(count)


@pytest.mark.parametrize("decision", ["approved", "rejected"])
def test_an_application_goes_all_the_way_with_timestamps_and_notes(
    backend: RunningBackend, decision: str
) -> None:
    receipt = file_application(backend)
    number = receipt["number"]
    steps = [
        ("accepted", "材料齐全"),
        ("in_review", ""),
        (decision, "决定"),
        ("completed", "已领取"),
    ]

    views = []
    for status, note in steps:
        response = move(backend, number, status, note)
        assert response.status_code == 200, response.text
        views.append(response.json())

    final = views[-1]
    assert final["status"] == "completed" and final["allowed_next"] == []
    assert [views[i]["allowed_next"] for i in range(3)] == [
        ["in_review"],
        ["approved", "rejected"],
        ["completed"],
    ]
    assert [(s["status"], s["note"], s["actor"]) for s in final["timeline"]] == [
        ("submitted", "", backend.kiosk_id),
        *((status, note, backend.staff_name) for status, note in steps),
    ]
    assert views[1]["decided_at"] is None and views[1]["completed_at"] is None
    assert views[2]["decided_at"] == views[2]["timeline"][-1]["at"]
    assert views[2]["completed_at"] is None
    assert final["decided_at"] == views[2]["decided_at"]
    assert final["completed_at"] == final["timeline"][-1]["at"]
    assert final["overdue"] is False
    [(decided_on,)] = backend.rows("SELECT decided_on FROM applications WHERE number = ?", number)
    assert str(decided_on) == hall_today().isoformat()

    citizen = citizen_view(backend, receipt)
    assert citizen["status"] == "completed"
    assert [(s["status"], s["note"]) for s in citizen["timeline"]] == [
        ("submitted", ""),
        *steps,
    ]
    assert backend.staff_name not in str(citizen), "the citizen sees no staff names"


@pytest.mark.parametrize("state", ALL_STATES)
def test_every_step_outside_the_table_is_a_409_that_names_the_allowed_ones(
    backend: RunningBackend, state: str
) -> None:
    number = filed_in(backend, state)
    events = event_count(backend, number)

    for target in sorted(set(ALL_STATES) - ALLOWED[state]):
        problem = assert_problem(move(backend, number, target), 409)
        assert problem["type"].endswith(":forbidden-transition")
        assert state in problem["detail"]
        for allowed in ALLOWED[state]:
            assert allowed in problem["detail"]

    assert event_count(backend, number) == events
    view = requests.get(
        f"{backend.url}/v1/staff/applications/{number}",
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    ).json()
    assert view["status"] == state
    assert set(view["allowed_next"]) == ALLOWED[state]


def test_simultaneous_clicks_take_one_step(backend: RunningBackend) -> None:
    number = file_application(backend)["number"]

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: move(backend, number, "accepted"), range(6)))

    assert sorted(answer.status_code for answer in answers) == [200] + [409] * 5
    assert event_count(backend, number) == 2


@pytest.mark.parametrize(
    "body",
    [
        {"to": "archived"},
        {"to": "accepted", "note": "长" * 501},
        {"to": "accepted", "note": "a\x00b"},
        {"to": "accepted", "actor": "someone else"},
        {},
    ],
)
def test_malformed_transitions_are_422(backend: RunningBackend, body: dict[str, Any]) -> None:
    number = file_application(backend)["number"]
    response = call(
        backend,
        "POST",
        f"/v1/staff/applications/{number}/transitions",
        backend.staff_headers(),
        body,
    )
    assert_problem(response, 422)


def test_unknown_application_is_404(backend: RunningBackend) -> None:
    assert_problem(move(backend, "OS20000101999999", "accepted"), 404)
    response = call(backend, "GET", "/v1/staff/applications/nope", backend.staff_headers())
    assert_problem(response, 404)


def test_late_and_undecided_is_overdue_and_deciding_late_keeps_it_so(
    backend: RunningBackend,
) -> None:
    receipt = file_application(backend)
    number = receipt["number"]
    yesterday = hall_today() - dt.timedelta(days=1)
    set_application_columns(backend, number, promised_by=yesterday)

    assert citizen_view(backend, receipt)["overdue"] is True
    for status in PATHS["approved"]:
        assert move(backend, number, status).status_code == 200
    assert citizen_view(backend, receipt)["overdue"] is True


def test_decided_in_time_is_never_overdue(backend: RunningBackend) -> None:
    receipt = file_application(backend)
    for status in PATHS["rejected"]:
        assert move(backend, receipt["number"], status).status_code == 200
    # Weeks later: the promised day has long passed, but the decision came before it.
    today = hall_today()
    set_application_columns(
        backend,
        receipt["number"],
        promised_by=today - dt.timedelta(days=20),
        decided_on=today - dt.timedelta(days=21),
    )

    assert citizen_view(backend, receipt)["overdue"] is False


def test_the_work_list_filters_pages_and_masks(backend: RunningBackend) -> None:
    accepted = filed_in(backend, "accepted")
    newest = filed_in(backend, "accepted")

    page = staff_list(backend, status="accepted", department=MARKET_REGULATION, limit=2)

    assert [item["number"] for item in page["applications"]] == [newest, accepted]
    assert page["total"] >= 2 and (page["limit"], page["offset"]) == (2, 0)
    second = staff_list(backend, status="accepted", department=MARKET_REGULATION, limit=1, offset=1)
    assert [item["number"] for item in second["applications"]] == [accepted]
    item = page["applications"][0]
    assert item["applicant"] == {
        "name": "张三",
        "document_kind": "resident_id",
        "id_number_masked": "1101**********002X",
    }
    wider = staff_list(backend, limit=200)
    assert VALID_ID_NUMBER not in str(wider)
    assert all(access_code_free(item) for item in wider["applications"])
    assert staff_list(backend, department="no-such-department") == {
        "applications": [],
        "total": 0,
        "limit": 50,
        "offset": 0,
    }


def access_code_free(item: dict[str, Any]) -> bool:
    return "status_url" not in item and "access_code" not in item


def test_the_work_list_finds_overdue_applications(backend: RunningBackend) -> None:
    late = filed_in(backend, "in_review")
    in_time = filed_in(backend, "in_review")
    set_application_columns(backend, late, promised_by=hall_today() - dt.timedelta(days=2))

    overdue = staff_list(backend, overdue="true", status="in_review", limit=200)
    not_overdue = staff_list(backend, overdue="false", status="in_review", limit=200)

    overdue_numbers = {item["number"] for item in overdue["applications"]}
    not_overdue_numbers = {item["number"] for item in not_overdue["applications"]}
    assert late in overdue_numbers and late not in not_overdue_numbers
    assert in_time in not_overdue_numbers and in_time not in overdue_numbers
    assert all(item["overdue"] for item in overdue["applications"])
    assert not any(item["overdue"] for item in not_overdue["applications"])


@pytest.mark.parametrize(
    "query",
    ["status=archived", "department=Tax%20Bureau", "limit=0", "limit=201", "offset=-1"],
)
def test_bad_work_list_filters_are_422(backend: RunningBackend, query: str) -> None:
    response = call(backend, "GET", f"/v1/staff/applications?{query}", backend.staff_headers())
    assert_problem(response, 422)


def test_staff_routes_refuse_kiosks_and_strangers(backend: RunningBackend) -> None:
    receipt = file_application(backend)
    number = receipt["number"]

    assert_staff_only(backend, "GET", "/v1/staff/applications")
    assert_staff_only(backend, "GET", f"/v1/staff/applications/{number}")
    assert_staff_only(
        backend, "POST", f"/v1/staff/applications/{number}/transitions", {"to": "accepted"}
    )
    # A citizen's access code is no staff token either.
    headers = {"Authorization": f"Bearer {access_code(receipt)}"}
    assert_problem(call(backend, "GET", "/v1/staff/applications", headers), 401)
    assert event_count(backend, number) == 1
