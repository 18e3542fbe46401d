"""Evaluations (好差評) over HTTP: one rating per transaction, the rater only as a keyed hash."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from server.keyed_hash import SECRET_SETTING, identity_hash
from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    VALID_ID_NUMBER,
    individual_business_request,
)
from tests.support import RunningBackend, as_json

PROBLEM = "urn:onestop-kiosk:problem:"
RECEIPT_KEYS = {"id", "transaction_kind", "transaction_ref", "level", "created_at"}
OTHER_ID_NUMBER = "110105194912310029"


def new_key() -> str:
    return uuid.uuid4().hex


def evaluate(
    backend: RunningBackend,
    body: dict[str, Any],
    key: str | None = None,
    headers: dict[str, str] | None = None,
) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/evaluations",
        json=body,
        headers={
            **(backend.kiosk_headers() if headers is None else headers),
            "Idempotency-Key": key or new_key(),
        },
        timeout=TIMEOUT_S,
    )


def new_application(backend: RunningBackend) -> str:
    response = requests.post(
        f"{backend.url}/v1/applications",
        json=individual_business_request(),
        headers=backend.kiosk_headers(**{"Idempotency-Key": new_key()}),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["number"])


def new_ticket(backend: RunningBackend) -> int:
    response = requests.post(
        f"{backend.url}/v1/queue/tickets",
        json={"category": "general", "language": "zh-Hans"},
        headers=backend.kiosk_headers(**{"Idempotency-Key": new_key()}),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def new_hotline_request(backend: RunningBackend) -> str:
    """A hotline request straight in its table (its own API is tested elsewhere)."""
    number = f"RX-TEST-{uuid.uuid4().hex[:12]}"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp: Any = now if backend.is_postgresql else f"{now:%Y-%m-%d %H:%M:%S}.000000"
    backend.execute(
        "INSERT INTO hotline_requests (number, category, description, anonymous, language, "
        "source, kiosk_id, access_code, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        number,
        "consultation",
        "办理营业执照需要哪些材料？",
        True,
        "zh-Hans",
        "kiosk",
        backend.kiosk_id,
        "ABCDEFGHJK",
        "open",
        stamp,
        stamp,
    )
    return number


def rating(kind: str, reference: object, level: int = 5, **extra: Any) -> dict[str, Any]:
    return {"transaction_kind": kind, "transaction_ref": reference, "level": level, **extra}


def stored(backend: RunningBackend, kind: str, reference: str) -> dict[str, Any]:
    columns = (
        "transaction_ref",
        "department_code",
        "level",
        "indicators",
        "comment",
        "rater_hash",
        "kiosk_id",
    )
    [row] = backend.rows(
        f"SELECT {', '.join(columns)} FROM evaluations "
        "WHERE transaction_kind = ? AND transaction_ref = ?",
        kind,
        reference,
    )
    return dict(zip(columns, row, strict=True))


def count_ratings(backend: RunningBackend, kind: str, reference: str) -> int:
    [[count]] = backend.rows(
        "SELECT count(*) FROM evaluations WHERE transaction_kind = ? AND transaction_ref = ?",
        kind,
        reference,
    )
    return int(count)


def assert_problem(response: requests.Response, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    body = dict(response.json())
    assert body["type"] == PROBLEM + kind
    return body


def error_fields(response: requests.Response) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


# --- the indicator catalog --------------------------------------------------------------------


def test_indicators_are_public_with_five_levels_in_three_languages(
    backend: RunningBackend,
) -> None:
    response = requests.get(f"{backend.url}/v1/evaluations/indicators", timeout=TIMEOUT_S)

    assert response.status_code == 200
    assert "max-age" in response.headers["Cache-Control"]
    levels = response.json()["levels"]
    assert [level["level"] for level in levels] == [5, 4, 3, 2, 1]
    assert [level["indicators_required"] for level in levels] == [False] * 3 + [True] * 2
    assert levels[0]["name"] == {
        "zh-Hant": "非常滿意",
        "zh-Hans": "非常满意",
        "en": "Very satisfied",
    }
    praise = {item["label"]["zh-Hans"] for item in levels[0]["indicators"]}
    problems = {item["label"]["zh-Hans"] for item in levels[4]["indicators"]}
    assert {"一次办成", "服务热情", "办事高效", "指引清楚"} <= praise
    assert {"多次跑动", "办事效率低", "服务态度差", "材料要求多", "未一次性告知", "流程不清"} <= (
        problems
    )
    for level in levels:
        for indicator in level["indicators"]:
            assert set(indicator["label"]) == {"zh-Hant", "zh-Hans", "en"}


# --- rating each kind of transaction ----------------------------------------------------------


def test_rating_an_application_keeps_its_department(backend: RunningBackend) -> None:
    number = new_application(backend)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)

    response = evaluate(
        backend,
        rating("application", number, indicators=["done_in_one_visit", "efficient"]),
    )

    assert response.status_code == 201, response.text
    receipt = response.json()
    assert set(receipt) == RECEIPT_KEYS
    assert receipt["transaction_kind"] == "application"
    assert (receipt["transaction_ref"], receipt["level"]) == (number, 5)
    assert before <= dt.datetime.fromisoformat(receipt["created_at"]) <= dt.datetime.now(dt.UTC)
    [[department]] = backend.rows(
        "SELECT department_code FROM applications WHERE number = ?", number
    )
    row = stored(backend, "application", number)
    assert row["department_code"] == department and department
    assert as_json(row["indicators"]) == ["done_in_one_visit", "efficient"]
    assert (row["level"], row["comment"], row["rater_hash"]) == (5, "", None)
    assert row["kiosk_id"] == backend.kiosk_id


def test_rating_a_queue_ticket_by_its_id(backend: RunningBackend) -> None:
    ticket_id = new_ticket(backend)

    response = evaluate(backend, rating("queue_ticket", ticket_id, level=3, comment="等了一会"))

    assert response.status_code == 201, response.text
    assert response.json()["transaction_ref"] == str(ticket_id)
    row = stored(backend, "queue_ticket", str(ticket_id))
    assert row["department_code"] is None and row["comment"] == "等了一会"


def test_a_ticket_id_in_text_with_leading_zeros_is_the_same_ticket(
    backend: RunningBackend,
) -> None:
    ticket_id = new_ticket(backend)

    first = evaluate(backend, rating("queue_ticket", f"000{ticket_id}", level=4))
    second = evaluate(backend, rating("queue_ticket", ticket_id, level=4))

    assert first.status_code == 201 and first.json()["transaction_ref"] == str(ticket_id)
    assert_problem(second, 409, "already-evaluated")


def test_rating_a_hotline_request_by_its_number(backend: RunningBackend) -> None:
    number = new_hotline_request(backend)

    response = evaluate(
        backend, rating("hotline_request", number, level=2, indicators=["low_efficiency"])
    )

    assert response.status_code == 201, response.text
    row = stored(backend, "hotline_request", number)
    assert row["department_code"] is None and row["level"] == 2


@pytest.mark.parametrize(
    ("kind", "reference"),
    [
        ("application", "OS19990101999999"),
        ("hotline_request", "RX19990101999999"),
        ("queue_ticket", 2**31 - 1),
        ("queue_ticket", "abc"),
        ("queue_ticket", "0"),
        ("queue_ticket", "9" * 40),
        ("queue_ticket", "１２"),
    ],
)
def test_an_unknown_transaction_is_not_found(
    backend: RunningBackend, kind: str, reference: object
) -> None:
    assert_problem(evaluate(backend, rating(kind, reference)), 404, "unknown-transaction")


def test_a_hotline_number_is_not_an_application_number(backend: RunningBackend) -> None:
    number = new_hotline_request(backend)

    assert_problem(evaluate(backend, rating("application", number)), 404, "unknown-transaction")


# --- one rating per transaction ---------------------------------------------------------------


def test_one_rating_per_transaction_and_a_repeated_key_replays(backend: RunningBackend) -> None:
    number = new_application(backend)
    key = new_key()
    body = rating("application", number, level=4, indicators=["warm_service"])

    first = evaluate(backend, body, key)
    replay = evaluate(backend, body, key)
    other_key = evaluate(backend, body)
    changed_body = evaluate(backend, {**body, "level": 5}, key)

    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert_problem(other_key, 409, "already-evaluated")
    assert_problem(changed_body, 422, "idempotency-key-reused")
    assert stored(backend, "application", number)["level"] == 4


def test_concurrent_ratings_of_one_transaction_store_exactly_one(backend: RunningBackend) -> None:
    ticket_id = new_ticket(backend)
    start = threading.Barrier(10)

    def rate(level: int) -> requests.Response:
        start.wait()
        return evaluate(backend, rating("queue_ticket", ticket_id, level=3 + level % 3))

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(rate, range(10)))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] + [409] * 9
    assert count_ratings(backend, "queue_ticket", str(ticket_id)) == 1


# --- indicators must fit the level ------------------------------------------------------------


def test_an_indicator_of_another_level_is_named(backend: RunningBackend) -> None:
    ticket_id = new_ticket(backend)

    response = evaluate(
        backend,
        rating("queue_ticket", ticket_id, level=5, indicators=["efficient", "poor_attitude"]),
    )

    body = assert_problem(response, 422, "validation-error")
    [error] = body["errors"]
    assert error["field"] == "indicators.1" and "poor_attitude" in error["message"]
    assert count_ratings(backend, "queue_ticket", str(ticket_id)) == 0
    # Refusals are not stored: the corrected rating can still be filed.
    assert evaluate(backend, rating("queue_ticket", ticket_id, level=5)).status_code == 201


@pytest.mark.parametrize("level", [1, 2])
def test_bad_levels_need_an_indicator(backend: RunningBackend, level: int) -> None:
    ticket_id = new_ticket(backend)

    response = evaluate(backend, rating("queue_ticket", ticket_id, level=level))

    assert_problem(response, 422, "validation-error")
    assert error_fields(response) == {"indicators"}
    with_problem = rating("queue_ticket", ticket_id, level=level, indicators=["not_told_at_once"])
    assert evaluate(backend, with_problem).status_code == 201


@pytest.mark.parametrize(
    "change",
    [
        {"level": 0},
        {"level": 6},
        {"level": "five"},
        {"level": True},
        {"level": 4.0},
        {"transaction_ref": True},
        {"transaction_kind": "parking"},
        {"transaction_ref": ""},
        {"transaction_ref": "x" * 41},
        {"transaction_ref": -3},
        {"indicators": ["Not A Code"]},
        {"indicators": "efficient"},
        {"rater": {"document_kind": "resident_id"}},
        {"rater": {"document_kind": "resident_id", "id_number": "1" * 33}},
        {"surplus": True},
    ],
)
def test_malformed_ratings_are_refused(backend: RunningBackend, change: dict[str, Any]) -> None:
    body = {**rating("queue_ticket", new_ticket(backend)), **change}

    assert_problem(evaluate(backend, body), 422, "validation-error")


# --- the rater --------------------------------------------------------------------------------


def test_the_rater_is_stored_only_as_a_keyed_hash(backend: RunningBackend) -> None:
    card = {"document_kind": "resident_id", "id_number": VALID_ID_NUMBER}
    first, second, third = (new_ticket(backend) for _ in range(3))

    for ticket_id, rater in (
        (first, card),
        (second, card),
        (third, {**card, "id_number": OTHER_ID_NUMBER}),
    ):
        response = evaluate(backend, rating("queue_ticket", ticket_id, rater=rater))
        assert response.status_code == 201, response.text
        assert VALID_ID_NUMBER not in response.text

    hashes = [
        stored(backend, "queue_ticket", str(ticket_id))["rater_hash"]
        for ticket_id in (first, second, third)
    ]
    [[secret]] = backend.rows("SELECT value FROM server_settings WHERE name = ?", SECRET_SETTING)
    assert hashes[0] == hashes[1] == identity_hash(secret, "resident_id", VALID_ID_NUMBER)
    assert hashes[2] != hashes[0] and len(hashes[2]) == 64
    for row in backend.rows("SELECT * FROM evaluations"):
        assert not any(VALID_ID_NUMBER in str(value) for value in row)
        assert not any(OTHER_ID_NUMBER in str(value) for value in row)


def test_a_lower_case_check_character_is_the_same_card(backend: RunningBackend) -> None:
    upper, lower = new_ticket(backend), new_ticket(backend)
    for ticket_id, id_number in ((upper, VALID_ID_NUMBER), (lower, VALID_ID_NUMBER.lower())):
        rater = {"document_kind": "resident_id", "id_number": id_number}
        assert evaluate(backend, rating("queue_ticket", ticket_id, rater=rater)).status_code == 201

    assert (
        stored(backend, "queue_ticket", str(upper))["rater_hash"]
        == stored(backend, "queue_ticket", str(lower))["rater_hash"]
    )


# --- hostile comments -------------------------------------------------------------------------

HOSTILE_COMMENTS = [
    "\x01\x07\x08\x1b[31mred\x1b[0m\x7f\u202eevil\u200b",
    "👍🏽👨‍👩‍👧 非常好 🇨🇳",
    "'); DROP TABLE evaluations; --",
    '" OR 1=1 -- ; SELECT * FROM staff_tokens',
    "<script>alert('x')</script><img src=x onerror=alert(1)>&amp;&lt;",
    "line one\r\nline two\ttabbed\n",
    "😀" * 500,
    "  ",
    "%s %d {0} ${jndi:ldap://x}",
]


@pytest.mark.parametrize("comment", HOSTILE_COMMENTS)
def test_hostile_comments_are_stored_verbatim(backend: RunningBackend, comment: str) -> None:
    ticket_id = new_ticket(backend)

    response = evaluate(backend, rating("queue_ticket", ticket_id, level=4, comment=comment))

    assert response.status_code == 201, response.text
    assert stored(backend, "queue_ticket", str(ticket_id))["comment"] == comment


@pytest.mark.parametrize("comment", ["x" * 4000, "好" * 501, "😀" * 501, "a\x00b"])
def test_comments_too_long_or_with_nul_are_refused(backend: RunningBackend, comment: str) -> None:
    ticket_id = new_ticket(backend)

    response = evaluate(backend, rating("queue_ticket", ticket_id, level=4, comment=comment))

    assert_problem(response, 422, "validation-error")
    assert error_fields(response) == {"comment"}
    assert comment not in response.text


def test_a_lone_surrogate_in_a_comment_is_refused(backend: RunningBackend) -> None:
    ticket_id = new_ticket(backend)
    raw = json.dumps(rating("queue_ticket", ticket_id, comment="@")).replace("@", "\\ud800")

    response = requests.post(
        f"{backend.url}/v1/evaluations",
        data=raw.encode(),
        headers=backend.kiosk_headers(
            **{"Idempotency-Key": new_key(), "Content-Type": "application/json"}
        ),
        timeout=TIMEOUT_S,
    )

    assert_problem(response, 422, "validation-error")


# --- access -----------------------------------------------------------------------------------


def test_rating_needs_a_kiosk_token(backend: RunningBackend) -> None:
    body = rating("queue_ticket", new_ticket(backend))
    for headers in ({}, backend.staff_headers()):
        assert_problem(evaluate(backend, body, headers=headers), 401, "unauthorized")


def test_rating_needs_an_idempotency_key(backend: RunningBackend) -> None:
    response = requests.post(
        f"{backend.url}/v1/evaluations",
        json=rating("queue_ticket", new_ticket(backend)),
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )

    assert_problem(response, 400, "bad-idempotency-key")
