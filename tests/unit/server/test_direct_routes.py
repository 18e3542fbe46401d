"""Direct routes (server/api/direct_routes.py) give FastAPI's own answers for their bodies.

Each body goes to two routes of one app, with the server's problem handlers: one declares its
body as a parameter (FastAPI reads it), the other is a direct route reading it with
``json_body``. Status, media type and problem document must be the same, good bodies and bad
ones alike.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import MutableMapping
from typing import Any

import pytest
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field

from server.api.direct_routes import DirectRoute, JsonAnswer, json_body
from server.app import add_routes
from server.problems import install_problem_handlers
from server.schemas import _Strict
from server.schemas_applications import ReferenceLookup

JSON = "application/json"


class Sample(_Strict):
    name: str = Field(max_length=8)
    count: int
    tags: list[str] = Field(default_factory=list)


def build_app() -> FastAPI:
    app = FastAPI()
    direct = APIRouter(route_class=DirectRoute)

    @app.post("/declared/lookup")
    async def declared_lookup(body: ReferenceLookup) -> dict[str, Any]:
        return body.model_dump()

    @direct.post("/read/lookup")
    async def read_lookup(request: Request) -> Response:
        return JSONResponse((await json_body(request, ReferenceLookup)).model_dump())

    @app.post("/declared/sample")
    async def declared_sample(body: Sample) -> dict[str, Any]:
        return body.model_dump()

    @direct.post("/read/sample")
    async def read_sample(request: Request) -> Response:
        return JSONResponse((await json_body(request, Sample)).model_dump())

    @direct.post("/read/scope")
    async def read_scope(request: Request) -> Response:
        # What FastAPI's own request handler would have put in the scope.
        return JsonAnswer(json.dumps(sorted(str(key) for key in request.scope)).encode())

    add_routes(app, [direct])
    install_problem_handlers(app)
    return app


def post(
    app: FastAPI,
    path: str,
    body: bytes,
    content_type: str | None,
    *,
    method: str = "POST",
    parts: int = 1,
) -> tuple[Any, ...]:
    """(status, content type, parsed body) of one request through the ASGI app itself, its
    body in ``parts`` messages."""
    headers = [(b"host", b"test")]
    if content_type is not None:
        headers.append((b"content-type", content_type.encode()))
    headers.append((b"content-length", str(len(body)).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("test", 80),
    }
    answer: dict[str, Any] = {"body": b""}
    size = -(-len(body) // parts) or 1
    messages = [
        {"type": "http.request", "body": body[start : start + size], "more_body": True}
        for start in range(0, max(len(body), 1), size)
    ]
    messages[-1]["more_body"] = False

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["type"] = dict(message["headers"]).get(b"content-type")
            answer["allow"] = dict(message["headers"]).get(b"allow")
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    if method != "POST":
        return answer["status"], answer["allow"], json.loads(answer["body"])
    return answer["status"], answer["type"], json.loads(answer["body"])


LOOKUP = {"reference": "OS20261129000001", "id_last4": "002X"}
GOOD = json.dumps(LOOKUP).encode()
BODIES: dict[str, tuple[bytes, str | None]] = {
    "good": (GOOD, JSON),
    "good, charset": (GOOD, "application/json; charset=utf-8"),
    "good, +json": (GOOD, "application/merge-patch+json"),
    "good, odd case and blanks": (GOOD, " Application/JSON ;charset=UTF-8"),
    "blanks around": (b" \n" + GOOD + b"\n", JSON),
    "byte order mark": (b"\xef\xbb\xbf" + GOOD, JSON),
    "UTF-16": (GOOD.decode().encode("utf-16"), JSON),
    "duplicate key, last wins": (b'{"reference": "x", ' + GOOD[1:], JSON),
    "duplicate key, last is bad": (GOOD[:-1] + b', "reference": "x"}', JSON),
    "empty": (b"", JSON),
    "cut short": (b'{"reference": ', JSON),
    "not UTF-8": (b"\xff\xfe\x00garbage", JSON),
    "trailing data": (GOOD + b"x", JSON),
    "trailing comma": (GOOD[:-1] + b",}", JSON),
    "null": (b"null", JSON),
    "array": (b"[]", JSON),
    "string": (b'"x"', JSON),
    "number": (b"12", JSON),
    "NaN": (b'{"reference": NaN, "id_last4": "002X"}', JSON),
    "lone surrogate": (b'{"reference": "\\ud800abcdefgh", "id_last4": "002X"}', JSON),
    "nested too deep": (b"[" * 5000 + b"]" * 5000, JSON),
    "extra field": (json.dumps({**LOOKUP, "name": "x"}).encode(), JSON),
    "field missing": (json.dumps({"reference": LOOKUP["reference"]}).encode(), JSON),
    "object empty": (b"{}", JSON),
    "wrong type": (json.dumps({**LOOKUP, "reference": 12345678}).encode(), JSON),
    "no content type": (GOOD, None),
    "text/plain": (GOOD, "text/plain"),
    "form": (b"reference=x&id_last4=1234", "application/x-www-form-urlencoded"),
    "sample good": (b'{"name": "ab", "count": 3, "tags": ["x"]}', JSON),
    "sample coerced": (b'{"name": "ab", "count": "3"}', JSON),
    "sample float count": (b'{"name": "ab", "count": 3.0}', JSON),
    "sample fraction": (b'{"name": "ab", "count": 3.5}', JSON),
    "sample bool count": (b'{"name": "ab", "count": true}', JSON),
    "sample too long": (b'{"name": "abcdefghijk", "count": 3}', JSON),
    "sample tags not a list": (b'{"name": "ab", "count": 3, "tags": "x"}', JSON),
}


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return build_app()


@pytest.mark.parametrize("model", ["lookup", "sample"])
@pytest.mark.parametrize("case", list(BODIES))
def test_the_answer_is_fastapis_own(app: FastAPI, model: str, case: str) -> None:
    body, content_type = BODIES[case]

    declared = post(app, f"/declared/{model}", body, content_type)
    read = post(app, f"/read/{model}", body, content_type)

    assert read == declared
    assert declared[0] in (200, 400, 422)


def test_the_cases_cover_each_kind_of_answer(app: FastAPI) -> None:
    statuses = {post(app, "/read/lookup", *BODIES[case])[0] for case in BODIES}
    assert statuses == {200, 400, 422}


def test_a_direct_route_must_take_the_request_only() -> None:
    direct = APIRouter(route_class=DirectRoute)

    async def with_body(request: Request, body: Sample) -> Response:
        return Response()

    async def with_dependency(request: Request, _: None = Depends(lambda: None)) -> Response:
        return Response()

    async def without_request() -> Response:
        return Response()

    def not_async(request: Request) -> Response:
        return Response()

    for endpoint in (with_body, with_dependency, without_request, not_async):
        with pytest.raises(TypeError, match=endpoint.__name__):
            direct.add_api_route("/x", endpoint, methods=["POST"])


def test_a_body_in_several_messages_is_read_whole(app: FastAPI) -> None:
    whole = post(app, "/read/lookup", GOOD, JSON)
    assert whole[0] == 200
    assert post(app, "/read/lookup", GOOD, JSON, parts=3) == whole
    assert post(app, "/read/lookup", GOOD, JSON, parts=len(GOOD)) == whole


def test_another_method_gets_fastapis_405(app: FastAPI) -> None:
    declared = post(app, "/declared/lookup", b"", None, method="PUT")
    assert declared[0] == 405
    assert post(app, "/read/lookup", b"", None, method="PUT") == declared


def test_a_direct_route_is_called_straight_from_the_router(app: FastAPI) -> None:
    # FastAPI's request handler opens exit stacks for dependencies in the scope; a direct
    # route's endpoint is called without it.
    status, content_type, keys = post(app, "/read/scope", b"{}", JSON)
    assert (status, content_type) == (200, b"application/json")
    assert "route" in keys and "fastapi_inner_astack" not in keys


def test_a_json_answer_sends_what_a_response_sends() -> None:
    sent: dict[str, list[Any]] = {"answer": [], "response": []}

    async def answer_both() -> None:
        for name, response in (
            ("answer", JsonAnswer(GOOD)),
            ("response", Response(GOOD, media_type="application/json")),
        ):

            async def send(message: MutableMapping[str, Any], name: str = name) -> None:
                sent[name].append(dict(message))

            await response({"type": "http"}, receive_nothing, send)

    async def receive_nothing() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    asyncio.run(answer_both())
    assert sent["answer"] == sent["response"]
    assert len(sent["answer"]) == 2
