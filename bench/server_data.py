"""What bench/server.py loads the server with: kiosks, filed applications, encoded requests."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import secrets
import uuid
from collections.abc import Sequence

from sqlalchemy import insert

from bench.loadgen import Connection, encode_request
from bench.server_report import FILING_CLIENTS
from server import models
from server.database import build_engine, ensure_sqlite_directory, migrate_to_head
from server.keyed_hash import token_sha256
from tests.integration.server.server_test_support import (
    VALID_ID_NUMBER,
    individual_business_request,
)

FILING_ATTEMPTS = 10
# What kiosk.heartbeat sends in a service hall on a good day (server.schemas_kiosks.Heartbeat).
HEARTBEAT_BODY = {
    "version": "0.2.0",
    "card_reader": {"state": "ok"},
    "printer": {"state": "ok", "paper": "ok"},
    "outbox_depth": 0,
    "uptime_s": 1234,
    "out_of_service": False,
}


class BenchFailed(Exception):
    pass


def register_kiosks(database_url: str, count: int) -> list[str]:
    """``count`` kiosks straight into a freshly migrated database in one executemany; their
    bearer tokens."""
    tokens = [secrets.token_urlsafe(32) for _ in range(count)]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    rows = [
        {
            "id": f"bench-{index:05d}",
            "token_sha256": token_sha256(token),
            "label": f"bench kiosk {index}",
            "provisioned_at": now,
            "health": {},
            "outbox_depth": 0,
            "out_of_service": False,
        }
        for index, token in enumerate(tokens)
    ]
    engine = build_engine(database_url)
    try:
        ensure_sqlite_directory(database_url)
        migrate_to_head(engine)
        if rows:
            with engine.begin() as connection:
                connection.execute(insert(models.Kiosk), rows)
    finally:
        engine.dispose()
    return tokens


async def file_applications(host: str, port: int, token: str, count: int) -> tuple[list[str], int]:
    """File ``count`` BR-001 applications through the API, as kiosks do: their numbers, and
    how many answers were 503 busy (retried with the same key after a pause, as kiosks do)."""
    body = individual_business_request()
    numbers: list[str] = []
    busy = 0

    async def filer() -> None:
        nonlocal busy
        connection = await Connection.open(host, port)
        try:
            while len(numbers) < count:
                headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex}
                request = encode_request(
                    "POST", "/v1/applications", host, headers=headers, json_body=body
                )
                for attempt in range(FILING_ATTEMPTS):
                    answer = await connection.exchange(request)
                    if answer.status != 503:
                        break
                    busy += 1
                    await asyncio.sleep(0.01 * (attempt + 1))
                if answer.status != 201:
                    raise BenchFailed(f"filing answered {answer.status}: {answer.body[:300]!r}")
                numbers.append(json.loads(answer.body)["number"])
        finally:
            connection.close()

    await asyncio.gather(*(filer() for _ in range(FILING_CLIENTS)))
    return numbers[:count], busy


def lookup_requests(host: str, numbers: Sequence[str]) -> list[bytes]:
    lookup = {"id_last4": VALID_ID_NUMBER[-4:]}
    return [
        encode_request(
            "POST", "/v1/applications/lookup", host, json_body={"reference": number, **lookup}
        )
        for number in numbers
    ]


def heartbeat_requests(host: str, tokens: Sequence[str]) -> list[bytes]:
    return [
        encode_request(
            "POST",
            "/v1/kiosks/heartbeat",
            host,
            headers={"Authorization": f"Bearer {token}"},
            json_body=HEARTBEAT_BODY,
        )
        for token in tokens
    ]
