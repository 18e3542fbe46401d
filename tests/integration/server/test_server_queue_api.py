"""Queue tickets over HTTP, the kiosk's side: categories, taking and following tickets."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.integration.server.queue_test_support import (
    TICKET_KEYS,
    assert_problem,
    call_next,
    categories,
    get_ticket,
    hall_today,
    insert_ticket,
    new_category,
    new_key,
    take,
    take_ok,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

# --- categories -------------------------------------------------------------------------------


def test_demo_categories_have_prefixes_names_and_waits(backend: RunningBackend) -> None:
    listed = categories(backend)

    demo = [listed[code] for code in ("general", "social-insurance", "real-estate", "tax")]
    assert [entry["prefix"] for entry in demo] == ["A", "B", "C", "D"]
    assert listed["general"]["name"]["zh-Hans"] == "综合受理"
    assert listed["tax"]["name"] == {"zh-Hant": "稅務", "zh-Hans": "税务", "en": "Tax"}
    for entry in listed.values():
        assert set(entry["name"]) == {"zh-Hant", "zh-Hans", "en"}
        assert entry["waiting"] >= 0 and entry["estimated_wait_minutes"] >= 0


def test_categories_count_the_waiting_and_estimate_five_minutes_each_without_history(
    backend: RunningBackend,
) -> None:
    code, prefix = new_category(backend)
    fresh = categories(backend)[code]
    assert (fresh["prefix"], fresh["name"]["en"]) == (prefix, "Test counter")
    assert (fresh["waiting"], fresh["estimated_wait_minutes"]) == (0, 0)
    for _ in range(3):
        take_ok(backend, code)

    entry = categories(backend)[code]

    assert entry["waiting"] == 3
    assert entry["estimated_wait_minutes"] == 15


def test_queue_routes_need_a_kiosk_token(backend: RunningBackend) -> None:
    url = f"{backend.url}/v1/queue"
    for headers in ({}, backend.staff_headers()):
        listed = requests.get(f"{url}/categories", headers=headers, timeout=TIMEOUT_S)
        taken = requests.post(
            f"{url}/tickets",
            json={"category": "general", "language": "en"},
            headers={**headers, "Idempotency-Key": new_key()},
            timeout=TIMEOUT_S,
        )
        looked_up = requests.get(f"{url}/tickets/1", headers=headers, timeout=TIMEOUT_S)
        for response in (listed, taken, looked_up):
            assert_problem(response, 401, "unauthorized")


# --- taking tickets ---------------------------------------------------------------------------


def test_ticket_numbers_count_up_per_category(backend: RunningBackend) -> None:
    code, prefix = new_category(backend)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)

    first = take_ok(backend, code)
    second = take_ok(backend, code)

    assert set(first) == TICKET_KEYS
    assert first["number"] == f"{prefix}001" and second["number"] == f"{prefix}002"
    assert first["category"] == code and first["status"] == "waiting"
    assert first["category_name"] == "测试窗口"
    assert first["day"] == hall_today().isoformat()
    assert (first["people_ahead"], second["people_ahead"]) == (0, 1)
    assert (first["estimated_wait_minutes"], second["estimated_wait_minutes"]) == (0, 5)
    assert first["counter"] is None and first["called_at"] is None
    issued_at = dt.datetime.fromisoformat(first["issued_at"])
    assert issued_at.utcoffset() == dt.timedelta(0)
    assert before <= issued_at <= dt.datetime.now(dt.UTC)
    [row] = backend.rows(
        "SELECT number, kiosk_id, status, language FROM queue_tickets WHERE id = ?", first["id"]
    )
    assert row == (f"{prefix}001", backend.kiosk_id, "waiting", "zh-Hans")


def test_demo_category_numbers_start_with_its_letter(backend: RunningBackend) -> None:
    ticket = take(backend, "general", language="en").json()

    assert ticket["number"][0] == "A" and ticket["number"][1:].isdigit()
    assert ticket["category_name"] == "General acceptance"


def test_numbers_restart_each_hall_day(backend: RunningBackend) -> None:
    code, prefix = new_category(backend)
    insert_ticket(backend, code, 41, day=hall_today() - dt.timedelta(days=1))

    assert take_ok(backend, code)["number"] == f"{prefix}001"


def test_numbers_continue_after_the_days_highest(backend: RunningBackend) -> None:
    code, prefix = new_category(backend)
    insert_ticket(backend, code, 22, status="served")

    assert take_ok(backend, code)["number"] == f"{prefix}023"


def test_a_repeated_key_replays_the_ticket(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    key = new_key()

    first = take(backend, code, key)
    again = take(backend, code, key)
    other_body = take(backend, code, key, language="en")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert_problem(other_body, 422, "idempotency-key-reused")
    [[count]] = backend.rows("SELECT count(*) FROM queue_tickets WHERE category_code = ?", code)
    assert count == 1


def test_concurrent_requests_get_distinct_numbers(backend: RunningBackend) -> None:
    code, prefix = new_category(backend)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda _: take(backend, code), range(20)))

    assert [response.status_code for response in responses] == [201] * 20
    numbers = sorted(response.json()["number"] for response in responses)
    assert numbers == [f"{prefix}{sequence:03d}" for sequence in range(1, 21)]


def test_taking_a_ticket_refuses_bad_requests(backend: RunningBackend) -> None:
    assert_problem(take(backend, "no-such-category"), 404, "unknown-queue-category")
    assert_problem(take(backend, "Not A Code!"), 422, "validation-error")
    assert_problem(take(backend, "general", language="fr"), 422, "validation-error")
    missing_key = requests.post(
        f"{backend.url}/v1/queue/tickets",
        json={"category": "general", "language": "en"},
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )
    assert_problem(missing_key, 400, "bad-idempotency-key")


# --- following a ticket -----------------------------------------------------------------------


def test_a_ticket_shows_people_ahead_now_and_its_counter_once_called(
    backend: RunningBackend,
) -> None:
    code, _prefix = new_category(backend)
    first, second, third = (take_ok(backend, code) for _ in range(3))
    assert get_ticket(backend, third["id"]).json()["people_ahead"] == 2

    call_next(backend, code, counter="窗口7")

    assert get_ticket(backend, third["id"]).json()["people_ahead"] == 1
    called = get_ticket(backend, first["id"]).json()
    assert called["status"] == "called" and called["counter"] == "窗口7"
    assert called["people_ahead"] == 0 and called["estimated_wait_minutes"] == 0
    assert called["called_at"] is not None
    assert get_ticket(backend, second["id"]).json()["people_ahead"] == 0


def test_unknown_or_malformed_ticket_ids(backend: RunningBackend) -> None:
    assert_problem(get_ticket(backend, 2**31 - 1), 404, "unknown-ticket")
    for bad in ("0", "-1", "abc", str(2**31), "99999999999999999999"):
        assert_problem(get_ticket(backend, bad), 422, "validation-error")


# --- the estimate -------------------------------------------------------------------------------


def test_the_estimate_learns_from_recent_services_and_open_counters(
    backend: RunningBackend,
) -> None:
    code, _prefix = new_category(backend)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    # Served today at two counters: 2, 4 and 9 minutes, so the median is 4.
    for sequence, (minutes, counter) in enumerate(((2, "窗口1"), (4, "窗口2"), (9, "窗口1")), 1):
        called_at = now - dt.timedelta(minutes=30 - sequence * 10)
        insert_ticket(
            backend,
            code,
            sequence,
            status="served",
            counter=counter,
            called_at=called_at,
            finished_at=called_at + dt.timedelta(minutes=minutes),
        )

    tickets = [take_ok(backend, code) for _ in range(4)]

    # 3 people ahead x 4 minutes / 2 counters.
    assert tickets[3]["estimated_wait_minutes"] == 6
    assert get_ticket(backend, tickets[1]["id"]).json()["estimated_wait_minutes"] == 2
    assert categories(backend)[code]["estimated_wait_minutes"] == 8


def test_counters_idle_for_an_hour_no_longer_share_the_queue(backend: RunningBackend) -> None:
    code, _prefix = new_category(backend)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for sequence, counter in enumerate(("窗口1", "窗口2", "窗口3"), 1):
        called_at = now - dt.timedelta(hours=3)
        insert_ticket(
            backend,
            code,
            sequence,
            day=hall_today() - dt.timedelta(days=1),
            status="served",
            counter=counter,
            called_at=called_at,
            finished_at=called_at + dt.timedelta(minutes=3),
        )
    for _ in range(2):
        take_ok(backend, code)

    # No counter called anyone within the hour: one counter, 3 minutes per person.
    assert categories(backend)[code]["estimated_wait_minutes"] == 6
