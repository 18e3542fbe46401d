"""Routes FastAPI documents as declared but calls directly, reading their own JSON bodies.

For the busiest route, the citizens' look-up. FastAPI's request handler solves each route's
parameters (the request itself, dependencies, a declared body) before calling it, inside two
exit stacks and an exception wrapper of its own; for the look-up that machinery cost more CPU
than the route's own work. A :class:`DirectRoute` endpoint is ``async def f(request: Request)
-> Response`` and is called as that, straight from the router: its exceptions reach the app's
exception handlers (Starlette's ExceptionMiddleware) as any route's do. It reads its body with
:func:`json_body`, which keeps FastAPI's behaviour for bodies: only ``application/json`` and
``+json`` bodies are parsed, JSON that does not parse is a 422 with the position, a body
nested too deep a 400, anything that does not fit the model a 422 listing each field, all
answered as problem documents by the handlers of :mod:`server.problems`.
:func:`documented_body` puts the body in the OpenAPI document as FastAPI would have.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, cast

from fastapi import Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope, Send

Model = TypeVar("Model", bound=BaseModel)
COMPONENT_PREFIX = "#/components/schemas/"
Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class DirectRoute(APIRoute):
    """An :class:`APIRoute` whose endpoint FastAPI calls as ``await endpoint(request)``.

    Use it as a router's ``route_class``. The route is documented from its declaration as
    any other; the endpoint must take the request only, so nothing FastAPI would have solved
    is skipped (a route declaring more is refused when the app is built). Add its router
    with :func:`server.app.add_routes`: dependencies given to ``include_router`` itself
    would not run.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        super().__init__(path, endpoint, **options)
        _check_direct(self.dependant, endpoint)

    def get_route_handler(self) -> Handler:
        endpoint: Handler = self.endpoint

        async def handle(request: Request) -> Response:
            return await endpoint(request)

        return handle

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.methods and scope["method"] not in self.methods:
            # The 405 answer with its Allow header, as FastAPI gives it.
            await super().handle(scope, receive, send)
            return
        response = await self.endpoint(Request(scope, receive, send))
        await response(scope, receive, send)


class JsonAnswer(Response):
    """A 200 answer of ready JSON bytes: what ``Response(body, media_type="application/json")``
    sends, without working its headers out anew for every request."""

    media_type = "application/json"

    def __init__(self, body: bytes) -> None:
        self.status_code = 200
        self.background = None
        self.body = body
        self.raw_headers = [
            (b"content-length", str(len(body)).encode()),
            (b"content-type", b"application/json"),
        ]


def _check_direct(dependant: Dependant, endpoint: Callable[..., Any]) -> None:
    solved = (
        dependant.path_params,
        dependant.query_params,
        dependant.header_params,
        dependant.cookie_params,
        dependant.body_params,
        dependant.dependencies,
    )
    if any(solved) or dependant.request_param_name is None:
        raise TypeError(f"{endpoint.__name__}: a direct route takes the request and nothing else")
    if not inspect.iscoroutinefunction(endpoint):
        raise TypeError(f"{endpoint.__name__}: a direct route's endpoint is an async def")


async def json_body(request: Request, model: type[Model]) -> Model:
    """The body as ``model``; raises what FastAPI raises for a body parameter of that type.

    For models of JSON's own kinds of values (strings, numbers, booleans, lists, objects).
    """
    raw = await _read_body(request.receive)
    if not raw:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    value: Any = raw
    content_type = _content_type(request.scope)
    if content_type == b"application/json" or _declares_json(content_type.decode("latin-1")):
        try:
            # pydantic's own JSON parser is stricter than json.loads (no NaN, no byte order
            # mark, no lone surrogates), so what it accepts FastAPI accepts, as the same
            # value; a body it refuses gets FastAPI's answer from the two steps below.
            # (model_validate_json, without its wrapper's checks of arguments not given)
            return cast(Model, model.__pydantic_validator__.validate_json(raw))
        except ValidationError:
            pass
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            invalid = {
                "type": "json_invalid",
                "loc": ("body", error.pos),
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": error.msg},
            }
            raise RequestValidationError([invalid]) from error
        except Exception as error:
            # RecursionError on absurdly deep nesting: what FastAPI answers too.
            raise HTTPException(400, "There was an error parsing the body") from error
    try:
        # from_attributes: as FastAPI validates bodies (it only changes the non-object message).
        return model.model_validate(value, from_attributes=True)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        raise RequestValidationError(
            [{**found, "loc": ("body", *found["loc"])} for found in errors]
        ) from error


async def _read_body(receive: Receive) -> bytes:
    """``Request.body()`` without its async generator: the whole body, however many messages
    it came in; a client gone before it was all read raises :class:`ClientDisconnect`."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientDisconnect()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _content_type(scope: Scope) -> bytes:
    # As Request.headers.get: the first one (servers hand header names over in lower case).
    for name, value in scope["headers"]:
        if name == b"content-type":
            return bytes(value)
    return b""


def documented_body(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` for a route reading a required ``model`` with :func:`json_body`: the
    ``requestBody`` FastAPI writes for a declared body. The model's schema must be in the
    document's components too: list it in :data:`server.api.SELF_READ_BODIES`."""
    schema = {"$ref": f"{COMPONENT_PREFIX}{model.__name__}"}
    return {"requestBody": {"content": {"application/json": {"schema": schema}}, "required": True}}


def _declares_json(content_type: str) -> bool:
    # What FastAPI accepts as JSON: application/json or application/*+json, parameters aside
    # (it asks email.message, which is this, spelled out).
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type.count("/") != 1:
        return False
    main, sub = media_type.split("/")
    return main == "application" and (sub == "json" or sub.endswith("+json"))
