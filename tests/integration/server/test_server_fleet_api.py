"""The fleet as staff see it: every kiosk's health, one kiosk's commands, revoking a kiosk."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from tests.integration.server.kiosk_test_support import (
    LONG_AGO,
    acknowledge,
    bearer,
    send_command,
    send_heartbeat,
    staff_get,
    unique_kiosk_id,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

FLEET_KIOSK_KEYS = {
    "kiosk_id",
    "label",
    "provisioned_at",
    "revoked",
    "last_seen_at",
    "online",
    "version",
    "card_reader",
    "printer",
    "paper",
    "outbox_depth",
    "out_of_service",
    "pending_commands",
}


def new_kiosk(backend: RunningBackend) -> tuple[str, str]:
    kiosk_id = unique_kiosk_id("fleet")
    return kiosk_id, backend.add_kiosk(kiosk_id)


def fleet(backend: RunningBackend) -> dict[str, Any]:
    response = staff_get(backend, "/v1/staff/fleet")
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def fleet_entry(backend: RunningBackend, kiosk_id: str) -> dict[str, Any]:
    [entry] = [kiosk for kiosk in fleet(backend)["kiosks"] if kiosk["kiosk_id"] == kiosk_id]
    return entry


def test_the_fleet_shows_each_kiosks_last_heartbeat(backend: RunningBackend) -> None:
    kiosk_id, token = new_kiosk(backend)
    send_command(backend, kiosk_id, "reset")
    send_command(backend, kiosk_id, "message", "hello")
    heartbeat = send_heartbeat(
        backend,
        token,
        version="3.1.0",
        card_reader={"state": "absent"},
        printer={"state": "offline", "paper": "out", "detail": "cover open"},
        outbox_depth=4,
    )
    assert heartbeat.status_code == 200

    entry = fleet_entry(backend, kiosk_id)

    assert set(entry) == FLEET_KIOSK_KEYS
    assert entry["online"] is True and entry["revoked"] is False
    assert entry["version"] == "3.1.0"
    assert (entry["card_reader"], entry["printer"], entry["paper"]) == ("absent", "offline", "out")
    assert entry["outbox_depth"] == 4
    assert entry["pending_commands"] == 2
    assert entry["out_of_service"] is False
    assert entry["last_seen_at"] == heartbeat.json()["server_time"]


def test_a_kiosk_that_never_sent_a_heartbeat(backend: RunningBackend) -> None:
    kiosk_id, _token = new_kiosk(backend)

    entry = fleet_entry(backend, kiosk_id)

    assert entry["online"] is False and entry["last_seen_at"] is None
    assert entry["card_reader"] is entry["printer"] is entry["paper"] is entry["version"] is None
    assert entry["pending_commands"] == 0


def test_a_kiosk_silent_for_three_heartbeat_periods_is_offline(backend: RunningBackend) -> None:
    kiosk_id, token = new_kiosk(backend)
    send_heartbeat(backend, token)
    assert fleet_entry(backend, kiosk_id)["online"] is True

    backend.execute("UPDATE kiosks SET last_seen_at = ? WHERE id = ?", LONG_AGO, kiosk_id)

    assert fleet_entry(backend, kiosk_id)["online"] is False


def test_the_summary_counts_the_listed_kiosks(backend: RunningBackend) -> None:
    _online_id, online_token = new_kiosk(backend)
    send_heartbeat(backend, online_token, printer={"state": "ok", "paper": "near_end"})
    _closed_id, closed_token = new_kiosk(backend)
    send_heartbeat(backend, closed_token, out_of_service=True)

    answer = fleet(backend)

    kiosks = answer["kiosks"]
    assert answer["summary"] == {
        "total": len(kiosks),
        "online": sum(kiosk["online"] for kiosk in kiosks),
        "needing_paper": sum(kiosk["paper"] in {"near_end", "out"} for kiosk in kiosks),
        "out_of_service": sum(kiosk["out_of_service"] for kiosk in kiosks),
    }
    assert answer["summary"]["needing_paper"] >= 1 and answer["summary"]["out_of_service"] >= 1
    assert [kiosk["kiosk_id"] for kiosk in kiosks] == sorted(kiosk["kiosk_id"] for kiosk in kiosks)


def test_one_kiosk_with_its_recent_commands(backend: RunningBackend) -> None:
    kiosk_id, token = new_kiosk(backend)
    send_heartbeat(backend, token, printer={"state": "error", "paper": "unknown", "detail": "jam"})
    first = send_command(backend, kiosk_id, "restart").json()
    second = send_command(backend, kiosk_id, "message", "Back at 14:00").json()
    acknowledge(backend, token, first["id"], "done", "restarted in 12 s")

    response = staff_get(backend, f"/v1/staff/kiosks/{kiosk_id}")

    assert response.status_code == 200, response.text
    detail = response.json()
    assert set(detail) == FLEET_KIOSK_KEYS | {"health", "recent_commands"}
    assert detail["pending_commands"] == 1
    assert detail["health"]["printer"] == {"state": "error", "paper": "unknown", "detail": "jam"}
    commands = detail["recent_commands"]
    assert [command["id"] for command in commands] == [second["id"], first["id"]]
    assert commands[1]["outcome"] == "done" and commands[1]["detail"] == "restarted in 12 s"
    assert commands[1]["acknowledged_at"] is not None
    assert commands[0]["outcome"] is None and commands[0]["message"] == "Back at 14:00"
    assert commands[0]["created_by"] == backend.staff_name


def test_a_kiosk_without_heartbeats_has_no_health(backend: RunningBackend) -> None:
    kiosk_id, _token = new_kiosk(backend)

    detail = staff_get(backend, f"/v1/staff/kiosks/{kiosk_id}").json()

    assert detail["health"] is None and detail["recent_commands"] == []


@pytest.mark.parametrize("kiosk_id", ["no-such-kiosk-0000", "bad id", "x" * 65, "nul%00"])
def test_unknown_or_impossible_kiosk_ids(backend: RunningBackend, kiosk_id: str) -> None:
    answers = [
        staff_get(backend, f"/v1/staff/kiosks/{kiosk_id}"),
        requests.post(
            f"{backend.url}/v1/staff/kiosks/{kiosk_id}/revoke",
            headers=backend.staff_headers(),
            timeout=TIMEOUT_S,
        ),
        send_command(backend, kiosk_id, "reset"),
    ]

    expected = 404 if kiosk_id.startswith("no-such") else 422
    assert [answer.status_code for answer in answers] == [expected] * 3
    assert {answer.headers["content-type"] for answer in answers} == {"application/problem+json"}


def test_revoking_stops_the_token_and_shows_in_the_fleet(backend: RunningBackend) -> None:
    kiosk_id, token = new_kiosk(backend)
    assert send_heartbeat(backend, token).status_code == 200

    response = requests.post(
        f"{backend.url}/v1/staff/kiosks/{kiosk_id}/revoke",
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 200
    assert set(response.json()) == {"kiosk_id", "revoked_at"}
    assert send_heartbeat(backend, token).status_code == 401
    assert fleet_entry(backend, kiosk_id)["revoked"] is True
    assert backend.rows("SELECT count(*) FROM kiosks WHERE id = ?", kiosk_id) == [(1,)]


STAFF_ROUTES = [
    ("GET", "/v1/staff/fleet", None),
    ("GET", "/v1/staff/kiosks/{kiosk}", None),
    ("POST", "/v1/staff/kiosks/{kiosk}/commands", {"kind": "reset"}),
    ("POST", "/v1/staff/kiosks/{kiosk}/revoke", None),
    ("POST", "/v1/staff/provisioning-tokens", {"valid_hours": 1}),
]


@pytest.mark.parametrize(("method", "path", "body"), STAFF_ROUTES)
def test_staff_routes_refuse_kiosk_unknown_and_missing_tokens(
    backend: RunningBackend, method: str, path: str, body: dict[str, Any] | None
) -> None:
    kiosk_id, _token = new_kiosk(backend)
    url = backend.url + path.format(kiosk=kiosk_id)
    for headers in ({}, bearer("unknown-" + "s" * 40), backend.kiosk_headers()):
        response = requests.request(method, url, json=body, headers=headers, timeout=TIMEOUT_S)
        assert response.status_code == 401, headers
        assert response.headers["content-type"] == "application/problem+json"
    assert fleet_entry(backend, kiosk_id)["revoked"] is False
    assert fleet_entry(backend, kiosk_id)["pending_commands"] == 0
