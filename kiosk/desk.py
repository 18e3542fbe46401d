"""The work behind the screens: fetch the catalog, file an application and print its receipt.

Filing goes through the outbox: written to disk first, then sent if the backend answers, and
otherwise sent later by the forwarder while the citizen leaves with a provisional receipt.

These run on a worker thread (they block on the network and the printer) and never touch the
session: the UI hands their results to the session on its own thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime

from drivers.cards.identity import Identity
from kiosk.api import ApplicationDraft, ApplicationRecord
from kiosk.catalog import Service
from kiosk.catalog_cache import CatalogSource, CatalogView
from kiosk.forwarder import Forwarder
from kiosk.outbox import Outbox, OutboxItem, OutboxKind, OutboxState
from kiosk.printing import ReceiptPrinting
from kiosk.receipts import application_receipt
from kiosk.session import PrintOutcome

log = logging.getLogger(__name__)


class CatalogStore:
    """The service catalog, fetched once and kept; fetched again after a failure, or while
    what is kept came from the disk cache because the backend was out of reach."""

    def __init__(self, source: CatalogSource) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._view: CatalogView | None = None

    def services(self) -> tuple[Service, ...]:
        with self._lock:
            if self._view is None or self._view.from_cache:
                self._view = self._source.services()
                log.info(
                    "catalog loaded: %d services%s",
                    len(self._view.services),
                    " (offline, from the cache)" if self._view.from_cache else "",
                )
            return self._view.services

    def cached(self) -> tuple[Service, ...] | None:
        view = self._view
        return None if view is None or view.from_cache else view.services


@dataclass(frozen=True)
class Filed:
    record: ApplicationRecord  # provisional when the backend could not be reached
    printed: PrintOutcome


class ApplicationRefused(Exception):
    """The backend refused the application for good (the outbox keeps only that it did)."""


# If the forwarder's thread is already sending this very item, how long to wait for that
# attempt; a try of our own is bounded by the client's connect and read timeouts.
SEND_NOW_WAIT_S = 30.0


class ApplicationDesk:
    """Files applications through the outbox, so the network never decides what is lost."""

    def __init__(
        self,
        outbox: Outbox,
        forwarder: Forwarder,
        paper: ReceiptPrinting,
        *,
        kiosk_id: str,
        backend_url: str,
    ) -> None:
        self._outbox = outbox
        self._forwarder = forwarder
        self._paper = paper
        self._kiosk_id = kiosk_id
        self._backend_url = backend_url.rstrip("/")

    def file(self, draft: ApplicationDraft, service: Service, identity: Identity) -> Filed:
        """Keep the application in the outbox (raises ``OutboxError``), try to send it at once,
        then print: the official receipt, or a provisional one if the backend is out of reach.
        Raises ``ApplicationRefused`` if the backend refused it. A printer problem never
        undoes a filing."""
        item = self._outbox.put(
            OutboxKind.APPLICATION,
            idempotency_key=draft.idempotency_key,
            provisional_ref=draft.provisional_ref,
            payload=draft.body(),
        )
        # From here the application is safe on disk whatever happens to this process.
        item = self._forwarder.send_now(item.id, wait_s=SEND_NOW_WAIT_S)
        if item.state is OutboxState.REJECTED:
            raise ApplicationRefused(item.last_error or "refused")
        record = self._record(item, draft, service)
        log.info(
            "application %s filed for service %s (%s)",
            record.number,
            service.code,
            "provisional" if record.provisional else "sent",
        )
        try:
            receipt = application_receipt(
                number=record.number,
                service_name=service.name_in(draft.language),
                submitted_at=record.submitted_at.astimezone(),
                promised_by=record.promised_by,
                status_url=record.status_url,
                applicant_masked_name=identity.masked_name(),
                applicant_masked_id=identity.masked_id(),
                kiosk_id=self._kiosk_id,
                language=draft.language,
                provisional=record.provisional,
            )
        except Exception:
            # The application is filed: whatever went wrong on paper, the citizen gets the number.
            log.exception("receipt for %s could not be laid out", record.number)
            return Filed(record, PrintOutcome.PRINT_FAILED)
        return Filed(record, self._paper.print(receipt))

    def _record(
        self, item: OutboxItem, draft: ApplicationDraft, service: Service
    ) -> ApplicationRecord:
        submitted_at = datetime.fromtimestamp(item.created_at, UTC)
        if item.state is OutboxState.SENT and item.official_number:
            return ApplicationRecord(
                number=item.official_number,
                service_code=service.code,
                status="submitted",
                submitted_at=submitted_at,
                promised_by=date.fromisoformat(item.promised_by) if item.promised_by else None,
                status_url=item.status_url or self._status_link(draft),
            )
        return ApplicationRecord(
            number=draft.provisional_ref,
            service_code=service.code,
            status="submitted",
            submitted_at=submitted_at,
            promised_by=None,
            status_url=self._status_link(draft),
            provisional=True,
        )

    def _status_link(self, draft: ApplicationDraft) -> str:
        """The receipt's link by provisional reference: it resolves once the backend has it."""
        return (
            f"{self._backend_url}/v1/applications/{draft.provisional_ref}?code={draft.access_code}"
        )
