"""A rating that reaches the server before the offline filing it rates: "not known yet", told
apart from a reference that will never exist, and accepted once the filing has arrived."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import TIMEOUT_S, individual_business_request
from tests.integration.server.test_server_evaluations_api import (
    assert_problem,
    evaluate,
    new_key,
    rating,
)
from tests.support import RunningBackend


def provisional_ref() -> str:
    return f"P261130-TEST-{uuid.uuid4().hex[:8].upper()}"


def file_under(backend: RunningBackend, kind: str, reference: str) -> str:
    """The filing a kiosk kept offline arrives, under ``reference``; its official number."""
    if kind == "application":
        path, body = "/v1/applications", individual_business_request()
    else:
        path = "/v1/hotline/requests"
        body = {
            "category": "consultation",
            "language": "zh-Hans",
            "description": "社保卡补办要带什么材料？",
            "contact_name": "李四",
            "contact_phone": "13800138000",
            "anonymous": False,
        }
    response = requests.post(
        f"{backend.url}{path}",
        json={**body, "provisional_ref": reference},
        headers=backend.kiosk_headers(**{"Idempotency-Key": new_key()}),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["number"])


@pytest.mark.parametrize("kind", ["application", "hotline_request"])
def test_a_rating_ahead_of_its_filing_is_not_yet_known_then_accepted_with_the_same_key(
    backend: RunningBackend, kind: str
) -> None:
    reference = provisional_ref()
    body: dict[str, Any] = rating(kind, reference, level=4)
    key = new_key()

    early = evaluate(backend, body, key)
    assert_problem(early, 404, "transaction-not-yet-known")
    assert "after" in early.json()["detail"]
    assert backend.rows(
        "SELECT count(*) FROM evaluations WHERE transaction_ref = ?", reference
    ) == [(0,)]

    number = file_under(backend, kind, reference)
    late = evaluate(backend, body, key)  # the refusal was not kept against the key
    assert late.status_code == 201, late.text
    assert late.json()["transaction_ref"] == number


@pytest.mark.parametrize(
    ("kind", "reference"),
    [
        ("application", "OS19990101999999"),  # spelled as this server numbers: never given
        ("hotline_request", "RX19990101999999"),
        ("application", "P 261130"),  # not even a provisional reference's spelling
        ("queue_ticket", "P261130-TEST-ABCDEFGH"),  # a ticket is never filed offline
    ],
)
def test_a_reference_that_cannot_arrive_later_stays_unknown(
    backend: RunningBackend, kind: str, reference: str
) -> None:
    assert_problem(evaluate(backend, rating(kind, reference)), 404, "unknown-transaction")


def test_a_hotline_requests_provisional_reference_is_no_application_to_wait_for(
    backend: RunningBackend,
) -> None:
    reference = provisional_ref()
    file_under(backend, "hotline_request", reference)
    answer = evaluate(backend, rating("application", reference))
    assert_problem(answer, 404, "unknown-transaction")
