"""The route index (server/route_index.py) picks exactly the route the router's scan would."""

from __future__ import annotations

import asyncio
import re
from collections.abc import MutableMapping
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, Match

from server.app import ServerOptions, add_routes, create_app
from server.route_index import RouteIndex

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
PARAMETER = re.compile(r"\{[^}]*\}")


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return create_app(ServerOptions("sqlite://", seed_demo=False))


def index_of(app: FastAPI) -> RouteIndex:
    first = app.router.routes[0]
    assert isinstance(first, RouteIndex)
    return first


def scope_for(path: str, method: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "http",
        "path": path,
        "root_path": "",
        "method": method,
        "headers": [],
        "query_string": b"",
        **extra,
    }


def scanned(routes: list[BaseRoute], scope: dict[str, Any]) -> BaseRoute | None:
    """The route the router's scan picks for ``scope`` (the first full match), if any."""
    for route in routes:
        if not isinstance(route, RouteIndex) and route.matches(dict(scope))[0] is Match.FULL:
            return route
    return None


def test_the_busy_fixed_paths_are_indexed(app: FastAPI) -> None:
    indexed = index_of(app).indexed()
    for request in [
        ("/v1/applications/lookup", "POST"),
        ("/v1/health", "GET"),
        ("/v1/kiosks/heartbeat", "POST"),
        ("/v1/queue/tickets", "POST"),
    ]:
        assert request in indexed
    assert not any(PARAMETER.search(path) for path, _method in indexed)


def test_every_request_gets_the_route_the_scan_would_pick(app: FastAPI) -> None:
    index = index_of(app)
    paths = {PARAMETER.sub("x1", getattr(route, "path", "")) for route in app.router.routes}
    paths |= {"/nowhere", "/v1/health/", "/v1/applications/lookup/extra"}
    chosen = 0
    for path in sorted(paths - {""}):
        for method in METHODS:
            scope = scope_for(path, method)
            match, child_scope = index.matches(dict(scope))
            if match is Match.NONE:
                continue
            chosen += 1
            route = scanned(app.router.routes, scope)
            assert route is not None and child_scope["route"] is route, (path, method)
            # Exactly the child scope the route's own match gives.
            assert child_scope == route.matches(dict(scope))[1]
    assert chosen == len(index.indexed())


def test_path_parameters_already_in_the_scope_are_carried_as_a_scan_carries_them(
    app: FastAPI,
) -> None:
    index = index_of(app)
    scope = scope_for("/v1/health", "GET", path_params={"mounted": "here"})
    match, child_scope = index.matches(dict(scope))
    route = scanned(app.router.routes, scope)
    assert route is not None and match is Match.FULL
    assert child_scope == route.matches(dict(scope))[1]
    assert child_scope["path_params"] == {"mounted": "here"}
    assert child_scope["path_params"] is not scope["path_params"]


@pytest.mark.parametrize(
    "extra",
    [{"root_path": "/behind-a-proxy"}, {"fastapi.telemetry": object()}, {"type": "websocket"}],
)
def test_it_steps_aside_where_the_scan_does_more(app: FastAPI, extra: dict[str, Any]) -> None:
    scope = {**scope_for("/v1/health", "GET"), **extra}
    assert index_of(app).matches(scope) == (Match.NONE, {})


def test_a_fixed_path_an_earlier_route_answers_is_left_to_the_scan() -> None:
    app = FastAPI()
    router = APIRouter()

    @router.get("/items/{name}")
    async def by_name(name: str) -> str:
        return f"by name: {name}"

    @router.get("/items/special")
    async def special() -> str:
        return "never reached: the route above answers first"

    @router.post("/items/special")
    async def post_special() -> str:
        return "special"

    add_routes(app, [router])
    index = RouteIndex(app.router.routes)
    app.router.routes.insert(0, index)

    assert set(index.indexed()) == {("/items/special", "POST")}
    assert get(app, "GET", "/items/special") == (200, b'"by name: special"')
    assert get(app, "POST", "/items/special") == (200, b'"special"')


def test_routes_added_later_are_indexed_too() -> None:
    app = FastAPI()
    index = RouteIndex(app.router.routes)
    app.router.routes.insert(0, index)
    assert not any(path == "/late" for path, _method in index.indexed())

    @app.get("/late")
    async def late() -> str:
        return "late"

    route = index.indexed()[("/late", "GET")]
    assert isinstance(route, APIRoute) and route.path == "/late"
    assert get(app, "GET", "/late") == (200, b'"late"')


def get(app: FastAPI, method: str, path: str) -> tuple[int, bytes]:
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    scope = {**scope_for(path, method), "asgi": {"version": "3.0"}, "http_version": "1.1"}
    asyncio.run(app(scope, receive, send))
    return answer["status"], answer["body"]
