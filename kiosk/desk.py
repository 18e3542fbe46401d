"""The work behind the screens: fetch the catalog, file an application and print its receipt.

These run on a worker thread (they block on the network and the printer) and never touch the
session: the UI hands their results to the session on its own thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from drivers.cards.identity import Identity
from drivers.printers.base import PaperState, Printer, PrinterUnavailable
from drivers.printers.layout import Receipt
from kiosk.api import ApplicationDraft, ApplicationRecord, BackendClient
from kiosk.catalog import Service
from kiosk.receipts import application_receipt
from kiosk.session import PrintOutcome
from kiosk.spool import ReprintSpool

log = logging.getLogger(__name__)


class CatalogStore:
    """The service catalog, fetched once and kept; fetched again after a failure."""

    def __init__(self, client: BackendClient) -> None:
        self._client = client
        self._lock = threading.Lock()
        self._services: tuple[Service, ...] | None = None

    def services(self) -> tuple[Service, ...]:
        with self._lock:
            if self._services is None:
                self._services = self._client.services()
                log.info("catalog loaded: %d services", len(self._services))
            return self._services

    def cached(self) -> tuple[Service, ...] | None:
        return self._services


@dataclass(frozen=True)
class Filed:
    record: ApplicationRecord
    printed: PrintOutcome


class ApplicationDesk:
    def __init__(
        self, client: BackendClient, printer: Printer, kiosk_id: str, spool: ReprintSpool
    ) -> None:
        self._client = client
        self._printer = printer
        self._kiosk_id = kiosk_id
        self._spool = spool

    def file(self, draft: ApplicationDraft, service: Service, identity: Identity) -> Filed:
        """Submit (raises ``BackendError``), then print: a printer problem never undoes a filing."""
        record = self._client.submit_application(draft)
        log.info("application %s filed for service %s", record.number, service.code)
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
            )
        except Exception:
            # The application is filed: whatever went wrong on paper, the citizen gets the number.
            log.exception("receipt for %s could not be laid out", record.number)
            return Filed(record, PrintOutcome.PRINT_FAILED)
        return Filed(record, self._print(receipt))

    def _print(self, receipt: Receipt) -> PrintOutcome:
        """Print, or keep the receipt for a reprint; never raises, never waits unbounded."""
        try:
            status = self._printer.status()
            if status.paper is PaperState.NEAR_END:
                log.warning("printer paper near end: staff, please change the roll")
            if not status.can_print:
                self._keep(receipt, f"printer could not print: {status}")
                return PrintOutcome.PRINTER_UNAVAILABLE
            self._printer.print(receipt)
        except PrinterUnavailable as error:
            self._keep(receipt, f"printer unavailable: {error}")
            return PrintOutcome.PRINTER_UNAVAILABLE
        except Exception as error:  # PrinterError, or a driver's bug: the filing stands
            self._keep(receipt, f"printing failed: {error}")
            return PrintOutcome.PRINT_FAILED
        return PrintOutcome.PRINTED

    def _keep(self, receipt: Receipt, reason: str) -> None:
        try:
            self._spool.keep(receipt, reason)
        except OSError as error:  # a full or broken disk: the number on screen must do
            log.error("receipt %s could not be kept for reprint: %s", receipt.reference, error)
