"""Queue tickets over HTTP, the staff's side: calling, closing and the hall overview."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.integration.server.queue_test_support import (
    add_staff,
    assert_problem,
    call_next,
    get_ticket,
    hall_today,
    insert_ticket,
    new_category,
    set_outcome,
    staff_overview,
    take_ok,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend


def test_staff_call_the_oldest_waiting_ticket_first(backend: RunningBackend) -> None:
    code, prefix = new_category(backend)
    for _ in range(2):
        take_ok(backend, code)

    first = call_next(backend, code, counter="窗口1")
    second = call_next(backend, code, counter="窗口2")
    empty = call_next(backend, code)

    assert first.status_code == second.status_code == 200, first.text
    assert (first.json()["number"], first.json()["counter"]) == (f"{prefix}001", "窗口1")
    assert (second.json()["number"], second.json()["counter"]) == (f"{prefix}002", "窗口2")
    assert second.json()["status"] == "called"
    assert_problem(empty, 409, "queue-empty")


def test_yesterdays_waiting_tickets_are_not_called(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    insert_ticket(backend, code, 1, day=hall_today() - dt.timedelta(days=1))

    assert_problem(call_next(backend, code), 409, "queue-empty")


def test_call_next_refuses_bad_requests(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    take_ok(backend, code)

    assert_problem(call_next(backend, "no-such-category"), 404, "unknown-queue-category")
    for counter in ("", "   ", "窗" * 33, "a\x00b"):
        assert_problem(call_next(backend, code, counter=counter), 422, "validation-error")
    for headers in ({}, backend.kiosk_headers()):
        assert_problem(call_next(backend, code, headers=headers), 401, "unauthorized")
    assert call_next(backend, code, counter="窗" * 32).status_code == 200


def test_two_staff_calling_at_once_never_get_the_same_ticket(backend: RunningBackend) -> None:
    code, prefix = new_category(backend)
    for _ in range(10):
        take_ok(backend, code)
    staff = [backend.staff_headers(), add_staff(backend, f"counter-{uuid.uuid4().hex[:8]}")]
    start = threading.Barrier(16)

    def call(index: int) -> requests.Response:
        start.wait()
        return call_next(backend, code, counter=f"窗口{index}", headers=staff[index % 2])

    with ThreadPoolExecutor(max_workers=16) as pool:
        responses = list(pool.map(call, range(16)))

    called = [response.json() for response in responses if response.status_code == 200]
    refused = [response for response in responses if response.status_code != 200]
    assert sorted(ticket["number"] for ticket in called) == [
        f"{prefix}{sequence:03d}" for sequence in range(1, 11)
    ]
    assert len(refused) == 6
    for response in refused:
        assert_problem(response, 409, "queue-empty")
    rows = backend.rows(
        "SELECT counter FROM queue_tickets WHERE category_code = ? AND status = 'called'", code
    )
    assert sorted(row[0] for row in rows) == sorted(ticket["counter"] for ticket in called)


def test_a_called_ticket_is_served_or_absent_once(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    served, absent = take_ok(backend, code), take_ok(backend, code)
    call_next(backend, code)
    call_next(backend, code)

    done = set_outcome(backend, served["id"], "served")
    gone = set_outcome(backend, absent["id"], "absent")

    assert done.status_code == gone.status_code == 200, done.text
    assert done.json()["status"] == "served" and gone.json()["status"] == "absent"
    [[finished_at]] = backend.rows(
        "SELECT finished_at FROM queue_tickets WHERE id = ?", served["id"]
    )
    assert finished_at is not None
    for ticket_id, outcome in ((served["id"], "absent"), (absent["id"], "served")):
        body = assert_problem(set_outcome(backend, ticket_id, outcome), 409, "ticket-not-called")
        assert outcome in body["detail"]


def test_a_waiting_ticket_cannot_be_closed(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    waiting = take_ok(backend, code)

    for outcome in ("served", "absent"):
        assert_problem(set_outcome(backend, waiting["id"], outcome), 409, "ticket-not-called")
    assert get_ticket(backend, waiting["id"]).json()["status"] == "waiting"


def test_outcome_refuses_bad_requests(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    ticket = take_ok(backend, code)
    call_next(backend, code)

    assert_problem(set_outcome(backend, 2**31 - 1, "served"), 404, "unknown-ticket")
    assert_problem(set_outcome(backend, 0, "served"), 422, "validation-error")
    for outcome in ("waiting", "called", "gone", ""):
        assert_problem(set_outcome(backend, ticket["id"], outcome), 422, "validation-error")
    as_kiosk = requests.post(
        f"{backend.url}/v1/staff/queue/tickets/{ticket['id']}/outcome",
        json={"outcome": "served"},
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )
    assert_problem(as_kiosk, 401, "unauthorized")
    assert get_ticket(backend, ticket["id"]).json()["status"] == "called"


def test_staff_overview_counts_today_per_category(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    insert_ticket(
        backend,
        code,
        1,
        status="served",
        counter="窗口1",
        called_at=now - dt.timedelta(minutes=10),
        finished_at=now - dt.timedelta(minutes=4),
    )
    insert_ticket(backend, code, 2, day=hall_today() - dt.timedelta(days=1), status="absent")
    tickets = [take_ok(backend, code) for _ in range(4)]
    for _ in range(3):
        call_next(backend, code, counter="窗口1")
    set_outcome(backend, tickets[0]["id"], "served")
    set_outcome(backend, tickets[1]["id"], "absent")

    entry = staff_overview(backend)[code]

    assert entry["prefix"] == _prefix and entry["name"]["en"] == "Test counter"
    assert (entry["waiting"], entry["called"]) == (1, 1)
    assert (entry["served_today"], entry["absent_today"]) == (2, 1)
    # (6 minutes + a few seconds) / 2, to a tenth of a minute.
    assert 3.0 <= entry["average_service_minutes"] <= 3.1
    assert entry["estimated_wait_minutes"] >= 1


def test_staff_overview_without_served_tickets_has_no_average(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)

    entry = staff_overview(backend)[code]

    assert entry["average_service_minutes"] is None
    assert entry["waiting"] == entry["called"] == entry["served_today"] == 0


def test_staff_overview_needs_a_staff_token(backend: RunningBackend) -> None:
    for headers in ({}, backend.kiosk_headers()):
        response = requests.get(f"{backend.url}/v1/staff/queue", headers=headers, timeout=TIMEOUT_S)
        assert_problem(response, 401, "unauthorized")
