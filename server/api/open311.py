"""Open311 GeoReport v2 routes over the hotline (see :mod:`server.open311` for the mapping)."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from server.api.responses import PUBLIC_LIMIT, Responses
from server.auth import PublicLimited, authenticate_kiosk
from server.context import Context
from server.open311 import (
    arguments_from_form,
    arguments_from_json,
    bad_argument,
    check_new_request,
    file_open311_request,
    parse_locale,
    service_definition,
    service_list,
    take_api_key,
)
from server.open311_requests import RequestQuery, find_requests, parse_request_query
from server.problems import ProblemError
from server.schemas import FieldError, Problem
from server.schemas_hotline import (
    NO_NUL,
    Open311Created,
    Open311NewRequest,
    Open311Request,
    Open311Service,
    Open311ServiceDefinition,
)

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# A service request has about fifteen arguments; anything far beyond is not a client.
MAX_FORM_FIELDS = 64


class Open311Route(APIRoute):
    """Invalid arguments answer 400, as GeoReport v2 specifies, not the API's usual 422."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                errors = [
                    FieldError(field=_field(error.get("loc", ())), message=str(error.get("msg")))
                    for error in exc.errors()
                ]
                raise bad_argument(errors, "See errors for each rejected argument.") from None

        return handle


def _field(location: Any) -> str:
    parts = [str(part) for part in location]
    if parts and parts[0] in {"query", "path", "body", "header"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


router = APIRouter(prefix="/open311/v2", tags=["open311"], route_class=Open311Route)

BAD_ARGUMENT: Responses = {400: {"model": Problem, "description": "Missing or invalid argument"}}
UNKNOWN: Responses = {404: {"model": Problem, "description": "Unknown service_code or request"}}
Locale = Annotated[
    str | None,
    Query(max_length=16, description="zh-Hant, zh-Hans or en (default); an extension"),
]
JurisdictionId = Annotated[
    str | None, Query(max_length=200, description="accepted and ignored: one jurisdiction")
]


def _form_schema() -> dict[str, Any]:
    """The POST arguments for the OpenAPI document: an absent argument is simply left out
    (a form has no null), and the category enum points at the document's own component."""
    schema = Open311NewRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("$defs", None)
    for argument in schema["properties"].values():
        choices = argument.pop("anyOf", None)
        if choices is not None:
            argument.update(next(c for c in choices if c.get("type") != "null"))
            argument.pop("default", None)
    return schema


_NEW_REQUEST_SCHEMA = _form_schema()


@router.get("/services.json", response_model=list[Open311Service], responses=BAD_ARGUMENT)
def list_services(locale: Locale = None, jurisdiction_id: JurisdictionId = None) -> JSONResponse:
    return JSONResponse(service_list(parse_locale(locale)))


@router.get(
    "/services/{service_code}.json",
    response_model=Open311ServiceDefinition,
    responses={**BAD_ARGUMENT, **UNKNOWN},
)
def get_service_definition(
    service_code: Annotated[str, Path(max_length=64, examples=["appeal"])],
    jurisdiction_id: JurisdictionId = None,
) -> JSONResponse:
    return JSONResponse(service_definition(service_code))


@router.post(
    "/requests.json",
    status_code=201,
    response_model=list[Open311Created],
    responses={
        **BAD_ARGUMENT,
        401: {"model": Problem, "description": "No api_key, or an unknown one"},
        **UNKNOWN,
        415: {"model": Problem, "description": "Neither a form nor JSON"},
        429: {"model": Problem, "description": "This client sent too many requests"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {"schema": _NEW_REQUEST_SCHEMA},
                "application/json": {"schema": _NEW_REQUEST_SCHEMA},
            },
        }
    },
)
async def create_service_request(
    request: Request, context: Context, locale: Locale = None
) -> JSONResponse:
    chosen_locale = parse_locale(locale)
    arguments = await _arguments(request)
    api_key = take_api_key(arguments)
    if not api_key:
        raise _bad_api_key("api_key is required: the key this client was registered with.")
    try:
        kiosk = await run_in_threadpool(authenticate_kiosk, context, api_key)
    except ProblemError as exc:
        if exc.status == 401:
            raise _bad_api_key("This api_key is not known to this server.") from None
        raise
    filing = check_new_request(arguments, kiosk.kiosk_id)
    created = await run_in_threadpool(file_open311_request, context, filing, chosen_locale)
    return JSONResponse([created], status_code=201)


def _bad_api_key(detail: str) -> ProblemError:
    return ProblemError(401, "open311-api-key", "Invalid api_key", detail)


async def _arguments(request: Request) -> dict[str, Any]:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in FORM_TYPES:
        try:
            form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
        except (MultiPartException, StarletteHTTPException) as exc:
            # Starlette reports a malformed form as a 400 HTTPException; anything else (the
            # body size limit) keeps its own answer.
            if isinstance(exc, StarletteHTTPException) and exc.status_code != 400:
                raise
            raise _unreadable("The form could not be read.") from None
        return arguments_from_form(form.multi_items())
    if media_type == "application/json" or media_type.endswith("+json"):
        try:
            document = json.loads(await request.body())
        except (ValueError, RecursionError):
            raise _unreadable("The body is not valid JSON.") from None
        return arguments_from_json(document)
    raise ProblemError(
        415,
        "unsupported-media-type",
        "Unsupported media type",
        "Send application/x-www-form-urlencoded (as Open311 clients do) or application/json.",
    )


def _unreadable(detail: str) -> ProblemError:
    return ProblemError(400, "open311-unreadable-body", "Unreadable request body", detail)


@router.get(
    "/requests.json",
    response_model=list[Open311Request],
    responses={**BAD_ARGUMENT, **PUBLIC_LIMIT},
    dependencies=[PublicLimited],
)
def list_service_requests(
    *,
    context: Context,
    service_request_id: Annotated[
        str | None,
        Query(max_length=4000, pattern=NO_NUL, description="comma list; overrides the others"),
    ] = None,
    service_code: Annotated[str | None, Query(max_length=1000, description="comma list")] = None,
    start_date: Annotated[
        str | None, Query(max_length=40, description="e.g. 2026-11-29T00:00:00+08:00")
    ] = None,
    end_date: Annotated[str | None, Query(max_length=40)] = None,
    status: Annotated[str | None, Query(max_length=100, description="open, closed")] = None,
    locale: Locale = None,
    jurisdiction_id: JurisdictionId = None,
) -> JSONResponse:
    chosen_locale = parse_locale(locale)
    query = parse_request_query(
        context.now(),
        service_request_id=service_request_id,
        service_code=service_code,
        start_date=start_date,
        end_date=end_date,
        status=status,
    )
    return JSONResponse(find_requests(context, query, chosen_locale))


@router.get(
    "/requests/{service_request_id}.json",
    response_model=list[Open311Request],
    responses={**BAD_ARGUMENT, **UNKNOWN, **PUBLIC_LIMIT},
    dependencies=[PublicLimited],
)
def get_service_request(
    service_request_id: Annotated[str, Path(max_length=32, pattern=NO_NUL)],
    context: Context,
    locale: Locale = None,
    jurisdiction_id: JurisdictionId = None,
) -> JSONResponse:
    found = find_requests(context, RequestQuery.one(service_request_id), parse_locale(locale))
    if not found:
        raise ProblemError(
            404,
            "open311-unknown-request",
            "service_request_id not found",
            "No service request has this id.",
        )
    return JSONResponse(found)
