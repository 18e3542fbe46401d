"""The database goes away under a running server: clear 503 answers, not 500s or hangs."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import requests

from tests.integration.server.kiosk_test_support import bearer, heartbeat_body
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import start_backend

IDENTITY = {"document_kind": "resident_id", "id_number": "11010519491231002X"}


def test_a_vanished_database_is_answered_with_503_and_retry_after(
    postgres_url: str, database_factory: Callable[[str], str]
) -> None:
    database_url = database_factory("postgresql")
    process, backend = start_backend(database_url)
    try:
        token = backend.add_kiosk("doomed-kiosk")
        lookup = {"reference": "OS20261130000001", "id_last4": "1234"}
        assert _post(f"{backend.url}/v1/applications/lookup", lookup).status_code == 404
        heartbeat = _post(f"{backend.url}/v1/kiosks/heartbeat", heartbeat_body(), bearer(token))
        assert heartbeat.status_code == 200

        name = database_url.rsplit("/", 1)[1]
        plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(f"{plain}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')

        answers = [
            _post(f"{backend.url}/v1/applications/lookup", lookup),
            _post(f"{backend.url}/v1/staff/fleet", None, backend.staff_headers(), "GET"),
            _post(f"{backend.url}/v1/applications/by-identity", IDENTITY, bearer(token)),
        ]
        heartbeat = _post(f"{backend.url}/v1/kiosks/heartbeat", heartbeat_body(), bearer(token))
        log = process.log_text()
    finally:
        process.stop()

    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert answer.headers["Retry-After"] == "5"
        assert answer.json()["type"] == "urn:onestop-kiosk:problem:database-unavailable"
    # Known from the server's memory of the fleet: taken, and written when the database is back.
    assert heartbeat.status_code == 200
    assert "Traceback" not in log


def _post(
    url: str,
    body: object,
    headers: dict[str, str] | None = None,
    method: str = "POST",
) -> requests.Response:
    return requests.request(method, url, json=body, headers=headers, timeout=TIMEOUT_S)
