"""The catalog endpoints of a real backend process, over HTTP."""

from __future__ import annotations

import requests

from server.version import VERSION
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

LANGUAGES = {"zh-Hant", "zh-Hans", "en"}


def test_health_reports_ok_and_version(backend: RunningBackend) -> None:
    response = requests.get(f"{backend.url}/v1/health", timeout=TIMEOUT_S)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": VERSION}


def test_demo_catalog_is_served_in_three_languages(backend: RunningBackend) -> None:
    response = requests.get(f"{backend.url}/v1/services", timeout=TIMEOUT_S)

    assert response.status_code == 200
    services = response.json()["services"]
    assert len(services) >= 22
    for service in services:
        for text in (service["name"], service["department"], *service["materials"]):
            assert set(text) == LANGUAGES, service["code"]
            assert all(value.strip() for value in text.values()), service["code"]
        assert service["legal_days"] >= service["promised_days"] >= 0
        assert 2 <= len(service["materials"]) <= 5
        assert 2 <= len(service["fields"]) <= 6
    # Simplified and Traditional really differ somewhere (not one copied into the other).
    assert any(s["name"]["zh-Hant"] != s["name"]["zh-Hans"] for s in services)


def test_catalog_covers_every_field_kind_and_theme(backend: RunningBackend) -> None:
    services = requests.get(f"{backend.url}/v1/services", timeout=TIMEOUT_S).json()["services"]

    kinds = {field["kind"] for service in services for field in service["fields"]}
    themes = {service["theme"] for service in services}

    assert kinds == {"text", "number", "date", "choice", "phone", "id_number"}
    assert themes == {"business", "tax", "social", "construction", "civil", "hotline"}


def test_services_keep_catalog_order(backend: RunningBackend) -> None:
    services = requests.get(f"{backend.url}/v1/services", timeout=TIMEOUT_S).json()["services"]
    stored_order = [
        code for (code,) in backend.rows("SELECT code FROM services ORDER BY sort_order")
    ]

    assert [service["code"] for service in services] == stored_order


def test_get_one_service(backend: RunningBackend) -> None:
    response = requests.get(f"{backend.url}/v1/services/CA-001", timeout=TIMEOUT_S)

    assert response.status_code == 200
    service = response.json()
    assert service["code"] == "CA-001"
    assert service["name"]["en"] == "Marriage registration appointment"
    spouse_id = next(f for f in service["fields"] if f["name"] == "spouse_id_number")
    assert spouse_id["kind"] == "id_number"
    assert spouse_id["choices"] == []
    slot = next(f for f in service["fields"] if f["name"] == "time_slot")
    assert {choice["value"] for choice in slot["choices"]} == {"morning", "afternoon"}


def test_unknown_service_is_a_404_problem(backend: RunningBackend) -> None:
    response = requests.get(f"{backend.url}/v1/services/XX-999", timeout=TIMEOUT_S)

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 404
    assert {"type", "title", "detail"} <= set(problem)


def test_unknown_route_is_a_problem_too(backend: RunningBackend) -> None:
    response = requests.get(f"{backend.url}/v1/no-such-thing", timeout=TIMEOUT_S)

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
