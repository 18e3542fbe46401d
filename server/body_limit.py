"""A ceiling on request bodies, as one plain ASGI middleware answering with a problem document.

FastAPI's own ``max_body_size`` does the same job with a wrapper at each level of routing (the
app, each included router, each route): that cost every request, even a GET, about 12% of the
CPU of a bare endpoint, and it answered an oversize body in plain text. This looks at the
headers once, before any routing: a declared length over the limit is refused at once; a
chunked body (no declared length) is read here first, up to the limit, and handed on whole.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.problems import ProblemError, problem_response


def body_too_large(limit: int) -> ProblemError:
    return ProblemError(
        413,
        "body-too-large",
        "Request body too large",
        f"A request body may have at most {limit} bytes.",
    )


class BodySizeLimit:
    """Refuse request bodies over ``limit`` bytes with a 413 problem document."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared, chunked = _framing(scope)
        if declared is not None and declared > self.limit:
            await problem_response(body_too_large(self.limit))(scope, receive, send)
        elif declared is None and chunked:
            await self._read_first(scope, receive, send)
        else:
            # The HTTP server delivers no more than the declared length (or no body at all).
            await self.app(scope, receive, send)

    async def _read_first(self, scope: Scope, receive: Receive, send: Send) -> None:
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                # The client went away: the route sees that as it would have.
                await self.app(scope, _Replay(message, receive), send)
                return
            part = message.get("body", b"")
            size += len(part)
            if size > self.limit:
                await problem_response(body_too_large(self.limit))(scope, receive, send)
                return
            parts.append(part)
            if not message.get("more_body", False):
                break
        whole: Message = {"type": "http.request", "body": b"".join(parts), "more_body": False}
        await self.app(scope, _Replay(whole, receive), send)


class _Replay:
    """``receive`` that first gives ``first``, then whatever the server sends next."""

    def __init__(self, first: Message, receive: Receive) -> None:
        self._first: Message | None = first
        self._receive = receive

    async def __call__(self) -> Message:
        first, self._first = self._first, None
        return first if first is not None else await self._receive()


def _framing(scope: Scope) -> tuple[int | None, bool]:
    """The declared Content-Length (None: none, or unreadable) and whether the body is chunked."""
    declared: int | None = None
    chunked = False
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                declared = int(value)
            except ValueError:
                declared = None
        elif name == b"transfer-encoding":
            chunked = True
    return declared, chunked
