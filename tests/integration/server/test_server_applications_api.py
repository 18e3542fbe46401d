"""Filing applications with a real backend process: HTTP answers checked against its database."""

from __future__ import annotations

import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    VALID_ID_NUMBER,
    access_code,
    assert_kiosk_only,
    assert_problem,
    individual_business_request,
    new_key,
)
from tests.support import RunningBackend, as_json

STATUS_KEYS = {
    "number",
    "service_code",
    "status",
    "submitted_at",
    "promised_by",
    "status_url",
    "overdue",
    "provisional_ref",
    "timeline",
}


def post(
    backend: RunningBackend, body: Any, key: str | None, token: str | None = None
) -> requests.Response:
    headers = {"Idempotency-Key": key} if key is not None else {}
    auth = backend.kiosk_headers() if token is None else {"Authorization": f"Bearer {token}"}
    return requests.post(
        f"{backend.url}/v1/applications", json=body, headers={**headers, **auth}, timeout=TIMEOUT_S
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
    assert receipt["status_url"] == (
        f"{backend.url}/v1/applications/{receipt['number']}?code={access_code(receipt)}"
    )
    assert len(access_code(receipt)) == 10
    assert receipt["overdue"] is False
    assert receipt["provisional_ref"] is None
    assert [(step["status"], step["note"]) for step in receipt["timeline"]] == [("submitted", "")]
    assert receipt["timeline"][0]["at"] == receipt["submitted_at"]

    [row] = backend.rows(
        "SELECT service_code, kiosk_id, applicant_name, applicant_id_number, form, status "
        "FROM applications WHERE number = ?",
        receipt["number"],
    )
    assert row[:4] == ("BR-001", backend.kiosk_id, "张三", VALID_ID_NUMBER)
    assert as_json(row[4])["business_name"] == "城南便利店"
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
    response = requests.get(
        f"{backend.url}/v1/applications/OS20000101999999?code=ABCDEFGHJK", timeout=TIMEOUT_S
    )

    assert_problem(response, 404)


def test_a_wrong_access_code_is_the_same_404(backend: RunningBackend) -> None:
    receipt = post(backend, individual_business_request(), new_key()).json()
    wrong = "2" * 10 if access_code(receipt) != "2" * 10 else "3" * 10

    response = requests.get(
        f"{backend.url}/v1/applications/{receipt['number']}?code={wrong}", timeout=TIMEOUT_S
    )

    assert assert_problem(response, 404)["detail"] == "No application has this number and code."
    assert "张三" not in response.text


def test_the_kiosk_comes_from_the_token_not_the_body(backend: RunningBackend) -> None:
    body = individual_business_request()
    body["kiosk_id"] = "someone-else"

    response = post(backend, body, new_key())

    assert_problem(response, 422)


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
    other_kiosk = f"hall-1-kiosk-{uuid.uuid4().hex[:8]}"
    first = post(backend, body, key).json()
    second = post(backend, body, key, token=backend.add_kiosk(other_kiosk)).json()

    assert first["number"] != second["number"]
    [(kiosk,)] = backend.rows(
        "SELECT kiosk_id FROM applications WHERE number = ?", second["number"]
    )
    assert kiosk == other_kiosk


def test_reusing_a_key_with_another_body_is_rejected(backend: RunningBackend) -> None:
    key = new_key()
    assert post(backend, individual_business_request(), key).status_code == 201

    response = post(backend, individual_business_request(business_name="另一家店"), key)

    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Idempotency-Key reused with a different request"


def test_concurrent_repeats_file_exactly_one_application(backend: RunningBackend) -> None:
    key = new_key()
    marker = f"并发{uuid.uuid4().hex[:8]}"
    body = individual_business_request(business_name="并发测试店")
    body["applicant"]["name"] = marker
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda _: post(backend, body, key), range(8)))

    assert {response.status_code for response in responses} == {201}
    assert len({response.content for response in responses}) == 1
    stored = backend.rows("SELECT count(*) FROM applications WHERE applicant_name = ?", marker)
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


def test_filing_needs_a_kiosk_token(backend: RunningBackend) -> None:
    before = backend.rows("SELECT count(*) FROM applications")

    assert_kiosk_only(backend, "POST", "/v1/applications", individual_business_request())
    response = post(backend, individual_business_request(), new_key(), token="not-a-real-token")
    assert_problem(response, 401)
    assert backend.rows("SELECT count(*) FROM applications") == before


def test_unknown_service_is_404(backend: RunningBackend) -> None:
    body = individual_business_request()
    body["service_code"] = "XX-999"

    response = post(backend, body, new_key())

    assert response.status_code == 404
    assert response.json()["status"] == 404
