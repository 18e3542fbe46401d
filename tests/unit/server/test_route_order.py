"""Routes are ordered for speed (server/api/__init__.py), which is safe only while no two of
them can answer the same request."""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import MutableMapping
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from server.app import ServerOptions, create_app

PARAMETER = re.compile(r"\{[^}]*\}")


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return create_app(ServerOptions("sqlite://", seed_demo=False))


def api_routes(app: FastAPI) -> list[APIRoute]:
    found: list[APIRoute] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            included = getattr(route, "original_router", None)
            if included is not None:
                walk(included.routes)
            elif isinstance(route, APIRoute):
                found.append(route)

    walk(app.router.routes)
    return found


def may_match_the_same(template: str, other: str) -> bool:
    """Whether some path matches both templates (a parameter matches within one segment; two
    parameters facing each other are taken to clash)."""
    mine, theirs = template.split("/"), other.split("/")
    if len(mine) != len(theirs):
        return False
    for a, b in zip(mine, theirs, strict=True):
        if PARAMETER.search(a) and PARAMETER.search(b):
            continue
        literal, pattern = (b, a) if PARAMETER.search(a) else (a, b)
        as_regex = "[^/]+".join(re.escape(part) for part in PARAMETER.split(pattern))
        if not re.fullmatch(as_regex, literal):
            return False
    return True


def test_the_look_up_is_tried_first(app: FastAPI) -> None:
    first = api_routes(app)[0]
    assert (first.path, first.methods) == ("/v1/applications/lookup", {"POST"})


def test_no_two_routes_answer_the_same_request(app: FastAPI) -> None:
    routes = api_routes(app)
    assert len(routes) > 40
    clashes = [
        (a.path, b.path)
        for a, b in itertools.combinations(routes, 2)
        if set(a.methods or ()) & set(b.methods or ()) and may_match_the_same(a.path, b.path)
    ]
    assert clashes == []


def test_the_clash_check_sees_clashes() -> None:
    assert may_match_the_same("/v1/applications/{number}", "/v1/applications/lookup")
    assert may_match_the_same("/o/{code}.json", "/o/services.json")
    assert not may_match_the_same("/o/{code}.json", "/o/services")
    assert not may_match_the_same("/v1/a/{x}", "/v1/b/{y}")


@pytest.mark.parametrize("path", ["/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"])
def test_the_documentation_is_served_after_the_api(app: FastAPI, path: str) -> None:
    assert get(app, path) == 200
    paths = [getattr(route, "path", None) for route in app.router.routes]
    assert paths.index(path) > max(
        index for index, route in enumerate(app.router.routes) if isinstance(route, APIRoute)
    )


def test_routes_are_in_the_apps_own_list(app: FastAPI) -> None:
    # An included router is one entry that FastAPI searches with a matching pass of its own,
    # which costs every request (server.app.add_routes).
    assert [route for route in app.router.routes if hasattr(route, "original_router")] == []
    assert len([route for route in app.router.routes if isinstance(route, APIRoute)]) > 40


def get(app: FastAPI, path: str) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 50000),
        "server": ("test", 80),
    }
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    asyncio.run(app(scope, receive, send))
    return status[0]
