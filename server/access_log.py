"""``--access-log {all,errors,off}``: which answers get a line in the log, and what it holds.

``all`` writes a line per answer, ``errors`` only for answers with status 400 or above. A
province's 20,000 kiosks heartbeating every 30 s make ~667 requests a second, 57 million a
day: at ~100 bytes a line that is more than the 4 GB systemd-journald keeps by default
(SystemMaxUse=, journald.conf(5)), so the journal would hold only the last hours, mostly
heartbeats. Each line also costs ~95,000 CPU instructions, some 15-20% of a look-up's cost.

The line reads like uvicorn's own (client, method, path, HTTP version, status; logger
``uvicorn.access``) with one difference: query values are masked. A receipt's status link
carries the code that opens a citizen's application (``/v1/applications/N?code=...``), and
that must not reach the journal. uvicorn's access log is off in every mode; this middleware
writes the lines, and checks the status for ``errors`` at ~6,400 instructions a request (a
:class:`logging.Filter` on uvicorn's log would cost ~53,000: uvicorn builds the record first).
"""

from __future__ import annotations

import enum
import logging
from urllib.parse import quote

from starlette.types import ASGIApp, Message, Receive, Scope, Send

FIRST_ERROR_STATUS = 400
MASK = "…"
# uvicorn's access line (uvicorn/protocols/http/httptools_impl.py): method, path, query and
# status, never a header or a body.
_LINE = '%s - "%s %s HTTP/%s" %d'


class AccessLogMode(enum.Enum):
    ALL = "all"
    ERRORS = "errors"
    OFF = "off"

    def __str__(self) -> str:
        return self.value


def _line_logger() -> logging.Logger:
    # uvicorn decides per connection whether to log at all by asking whether the registered
    # "uvicorn.access" logger has handlers; with its access log off that logger has none and
    # does not propagate. These lines go through a logger of the same name outside the
    # registry, straight to the root handlers, so that they read like uvicorn's.
    lines = logging.Logger("uvicorn.access", logging.INFO)
    lines.parent = logging.getLogger()
    return lines


_lines = _line_logger()


def masked_target(scope: Scope) -> str:
    """The request's path, and its query with every value replaced by :data:`MASK`."""
    path = quote(scope["path"])
    query = scope["query_string"].decode("ascii", "replace")
    if not query:
        return path
    names = (part.partition("=")[0] for part in query.split("&"))
    return path + "?" + "&".join(f"{name}={MASK}" for name in names)


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return f"{client[0]}:{client[1]}" if client else ""


def with_access_log(app: ASGIApp, mode: AccessLogMode) -> ASGIApp:
    """``app``, writing a line for each answer ``mode`` asks for (``off``: ``app`` itself)."""
    if mode is AccessLogMode.OFF:
        return app
    lowest = FIRST_ERROR_STATUS if mode is AccessLogMode.ERRORS else 0

    async def logged(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return

        async def send_and_log(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] >= lowest:
                _lines.info(
                    _LINE,
                    _client(scope),
                    scope["method"],
                    masked_target(scope),
                    scope["http_version"],
                    message["status"],
                )
            await send(message)

        await app(scope, receive, send_and_log)

    return logged


def all_logged_app_from_environment() -> ASGIApp:
    """The uvicorn factory of worker processes (``--workers N``) with ``--access-log all``."""
    from server.app import app_from_environment

    return with_access_log(app_from_environment(), AccessLogMode.ALL)


def error_logged_app_from_environment() -> ASGIApp:
    """The uvicorn factory of worker processes (``--workers N``) with ``--access-log errors``."""
    from server.app import app_from_environment

    return with_access_log(app_from_environment(), AccessLogMode.ERRORS)
