"""Progress of earlier applications: by the card, by number and the ID's last four, or by a
scanned receipt; and, when the backend cannot be asked, what this kiosk still knows.

Offline there are two sources, both marked as such for the citizen: an application still
waiting in this kiosk's outbox ("filed here, waiting to be sent"), and the last status this
kiosk heard for the same proof (:mod:`kiosk.progress_memory`). Nothing is shown to someone who
did not prove the same thing the backend would ask for: an outbox item is matched by the ID's
last four, the receipt's access code or the card, read from its sealed payload.

The look-ups block on the network and the disk: run them on a worker thread.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from drivers.cards.identity import Identity
from drivers.printers.base import Printer, PrinterUnavailable
from drivers.printers.layout import Receipt
from kiosk.api import BackendAnswerInvalid, BackendClient, BackendError, BackendRejected
from kiosk.catalog import Service
from kiosk.catalog_cache import CatalogCache
from kiosk.desk import CatalogStore
from kiosk.outbox import Outbox, OutboxError, OutboxItem, OutboxKind, OutboxState
from kiosk.progress_memory import (
    MemoryKey,
    StatusMemory,
    identity_key,
    receipt_code_key,
    reference_key,
)
from kiosk.progress_model import (
    ApplicationNotFound,
    ApplicationProgress,
    ApplicationState,
    InputProblem,
    KnownProgress,
    ProgressReport,
    QueryField,
    QueryInvalid,
    ReceiptLink,
    ReferenceQuery,
    ScannedNumber,
    Source,
    TimelineStep,
    parse_progress,
    read_scan,
    reference_query,
)
from kiosk.session import PrintOutcome

__all__ = [
    "ApplicationNotFound",
    "ApplicationProgress",
    "ApplicationState",
    "InputProblem",
    "KnownProgress",
    "ProgressDesk",
    "ProgressReport",
    "QueryField",
    "QueryInvalid",
    "ReceiptLink",
    "ReferenceQuery",
    "ScannedNumber",
    "Source",
    "TimelineStep",
    "cannot_answer_now",
    "read_scan",
    "reference_query",
]

log = logging.getLogger(__name__)


def cannot_answer_now(error: BackendError) -> bool:
    """The backend is out of reach, too slow, busy, failing or talking nonsense: what the kiosk
    knows is worth showing. Other refusals (a 4xx) are answers, not an outage."""
    if isinstance(error, BackendRejected):
        return error.status >= 500 or error.status == 429
    return True


class ProgressDesk:
    def __init__(
        self,
        client: BackendClient,
        outbox: Outbox,
        memory: StatusMemory,
        printer: Printer,
        *,
        catalog: CatalogStore,
        catalog_cache: CatalogCache,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        today: Callable[[], date] = date.today,
    ) -> None:
        self._client = client
        self._outbox = outbox
        self.memory = memory
        self._printer = printer
        self._catalog = catalog
        self._catalog_cache = catalog_cache
        self._clock = clock
        self._today = today

    def by_identity(self, identity: Identity) -> ProgressReport:
        """The card holder's applications, newest first, those still in the outbox on top."""
        kind, number = identity.kind.value, identity.id_number
        waiting = self._waiting(lambda payload: _same_identity(payload, kind, number))
        memory_key = identity_key(kind, number)
        try:
            answer = self._client.post_repeatable(
                "/v1/applications/by-identity", {"document_kind": kind, "id_number": number}
            )
            if not isinstance(answer, dict) or not isinstance(answer.get("applications"), list):
                raise BackendAnswerInvalid("application list answer: not a list")
            found = [parse_progress(raw) for raw in answer["applications"]]
        except BackendError as error:
            if not cannot_answer_now(error):
                raise
            return self._offline(waiting, self._recall(memory_key), error)
        last4 = number.strip().upper()[-4:]
        self.memory.keep([memory_key], [a.document() for a in found])
        for application in found:
            self._remember(application, lambda ref: reference_key(ref, last4))
        return self._report([*waiting, *self._live(found)])

    def by_reference(self, query: ReferenceQuery) -> ProgressReport:
        """By number (or provisional reference) and the ID's last four."""
        memory_key = reference_key(query.reference, query.id_last4)

        def waiting() -> list[KnownProgress]:
            return self._waiting(
                lambda payload: _same_last4(payload, query.id_last4), query.reference
            )

        body = {"reference": query.reference, "id_last4": query.id_last4}
        try:
            found = parse_progress(self._client.post_repeatable("/v1/applications/lookup", body))
        except BackendError as error:
            return self._after_failure(error, waiting, memory_key)
        self._remember(found, lambda ref: reference_key(ref, query.id_last4), memory_key)
        return self._report(self._live([found]))

    def by_receipt_link(self, link: ReceiptLink) -> ProgressReport:
        """By the link a receipt's QR code carries (its number and access code)."""
        memory_key = receipt_code_key(link.reference, link.code)

        def waiting() -> list[KnownProgress]:
            return self._waiting(lambda payload: _same_code(payload, link.code), link.reference)

        path = f"/v1/applications/{link.reference}"
        try:
            found = parse_progress(self._client.get_json(path, {"code": link.code}))
        except BackendError as error:
            return self._after_failure(error, waiting, memory_key)
        self._remember(found, lambda ref: receipt_code_key(ref, link.code), memory_key)
        return self._report(self._live([found]))

    def print_status(self, receipt: Receipt) -> PrintOutcome:
        """Print a status printout; never raises (nothing to keep for a reprint: the citizen
        can print it again while the status shows)."""
        try:
            if not self._printer.status().can_print:
                return PrintOutcome.PRINTER_UNAVAILABLE
            self._printer.print(receipt)
        except PrinterUnavailable as error:
            log.warning("status printout not printed: %s", error)
            return PrintOutcome.PRINTER_UNAVAILABLE
        except Exception as error:  # PrinterError, or a driver's bug
            log.warning("status printout failed: %s", type(error).__name__)
            return PrintOutcome.PRINT_FAILED
        return PrintOutcome.PRINTED

    # -- the pieces --------------------------------------------------------------------------

    def _after_failure(
        self,
        error: BackendError,
        waiting: Callable[[], list[KnownProgress]],
        memory_key: MemoryKey,
    ) -> ProgressReport:
        if isinstance(error, BackendRejected) and error.status == 404:
            # Not at the hall yet, perhaps: filed here and still waiting to be sent.
            held = waiting()
            if held:
                return self._report(held)
            raise ApplicationNotFound() from None
        if not cannot_answer_now(error):
            raise error
        return self._offline(waiting(), self._recall(memory_key), error)

    def _offline(
        self, waiting: list[KnownProgress], remembered: list[KnownProgress], error: BackendError
    ) -> ProgressReport:
        log.info("progress from this kiosk's memory: %s", type(error).__name__)
        return self._report([*waiting, *remembered], unavailable=error, online=False)

    def _live(self, found: Iterable[ApplicationProgress]) -> list[KnownProgress]:
        now = self._clock()
        return [KnownProgress(a, Source.LIVE, now) for a in found]

    def _remember(
        self,
        application: ApplicationProgress,
        key_for: Callable[[str], MemoryKey],
        *also: MemoryKey,
    ) -> None:
        """Keep it under every name a citizen may later use: its number, its provisional
        reference, and the key it was just found by."""
        references = [application.number, application.provisional_ref]
        keys = [key_for(ref) for ref in references if ref] + list(also)
        self.memory.keep(keys, [application.document()])

    def _recall(self, key: MemoryKey) -> list[KnownProgress]:
        recalled = self.memory.recall(key)
        if recalled is None:
            return []
        known_at = datetime.fromtimestamp(recalled.saved_at, UTC)
        found: list[KnownProgress] = []
        for document in recalled.documents:
            try:
                application = parse_progress(document)
            except BackendAnswerInvalid:
                continue
            found.append(KnownProgress(self._aged(application), Source.REMEMBERED, known_at))
        return found

    def _aged(self, application: ApplicationProgress) -> ApplicationProgress:
        """A remembered status may have become overdue since it was heard."""
        promised = application.promised_by
        late = not application.status.decided and promised is not None and promised < self._today()
        if late and not application.overdue:
            return replace(application, overdue=True)
        return application

    def _waiting(
        self, proven: Callable[[Mapping[str, Any]], bool], reference: str | None = None
    ) -> list[KnownProgress]:
        """Applications in the outbox not yet sent (the one with ``reference``, if given)
        whose sealed payload matches what the citizen proved; newest first."""
        try:
            if reference is None:
                items: Sequence[OutboxItem] = list(reversed(self._outbox.pending()))
            else:
                item = self._outbox.find(reference)
                items = [item] if item is not None and item.provisional_ref == reference else []
        except OutboxError as error:
            log.warning("outbox not readable for a look-up: %s", type(error).__name__)
            return []
        found: list[KnownProgress] = []
        for item in items:
            if item.kind is not OutboxKind.APPLICATION or item.state is not OutboxState.PENDING:
                continue
            try:
                payload = self._outbox.payload(item.id)
            except OutboxError:  # sent meanwhile (payload wiped), or unreadable
                continue
            if proven(payload):
                found.append(_waiting_progress(item, payload))
        return found

    def _report(
        self,
        applications: list[KnownProgress],
        *,
        unavailable: BackendError | None = None,
        online: bool = True,
    ) -> ProgressReport:
        codes = {known.application.service_code for known in applications}
        services = self._services(online) if codes else {}
        return ProgressReport(
            tuple(applications),
            {code: services[code] for code in codes if code in services},
            unavailable,
        )

    def _services(self, online: bool) -> Mapping[str, Service]:
        """The catalog for service names: as loaded, else fetched (only while the backend
        answers: offline that would wait through retries), else the disk cache."""
        services = self._catalog.cached()
        if services is None and online:
            try:
                services = self._catalog.services()
            except BackendError:
                services = None
        if services is None:
            kept = self._catalog_cache.load()
            services = kept.services if kept else ()
        return {service.code: service for service in services}


