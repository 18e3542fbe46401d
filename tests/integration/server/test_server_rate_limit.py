"""Request budgets with a backend of their own (small limits): per kiosk, and per address."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import requests

from tests.integration.server.conftest import DATABASES
from tests.integration.server.kiosk_test_support import bearer, heartbeat_body, unique_kiosk_id
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import start_backend

KIOSK_BURST = 4


def heartbeat(session: requests.Session, url: str, token: str) -> requests.Response:
    return session.post(
        f"{url}/v1/kiosks/heartbeat",
        json=heartbeat_body(),
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )


@pytest.mark.parametrize("kind", DATABASES)
def test_one_kiosk_past_its_burst_waits_while_others_go_on(
    kind: str, database_factory: Callable[[str], str]
) -> None:
    process, backend = start_backend(database_factory(kind), "--kiosk-rate", f"2/{KIOSK_BURST}")
    try:
        other_token = backend.add_kiosk(unique_kiosk_id("calm"))
        with requests.Session() as session:
            burst = [
                heartbeat(session, backend.url, backend.kiosk_token) for _ in range(KIOSK_BURST)
            ]
            refused = heartbeat(session, backend.url, backend.kiosk_token)
            other = heartbeat(session, backend.url, other_token)

            assert [response.status_code for response in burst] == [200] * KIOSK_BURST
            assert refused.status_code == 429, refused.text
            assert refused.headers["content-type"] == "application/problem+json"
            wait_s = int(refused.headers["Retry-After"])
            assert 1 <= wait_s <= 2
            assert other.status_code == 200

            time.sleep(wait_s)
            assert heartbeat(session, backend.url, backend.kiosk_token).status_code == 200
    finally:
        process.stop()


@pytest.mark.parametrize("kind", DATABASES)
def test_provisioning_is_budgeted_by_address(
    kind: str, database_factory: Callable[[str], str]
) -> None:
    process, backend = start_backend(database_factory(kind), "--public-rate", "1/2")
    try:
        body = {"provisioning_token": "guess-" + "g" * 40, "kiosk_id": unique_kiosk_id()}
        url = f"{backend.url}/v1/kiosks/provision"
        with requests.Session() as session:
            statuses = [session.post(url, json=body, timeout=TIMEOUT_S) for _ in range(3)]

        assert [response.status_code for response in statuses] == [401, 401, 429]
        assert int(statuses[2].headers["Retry-After"]) >= 1
        # Kiosks with a token are budgeted on their own, not by the address they share.
        response = requests.post(
            f"{backend.url}/v1/kiosks/heartbeat",
            json=heartbeat_body(),
            headers=backend.kiosk_headers(),
            timeout=TIMEOUT_S,
        )
        assert response.status_code == 200
    finally:
        process.stop()
