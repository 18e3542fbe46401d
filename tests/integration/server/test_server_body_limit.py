"""Request bodies over the server's limit are refused with a problem document, before routing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import requests

from server.app import MAX_BODY_BYTES
from tests.integration.server.server_test_support import TIMEOUT_S, assert_problem
from tests.support import RunningBackend

LOOKUP = "/v1/applications/lookup"
UNKNOWN = {"reference": "OS20000101999999", "id_last4": "1234"}


def chunks(data: bytes, size: int = 1000) -> Iterator[bytes]:
    """A body requests sends chunked (no Content-Length)."""
    for start in range(0, len(data), size):
        yield data[start : start + size]


def oversized() -> bytes:
    return json.dumps({**UNKNOWN, "padding": "x" * MAX_BODY_BYTES}).encode()


def post(backend: RunningBackend, path: str, data: bytes | Iterator[bytes]) -> requests.Response:
    return requests.post(
        f"{backend.url}{path}",
        data=data,
        headers={"Content-Type": "application/json", **backend.kiosk_headers()},
        timeout=TIMEOUT_S,
    )


def test_a_declared_oversize_body_is_a_413_problem(backend: RunningBackend) -> None:
    for path in (LOOKUP, "/v1/applications", "/v1/no-such-route"):
        problem = assert_problem(post(backend, path, oversized()), 413)
        assert problem["type"].endswith(":body-too-large")


def test_a_chunked_oversize_body_is_a_413_problem(backend: RunningBackend) -> None:
    problem = assert_problem(post(backend, LOOKUP, chunks(oversized())), 413)
    assert problem["type"].endswith(":body-too-large")


def test_a_chunked_body_within_the_limit_reaches_the_route_whole(backend: RunningBackend) -> None:
    body = json.dumps(UNKNOWN).encode()
    assert_problem(post(backend, LOOKUP, chunks(body, size=7)), 404)
    # Just under the limit, in many parts: read whole, then refused by the model, not the size.
    padded = json.dumps({**UNKNOWN, "padding": "x" * (MAX_BODY_BYTES - 200)}).encode()
    assert len(padded) <= MAX_BODY_BYTES
    problem = assert_problem(post(backend, LOOKUP, chunks(padded)), 422)
    assert [error["field"] for error in problem["errors"]] == ["padding"]
