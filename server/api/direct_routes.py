"""Routes FastAPI documents as declared but calls directly, reading their own JSON bodies.

For the busiest route, the citizens' look-up. FastAPI's request handler solves each route's
parameters (the request itself, dependencies, a declared body) before calling it; for the
look-up that machinery cost more CPU than the route's own work: a third of the request
outside the HTTP server. A :class:`DirectRoute` endpoint is ``async def f(request: Request)
-> Response`` and is called as that. It reads its body with :func:`json_body`, which keeps
FastAPI's behaviour for bodies: only ``application/json`` and ``+json`` bodies are parsed,
JSON that does not parse is a 422 with the position, a body nested too deep a 400, anything
that does not fit the model a 422 listing each field, all answered as problem documents by
the handlers of :mod:`server.problems`. :func:`documented_body` puts the body in the OpenAPI
document as FastAPI would have.
"""

from __future__ import annotations

import contextlib
import inspect
import json
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException

Model = TypeVar("Model", bound=BaseModel)
COMPONENT_PREFIX = "#/components/schemas/"
Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class DirectRoute(APIRoute):
    """An :class:`APIRoute` whose endpoint FastAPI calls as ``await endpoint(request)``.

    Use it as a router's ``route_class``. The route is documented from its declaration as
    any other; the endpoint must take the request only, so nothing FastAPI would have solved
    is skipped (a route declaring more is refused when the app is built).
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        super().__init__(path, endpoint, **options)
        _check_direct(self.dependant, endpoint)

    def get_route_handler(self) -> Handler:
        endpoint: Handler = self.endpoint

        async def handle(request: Request) -> Response:
            return await endpoint(request)

        return handle


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
    raw = await request.body()
    if not raw:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    value: Any = raw
    if _declares_json(request.headers.get("content-type", "")):
        with contextlib.suppress(ValidationError):
            # pydantic's own JSON parser is stricter than json.loads (no NaN, no byte order
            # mark, no lone surrogates), so what it accepts FastAPI accepts, as the same
            # value; a body it refuses gets FastAPI's answer from the two steps below.
            return model.model_validate_json(raw)
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
