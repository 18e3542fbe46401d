"""Commands staff send to kiosks and kiosks acknowledge; who may call the kiosk routes."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from tests.integration.server.kiosk_test_support import (
    acknowledge,
    as_utc,
    bearer,
    heartbeat_body,
    provisioned_kiosk,
    send_command,
    send_heartbeat,
    sha256,
    unique_kiosk_id,
    wait_until_written,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

PROBLEM = "application/problem+json"


# Commands


def test_a_command_reaches_the_kiosk_until_acknowledged(backend: RunningBackend) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    created = send_command(backend, kiosk_id, "message", "Printer paper arriving at 10:00")
    assert created.status_code == 201, created.text
    command = created.json()
    assert command["kind"] == "message" and command["acknowledged_at"] is None
    assert command["created_by"] == backend.staff_name

    first = send_heartbeat(backend, token).json()["commands"]
    second = send_heartbeat(backend, token).json()["commands"]
    assert (
        first
        == second
        == [{"id": command["id"], "kind": "message", "message": "Printer paper arriving at 10:00"}]
    )

    ack = acknowledge(backend, token, command["id"], "done")
    assert ack.status_code == 200, ack.text
    assert ack.json()["outcome"] == "done"
    assert send_heartbeat(backend, token).json()["commands"] == []


def test_commands_come_oldest_first(backend: RunningBackend) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    kinds = ["reset", "restart", "out_of_service_off"]
    ids = [send_command(backend, kiosk_id, kind).json()["id"] for kind in kinds]

    commands = send_heartbeat(backend, token).json()["commands"]

    assert [(c["id"], c["kind"], c["message"]) for c in commands] == [
        (command_id, kind, None) for command_id, kind in zip(ids, kinds, strict=True)
    ]


def test_acknowledging_twice_keeps_the_first_outcome(backend: RunningBackend) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    command_id = send_command(backend, kiosk_id, "restart").json()["id"]
    first = acknowledge(backend, token, command_id, "failed", "watchdog busy")

    again = acknowledge(backend, token, command_id, "done")

    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.json()["outcome"] == "failed" and again.json()["detail"] == "watchdog busy"
    assert backend.rows(
        "SELECT outcome, outcome_detail FROM kiosk_commands WHERE id = ?", command_id
    ) == [("failed", "watchdog busy")]


def test_a_kiosk_cannot_acknowledge_another_kiosks_command(backend: RunningBackend) -> None:
    owner_id, _owner_token = provisioned_kiosk(backend)
    _other_id, other_token = provisioned_kiosk(backend)
    command_id = send_command(backend, owner_id, "reset").json()["id"]

    response = acknowledge(backend, other_token, command_id, "done")

    assert response.status_code == 404
    assert backend.rows("SELECT acknowledged_at FROM kiosk_commands WHERE id = ?", command_id) == [
        (None,)
    ]


@pytest.mark.parametrize("command_id", ["999999999", "2147483648", "0", "-1", "abc"])
def test_unknown_or_impossible_command_ids(backend: RunningBackend, command_id: str) -> None:
    response = requests.post(
        f"{backend.url}/v1/kiosks/commands/{command_id}/ack",
        json={"outcome": "done"},
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == (404 if command_id == "999999999" else 422)
    assert response.headers["content-type"] == PROBLEM


@pytest.mark.parametrize(
    "body",
    [{"outcome": "maybe"}, {"outcome": "done", "detail": "d" * 201}, {}, {"outcome": None}],
)
def test_malformed_acknowledgements_are_refused(
    backend: RunningBackend, body: dict[str, Any]
) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    command_id = send_command(backend, kiosk_id, "reset").json()["id"]

    response = requests.post(
        f"{backend.url}/v1/kiosks/commands/{command_id}/ack",
        json=body,
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 422


def test_out_of_service_follows_the_acknowledged_commands(backend: RunningBackend) -> None:
    kiosk_id, token = provisioned_kiosk(backend)

    def flag() -> bool:
        return bool(backend.rows("SELECT out_of_service FROM kiosks WHERE id = ?", kiosk_id)[0][0])

    on = send_command(backend, kiosk_id, "out_of_service_on", "Closed for maintenance").json()
    assert not flag()
    assert acknowledge(backend, token, on["id"], "done").status_code == 200
    assert flag()

    failed_off = send_command(backend, kiosk_id, "out_of_service_off").json()
    assert acknowledge(backend, token, failed_off["id"], "failed").status_code == 200
    assert flag()

    off = send_command(backend, kiosk_id, "out_of_service_off").json()
    assert acknowledge(backend, token, off["id"], "done").status_code == 200
    assert not flag()


def test_a_heartbeat_taken_just_before_an_acknowledgement_keeps_its_report(
    backend: RunningBackend,
) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    on = send_command(backend, kiosk_id, "out_of_service_on", "Closed for maintenance").json()
    # Taken and kept in memory; the acknowledgement is written before the heartbeat's batch
    # (about once a second), as when a kiosk acknowledges right after its heartbeat.
    beat = requests.post(
        f"{backend.url}/v1/kiosks/heartbeat",
        json=heartbeat_body(version="9.9.9", outbox_depth=7, out_of_service=False),
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )
    assert beat.status_code == 200
    assert acknowledge(backend, token, on["id"], "done").status_code == 200
    wait_until_written(backend, token, beat)

    [(version, depth, out_of_service, seen, reported)] = backend.rows(
        "SELECT version, outbox_depth, out_of_service, last_seen_at, health_reported_at"
        " FROM kiosks WHERE id = ?",
        kiosk_id,
    )
    assert (version, depth) == ("9.9.9", 7), "the report is kept"
    assert out_of_service, "the acknowledgement, newer, still says out of service"
    assert as_utc(seen) > as_utc(reported), "last seen at the acknowledgement"


def test_a_heartbeat_reports_the_kiosks_own_out_of_service_state(backend: RunningBackend) -> None:
    kiosk_id, token = provisioned_kiosk(backend)

    assert send_heartbeat(backend, token, out_of_service=True).status_code == 200

    assert backend.rows("SELECT out_of_service FROM kiosks WHERE id = ?", kiosk_id) == [(True,)]


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "message"},
        {"kind": "message", "message": "   "},
        {"kind": "out_of_service_on"},
        {"kind": "message", "message": "m" * 501},
        {"kind": "self_destruct"},
        {"kind": "reset", "message": "nul\x00"},
        {"kind": "reset", "extra": 1},
    ],
)
def test_malformed_commands_are_refused(backend: RunningBackend, body: dict[str, Any]) -> None:
    response = requests.post(
        f"{backend.url}/v1/staff/kiosks/{backend.kiosk_id}/commands",
        json=body,
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


def test_a_command_for_an_unknown_kiosk_is_not_found(backend: RunningBackend) -> None:
    response = send_command(backend, unique_kiosk_id("nobody"), "reset")

    assert response.status_code == 404


# Access control

KIOSK_ROUTES = [
    ("/v1/kiosks/heartbeat", heartbeat_body()),
    ("/v1/kiosks/commands/1/ack", {"outcome": "done"}),
]


@pytest.mark.parametrize(("path", "body"), KIOSK_ROUTES)
def test_kiosk_routes_refuse_missing_unknown_and_staff_tokens(
    backend: RunningBackend, path: str, body: dict[str, Any]
) -> None:
    for headers in ({}, bearer("unknown-" + "z" * 40), backend.staff_headers()):
        response = requests.post(
            f"{backend.url}{path}", json=body, headers=headers, timeout=TIMEOUT_S
        )
        assert response.status_code == 401, headers
        assert response.headers["content-type"] == PROBLEM
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_revoked_kiosk_token_is_refused(backend: RunningBackend) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    command_id = send_command(backend, kiosk_id, "reset").json()["id"]
    assert send_heartbeat(backend, token).status_code == 200

    revoked = requests.post(
        f"{backend.url}/v1/staff/kiosks/{kiosk_id}/revoke",
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert revoked.status_code == 200
    assert revoked.json()["kiosk_id"] == kiosk_id
    assert send_heartbeat(backend, token).status_code == 401
    assert acknowledge(backend, token, command_id, "done").status_code == 401
    [(token_hash,)] = backend.rows("SELECT token_sha256 FROM kiosks WHERE id = ?", kiosk_id)
    assert token_hash != sha256(token)
