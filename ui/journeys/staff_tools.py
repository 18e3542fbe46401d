"""The work behind the staff pages: health readings, printer jobs, the card test, the log.

Everything that blocks (the printer, the backend, drawing a preview) runs on the worker
threads; an answer that arrives after staff left the admin screens is dropped.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from urllib.parse import urlsplit

from drivers.cards.identity import Identity
from drivers.cards.simulated import DEMO_IDENTITY, SimulatedReader
from drivers.printers.layout import Receipt
from drivers.printers.profile import printer_options_from_query
from kiosk.app import Kiosk
from kiosk.health import DeviceHealth
from kiosk.logs import RecentLogLines
from kiosk.receipts import application_receipt, printer_test_page
from kiosk.session import State
from kiosk.spool import KeptJob
from kiosk.staff_auth import StaffAction, audit
from ui.bridge import CardEventsBridge
from ui.screens.admin import AdminPage, AdminScreen
from ui.screens.admin_printer import PreviewKind, PrinterResult
from ui.worker import BackgroundTasks

log = logging.getLogger(__name__)

LOG_LINES_SHOWN = 80
_SAMPLE_SERVICE = {"zh-Hant": "示範事項", "zh-Hans": "示范事项", "en": "Sample service"}


class NothingToReprint(Exception):
    """No receipt was printed, or failed to print, within the reprint window."""


class StaffTools:
    def __init__(
        self,
        admin: AdminScreen,
        *,
        kiosk: Kiosk,
        tasks: BackgroundTasks,
        card_events: CardEventsBridge,
        recent_lines: RecentLogLines,
    ) -> None:
        self._admin = admin
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
        self._recent_lines = recent_lines
        self._printer_uri = kiosk.config.devices.printer
        self._paper = kiosk.paper
        self._reprint_window_s = kiosk.config.staff.reprint_window_s
        self.out_of_service = False  # what the health reading reports
        self._checking_health = False
        admin.page_chosen.connect(self._page_chosen)
        if admin.built:
            self._wire()
        else:
            admin.pages_built.connect(self._wire)
        card_events.inserted.connect(self._card_inserted)
        card_events.removed.connect(self._card_removed)
        card_events.failed.connect(self._card_failed)

    def _wire(self) -> None:
        """Connect to the pages once they exist (the first time staff come in)."""
        admin, kiosk = self._admin, self._kiosk
        admin.health.refresh_requested.connect(self.check_health)
        admin.log.refresh_requested.connect(self.show_log)
        admin.printer.set_reprint_window(self._reprint_window_s)
        admin.printer.test_page_requested.connect(self._print_test_page)
        admin.printer.reprint_requested.connect(self._reprint)
        admin.printer.preview_requested.connect(self._preview)
        admin.card.set_demo(kiosk.config.kiosk.demo and kiosk.reader.is_simulated)
        admin.card.demo_card_requested.connect(lambda: self._demo_card(insert=True))
        admin.card.demo_card_taken.connect(lambda: self._demo_card(insert=False))

    def _in_admin(self) -> bool:
        return self._session.state is State.ADMIN

    def _page_chosen(self, page: AdminPage) -> None:
        if page is AdminPage.HEALTH:
            self.check_health()
        elif page is AdminPage.LOG:
            self.show_log()

    # -- health ----------------------------------------------------------------------------------

    def check_health(self) -> None:
        if self._checking_health:
            return
        self._checking_health = True
        self._admin.health.show_checking()
        health, out_of_service = self._kiosk.health, self.out_of_service
        self._tasks.run(
            lambda: health.collect(out_of_service=out_of_service),
            self._health_collected,
            self._health_failed,
        )

    def _health_collected(self, reading: DeviceHealth) -> None:
        self._checking_health = False
        if self._in_admin():
            self._admin.health.show_health(reading)
            audit(
                StaffAction.HEALTH_CHECKED,
                f"reader={reading.reader.value} printer={reading.printer_state} "
                f"backend={'up' if reading.backend_reachable else 'down'}",
            )

    def _health_failed(self, error: Exception) -> None:
        self._checking_health = False
        log.warning("health reading failed: %s", type(error).__name__)
        if self._in_admin():
            self._admin.health.show_unavailable()

    # -- printer ---------------------------------------------------------------------------------

    def _test_page(self) -> Receipt:
        paper = printer_options_from_query(urlsplit(self._printer_uri).query).paper
        return printer_test_page(
            printer_label=self._printer_uri.split("?", 1)[0],
            columns=paper.columns,
            language=self._session.language,
        )

    def _print_test_page(self) -> None:
        self._admin.printer.show_working()
        receipt, printer = self._test_page(), self._kiosk.printer
        self._tasks.run(lambda: printer.print(receipt), self._test_printed, self._test_failed)

    def _test_printed(self, _: object) -> None:
        audit(StaffAction.TEST_PAGE, "printed")
        self._admin.printer.show_result(PrinterResult.TEST_PRINTED)

    def _test_failed(self, error: Exception) -> None:
        audit(StaffAction.TEST_PAGE, "failed")
        self._admin.printer.show_result(PrinterResult.TEST_FAILED, str(error)[:200])

    def _last_receipt(self) -> tuple[Receipt, KeptJob | None]:
        """The newest receipt within the reprint window: one kept because it failed to print
        (with its job, deleted once reprinted), or the last one that printed (torn, jammed)."""
        oldest_allowed = time.time() - self._reprint_window_s
        jobs = [job for job in self._paper.spool.pending() if job.kept_at >= oldest_allowed]
        kept = max(jobs, key=lambda job: job.kept_at) if jobs else None
        printed = self._paper.last_printed(self._reprint_window_s)
        if printed is not None and (kept is None or printed.printed_at > kept.kept_at):
            return printed.receipt, None
        if kept is None:
            raise NothingToReprint
        return kept.receipt, kept

    def _reprint(self) -> None:
        self._admin.printer.show_working()
        printer, spool = self._kiosk.printer, self._paper.spool

        def reprint() -> str:
            receipt, job = self._last_receipt()
            if job is None:
                printer.print(receipt)
            else:
                spool.reprint(job, printer)
            return receipt.reference

        self._tasks.run(reprint, self._reprinted, self._reprint_failed)

    def _reprinted(self, reference: str) -> None:
        audit(StaffAction.REPRINT, reference)
        self._admin.printer.show_result(PrinterResult.REPRINTED, reference)

    def _reprint_failed(self, error: Exception) -> None:
        if isinstance(error, NothingToReprint):
            audit(StaffAction.REPRINT, "nothing to reprint")
            self._admin.printer.show_result(PrinterResult.NOTHING_TO_REPRINT)
            return
        audit(StaffAction.REPRINT, "failed")
        self._admin.printer.show_result(PrinterResult.REPRINT_FAILED, str(error)[:200])

    def _sample_receipt(self) -> Receipt:
        language = self._session.language
        return application_receipt(
            number="SAMPLE-0001",
            service_name=_SAMPLE_SERVICE[language.value],
            submitted_at=datetime.now().astimezone(),
            promised_by=None,
            status_url=f"{self._kiosk.config.backend.url}/v1/applications/SAMPLE-0001",
            applicant_masked_name=DEMO_IDENTITY.masked_name(),
            applicant_masked_id=DEMO_IDENTITY.masked_id(),
            kiosk_id=self._kiosk.config.kiosk.id,
            language=language,
        )

    def _preview(self, kind: PreviewKind) -> None:
        from kiosk.receipt_preview import preview_png

        self._admin.printer.show_working()
        builders = {
            PreviewKind.TEST_PAGE: self._test_page,
            PreviewKind.SAMPLE_RECEIPT: self._sample_receipt,
            PreviewKind.REPRINT: lambda: self._last_receipt()[0],
        }
        build, uri = builders[kind], self._printer_uri
        self._tasks.run(
            lambda: preview_png(build(), uri),
            lambda png: self._previewed(kind, png),
            self._preview_failed,
        )

    def _previewed(self, kind: PreviewKind, png: bytes) -> None:
        audit(StaffAction.PREVIEW, kind.value)
        self._admin.printer.show_preview(png)

    def _preview_failed(self, error: Exception) -> None:
        if isinstance(error, NothingToReprint):
            self._admin.printer.show_result(PrinterResult.NOTHING_TO_REPRINT)
            return
        audit(StaffAction.PREVIEW, "failed")
        self._admin.printer.show_result(PrinterResult.PREVIEW_FAILED, str(error)[:200])

    # -- card reader -------------------------------------------------------------------------------

    def _card_inserted(self, identity: Identity) -> None:
        if not self._in_admin():
            return  # the citizens' screens handle it (the main window forwards it)
        audit(StaffAction.CARD_TEST, f"read kind={identity.kind.value}")
        self._admin.show_page(AdminPage.CARD)
        self._admin.card.show_card(identity.masked_name(), identity.masked_id())

    def _card_removed(self) -> None:
        if self._in_admin():
            self._admin.card.show_removed()

    def _card_failed(self, reason: str) -> None:
        if not self._in_admin():
            return
        audit(StaffAction.CARD_TEST, "failed")
        self._admin.show_page(AdminPage.CARD)
        self._admin.card.show_failure(reason[:200])

    def _demo_card(self, *, insert: bool) -> None:
        reader = self._kiosk.reader
        if isinstance(reader, SimulatedReader):
            if insert:
                reader.insert(DEMO_IDENTITY)
            else:
                reader.remove()

    # -- log ---------------------------------------------------------------------------------------

    def show_log(self) -> None:
        audit(StaffAction.LOG_VIEWED)
        self._admin.log.show_lines(self._recent_lines.lines(LOG_LINES_SHOWN))
