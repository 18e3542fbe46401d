"""Requests the kiosk and fleet tests send: provisioning, heartbeats, commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import uuid
from typing import Any

import requests

from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

# Far enough in the past to be outside any window whatever the database's time zone.
LONG_AGO = "2000-01-01 00:00:00"
# A batch goes out every second; the rest is slack for a loaded machine.
HEARTBEAT_WRITTEN_WITHIN_S = 10.0


def unique_kiosk_id(prefix: str = "kiosk") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def heartbeat_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "version": "1.4.2",
        "card_reader": {"state": "ok"},
        "printer": {"state": "ok", "paper": "ok"},
        "backend_latency_ms": 12,
        "outbox_depth": 0,
        "disk_free_mb": 5000,
        "uptime_s": 3600,
        "out_of_service": False,
    }
    body.update(overrides)
    return body


def send_heartbeat(backend: RunningBackend, token: str, **overrides: Any) -> requests.Response:
    """Send a heartbeat and, if it was taken, wait until the server has written it."""
    response = requests.post(
        f"{backend.url}/v1/kiosks/heartbeat",
        json=heartbeat_body(**overrides),
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )
    if response.status_code == 200:
        wait_until_written(backend, token, response)
    return response


def wait_until_written(backend: RunningBackend, token: str, answer: requests.Response) -> None:
    """Heartbeats are written in batches about once a second (server.heartbeats)."""
    server_time = dt.datetime.fromisoformat(answer.json()["server_time"])
    deadline = time.monotonic() + HEARTBEAT_WRITTEN_WITHIN_S
    while time.monotonic() < deadline:
        [(reported_at,)] = backend.rows(
            "SELECT health_reported_at FROM kiosks WHERE token_sha256 = ?", sha256(token)
        )
        if reported_at is not None and as_utc(reported_at) >= server_time:
            return
        time.sleep(0.05)
    raise AssertionError(f"the heartbeat of {server_time} was not written")


def as_utc(value: dt.datetime | str) -> dt.datetime:
    """A timestamp column as read back: text on SQLite, naive or aware datetime elsewhere."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def new_provisioning_token(backend: RunningBackend, **body: Any) -> str:
    response = requests.post(
        f"{backend.url}/v1/staff/provisioning-tokens",
        json=body,
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 201, response.text
    token = response.json()["token"]
    assert isinstance(token, str)
    return token


def provision(
    backend: RunningBackend, provisioning_token: str, kiosk_id: str, label: str = ""
) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/kiosks/provision",
        json={"provisioning_token": provisioning_token, "kiosk_id": kiosk_id, "label": label},
        timeout=TIMEOUT_S,
    )


def send_command(
    backend: RunningBackend, kiosk_id: str, kind: str, message: str | None = None
) -> requests.Response:
    body: dict[str, Any] = {"kind": kind}
    if message is not None:
        body["message"] = message
    return requests.post(
        f"{backend.url}/v1/staff/kiosks/{kiosk_id}/commands",
        json=body,
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )


def acknowledge(
    backend: RunningBackend, token: str, command_id: int, outcome: str, detail: str | None = None
) -> requests.Response:
    body: dict[str, Any] = {"outcome": outcome}
    if detail is not None:
        body["detail"] = detail
    return requests.post(
        f"{backend.url}/v1/kiosks/commands/{command_id}/ack",
        json=body,
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )


def staff_get(backend: RunningBackend, path: str) -> requests.Response:
    return requests.get(f"{backend.url}{path}", headers=backend.staff_headers(), timeout=TIMEOUT_S)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def provisioned_kiosk(backend: RunningBackend) -> tuple[str, str]:
    """A kiosk registered the vendor's way, through a provisioning token; (id, token)."""
    kiosk_id = unique_kiosk_id()
    response = provision(backend, new_provisioning_token(backend), kiosk_id)
    assert response.status_code == 201, response.text
    return kiosk_id, response.json()["token"]
