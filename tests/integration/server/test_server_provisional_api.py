"""An offline kiosk's receipt: the provisional reference and the access code it chose itself
lead, once the filing arrives, to the application the server numbered.

The kiosk prints {backend}/v1/applications/{provisional_ref}?code={code} before it can reach
the server; that link answers 404 until the application is filed and its status afterwards.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    VALID_ID_NUMBER,
    access_code,
    assert_problem,
    file_application,
    individual_business_request,
    new_key,
)
from tests.support import RunningBackend

# The server's own alphabet (no 0/O, 1/I/L), which a kiosk uses to choose codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


def new_provisional_ref() -> str:
    return f"K01-{uuid.uuid4().hex[:16]}"


def offline_request(provisional_ref: str, code: str | None) -> dict[str, Any]:
    body = individual_business_request()
    body["provisional_ref"] = provisional_ref
    if code is not None:
        body["access_code"] = code
    return body


def send(backend: RunningBackend, body: dict[str, Any], key: str) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/applications",
        json=body,
        headers={"Idempotency-Key": key, **backend.kiosk_headers()},
        timeout=TIMEOUT_S,
    )


def status(backend: RunningBackend, reference: str, code: str) -> requests.Response:
    """What scanning a receipt QR link does."""
    return requests.get(
        f"{backend.url}/v1/applications/{reference}", params={"code": code}, timeout=TIMEOUT_S
    )


def test_a_code_the_kiosk_chose_is_the_one_in_the_status_url(backend: RunningBackend) -> None:
    code = new_code()
    receipt = file_application(backend, offline_request(new_provisional_ref(), code))

    assert access_code(receipt) == code
    assert receipt["status_url"].endswith(f"/v1/applications/{receipt['number']}?code={code}")
    found = status(backend, receipt["number"], code)
    assert found.status_code == 200, found.text
    assert found.json() == receipt
    sql = "SELECT access_code FROM applications WHERE number = ?"
    stored = backend.rows(sql, receipt["number"])
    assert stored == [(code,)]


def test_without_a_code_the_server_makes_one(backend: RunningBackend) -> None:
    receipt = file_application(backend, offline_request(new_provisional_ref(), None))

    code = access_code(receipt)
    assert len(code) == 10 and set(code) <= set(CODE_ALPHABET)
    assert status(backend, receipt["number"], code).status_code == 200


@pytest.mark.parametrize(
    "code",
    [
        "abcdefghjk",  # lower case
        "ABCDEFGH0K",  # 0 is not in the alphabet
        "ABCDEFGHIK",  # nor I
        "ABCDEFGHJ",  # one short
        "ABCDEFGHJKM",  # one long
        "",
        "ABCDE FGHJ",
    ],
)
def test_a_malformed_code_is_refused(backend: RunningBackend, code: str) -> None:
    reference = new_provisional_ref()
    response = send(backend, offline_request(reference, code), new_key())

    problem = assert_problem(response, 422)
    assert [error["field"] for error in problem["errors"]] == ["access_code"]
    assert backend.rows("SELECT id FROM applications WHERE provisional_ref = ?", reference) == []


def test_the_receipt_link_resolves_once_the_filing_arrives(backend: RunningBackend) -> None:
    reference, code = new_provisional_ref(), new_code()

    before = status(backend, reference, code)
    assert_problem(before, 404)

    receipt = file_application(backend, offline_request(reference, code))
    after = status(backend, reference, code)

    assert after.status_code == 200, after.text
    view = after.json()
    assert view == receipt
    assert view["number"].startswith("OS") and view["number"] != reference
    assert view["provisional_ref"] == reference
    assert [entry["status"] for entry in view["timeline"]] == ["submitted"]


def test_a_wrong_code_is_the_same_404_as_an_unknown_reference(backend: RunningBackend) -> None:
    reference, code = new_provisional_ref(), new_code()
    receipt = file_application(backend, offline_request(reference, code))
    wrong = new_code()
    while wrong == code:
        wrong = new_code()

    by_reference = status(backend, reference, wrong)
    by_number = status(backend, receipt["number"], wrong)
    unknown = status(backend, new_provisional_ref(), code)

    bodies = [assert_problem(answer, 404) for answer in (by_reference, by_number, unknown)]
    assert bodies[0] == bodies[1] == bodies[2]
    assert reference not in by_reference.text and receipt["number"] not in by_number.text


@pytest.mark.parametrize("reference", ["short", "OS_2026.0101", "x" * 41, "名字名字名字名字"])
def test_a_malformed_reference_in_the_link_is_422(backend: RunningBackend, reference: str) -> None:
    assert_problem(status(backend, reference, new_code()), 422)


def test_a_number_wins_over_a_provisional_reference_spelled_the_same(
    backend: RunningBackend,
) -> None:
    shared_code = new_code()
    numbered = file_application(backend, offline_request(new_provisional_ref(), shared_code))
    # Another kiosk's provisional reference that happens to read like that number.
    lookalike = file_application(backend, offline_request(numbered["number"], shared_code))

    answer = status(backend, numbered["number"], shared_code)

    assert answer.status_code == 200, answer.text
    assert answer.json()["number"] == numbered["number"]
    assert lookalike["number"] != numbered["number"]


def test_a_provisional_reference_is_found_with_its_own_code(backend: RunningBackend) -> None:
    numbered = file_application(backend, offline_request(new_provisional_ref(), new_code()))
    other_code = new_code()
    while other_code == access_code(numbered):
        other_code = new_code()
    lookalike = file_application(backend, offline_request(numbered["number"], other_code))

    answer = status(backend, numbered["number"], other_code)

    assert answer.status_code == 200, answer.text
    assert answer.json()["number"] == lookalike["number"]


def test_look_up_by_provisional_reference_and_last_four(backend: RunningBackend) -> None:
    reference = new_provisional_ref()
    receipt = file_application(backend, offline_request(reference, new_code()))

    found = requests.post(
        f"{backend.url}/v1/applications/lookup",
        json={"reference": reference, "id_last4": VALID_ID_NUMBER[-4:]},
        timeout=TIMEOUT_S,
    )

    assert found.status_code == 200, found.text
    assert found.json() == receipt


def test_a_repeat_with_the_same_code_replays(backend: RunningBackend) -> None:
    key, body = new_key(), offline_request(new_provisional_ref(), new_code())
    first = send(backend, body, key)
    again = send(backend, body, key)

    assert first.status_code == again.status_code == 201, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()


@pytest.mark.parametrize("change", ["other code", "no code"])
def test_a_used_key_with_another_code_is_another_body(backend: RunningBackend, change: str) -> None:
    key, reference, code = new_key(), new_provisional_ref(), new_code()
    assert send(backend, offline_request(reference, code), key).status_code == 201
    other = offline_request(reference, None if change == "no code" else new_code())

    problem = assert_problem(send(backend, other, key), 422)

    assert problem["type"].endswith(":idempotency-key-reused")
    filed = backend.rows("SELECT count(*) FROM applications WHERE provisional_ref = ?", reference)
    assert filed == [(1,)]
