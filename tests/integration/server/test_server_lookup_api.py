"""Finding applications again: by receipt code, by number and ID last four, by the card."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    assert_kiosk_only,
    assert_problem,
    call,
    file_application,
    individual_business_request,
    move,
    new_key,
    pension_certification_request,
    random_id_number,
)
from tests.support import RunningBackend, start_backend


def citizen_request(id_number: str, name: str, kind: str = "resident_id") -> dict[str, Any]:
    body = individual_business_request()
    body["applicant"] = {"name": name, "id_number": id_number, "document_kind": kind}
    return body


def look_up(backend: RunningBackend, reference: str, last4: str) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/applications/lookup",
        json={"reference": reference, "id_last4": last4},
        timeout=TIMEOUT_S,
    )


def by_identity(backend: RunningBackend, id_number: str, kind: str = "resident_id") -> Any:
    response = requests.post(
        f"{backend.url}/v1/applications/by-identity",
        json={"document_kind": kind, "id_number": id_number},
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_number_and_last_four_show_the_status_with_its_timeline(backend: RunningBackend) -> None:
    id_number = random_id_number()
    receipt = file_application(backend, citizen_request(id_number, "王五"))
    assert move(backend, receipt["number"], "accepted", "已受理").status_code == 200

    response = look_up(backend, receipt["number"], id_number[-4:].lower())

    assert response.status_code == 200, response.text
    view = response.json()
    assert view == requests.get(receipt["status_url"], timeout=TIMEOUT_S).json()
    assert [(step["status"], step["note"]) for step in view["timeline"]] == [
        ("submitted", ""),
        ("accepted", "已受理"),
    ]
    assert "王五" not in response.text and id_number not in response.text


def test_wrong_last_four_and_unknown_number_get_the_same_404(backend: RunningBackend) -> None:
    id_number = random_id_number()
    receipt = file_application(backend, citizen_request(id_number, "赵六"))
    wrong = "0000" if id_number[-4:] != "0000" else "1111"

    wrong_last4 = look_up(backend, receipt["number"], wrong)
    unknown = look_up(backend, "OS20000101999999", id_number[-4:])

    assert_problem(wrong_last4, 404)
    assert wrong_last4.json() == assert_problem(unknown, 404)
    assert id_number[-4:] not in wrong_last4.text


@pytest.mark.parametrize(
    "body",
    [
        {"reference": "OS2026", "id_last4": "002X"},
        {"reference": "OS20261129000001", "id_last4": "02X"},
        {"reference": "OS20261129000001", "id_last4": "002X", "name": "张三"},
        {"reference": "OS 20261129000001", "id_last4": "002X"},
        {"reference": "OS20261129000001"},
    ],
)
def test_malformed_look_ups_are_422(backend: RunningBackend, body: dict[str, Any]) -> None:
    assert_problem(call(backend, "POST", "/v1/applications/lookup", {}, body), 422)


def test_a_provisional_reference_is_stored_unique_and_found(backend: RunningBackend) -> None:
    id_number = random_id_number()
    reference = f"K03-{uuid.uuid4().hex[:12]}"
    body = citizen_request(id_number, "钱七")
    body["provisional_ref"] = reference
    key = new_key()
    headers = backend.kiosk_headers(**{"Idempotency-Key": key})
    first = call(backend, "POST", "/v1/applications", headers, body)
    replay = call(backend, "POST", "/v1/applications", headers, body)
    other_key = backend.kiosk_headers(**{"Idempotency-Key": new_key()})
    again = call(backend, "POST", "/v1/applications", other_key, body)

    assert first.status_code == 201 and first.json()["provisional_ref"] == reference
    assert replay.status_code == 201 and replay.json() == first.json()
    assert assert_problem(again, 409)["type"].endswith(":provisional-ref-taken")
    found = look_up(backend, reference, id_number[-4:])
    assert found.status_code == 200
    assert found.json()["number"] == first.json()["number"]
    assert found.json()["provisional_ref"] == reference
    assert backend.rows(
        "SELECT count(*) FROM applications WHERE provisional_ref = ?", reference
    ) == [(1,)]


@pytest.mark.parametrize("reference", ["short", "has space 123", "x" * 41, "ref_with_underscore"])
def test_a_malformed_provisional_reference_is_refused(
    backend: RunningBackend, reference: str
) -> None:
    body = individual_business_request()
    body["provisional_ref"] = reference
    headers = backend.kiosk_headers(**{"Idempotency-Key": new_key()})
    response = call(backend, "POST", "/v1/applications", headers, body)
    assert assert_problem(response, 422)["errors"][0]["field"] == "provisional_ref"


def test_a_card_shows_its_holder_only_their_own_applications(backend: RunningBackend) -> None:
    first_id, second_id = random_id_number(), random_id_number()
    first = [
        file_application(backend, citizen_request(first_id, "孙八"))["number"] for _ in range(3)
    ]
    second_body = pension_certification_request()
    second_body["applicant"] = {
        "name": "周九",
        "id_number": second_id,
        "document_kind": "resident_id",
    }
    second = [file_application(backend, second_body)["number"] for _ in range(2)]
    # The same digits on another kind of document are another person's.
    passport = file_application(backend, citizen_request(first_id, "孙八", "passport"))["number"]
    second.append(file_application(backend, citizen_request(second_id, "周九"))["number"])

    mine = by_identity(backend, first_id)
    theirs = by_identity(backend, second_id)

    assert [item["number"] for item in mine["applications"]] == first[::-1]
    assert [item["number"] for item in theirs["applications"]] == second[::-1]
    passports = by_identity(backend, first_id, "passport")["applications"]
    assert [item["number"] for item in passports] == [passport]
    assert all(number not in str(mine) for number in [*second, passport])
    for view in mine["applications"]:
        assert requests.get(view["status_url"], timeout=TIMEOUT_S).json() == view
        assert "孙八" not in str(view) and first_id not in str(view)
    # Case and stray blanks from a card reader do not make another person.
    assert by_identity(backend, f" {first_id.lower()} ") == mine
    assert by_identity(backend, random_id_number()) == {"applications": []}


def test_looking_up_by_card_is_for_kiosks_only(backend: RunningBackend) -> None:
    body = {"document_kind": "resident_id", "id_number": random_id_number()}
    assert_kiosk_only(backend, "POST", "/v1/applications/by-identity", body)
    # The public routes need no token, and a staff or kiosk token does not change them.
    for headers in ({}, backend.staff_headers(), backend.kiosk_headers()):
        response = call(
            backend,
            "POST",
            "/v1/applications/lookup",
            headers,
            {"reference": "OS20000101999999", "id_last4": "1234"},
        )
        assert_problem(response, 404)


def test_guessing_last_fours_is_rate_limited(database_factory: Callable[[str], str]) -> None:
    process, backend = start_backend(database_factory("sqlite"), "--public-rate", "1/3")
    try:
        id_number = random_id_number()
        number = file_application(backend, citizen_request(id_number, "吴十"))["number"]
        guesses = [f"{n:04d}" for n in range(10) if f"{n:04d}" != id_number[-4:]]

        answers = [look_up(backend, number, guess) for guess in guesses]
        right_but_limited = look_up(backend, number, id_number[-4:])
    finally:
        process.stop()

    statuses = [answer.status_code for answer in answers]
    assert set(statuses) == {404, 429}
    assert statuses.count(404) <= 4, "a burst of 3 and at most one refill in the meantime"
    limited = next(answer for answer in answers if answer.status_code == 429)
    assert int(limited.headers["Retry-After"]) >= 1
    assert_problem(limited, 429)
    assert right_but_limited.status_code == 429


def test_an_unreadable_body_is_a_problem_not_a_crash(backend: RunningBackend) -> None:
    for data in (b"\xff\xfe\x00garbage", b'{"reference": '):
        response = requests.post(
            f"{backend.url}/v1/applications/lookup",
            data=data,
            headers={"Content-Type": "application/json"},
            timeout=TIMEOUT_S,
        )
        assert response.status_code in (400, 422)
        assert response.headers["Content-Type"] == "application/problem+json"
