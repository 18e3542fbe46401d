"""Heartbeats are answered from each process's memory and written a second late, in batches.

With several worker processes, a command or a revocation made through one reaches the others
within about a second; a server told to stop writes the heartbeats it holds first.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import requests

from tests.integration.server.conftest import DATABASES
from tests.integration.server.kiosk_test_support import bearer, heartbeat_body, sha256
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import start_backend

KIOSKS = 12
# A refresh a second, plus slack for a loaded machine.
WITHIN_S = 10.0


@pytest.mark.parametrize("kind", DATABASES)
@pytest.mark.parametrize("workers", ["1", "2"])
def test_heartbeats_taken_just_before_a_stop_are_written(
    kind: str, workers: str, database_factory: Callable[[str], str]
) -> None:
    process, backend = start_backend(database_factory(kind), "--workers", workers)
    try:
        tokens = [backend.add_kiosk(f"stop-{workers}-{number:02d}") for number in range(KIOSKS)]
        with requests.Session() as session:
            for depth, token in enumerate(tokens):
                answer = session.post(
                    f"{backend.url}/v1/kiosks/heartbeat",
                    json=heartbeat_body(outbox_depth=depth),
                    headers=bearer(token),
                    timeout=TIMEOUT_S,
                )
                assert answer.status_code == 200, answer.text
    finally:
        # SIGTERM straight away, well within the second a batch waits.
        process.stop()

    written = [
        backend.rows(
            "SELECT outbox_depth FROM kiosks WHERE token_sha256 = ? AND last_seen_at IS NOT NULL",
            sha256(token),
        )
        for token in tokens
    ]
    assert written == [[(depth,)] for depth in range(KIOSKS)]


@pytest.mark.parametrize("kind", DATABASES)
def test_commands_and_revocations_made_on_one_server_reach_another(
    kind: str, database_factory: Callable[[str], str]
) -> None:
    """Two servers over one database, as hosts behind a load balancer (or two workers)."""
    database_url = database_factory(kind)
    staff_side, staff_backend = start_backend(database_url)
    kiosk_side, kiosk_backend = start_backend(database_url)
    try:
        url = kiosk_backend.url
        token = kiosk_backend.add_kiosk("memory-kiosk")
        assert heartbeat_commands(url, token) == []

        command = requests.post(
            f"{staff_backend.url}/v1/staff/kiosks/memory-kiosk/commands",
            json={"kind": "reset"},
            headers=staff_backend.staff_headers(),
            timeout=TIMEOUT_S,
        )
        assert command.status_code == 201, command.text
        assert settles(lambda: heartbeat_commands(url, token) == [command.json()["id"]])

        revoked = requests.post(
            f"{staff_backend.url}/v1/staff/kiosks/memory-kiosk/revoke",
            headers=staff_backend.staff_headers(),
            timeout=TIMEOUT_S,
        )
        assert revoked.status_code == 200, revoked.text
        assert settles(lambda: heartbeat_status(url, token) == 401)
    finally:
        kiosk_side.stop()
        staff_side.stop()


def heartbeat_status(url: str, token: str) -> int:
    return requests.post(
        f"{url}/v1/kiosks/heartbeat",
        json=heartbeat_body(),
        headers=bearer(token),
        timeout=TIMEOUT_S,
    ).status_code


def heartbeat_commands(url: str, token: str) -> list[int]:
    answer = requests.post(
        f"{url}/v1/kiosks/heartbeat",
        json=heartbeat_body(),
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )
    assert answer.status_code == 200, answer.text
    return [command["id"] for command in answer.json()["commands"]]


def settles(condition: Callable[[], bool]) -> bool:
    """True once ``condition`` holds, in time; it must not hold at the first call."""
    if condition():
        return False
    deadline = time.monotonic() + WITHIN_S
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
