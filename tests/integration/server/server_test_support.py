"""Requests the server integration tests send, and the checks many of them share."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import requests

from tests.support import RunningBackend

# GB 11643's own worked example; its check character is X.
VALID_ID_NUMBER = "11010519491231002X"
TIMEOUT_S = 10
# The test backends run with the default hall time zone.
HALL_TIMEZONE = ZoneInfo("Asia/Shanghai")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def individual_business_request(**form_overrides: str) -> dict[str, Any]:
    """A valid request for BR-001 of the demo catalog; ``form_overrides`` replace values."""
    form = {
        "business_name": "城南便利店",
        "organization_form": "individual",
        "business_scope": "日用百货零售",
        "capital_10k_yuan": "5",
        "premises_address": "城南路12号",
        "contact_phone": "+8613800138000",
    }
    form.update(form_overrides)
    return {
        "service_code": "BR-001",
        "language": "zh-Hans",
        "applicant": {
            "name": "张三",
            "id_number": VALID_ID_NUMBER,
            "document_kind": "resident_id",
        },
        "form": form,
    }


def pension_certification_request() -> dict[str, Any]:
    """A valid request for SA-001 (promised in one working day) of the demo catalog."""
    body = individual_business_request()
    body["service_code"] = "SA-001"
    body["form"] = {
        "certification_year": "2026",
        "residence_address": "城关镇幸福路8号",
        "contact_phone": "13900139000",
    }
    return body


def new_key() -> str:
    return uuid.uuid4().hex


def random_id_number() -> str:
    """A fresh, well-formed resident ID number (valid check character): a citizen of one test."""
    birth = f"{random.randint(1950, 2005)}{random.randint(1, 12):02d}{random.randint(1, 28):02d}"
    body = f"110105{birth}{random.randint(0, 999):03d}"
    return body + _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def file_application(
    backend: RunningBackend, body: dict[str, Any] | None = None, *, token: str | None = None
) -> dict[str, Any]:
    """File ``body`` (a BR-001 request by default) from the test kiosk; the 201 receipt."""
    auth = backend.kiosk_headers() if token is None else {"Authorization": f"Bearer {token}"}
    headers = {"Idempotency-Key": new_key(), **auth}
    response = requests.post(
        f"{backend.url}/v1/applications",
        json=body if body is not None else individual_business_request(),
        headers=headers,
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 201, response.text
    receipt: dict[str, Any] = response.json()
    return receipt


def access_code(receipt: dict[str, Any]) -> str:
    """The access code in a receipt's status URL (what its QR code carries)."""
    [code] = parse_qs(urlsplit(receipt["status_url"]).query)["code"]
    return code


def move(backend: RunningBackend, number: str, to: str, note: str = "") -> requests.Response:
    """A staff member moves application ``number`` to status ``to``."""
    return requests.post(
        f"{backend.url}/v1/staff/applications/{number}/transitions",
        json={"to": to, "note": note},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )


def assert_problem(response: requests.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    return problem


def call(
    backend: RunningBackend, method: str, path: str, headers: dict[str, str], body: Any = None
) -> requests.Response:
    return requests.request(
        method, f"{backend.url}{path}", json=body, headers=headers, timeout=TIMEOUT_S
    )


def assert_staff_only(backend: RunningBackend, method: str, path: str, body: Any = None) -> None:
    """No token and a kiosk's token are both 401 on a staff route."""
    for headers in ({}, backend.kiosk_headers()):
        problem = assert_problem(call(backend, method, path, headers, body), 401)
        assert "staff" in problem["detail"]


def assert_kiosk_only(backend: RunningBackend, method: str, path: str, body: Any = None) -> None:
    """No token and a staff member's token are both 401 on a kiosk route."""
    headers = {"Idempotency-Key": new_key()}
    for auth in ({}, backend.staff_headers()):
        response = call(backend, method, path, {**headers, **auth}, body)
        assert "kiosk" in assert_problem(response, 401)["detail"]


def hall_today() -> dt.date:
    return dt.datetime.now(HALL_TIMEZONE).date()


def set_application_columns(backend: RunningBackend, number: str, **values: Any) -> None:
    """Test set-up: overwrite columns of one application, e.g. to move its dates into the past.

    Timestamps are given as aware datetimes and stored the way the server stores them.
    """
    names = sorted(values)
    assignments = ", ".join(f"{name} = ?" for name in names)
    backend.execute(
        f"UPDATE applications SET {assignments} WHERE number = ?",
        *(_stored(backend, values[name]) for name in names),
        number,
    )


def _stored(backend: RunningBackend, value: Any) -> Any:
    if backend.is_postgresql:
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
