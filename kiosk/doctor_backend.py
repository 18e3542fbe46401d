"""``kiosk doctor``'s backend checks: reachable, TLS verified, token accepted, clock in step.

Two plain GETs with the kiosk's own timeouts and CA settings and no retries: ``/v1/health``
(anyone may call it; its ``Date`` header gives the backend's clock) and
``/v1/queue/categories``, a harmless read that needs the kiosk's token.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kiosk.backend_errors import (
    BackendError,
    BackendNameNotResolved,
    BackendTimedOut,
    BackendTlsFailed,
    TlsProblem,
    network_failure,
)
from kiosk.config import BackendSection
from kiosk.doctor import Finding, fail, ok, warn

if TYPE_CHECKING:
    import requests

# Receipts and the application calendar are dated by this clock; TLS fails when far off.
CLOCK_WARN_S = 5.0
CLOCK_FAIL_S = 600.0
HEALTH_PATH = "/v1/health"
AUTHENTICATED_PATH = "/v1/queue/categories"
_LOOPBACK = ("127.0.0.1", "::1", "localhost")

_TLS_FIXES = {
    TlsProblem.UNTRUSTED: "a private CA: put its certificate in a file and set backend.ca_bundle",
    TlsProblem.NAME_MISMATCH: "backend.url must use the host name the certificate names",
    TlsProblem.EXPIRED: "check this box's clock (date), then the backend's certificate",
    TlsProblem.HANDSHAKE: "check that backend.url speaks HTTPS on that port",
    TlsProblem.CA_BUNDLE_UNREADABLE: "backend.ca_bundle must name a readable file",
}


@dataclass(frozen=True)
class Answer:
    status: int
    date: str | None  # the Date header
    sent_at: float  # wall clock, seconds since the epoch
    received_at: float


def _get(
    session: requests.Session, backend: BackendSection, path: str, *, token: str = ""
) -> Answer:
    import requests

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    sent_at = time.time()
    try:
        response = session.get(
            backend.url + path,
            headers=headers,
            timeout=(backend.connect_timeout_s, backend.read_timeout_s),
            verify=backend.ca_bundle or True,
            allow_redirects=False,
        )
    except requests.exceptions.RequestException as error:
        raise network_failure(error, f"GET {path}") from None
    return Answer(response.status_code, response.headers.get("Date"), sent_at, time.time())


def _unreachable(backend: BackendSection, error: BackendError) -> Finding:
    if isinstance(error, BackendTlsFailed):
        return fail("backend", f"{backend.url}: {error}", _TLS_FIXES[error.problem])
    if isinstance(error, BackendNameNotResolved):
        host = urlsplit(backend.url).hostname
        return fail(
            "backend",
            f"{backend.url}: the host name {host} does not resolve",
            "check backend.url and this box's DNS (resolvectl status)",
        )
    if isinstance(error, BackendTimedOut):
        return fail(
            "backend",
            f"{backend.url}: connected but no answer within {backend.read_timeout_s:g} s",
            "the backend is overloaded or stuck: check it (journalctl -u onestop-kiosk-server)",
        )
    return fail(
        "backend",
        f"{backend.url}: cannot connect ({error})",
        "check the network cable, that the backend runs at that address, and any firewall",
    )


def check_clock(answer: Answer | None) -> Finding:
    if answer is None:
        return warn("clock", "not compared: the backend did not answer")
    if not answer.date:
        return warn("clock", "not compared: the backend's answer carries no Date header")
    try:
        server = parsedate_to_datetime(answer.date)
    except (TypeError, ValueError):
        return warn("clock", f"not compared: unreadable Date header {answer.date!r}")
    if server.tzinfo is None:
        server = server.replace(tzinfo=UTC)
    # The backend stamped its Date somewhere between our send and our receipt.
    midpoint = datetime.fromtimestamp((answer.sent_at + answer.received_at) / 2, UTC)
    skew_s = (midpoint - server).total_seconds()
    # The header counts whole seconds: up to one second of the difference is its rounding.
    off_s = max(0.0, abs(skew_s) - 1.0 - (answer.received_at - answer.sent_at) / 2)
    direction = "ahead of" if skew_s > 0 else "behind"
    fix = "turn on time sync: timedatectl set-ntp true (and let NTP through the firewall)"
    if off_s > CLOCK_FAIL_S:
        return fail("clock", f"{abs(skew_s):.0f} s {direction} the backend's", fix)
    if off_s > CLOCK_WARN_S:
        return warn("clock", f"{abs(skew_s):.0f} s {direction} the backend's", fix)
    return ok("clock", "in step with the backend's (within a few seconds)")


def _token(session: requests.Session, backend: BackendSection) -> Finding:
    if not backend.token:
        return fail(
            "token",
            "no kiosk token in backend.token: this kiosk is not provisioned",
            "kiosk provision --server URL --token TOKEN",
        )
    try:
        answer = _get(session, backend, AUTHENTICATED_PATH, token=backend.token)
    except BackendError as error:
        return fail("token", f"not checked: {error}", "see the backend line")
    if answer.status in (401, 403):
        return fail(
            "token",
            f"the backend refuses this kiosk's token (HTTP {answer.status}): revoked, or "
            "issued by another backend",
            "provision again: kiosk provision --server URL --token TOKEN",
        )
    if answer.status >= 400:
        return fail(
            "token",
            f"not checked: GET {AUTHENTICATED_PATH} answered HTTP {answer.status}",
            "check the backend's log (journalctl -u onestop-kiosk-server)",
        )
    return ok("token", "accepted by the backend")


def check_backend(backend: BackendSection) -> list[Finding]:
    """Findings for backend, token and clock (in that order)."""
    import requests

    if backend.ca_bundle and not Path(backend.ca_bundle).is_file():
        problem = BackendTlsFailed(TlsProblem.CA_BUNDLE_UNREADABLE)
        return [_unreachable(backend, problem), warn("token", "not checked"), check_clock(None)]
    with requests.Session() as session:
        session.headers["User-Agent"] = "onestop-kiosk-doctor"
        try:
            health = _get(session, backend, HEALTH_PATH)
        except BackendError as error:
            return [_unreachable(backend, error), warn("token", "not checked"), check_clock(None)]
        if health.status >= 300:
            finding = fail(
                "backend",
                f"{backend.url}: GET {HEALTH_PATH} answered HTTP {health.status}",
                "check backend.url (it ends before /v1) and the backend's log",
            )
            return [finding, warn("token", "not checked"), check_clock(health)]
        return [_reachable(backend, health), _token(session, backend), check_clock(health)]


def _reachable(backend: BackendSection, health: Answer) -> Finding:
    latency_ms = round((health.received_at - health.sent_at) * 1000)
    parts = urlsplit(backend.url)
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        return warn(
            "backend",
            f"{backend.url}: answers in {latency_ms} ms, but over plain HTTP: the token and "
            "citizens' data cross the network unencrypted",
            "serve the backend over HTTPS and use an https:// backend.url",
        )
    secure = ", TLS verified" if parts.scheme == "https" else ""
    return ok("backend", f"{backend.url}: answers in {latency_ms} ms{secure}")
