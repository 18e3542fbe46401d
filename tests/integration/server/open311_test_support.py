"""Speaking to the Open311 face as an Open311 client does, and to the kiosk face beside it."""

from __future__ import annotations

import uuid
from typing import Any

import requests

from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

REQUEST_KEYS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "requested_datetime",
    "updated_datetime",
    "agency_responsible",
    "address",
    "lat",
    "long",
}
DESCRIPTION = "小区门口的路灯坏了一个星期，晚上很黑。"


def base(backend: RunningBackend) -> str:
    return f"{backend.url}/open311/v2"


def form_arguments(backend: RunningBackend, **overrides: str | None) -> dict[str, str]:
    """What an Open311 client sends: every argument a string, the key among them."""
    arguments: dict[str, str | None] = {
        "api_key": backend.kiosk_token,
        "jurisdiction_id": "hall.example.gov.cn",
        "service_code": "appeal",
        "lat": "31.2304",
        "long": "121.4737",
        "address_string": "人民路与南京路交叉口",
        "email": "citizen@example.com",
        "device_id": "tt222111",
        "account_id": "acct-7",
        "first_name": "三",
        "last_name": "张",
        "phone": "13900139000",
        "description": DESCRIPTION,
    }
    arguments.update(overrides)
    return {name: value for name, value in arguments.items() if value is not None}


def post_form(backend: RunningBackend, arguments: dict[str, str]) -> requests.Response:
    return requests.post(f"{base(backend)}/requests.json", data=arguments, timeout=TIMEOUT_S)


def file_open311(backend: RunningBackend, **overrides: str | None) -> str:
    response = post_form(backend, form_arguments(backend, **overrides))
    assert response.status_code == 201, response.text
    number: str = response.json()[0]["service_request_id"]
    return number


def file_at_kiosk(backend: RunningBackend, **overrides: Any) -> dict[str, Any]:
    body = {
        "category": "consumer_complaint",
        "description": "超市卖过期牛奶。",
        "anonymous": False,
        "contact_name": "王五",
        "contact_phone": "13700137000",
        "address": "解放路8号超市",
        "language": "zh-Hans",
        **overrides,
    }
    response = requests.post(
        f"{backend.url}/v1/hotline/requests",
        json=body,
        headers=backend.kiosk_headers(**{"Idempotency-Key": uuid.uuid4().hex}),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 201, response.text
    receipt: dict[str, Any] = response.json()
    return receipt


def get_requests(backend: RunningBackend, **params: str) -> list[dict[str, Any]]:
    response = requests.get(f"{base(backend)}/requests.json", params=params, timeout=TIMEOUT_S)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    return items


def get_one(backend: RunningBackend, number: str, **params: str) -> dict[str, Any]:
    response = requests.get(
        f"{base(backend)}/requests/{number}.json", params=params, timeout=TIMEOUT_S
    )
    assert response.status_code == 200, response.text
    [item] = response.json()
    assert isinstance(item, dict)
    return item


def staff_reply(backend: RunningBackend, number: str, text: str, status: str) -> None:
    response = requests.post(
        f"{backend.url}/v1/staff/hotline/requests/{number}/replies",
        json={"text": text, "status": status},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 201, response.text


def problem(response: requests.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body
