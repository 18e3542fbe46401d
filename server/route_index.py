"""One dictionary look-up finds the route of a path without parameters, instead of a scan.

Starlette's router (and FastAPI's) tries an app's routes in order until one matches, and
each route tried costs a request about 11,500 CPU instructions: a heartbeat, some fifty
routes down the list, spent more finding its route than doing its own work. A
:class:`RouteIndex` goes first in the app's routes. For each path without parameters and
each of its methods it knows the route the scan would pick, and hands that route to the
router as the match: the router then selects and handles it exactly as after a scan, inside
the same middleware and exception handlers. Whatever it does not know (paths with
parameters, unknown paths, methods a path does not take: the 404, the 405, the slash
redirect) it leaves to the scan, which then goes on as before.
"""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send

Request = tuple[str, str]
# What a route's own match gives for its fixed path, apart from the path parameters.
ChildScope = dict[str, Any]


class RouteIndex(BaseRoute):
    """The first of ``routes``: the routes of fixed paths, found by (path, method).

    A route is indexed only where the scan would pick it: no route before it in ``routes``
    answers the same path and method. The index is built again when ``routes`` grows or
    shrinks. It steps aside where the scan's own work differs: a ``root_path`` (the route's
    path is then not the request's) and FastAPI's telemetry (which records the route matched).
    """

    def __init__(self, routes: list[BaseRoute]) -> None:
        self._routes = routes
        self._indexed_count = -1
        self._by_request: dict[Request, APIRoute] = {}
        self._child_scopes: dict[Request, ChildScope] = {}

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or scope.get("root_path") or "fastapi.telemetry" in scope:
            return Match.NONE, {}
        if len(self._routes) != self._indexed_count:
            self._build()
        found = self._child_scopes.get((scope["path"], scope["method"]))
        if found is None:
            return Match.NONE, {}
        # The child scope the route's own match gives (its endpoint, "route" naming it, and
        # the path parameters: on a fixed path, a copy of those already in the scope).
        child_scope: ChildScope = dict(found)
        child_scope["path_params"] = dict(scope.get("path_params", {}))
        return Match.FULL, child_scope

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The router put the matched route's child scope in, "route" included.
        route: APIRoute = scope["route"]
        await route.handle(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        # Names belong to the routes themselves, which the router asks in turn.
        raise NoMatchFound(name, path_params)

    def indexed(self) -> dict[Request, APIRoute]:
        """(path, method) -> route, as the index stands."""
        if len(self._routes) != self._indexed_count:
            self._build()
        return dict(self._by_request)

    def _build(self) -> None:
        by_request: dict[Request, APIRoute] = {}
        child_scopes: dict[Request, ChildScope] = {}
        earlier: list[BaseRoute] = []
        for route in self._routes:
            if route is self:
                continue
            if isinstance(route, APIRoute) and not route.param_convertors:
                for method in sorted(route.methods or ()):
                    request = (route.path, method)
                    if request in by_request or _any_answers(earlier, request):
                        continue
                    match, child_scope = route.matches(_probe(request))
                    if match is Match.FULL and child_scope.get("route") is route:
                        by_request[request] = route
                        child_scopes[request] = dict(child_scope)
            earlier.append(route)
        self._by_request = by_request
        self._child_scopes = child_scopes
        self._indexed_count = len(self._routes)


def _probe(request: Request) -> Scope:
    path, method = request
    return {
        "type": "http",
        "path": path,
        "root_path": "",
        "method": method,
        "headers": [],
        "query_string": b"",
    }


def _any_answers(routes: list[BaseRoute], request: Request) -> bool:
    return any(route.matches(_probe(request))[0] is Match.FULL for route in routes)
