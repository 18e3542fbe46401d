"""The kiosk's client for the backend contract (``server/openapi.json``).

One ``requests`` session per kiosk, imported lazily so that start-up does not pay for it.
Every failure becomes a typed ``BackendError`` the UI can word for a citizen. Creating an
application is idempotent: the caller generates the ``Idempotency-Key`` before the first try and
every retry repeats it, so a lost answer never files a second application.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kiosk.catalog import CatalogFormatError, Service, parse_catalog, parse_service
from kiosk.i18n import Language

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)


class BackendError(Exception):
    """The backend could not give a usable answer."""


class BackendUnreachable(BackendError):
    """No connection could be made (network down, server not running)."""


class BackendTimedOut(BackendError):
    """Connected, but no answer in time."""


class BackendRejected(BackendError):
    """The backend answered with a problem (4xx/5xx); fields from its problem details."""

    def __init__(
        self, status: int, title: str, detail: str = "", field_errors: Mapping[str, str] = {}
    ) -> None:
        super().__init__(f"{status} {title}: {detail}" if detail else f"{status} {title}")
        self.status = status
        self.title = title
        self.detail = detail
        self.field_errors = dict(field_errors)


class BackendAnswerInvalid(BackendError):
    """The backend answered something that is not what the contract promises."""


@dataclass(frozen=True)
class ApplicationDraft:
    """What the kiosk submits. ``idempotency_key`` is fixed when the draft is made."""

    service_code: str
    language: Language
    applicant_name: str
    applicant_id_number: str
    document_kind: str
    form: Mapping[str, str]
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def body(self) -> dict[str, Any]:
        return {
            "service_code": self.service_code,
            "language": self.language.value,
            "applicant": {
                "name": self.applicant_name,
                "id_number": self.applicant_id_number,
                "document_kind": self.document_kind,
            },
            "form": dict(self.form),
        }

    def __repr__(self) -> str:  # the body holds personal data
        return f"ApplicationDraft(service={self.service_code}, key={self.idempotency_key})"


@dataclass(frozen=True)
class ApplicationRecord:
    number: str
    service_code: str
    status: str
    submitted_at: datetime
    promised_by: date
    status_url: str


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
        self._verify: str | bool = ca_bundle or True
        self._retry = retry
        self._sleep = sleep
        self._session: requests.Session | None = None

    def _http(self) -> requests.Session:
        if self._session is None:
            import requests

            session = requests.Session()
            session.headers["Accept"] = "application/json"
            session.headers["User-Agent"] = "onestop-kiosk"
            if self._token:
                session.headers["Authorization"] = f"Bearer {self._token}"
            session.verify = self._verify
            self._session = session
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def _request(
        self, method: str, path: str, *, json: Any = None, headers: Mapping[str, str] = {}
    ) -> Any:
        """One call with retries; every call here is idempotent (GET, or POST with a key)."""
        import requests

        last_error: BackendError = BackendUnreachable("no attempt made")
        for attempt in range(self._retry.attempts):
            if attempt:
                self._sleep(self._retry.delay(attempt - 1))
            try:
                response = self._http().request(
                    method,
                    self.base_url + path,
                    json=json,
                    headers=dict(headers),
                    timeout=self._timeout,
                )
            except requests.exceptions.ConnectTimeout as error:
                last_error = BackendUnreachable(f"connect timed out: {error.__class__.__name__}")
            except requests.exceptions.Timeout as error:
                last_error = BackendTimedOut(f"no answer in time: {error.__class__.__name__}")
            except requests.exceptions.RequestException as error:
                last_error = BackendUnreachable(
                    f"cannot reach the backend: {error.__class__.__name__}"
                )
            else:
                if response.status_code >= 500:
                    last_error = _rejection(response)
                elif response.status_code >= 400:
                    raise _rejection(response)
                else:
                    try:
                        return response.json()
                    except ValueError:
                        raise BackendAnswerInvalid(f"{method} {path}: answer is not JSON") from None
            log.warning("%s %s failed (attempt %d): %s", method, path, attempt + 1, last_error)
        raise last_error

    def health(self) -> bool:
        return self._request("GET", "/v1/health").get("status") == "ok"

    def services(self) -> tuple[Service, ...]:
        try:
            return parse_catalog(self._request("GET", "/v1/services"))
        except CatalogFormatError as error:
            raise BackendAnswerInvalid(str(error)) from None

    def service(self, code: str) -> Service:
        try:
            return parse_service(self._request("GET", f"/v1/services/{quote(code, safe='')}"))
        except CatalogFormatError as error:
            raise BackendAnswerInvalid(str(error)) from None

    def submit_application(self, draft: ApplicationDraft) -> ApplicationRecord:
        return _parse_record(
            self.post_idempotent("/v1/applications", draft.body(), draft.idempotency_key)
        )

    def post_idempotent(self, path: str, body: Mapping[str, Any], idempotency_key: str) -> Any:
        """Create something (an application, a hotline request, an evaluation) exactly once:
        every retry, now or after a restart, repeats ``idempotency_key``. The parsed answer."""
        return self._request(
            "POST", path, json=dict(body), headers={"Idempotency-Key": idempotency_key}
        )

    def lookup(self, reference: str, id_last4: str) -> ApplicationRecord:
        """An application by its number (or provisional reference) and the ID's last four."""
        body = {"reference": reference, "id_last4": id_last4}
        return _parse_record(self._request("POST", "/v1/applications/lookup", json=body))


def _rejection(response: requests.Response) -> BackendRejected:
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
    )
