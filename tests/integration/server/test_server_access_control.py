"""Every route, every kind of caller: read from the live OpenAPI document, so a new route is
covered the moment it exists, and one that forgets its token check fails here.

Routes declare who may call them through their security scheme (kioskToken, staffToken) or by
being listed in PUBLIC below; a route that is neither fails the first test.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

# Everything a caller without a token may reach; the look-ups among them are budgeted per
# address. A new route without a security scheme must be added here on purpose.
PUBLIC = {
    ("GET", "/v1/health"),
    ("GET", "/v1/services"),
    ("GET", "/v1/services/{code}"),
    ("GET", "/v1/holidays"),
    ("GET", "/v1/hotline/categories"),
    ("GET", "/v1/evaluations/indicators"),
    ("GET", "/v1/applications/{number}"),
    ("POST", "/v1/applications/lookup"),
    ("GET", "/v1/hotline/requests/{number}"),
    ("POST", "/v1/kiosks/provision"),
    ("GET", "/open311/v2/services.json"),
    ("GET", "/open311/v2/services/{service_code}.json"),
    ("GET", "/open311/v2/requests.json"),
    ("GET", "/open311/v2/requests/{service_request_id}.json"),
    # Open311 carries its key in the api_key parameter; checked in its own test below.
    ("POST", "/open311/v2/requests.json"),
}
METHODS = ("get", "post", "put", "patch", "delete")
KIOSK, STAFF = "kioskToken", "staffToken"


def operations(backend: RunningBackend) -> list[tuple[str, str, set[str]]]:
    document = requests.get(f"{backend.url}/openapi.json", timeout=TIMEOUT_S).json()
    found = []
    for path, item in document["paths"].items():
        for method in METHODS:
            operation: dict[str, Any] | None = item.get(method)
            if operation is None:
                continue
            schemes = {
                name for requirement in operation.get("security", []) for name in requirement
            }
            found.append((method.upper(), path, schemes))
    return found


def concrete(path: str) -> str:
    # Any value will do: the token is checked before the item is looked up.
    return re.sub(r"\{[^}]+\}", "1", path)


def call(backend: RunningBackend, method: str, path: str, token: str | None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    headers["Idempotency-Key"] = "access-control-check"
    return requests.request(
        method, backend.url + concrete(path), headers=headers, json={}, timeout=TIMEOUT_S
    )


def test_every_route_says_who_may_call_it(backend: RunningBackend) -> None:
    found = operations(backend)
    unclear = [(m, p) for m, p, schemes in found if not schemes and (m, p) not in PUBLIC]
    assert unclear == []
    assert {(m, p) for m, p, _ in found} >= PUBLIC, "PUBLIC lists a route that is gone"
    assert not [op for op in found if op[2] >= {KIOSK, STAFF}], "one kind of caller per route"
    staff_paths = [(m, p, schemes) for m, p, schemes in found if p.startswith("/v1/staff/")]
    assert staff_paths and all(schemes == {STAFF} for _, _, schemes in staff_paths)


@pytest.mark.parametrize("kind", [KIOSK, STAFF])
def test_a_route_refuses_every_caller_but_its_own_kind(backend: RunningBackend, kind: str) -> None:
    guarded = [(m, p) for m, p, schemes in operations(backend) if kind in schemes]
    assert guarded, f"no route uses {kind}"
    other = backend.staff_token if kind == KIOSK else backend.kiosk_token
    own = backend.kiosk_token if kind == KIOSK else backend.staff_token
    wrong: list[tuple[str, str, str, int]] = []
    for method, path in guarded:
        for label, token in [
            ("none", None),
            ("unknown", "x" * 43),
            ("other kind", other),
            ("malformed", ""),
        ]:
            status = call(backend, method, path, token).status_code
            if status != 401:
                wrong.append((method, path, label, status))
        # Its own kind gets past the door (whatever the fake path and empty body then earn).
        if call(backend, method, path, own).status_code == 401:
            wrong.append((method, path, "own kind", 401))
    assert wrong == []


def test_refusals_are_problem_documents_with_a_bearer_challenge(backend: RunningBackend) -> None:
    method, path, _ = next(op for op in operations(backend) if STAFF in op[2])
    response = call(backend, method, path, backend.kiosk_token)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["type"].endswith(":unauthorized")


def test_open311_filing_takes_only_a_kiosk_token_as_its_api_key(backend: RunningBackend) -> None:
    form = {"service_code": "suggestion", "description": "路灯不亮", "address_string": "城南路"}
    answers = {
        label: requests.post(
            f"{backend.url}/open311/v2/requests.json",
            data=form | ({"api_key": key} if key is not None else {}),
            timeout=TIMEOUT_S,
        ).status_code
        for label, key in [
            ("none", None),
            ("unknown", "x" * 43),
            ("staff", backend.staff_token),
            ("kiosk", backend.kiosk_token),
        ]
    }
    assert answers == {"none": 401, "unknown": 401, "staff": 401, "kiosk": 201}
