"""The kiosk's client for the backend contract (``server/openapi.json``).

One ``requests`` session per kiosk, imported lazily so that start-up does not pay for it.
Every failure becomes a typed ``BackendError`` (``kiosk.backend_errors``) the UI can word for a
citizen. Only calls that may be repeated are retried: reads, and creations that carry an
``Idempotency-Key`` the caller generated before the first try, so a lost answer never files a
second application. Each public method says which kind it is.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kiosk.backend_errors import (
    BackendAnswerInvalid,
    BackendConnectionLost,
    BackendError,
    BackendNameNotResolved,
    BackendRejected,
    BackendTimedOut,
    BackendTlsFailed,
    BackendUnreachable,
    TlsProblem,
    network_failure,
    rejection,
    retry_after_s,
    worth_retrying,
)
from kiosk.catalog import CatalogFormatError, Service, parse_catalog, parse_service
from kiosk.i18n import Language

if TYPE_CHECKING:
    import requests

__all__ = [
    "ApplicationDraft",
    "ApplicationRecord",
    "BackendAnswerInvalid",
    "BackendClient",
    "BackendConnectionLost",
    "BackendError",
    "BackendNameNotResolved",
    "BackendRejected",
    "BackendTimedOut",
    "BackendTlsFailed",
    "BackendUnreachable",
    "CatalogAnswer",
    "Replay",
    "RetryPolicy",
    "TlsProblem",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApplicationDraft:
    """What the kiosk submits. ``idempotency_key`` is fixed when the draft is made, and so are
    the provisional reference and access code an offline receipt prints (kiosk.desk.new_draft).
    """

    service_code: str
    language: Language
    applicant_name: str
    applicant_id_number: str
    document_kind: str
    form: Mapping[str, str]
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)
    provisional_ref: str = ""
    access_code: str = ""

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "service_code": self.service_code,
            "language": self.language.value,
            "applicant": {
                "name": self.applicant_name,
                "id_number": self.applicant_id_number,
                "document_kind": self.document_kind,
            },
            "form": dict(self.form),
        }
        if self.provisional_ref:
            body["provisional_ref"] = self.provisional_ref
        if self.access_code:
            body["access_code"] = self.access_code
        return body

    def __repr__(self) -> str:  # the body holds personal data
        return f"ApplicationDraft(service={self.service_code}, key={self.idempotency_key})"


@dataclass(frozen=True)
class ApplicationRecord:
    """An application as the citizen's receipt shows it. ``provisional``: still in the kiosk's
    outbox, so ``number`` is its provisional reference and there is no promised date yet."""

    number: str
    service_code: str
    status: str
    submitted_at: datetime
    promised_by: date | None
    status_url: str
    provisional: bool = False


def _parse_record(raw: Any) -> ApplicationRecord:
    try:
        return ApplicationRecord(
            number=str(raw["number"]),
            service_code=str(raw["service_code"]),
            status=str(raw["status"]),
            submitted_at=datetime.fromisoformat(str(raw["submitted_at"]).replace("Z", "+00:00")),
            promised_by=date.fromisoformat(str(raw["promised_by"])),
            status_url=str(raw["status_url"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackendAnswerInvalid(f"application answer: {error!r}") from None


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    first_delay_s: float = 0.5
    max_delay_s: float = 4.0

    def delay(self, attempt: int) -> float:
        """Exponential backoff with full jitter, so a hall's kiosks don't retry in step."""
        return random.uniform(0, min(self.max_delay_s, self.first_delay_s * 2**attempt))


class Replay(Enum):
    """Whether a call may be sent again when the outcome of an attempt is unknown."""

    SAFE = "safe"  # a read, or a creation under an Idempotency-Key: a repeat changes nothing
    NEVER = "never"  # one attempt only: a repeat could do the thing twice


@dataclass(frozen=True)
class CatalogAnswer:
    """A conditional catalog fetch: ``not_modified``, or the services, their JSON and ETag."""

    not_modified: bool
    services: tuple[Service, ...] = ()
    document: Any = None  # the JSON as the backend sent it, for a cache to keep
    etag: str | None = None


class BackendClient:
    def __init__(
        self,
        base_url: str,
        *,
        token: str = "",
        connect_timeout_s: float = 3.0,
        read_timeout_s: float = 10.0,
        ca_bundle: str = "",
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._ca_bundle = ca_bundle
        self._retry = retry
        self._sleep = sleep
        self._session: requests.Session | None = None

    def _http(self) -> requests.Session:
        if self._session is None:
            import requests

            if self._ca_bundle and not Path(self._ca_bundle).is_file():
                raise BackendTlsFailed(TlsProblem.CA_BUNDLE_UNREADABLE)
            session = requests.Session()
            session.headers["Accept"] = "application/json"
            session.headers["User-Agent"] = "onestop-kiosk"
            if self._token:
                session.headers["Authorization"] = f"Bearer {self._token}"
            self._session = session
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        replay: Replay,
        json: Any = None,
        headers: Mapping[str, str] = {},
        params: Mapping[str, str] | None = None,
    ) -> requests.Response:
        """The answer below 400, after retries if ``replay`` allows them; else a typed error."""
        import requests

        where = f"{method} {path.partition('?')[0]}"
        attempts = max(1, self._retry.attempts) if replay is Replay.SAFE else 1
        for attempt in range(attempts):
            wait_s = self._retry.delay(attempt)
            try:
                response = self._http().request(
                    method,
                    self.base_url + path,
                    json=json,
                    params=dict(params or {}),
                    headers=dict(headers),
                    timeout=self._timeout,
                    # Per request: REQUESTS_CA_BUNDLE in the environment beats the session's.
                    verify=self._ca_bundle or True,
                )
            except requests.exceptions.RequestException as error:
                failure = network_failure(error, where)
                if isinstance(failure, BackendTlsFailed):
                    raise failure from None  # a certificate does not mend itself in a second
            else:
                if _ended_in_its_head(response):
                    failure = BackendConnectionLost(f"{where}: the answer ended in its headers")
                elif response.status_code < 400:
                    return response
                else:
                    failure = rejection(response)
                    if not worth_retrying(response.status_code):
                        raise failure
                    asked_s = retry_after_s(response, self._retry.max_delay_s)
                    wait_s = wait_s if asked_s is None else asked_s
            if attempt + 1 < attempts:
                log.warning("%s failed (attempt %d): %s", where, attempt + 1, failure)
                self._sleep(wait_s)
        log.warning("%s failed after %d attempt(s): %s", where, attempts, failure)
        raise failure

    def _json(self, method: str, path: str, *, replay: Replay, **options: Any) -> Any:
        response = self._exchange(method, path, replay=replay, **options)
        try:
            return response.json()
        except ValueError:
            raise BackendAnswerInvalid(f"{method} {path.partition('?')[0]}: not JSON") from None

    def health(self) -> bool:
        answer = self._json("GET", "/v1/health", replay=Replay.SAFE)
        return isinstance(answer, dict) and answer.get("status") == "ok"

    def services(self) -> tuple[Service, ...]:
        try:
            return parse_catalog(self._json("GET", "/v1/services", replay=Replay.SAFE))
        except CatalogFormatError as error:
            raise BackendAnswerInvalid(str(error)) from None

    def services_conditional(self, etag: str | None) -> CatalogAnswer:
        """The catalog unless ``etag`` (from an earlier answer) is still current."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self._exchange("GET", "/v1/services", replay=Replay.SAFE, headers=headers)
        if response.status_code == 304:
            if not etag:
                raise BackendAnswerInvalid("GET /v1/services: 304 to an unconditional request")
            return CatalogAnswer(not_modified=True, etag=response.headers.get("ETag", etag))
        try:
            document = response.json()
            services = parse_catalog(document)
        except (ValueError, CatalogFormatError) as error:
            raise BackendAnswerInvalid(f"GET /v1/services: {error}") from None
        return CatalogAnswer(
            not_modified=False,
            services=services,
            document=document,
            etag=response.headers.get("ETag"),
        )

    def service(self, code: str) -> Service:
        path = f"/v1/services/{quote(code, safe='')}"
        try:
            return parse_service(self._json("GET", path, replay=Replay.SAFE))
        except CatalogFormatError as error:
            raise BackendAnswerInvalid(str(error)) from None

    def submit_application(self, draft: ApplicationDraft) -> ApplicationRecord:
        return _parse_record(
            self.post_idempotent("/v1/applications", draft.body(), draft.idempotency_key)
        )

    def post_idempotent(self, path: str, body: Mapping[str, Any], idempotency_key: str) -> Any:
        """Create something (an application, a hotline request, an evaluation) exactly once:
        every retry, now or after a restart, repeats ``idempotency_key``. The parsed answer."""
        return self._json(
            "POST",
            path,
            replay=Replay.SAFE,
            json=dict(body),
            headers={"Idempotency-Key": idempotency_key},
        )

    def get_json(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """GET a JSON document (retried: reading is safe to repeat)."""
        return self._json("GET", path, replay=Replay.SAFE, params=dict(params or {}))

    def post_repeatable(self, path: str, body: Mapping[str, Any]) -> Any:
        """A POST that is safe to repeat (a look-up with personal data kept out of the URL, a
        heartbeat, a command acknowledgement the server answers the same way twice)."""
        return self._json("POST", path, replay=Replay.SAFE, json=dict(body))

    def post_once(self, path: str, body: Mapping[str, Any]) -> Any:
        """A POST without an idempotency key (a provisioning exchange): never sent twice."""
        return self._json("POST", path, replay=Replay.NEVER, json=dict(body))

    def lookup(self, reference: str, id_last4: str) -> ApplicationRecord:
        """An application by its number (or provisional reference) and the ID's last four.

        A POST only to keep the last four out of URLs and logs; a pure read, safe to repeat."""
        body = {"reference": reference, "id_last4": id_last4}
        return _parse_record(
            self._json("POST", "/v1/applications/lookup", replay=Replay.SAFE, json=body)
        )


def _ended_in_its_head(response: requests.Response) -> bool:
    """A connection cut inside the headers looks like a complete, empty, unframed answer:
    the backend always sends Content-Length or chunks with a body, so that shape is a cut."""
    framed = "Content-Length" in response.headers or "Transfer-Encoding" in response.headers
    return not framed and not response.content and response.status_code not in (204, 304)
