"""Filing applications with a real backend process: HTTP answers checked against the SQLite file."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    VALID_ID_NUMBER,
    individual_business_request,
)
from tests.support import RunningBackend

STATUS_KEYS = {"number", "service_code", "status", "submitted_at", "promised_by", "status_url"}


def new_key() -> str:
    return uuid.uuid4().hex


def post(backend: RunningBackend, body: Any, key: str | None) -> requests.Response:
    headers = {"Idempotency-Key": key} if key is not None else {}
    return requests.post(
        f"{backend.url}/v1/applications", json=body, headers=headers, timeout=TIMEOUT_S
    )


def count_rows(backend: RunningBackend, number: str) -> int:
    return int(backend.rows("SELECT count(*) FROM applications WHERE number = ?", number)[0][0])


def test_create_stores_the_application(backend: RunningBackend) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    response = post(backend, individual_business_request(), new_key())

    assert response.status_code == 201, response.text
    receipt = response.json()
    assert set(receipt) == STATUS_KEYS
    assert receipt["status"] == "submitted"
    assert receipt["service_code"] == "BR-001"
    assert len(receipt["number"]) == 16 and receipt["number"].startswith("OS")
    submitted_at = dt.datetime.fromisoformat(receipt["submitted_at"])
    assert submitted_at.utcoffset() == dt.timedelta(0)
    assert before <= submitted_at <= dt.datetime.now(dt.UTC)
    assert dt.date.fromisoformat(receipt["promised_by"]) >= submitted_at.date()
    assert receipt["status_url"] == f"{backend.url}/v1/applications/{receipt['number']}"

    [row] = backend.rows(
        "SELECT service_code, kiosk_id, applicant_name, applicant_id_number, form, status "
        "FROM applications WHERE number = ?",
        receipt["number"],
    )
    assert row[:4] == ("BR-001", "hall-1-kiosk-03", "张三", VALID_ID_NUMBER)
    assert json.loads(row[4])["business_name"] == "城南便利店"
    assert row[5] == "submitted"


def test_numbers_follow_a_daily_sequence(backend: RunningBackend) -> None:
    first = post(backend, individual_business_request(), new_key()).json()["number"]
    second = post(backend, individual_business_request(), new_key()).json()["number"]

    assert first[:10] == second[:10]
    assert int(second[10:]) == int(first[10:]) + 1


def test_status_by_number_has_no_personal_data(backend: RunningBackend) -> None:
    receipt = post(backend, individual_business_request(), new_key()).json()

    response = requests.get(receipt["status_url"], timeout=TIMEOUT_S)

    assert response.status_code == 200
    assert response.json() == receipt
    assert "张三" not in response.text and VALID_ID_NUMBER not in response.text


def test_unknown_number_is_a_404_problem(backend: RunningBackend) -> None:
    response = requests.get(f"{backend.url}/v1/applications/OS20000101999999", timeout=TIMEOUT_S)

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"


def test_repeat_with_same_key_replays_the_first_answer(backend: RunningBackend) -> None:
    key = new_key()
    first = post(backend, individual_business_request(), key)
    repeat = post(backend, individual_business_request(), key)

    assert first.status_code == repeat.status_code == 201
    assert repeat.content == first.content
    assert repeat.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert count_rows(backend, first.json()["number"]) == 1
    assert backend.rows("SELECT count(*) FROM idempotency_records WHERE key = ?", key) == [(1,)]


def test_same_key_from_another_kiosk_is_a_new_application(backend: RunningBackend) -> None:
    key = new_key()
    body = individual_business_request()
    first = post(backend, body, key).json()
    body["kiosk_id"] = "hall-1-kiosk-04"
    second = post(backend, body, key).json()

    assert first["number"] != second["number"]


def test_reusing_a_key_with_another_body_is_rejected(backend: RunningBackend) -> None:
    key = new_key()
    assert post(backend, individual_business_request(), key).status_code == 201

    response = post(backend, individual_business_request(business_name="另一家店"), key)

    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Idempotency-Key reused with a different request"


def test_concurrent_repeats_file_exactly_one_application(backend: RunningBackend) -> None:
    key = new_key()
    body = individual_business_request(business_name="并发测试店")
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda _: post(backend, body, key), range(8)))

    assert {response.status_code for response in responses} == {201}
    assert len({response.content for response in responses}) == 1
    stored = backend.rows(
        "SELECT count(*) FROM applications WHERE json_extract(form, '$.business_name') = ?",
        "并发测试店",
    )
    assert stored == [(1,)]


def test_concurrent_different_requests_get_distinct_numbers(backend: RunningBackend) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(
            pool.map(lambda _: post(backend, individual_business_request(), new_key()), range(8))
        )

    assert {response.status_code for response in responses} == {201}
    assert len({response.json()["number"] for response in responses}) == 8


@pytest.mark.parametrize(
    ("key", "reason"),
    [(None, "missing"), ("short", "too short"), ("x" * 129, "too long"), ("bad key!", "chars")],
)
def test_missing_or_malformed_idempotency_key_is_400(
    backend: RunningBackend, key: str | None, reason: str
) -> None:
    response = post(backend, individual_business_request(), key)

    assert response.status_code == 400, reason
    assert response.headers["Content-Type"] == "application/problem+json"


def test_unknown_service_is_404(backend: RunningBackend) -> None:
    body = individual_business_request()
    body["service_code"] = "XX-999"

    response = post(backend, body, new_key())

    assert response.status_code == 404
    assert response.json()["status"] == 404
