"""The committed ``server/openapi.json`` is the contract; it must match what the code serves."""

from __future__ import annotations

from pathlib import Path

import server
from server.app import ServerOptions, create_app
from server.openapi_document import render_openapi

COMMITTED = Path(server.__file__).with_name("openapi.json")


def test_committed_openapi_document_is_current() -> None:
    generated = render_openapi(create_app(ServerOptions("sqlite://", seed_demo=False)))

    assert COMMITTED.read_text(encoding="utf-8") == generated, (
        "server/openapi.json is out of date; regenerate it with "
        "`.venv/bin/python -m server --export-openapi server/openapi.json` and commit it"
    )


def test_document_describes_the_contract() -> None:
    document = create_app(ServerOptions("sqlite://", seed_demo=False)).openapi()

    assert document["info"]["title"] == "OneStop Kiosk reference backend"
    assert {
        "/v1/health",
        "/v1/services",
        "/v1/services/{code}",
        "/v1/applications",
        "/v1/applications/{number}",
        "/v1/applications/lookup",
        "/v1/kiosks/heartbeat",
        "/v1/queue/tickets",
        "/v1/hotline/requests",
        "/v1/evaluations",
        "/v1/staff/statistics",
        "/open311/v2/requests.json",
    } <= set(document["paths"])
    assert set(document["components"]["securitySchemes"]) == {"kioskToken", "staffToken"}
    create = document["paths"]["/v1/applications"]["post"]
    [header] = [p for p in create["parameters"] if p["name"] == "Idempotency-Key"]
    assert header["required"] is True
    assert set(create["responses"]["422"]["content"]) == {"application/problem+json"}
    assert "HTTPValidationError" not in document["components"]["schemas"]