def _waiting_progress(item: OutboxItem, payload: Mapping[str, Any]) -> KnownProgress:
    filed_at = datetime.fromtimestamp(item.created_at, UTC)
    application = ApplicationProgress(
        number=item.provisional_ref,
        service_code=str(payload.get("service_code", "")),
        status=ApplicationState.SUBMITTED,
        submitted_at=filed_at,
        promised_by=None,
        overdue=False,
        provisional_ref=item.provisional_ref,
        timeline=(),
    )
    return KnownProgress(application, Source.WAITING, filed_at)


def _applicant(payload: Mapping[str, Any]) -> Mapping[str, Any]:
    applicant = payload.get("applicant")
    return applicant if isinstance(applicant, dict) else {}


def _same(given: str, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def _same_last4(payload: Mapping[str, Any], id_last4: str) -> bool:
    number = str(_applicant(payload).get("id_number", "")).strip().upper()
    return len(number) >= 4 and _same(id_last4, number[-4:])


def _same_code(payload: Mapping[str, Any], code: str) -> bool:
    return _same(code, str(payload.get("access_code", "")))


def _same_identity(payload: Mapping[str, Any], kind: str, id_number: str) -> bool:
    applicant = _applicant(payload)
    return str(applicant.get("document_kind", "")) == kind and _same(
        id_number.strip().upper(), str(applicant.get("id_number", "")).strip().upper()
    )
