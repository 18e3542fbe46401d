"""What can go wrong between the kiosk and its backend, as types the UI can word for a citizen,
and how an HTTP failure (from ``requests``) becomes one of them.

Messages name the kind of failure, a method and a path (never a query string, never a body):
they go to logs, and a body may hold personal data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import requests


class BackendError(Exception):
    """The backend could not give a usable answer."""

    def plain_words(self) -> str:
        """A short English phrase for the citizen (the UI translates it), by kind of failure."""
        for kind in type(self).__mro__:
            if kind in PLAIN_WORDS:
                return PLAIN_WORDS[kind]
        return PLAIN_WORDS[BackendError]


class BackendUnreachable(BackendError):
    """No connection could be made (network down, server not running)."""


class BackendNameNotResolved(BackendUnreachable):
    """The backend's host name does not resolve (no DNS, or a wrong name in the configuration)."""


class TlsProblem(Enum):
    UNTRUSTED = "certificate not trusted"
    NAME_MISMATCH = "certificate does not name this host"
    EXPIRED = "certificate expired or not yet valid"
    HANDSHAKE = "secure connection could not be set up"
    CA_BUNDLE_UNREADABLE = "the configured CA bundle cannot be read"


class BackendTlsFailed(BackendUnreachable):
    """No secure connection: the certificate is not trusted, names another host, or similar."""

    def __init__(self, problem: TlsProblem, detail: str = "") -> None:
        super().__init__(f"TLS failed: {problem.value}" + (f" ({detail})" if detail else ""))
        self.problem = problem


class BackendConnectionLost(BackendUnreachable):
    """The connection broke after the request went out: the outcome on the server is unknown."""


class BackendTimedOut(BackendError):
    """Connected, but no answer in time."""


class BackendRejected(BackendError):
    """The backend answered with a problem (4xx/5xx); fields from its problem details."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str = "",
        field_errors: Mapping[str, str] = {},
        problem_type: str = "",
    ) -> None:
        super().__init__(f"{status} {title}: {detail}" if detail else f"{status} {title}")
        self.status = status
        self.title = title
        self.detail = detail
        self.field_errors = dict(field_errors)
        # The problem's ``type`` without the server's URN prefix, e.g. "already-evaluated".
        self.problem_type = problem_type

    def plain_words(self) -> str:
        if self.status == 429:
            return BUSY_WORDS
        if self.status >= 500:
            return SERVER_TROUBLE_WORDS
        return PLAIN_WORDS[BackendRejected]


class BackendAnswerInvalid(BackendError):
    """The backend answered something that is not what the contract promises."""


BUSY_WORDS = "The service centre is busy. Please try again in a moment."
SERVER_TROUBLE_WORDS = "The service centre has a problem right now. Please try again later."
# The nearest type in an error's MRO wins: a TLS failure is worded as such, not as "unreachable".
PLAIN_WORDS: Mapping[type[BackendError], str] = {
    BackendError: "Something went wrong talking to the service centre.",
    BackendUnreachable: "The kiosk cannot reach the service centre right now.",
    BackendNameNotResolved: "The kiosk cannot find the service centre on the network.",
    BackendTlsFailed: "The kiosk could not open a secure connection to the service centre.",
    BackendConnectionLost: "The connection to the service centre was lost.",
    BackendTimedOut: "The service centre is taking too long to answer.",
    BackendRejected: "The service centre could not accept this request.",
    BackendAnswerInvalid: "The service centre sent an answer the kiosk does not understand.",
}


# 429 says "slow down", a 5xx says the server failed: both may pass. Every other 4xx is final.
_RETRYABLE_STATUS = frozenset({429, *range(500, 600)})
_STATUS_WITH_RETRY_AFTER = frozenset({429, 503})


def worth_retrying(status: int) -> bool:
    return status in _RETRYABLE_STATUS


def rejection(response: requests.Response) -> BackendRejected:
    try:
        problem = response.json()
    except ValueError:
        problem = {}
    if not isinstance(problem, dict):
        problem = {}
    field_errors = {
        str(item.get("field")): str(item.get("message"))
        for item in problem.get("errors") or ()
        if isinstance(item, dict)
    }
    return BackendRejected(
        response.status_code,
        str(problem.get("title") or response.reason),
        str(problem.get("detail") or ""),
        field_errors,
        str(problem.get("type") or "").rpartition(":")[2],
    )


def retry_after_s(response: requests.Response, cap_s: float) -> float | None:
    """The wait a 429 or 503 asks for (delta-seconds or an HTTP date), never above ``cap_s``."""
    if response.status_code not in _STATUS_WITH_RETRY_AFTER:
        return None
    value = response.headers.get("Retry-After", "").strip()
    if re.fullmatch(r"[0-9]{1,12}", value):
        return min(float(value), cap_s)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - datetime.now(UTC)).total_seconds(), 0.0), cap_s)


def _causes(error: BaseException) -> Iterator[BaseException]:
    """``error`` and what it wraps: requests and urllib3 nest the real cause in several ways."""
    pending, seen = [error], set[int]()
    while pending and len(seen) < 32:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = (current.__cause__, current.__context__, getattr(current, "reason", None))
        pending.extend(e for e in (*wrapped, *current.args) if isinstance(e, BaseException))


_HOST_MISMATCH_CODES = frozenset({62, 64})  # X509_V_ERR_HOSTNAME_MISMATCH, _IP_ADDRESS_MISMATCH
_VALIDITY_CODES = frozenset({9, 10})  # X509_V_ERR_CERT_NOT_YET_VALID, _CERT_HAS_EXPIRED


def _tls_failure(error: BaseException) -> BackendTlsFailed:
    # Only here: ssl costs ~20 ms to import, and the kiosk's start-up never needs it.
    import ssl

    for cause in _causes(error):
        if isinstance(cause, ssl.SSLCertVerificationError):
            code, words = cause.verify_code, str(cause.verify_message)
            if code in _HOST_MISMATCH_CODES:
                return BackendTlsFailed(TlsProblem.NAME_MISMATCH, words)
            if code in _VALIDITY_CODES:
                return BackendTlsFailed(TlsProblem.EXPIRED, words)
            return BackendTlsFailed(TlsProblem.UNTRUSTED, words)
    return BackendTlsFailed(TlsProblem.HANDSHAKE, type(error).__name__)


def network_failure(error: requests.RequestException, where: str) -> BackendError:
    import requests
    import urllib3

    causes = list(_causes(error))
    kinds = tuple(type(cause) for cause in causes)
    if isinstance(error, requests.exceptions.SSLError):
        return _tls_failure(error)
    if any(issubclass(kind, urllib3.exceptions.NameResolutionError) for kind in kinds):
        return BackendNameNotResolved(f"{where}: the backend's host name does not resolve")
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return BackendUnreachable(f"{where}: connecting timed out")
    if isinstance(error, requests.exceptions.Timeout):
        return BackendTimedOut(f"{where}: no answer in time")
    if any(issubclass(kind, urllib3.exceptions.NewConnectionError) for kind in kinds):
        return BackendUnreachable(f"{where}: connection refused or no route")
    if isinstance(error, requests.exceptions.ChunkedEncodingError) or any(
        issubclass(kind, urllib3.exceptions.ProtocolError) for kind in kinds
    ):
        return BackendConnectionLost(f"{where}: the connection broke before the whole answer")
    return BackendUnreachable(f"{where}: {type(error).__name__}")
