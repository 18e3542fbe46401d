"""Requests the kiosk and fleet tests send: provisioning, heartbeats, commands."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import requests

from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

# Far enough in the past to be outside any window whatever the database's time zone.
LONG_AGO = "2000-01-01 00:00:00"


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
    return requests.post(
        f"{backend.url}/v1/kiosks/heartbeat",
        json=heartbeat_body(**overrides),
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )


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
