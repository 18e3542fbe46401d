"""Kiosk provisioning and heartbeats over HTTP, on both databases."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from tests.integration.server.kiosk_test_support import (
    LONG_AGO,
    bearer,
    heartbeat_body,
    new_provisioning_token,
    provision,
    provisioned_kiosk,
    send_heartbeat,
    sha256,
    unique_kiosk_id,
    wait_until_written,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend, as_json

PROBLEM = "application/problem+json"


# Provisioning


def test_staff_create_a_provisioning_token_stored_only_as_a_hash(backend: RunningBackend) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    response = requests.post(
        f"{backend.url}/v1/staff/provisioning-tokens",
        json={"valid_hours": 5},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 201, response.text
    answer = response.json()
    assert set(answer) == {"token", "expires_at"}
    expires_at = dt.datetime.fromisoformat(answer["expires_at"])
    assert before + dt.timedelta(hours=5) <= expires_at <= before + dt.timedelta(hours=5, seconds=5)
    [(created_by, used_at)] = backend.rows(
        "SELECT created_by, used_at FROM provisioning_tokens WHERE token_sha256 = ?",
        sha256(answer["token"]),
    )
    assert (created_by, used_at) == (backend.staff_name, None)
    assert backend.rows(
        "SELECT count(*) FROM provisioning_tokens WHERE token_sha256 = ?", answer["token"]
    ) == [(0,)]


def test_provisioning_tokens_last_72_hours_by_default(backend: RunningBackend) -> None:
    response = requests.post(
        f"{backend.url}/v1/staff/provisioning-tokens",
        json={},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 201
    expires_at = dt.datetime.fromisoformat(response.json()["expires_at"])
    assert expires_at - dt.datetime.now(dt.UTC) > dt.timedelta(hours=71, minutes=59)
    assert expires_at - dt.datetime.now(dt.UTC) <= dt.timedelta(hours=72)


@pytest.mark.parametrize("hours", [0, 721, -1, "a day", 1.5])
def test_validity_outside_1_to_720_hours_is_refused(backend: RunningBackend, hours: Any) -> None:
    response = requests.post(
        f"{backend.url}/v1/staff/provisioning-tokens",
        json={"valid_hours": hours},
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


def test_a_kiosk_exchanges_a_provisioning_token_for_its_own(backend: RunningBackend) -> None:
    kiosk_id = unique_kiosk_id()
    provisioning_token = new_provisioning_token(backend)

    response = provision(backend, provisioning_token, kiosk_id, label="Hall 1, by the door")

    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["kiosk_id"] == kiosk_id
    assert len(answer["token"]) >= 32
    [(token_hash, label, health)] = backend.rows(
        "SELECT token_sha256, label, health FROM kiosks WHERE id = ?", kiosk_id
    )
    assert token_hash == sha256(answer["token"])
    assert label == "Hall 1, by the door"
    assert as_json(health) == {}
    [(used_at, used_by)] = backend.rows(
        "SELECT used_at, kiosk_id FROM provisioning_tokens WHERE token_sha256 = ?",
        sha256(provisioning_token),
    )
    assert used_at is not None and used_by == kiosk_id
    assert send_heartbeat(backend, answer["token"]).status_code == 200


def test_the_label_defaults_to_the_kiosk_id(backend: RunningBackend) -> None:
    kiosk_id, _token = provisioned_kiosk(backend)

    assert backend.rows("SELECT label FROM kiosks WHERE id = ?", kiosk_id) == [(kiosk_id,)]


def test_a_provisioning_token_works_once(backend: RunningBackend) -> None:
    provisioning_token = new_provisioning_token(backend)
    assert provision(backend, provisioning_token, unique_kiosk_id()).status_code == 201

    again = provision(backend, provisioning_token, unique_kiosk_id())

    assert again.status_code == 401
    assert again.headers["content-type"] == PROBLEM


def test_unknown_used_and_expired_tokens_get_the_same_answer(backend: RunningBackend) -> None:
    used = new_provisioning_token(backend)
    assert provision(backend, used, unique_kiosk_id()).status_code == 201
    expired = new_provisioning_token(backend)
    backend.execute(
        "UPDATE provisioning_tokens SET expires_at = ? WHERE token_sha256 = ?",
        LONG_AGO,
        sha256(expired),
    )

    answers = [
        provision(backend, token, unique_kiosk_id())
        for token in ("never-issued-" + "x" * 40, used, expired)
    ]

    assert [answer.status_code for answer in answers] == [401, 401, 401]
    assert len({answer.text for answer in answers}) == 1
    assert backend.rows(
        "SELECT used_at FROM provisioning_tokens WHERE token_sha256 = ?", sha256(expired)
    ) == [(None,)]


def test_a_registered_kiosk_id_is_a_conflict_and_keeps_the_token_unspent(
    backend: RunningBackend,
) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    provisioning_token = new_provisioning_token(backend)

    response = provision(backend, provisioning_token, kiosk_id)

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM
    assert backend.rows("SELECT token_sha256 FROM kiosks WHERE id = ?", kiosk_id) == [
        (sha256(token),)
    ]
    assert provision(backend, provisioning_token, unique_kiosk_id()).status_code == 201


def test_an_invalid_token_is_refused_before_revealing_whether_an_id_exists(
    backend: RunningBackend,
) -> None:
    response = provision(backend, "not-a-token-" + "y" * 40, backend.kiosk_id)

    assert response.status_code == 401


def test_a_revoked_kiosk_can_be_provisioned_again(backend: RunningBackend) -> None:
    kiosk_id, old_token = provisioned_kiosk(backend)
    revoked = requests.post(
        f"{backend.url}/v1/staff/kiosks/{kiosk_id}/revoke",
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )
    assert revoked.status_code == 200

    again = provision(backend, new_provisioning_token(backend), kiosk_id, label="replacement")

    assert again.status_code == 201
    assert send_heartbeat(backend, again.json()["token"]).status_code == 200
    assert send_heartbeat(backend, old_token).status_code == 401
    assert backend.rows("SELECT label, revoked_at FROM kiosks WHERE id = ?", kiosk_id) == [
        ("replacement", None)
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"kiosk_id": ""},
        {"kiosk_id": "has space"},
        {"kiosk_id": "k" * 65},
        {"kiosk_id": "kiosk/1"},
        {"label": "x" * 101},
        {"label": "nul\x00"},
        {"provisioning_token": ""},
        {"provisioning_token": "t" * 129},
        {"extra": 1},
    ],
)
def test_malformed_provision_requests_are_refused(
    backend: RunningBackend, change: dict[str, Any]
) -> None:
    body = {"provisioning_token": "t" * 43, "kiosk_id": unique_kiosk_id(), "label": ""}
    body.update(change)

    response = requests.post(f"{backend.url}/v1/kiosks/provision", json=body, timeout=TIMEOUT_S)

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


def race_to_provision(backend: RunningBackend, token: str, kiosk_ids: list[str]) -> list[int]:
    """Each kiosk id provisioned with ``token`` at the same moment; the statuses, in order."""
    start = threading.Barrier(len(kiosk_ids))

    def attempt(kiosk_id: str) -> int:
        start.wait()
        return provision(backend, token, kiosk_id).status_code

    with ThreadPoolExecutor(len(kiosk_ids)) as pool:
        return list(pool.map(attempt, kiosk_ids))


def test_kiosks_racing_with_one_provisioning_token_register_exactly_one(
    backend: RunningBackend,
) -> None:
    racers = 6
    for _round in range(4):
        kiosk_ids = [unique_kiosk_id("race") for _ in range(racers)]

        statuses = race_to_provision(backend, new_provisioning_token(backend), kiosk_ids)

        assert sorted(statuses) == [201] + [401] * (racers - 1)
        winner = kiosk_ids[statuses.index(201)]
        registered = backend.rows(
            "SELECT id FROM kiosks WHERE id IN (" + ",".join("?" * racers) + ")", *kiosk_ids
        )
        assert registered == [(winner,)]


# Heartbeats


def test_a_heartbeat_stores_the_kiosk_health(backend: RunningBackend) -> None:
    kiosk_id, token = provisioned_kiosk(backend)
    body = heartbeat_body(
        version="2.0.1",
        card_reader={"state": "error", "detail": "no SAM"},
        printer={"state": "ok", "paper": "near_end"},
        outbox_depth=7,
    )
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)

    response = requests.post(
        f"{backend.url}/v1/kiosks/heartbeat", json=body, headers=bearer(token), timeout=TIMEOUT_S
    )

    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["commands"] == []
    assert answer["heartbeat_s"] == 30
    server_time = dt.datetime.fromisoformat(answer["server_time"])
    assert before <= server_time <= dt.datetime.now(dt.UTC)
    wait_until_written(backend, token, response)
    [(version, health, outbox_depth, last_seen_at)] = backend.rows(
        "SELECT version, health, outbox_depth, last_seen_at FROM kiosks WHERE id = ?", kiosk_id
    )
    assert (version, outbox_depth) == ("2.0.1", 7)
    stored = as_json(health)
    assert stored["card_reader"] == {"state": "error", "detail": "no SAM"}
    assert stored["printer"]["paper"] == "near_end"
    assert stored["uptime_s"] == 3600
    assert last_seen_at is not None


def test_heartbeats_add_no_rows(backend: RunningBackend) -> None:
    _kiosk_id, token = provisioned_kiosk(backend)
    tables = ("kiosks", "kiosk_commands", "provisioning_tokens", "idempotency_records")
    counts = [backend.rows(f"SELECT count(*) FROM {table}")[0][0] for table in tables]

    for depth in range(3):
        assert send_heartbeat(backend, token, outbox_depth=depth).status_code == 200

    assert [backend.rows(f"SELECT count(*) FROM {table}")[0][0] for table in tables] == counts


@pytest.mark.parametrize(
    "change",
    [
        {"version": ""},
        {"version": "v" * 33},
        {"card_reader": {"state": "melted"}},
        {"card_reader": {"state": "ok", "detail": "d" * 201}},
        {"printer": {"state": "ok"}},
        {"printer": {"state": "ok", "paper": "plenty"}},
        {"outbox_depth": -1},
        {"outbox_depth": 2**31},
        {"uptime_s": -5},
        {"backend_latency_ms": -1},
        {"disk_free_mb": 2**60},
        {"out_of_service": "maybe"},
        {"version": "nul\x00"},
        {"unexpected": True},
    ],
)
def test_malformed_heartbeats_are_refused(backend: RunningBackend, change: dict[str, Any]) -> None:
    response = requests.post(
        f"{backend.url}/v1/kiosks/heartbeat",
        json=heartbeat_body(**change),
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


def test_optional_health_figures_may_be_left_out(backend: RunningBackend) -> None:
    body = heartbeat_body()
    for optional in ("backend_latency_ms", "disk_free_mb"):
        del body[optional]

    response = requests.post(
        f"{backend.url}/v1/kiosks/heartbeat",
        json=body,
        headers=backend.kiosk_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 200
