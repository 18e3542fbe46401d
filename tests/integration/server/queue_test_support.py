"""Requests and database set-up the queue tests share.

Tests that count or call tickets work in a category of their own (added straight to the
database), since the backend and its demo categories are shared by the whole test session.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import secrets
import string
import uuid
from typing import Any
from zoneinfo import ZoneInfo

import requests

from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

HALL_TIMEZONE = ZoneInfo("Asia/Shanghai")
PROBLEM = "urn:onestop-kiosk:problem:"
TICKET_KEYS = {
    "id",
    "number",
    "category",
    "category_name",
    "language",
    "day",
    "status",
    "counter",
    "people_ahead",
    "estimated_wait_minutes",
    "issued_at",
    "called_at",
}
# Two-character prefixes no demo category uses; one per test category, never reused.
_PREFIXES = ("".join(pair) for pair in itertools.product("ZYXW", string.digits + "FGHJK"))


def new_key() -> str:
    return uuid.uuid4().hex


def hall_today() -> dt.date:
    return dt.datetime.now(HALL_TIMEZONE).date()


def db_time(backend: RunningBackend, moment: dt.datetime) -> Any:
    """A UTC timestamp as the backend's UtcDateTime column stores it."""
    if backend.is_postgresql:
        return moment
    return f"{moment.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S}.000000"


def new_category(backend: RunningBackend) -> tuple[str, str]:
    """A fresh counter category only this test uses; (code, prefix)."""
    code = f"test-{uuid.uuid4().hex[:12]}"
    prefix = next(_PREFIXES)
    name = {"zh-Hant": "測試窗口", "zh-Hans": "测试窗口", "en": "Test counter"}
    backend.execute(
        "INSERT INTO queue_categories (code, prefix, name, sort_order) VALUES (?, ?, ?, ?)",
        code,
        prefix,
        json.dumps(name, ensure_ascii=False),
        1000,
    )
    return code, prefix


def insert_ticket(
    backend: RunningBackend,
    category: str,
    sequence: int,
    *,
    day: dt.date | None = None,
    status: str = "waiting",
    counter: str | None = None,
    called_at: dt.datetime | None = None,
    finished_at: dt.datetime | None = None,
) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    backend.execute(
        "INSERT INTO queue_tickets (category_code, day, sequence, number, kiosk_id, language, "
        "status, counter, issued_at, called_at, finished_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        category,
        day or hall_today(),
        sequence,
        f"T{sequence:03d}",
        backend.kiosk_id,
        "en",
        status,
        counter,
        db_time(backend, called_at or now),
        None if called_at is None else db_time(backend, called_at),
        None if finished_at is None else db_time(backend, finished_at),
    )


def take(
    backend: RunningBackend, category: str, key: str | None = None, language: str = "zh-Hans"
) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/queue/tickets",
        json={"category": category, "language": language},
        headers=backend.kiosk_headers(**{"Idempotency-Key": key or new_key()}),
        timeout=TIMEOUT_S,
    )


def take_ok(backend: RunningBackend, category: str) -> dict[str, Any]:
    response = take(backend, category)
    assert response.status_code == 201, response.text
    return dict(response.json())


def get_ticket(backend: RunningBackend, ticket_id: object) -> requests.Response:
    return requests.get(
        f"{backend.url}/v1/queue/tickets/{ticket_id}",
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )


def call_next(
    backend: RunningBackend,
    category: str,
    counter: str = "窗口3",
    headers: dict[str, str] | None = None,
) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/staff/queue/{category}/call-next",
        json={"counter": counter},
        headers=backend.staff_headers() if headers is None else headers,
        timeout=TIMEOUT_S,
    )


def set_outcome(backend: RunningBackend, ticket_id: object, outcome: str) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/staff/queue/tickets/{ticket_id}/outcome",
        json={"outcome": outcome},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )


def categories(backend: RunningBackend) -> dict[str, dict[str, Any]]:
    response = requests.get(
        f"{backend.url}/v1/queue/categories", headers=backend.kiosk_headers(), timeout=TIMEOUT_S
    )
    assert response.status_code == 200, response.text
    return {entry["code"]: entry for entry in response.json()["categories"]}


def staff_overview(backend: RunningBackend) -> dict[str, dict[str, Any]]:
    response = requests.get(
        f"{backend.url}/v1/staff/queue", headers=backend.staff_headers(), timeout=TIMEOUT_S
    )
    assert response.status_code == 200, response.text
    assert response.json()["day"] == hall_today().isoformat()
    return {entry["code"]: entry for entry in response.json()["categories"]}


def add_staff(backend: RunningBackend, name: str) -> dict[str, str]:
    """A second staff member's headers."""
    token = secrets.token_urlsafe(32)
    backend.execute(
        "INSERT INTO staff_tokens (name, token_sha256, created_at) VALUES (?, ?, ?)",
        name,
        hashlib.sha256(token.encode()).hexdigest(),
        db_time(backend, dt.datetime.now(dt.UTC)),
    )
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: requests.Response, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    body = dict(response.json())
    assert body["type"] == PROBLEM + kind
    return body
