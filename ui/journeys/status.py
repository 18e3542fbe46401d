"""Checking progress: by card, by a scanned receipt, by number; offline, the last known one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from drivers.cards.identity import Identity
from kiosk.api import BackendError
from kiosk.app import Kiosk
from kiosk.progress import (
    ApplicationNotFound,
    KnownProgress,
    ProgressReport,
    QueryInvalid,
    ReceiptLink,
    ScannedNumber,
    read_scan,
    reference_query,
)
from kiosk.receipts import StatusStep, status_printout
from kiosk.session import Event, PrintOutcome, State
from ui.scanner import WedgeScanner
from ui.screens.status import StatusScreen
from ui.screens.status_card import state_name
from ui.worker import BackgroundTasks

log = logging.getLogger(__name__)


class StatusJourney(QObject):
    """Wires the status screen and the receipt scanner to the session and the progress desk.

    Look-ups run on the workers; an answer that arrives after the citizen moved on, or after a
    newer look-up began, is dropped (``_generation``).
    """

    def __init__(self, screen: StatusScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
        self._generation = 0
        self._looked_up: Identity | None = None
        # Listening only while the status screen shows: elsewhere keys are just keys.
        self.scanner = WedgeScanner(self)
        self.scanner.scanned.connect(self._scanned)
        screen.lookup_requested.connect(self._typed)
        screen.print_requested.connect(self._print)
        screen.back_requested.connect(lambda: self._leave(Event.BACK))
        screen.finish_requested.connect(lambda: self._leave(Event.FINISH))
        self._session.subscribe(self._state_changed)

    def _state_changed(self, old: State, new: State) -> None:
        if new is State.STATUS:
            self.scanner.start()
            identity = self._session.identity
            if identity is not None and identity is not self._looked_up:
                # Arrived with a card, or a card was inserted here: that citizen's list.
                self._looked_up = identity
                progress = self._kiosk.progress
                self._look_up(lambda: progress.by_identity(identity), by_card=True)
        elif old is State.STATUS:
            self.scanner.stop()
            self._generation += 1
            self._looked_up = None
            self._screen.clear()  # what was shown is personal: gone once the citizen leaves

    def _leave(self, event: Event) -> None:
        if self._session.state is State.STATUS:
            self._session.fire(event)

    # -- the three ways in --------------------------------------------------------------------

    def _typed(self, reference: str, id_last4: str) -> None:
        if self._session.state is not State.STATUS:
            return
        try:
            query = reference_query(reference, id_last4)
        except QueryInvalid as invalid:
            self._screen.show_input_problems(invalid.problems)
            return
        self._screen.show_input_problems({})
        progress = self._kiosk.progress
        self._look_up(lambda: progress.by_reference(query))

    def _scanned(self, text: str) -> None:
        if self._session.state is not State.STATUS:
            return
        self._session.touch()
        scan = read_scan(text)
        progress = self._kiosk.progress
        log.info("receipt scanned: %s", type(scan).__name__ if scan else "not a receipt")
        if isinstance(scan, ReceiptLink):
            link = scan
            self._look_up(lambda: progress.by_receipt_link(link))
        elif isinstance(scan, ScannedNumber):
            identity = self._session.identity
            if identity is None:
                self._screen.ask_for_last4(scan.reference)
                return
            # The card in the reader already proves the last four.
            try:
                query = reference_query(scan.reference, identity.id_number[-4:])
            except QueryInvalid:
                self._screen.ask_for_last4(scan.reference)
                return
            self._look_up(lambda: progress.by_reference(query))
        else:
            self._screen.show_not_a_receipt()

    def _look_up(self, work: Callable[[], ProgressReport], *, by_card: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        self._screen.show_busy(by_card=by_card)

        def found(report: ProgressReport) -> None:
            if self._current(generation):
                self._screen.show_report(report, by_card=by_card)

        def failed(error: Exception) -> None:
            if not self._current(generation):
                return
            if isinstance(error, ApplicationNotFound):
                self._screen.show_not_found()
            elif isinstance(error, BackendError):
                log.warning("progress look-up failed: %s", type(error).__name__)
                self._screen.show_failure(error)
            else:
                log.error("progress look-up failed: %s", type(error).__name__)
                self._screen.show_failure(None)

        self._tasks.run(work, found, failed)

    def _current(self, generation: int) -> bool:
        return generation == self._generation and self._session.state is State.STATUS

    # -- paper ----------------------------------------------------------------------------------

    def _print(self, known: KnownProgress) -> None:
        application = known.application
        if self._session.state is not State.STATUS or application.promised_by is None:
            return
        card = next((c for c in self._screen.cards if c.known is known), None)
        receipt = status_printout(
            number=application.number,
            service_name=card.service.text() if card else application.service_code,
            status_name=state_name(application.status),
            promised_by=application.promised_by,
            overdue=application.overdue,
            history=[
                StatusStep(step.at.astimezone(), state_name(step.status), step.note)
                for step in application.timeline
            ],
            printed_at=datetime.now().astimezone(),
            language=self._session.language,
        )
        generation = self._generation
        self._screen.show_printing()
        progress = self._kiosk.progress

        def done(outcome: PrintOutcome) -> None:
            if self._current(generation):
                self._screen.show_printed(outcome)

        def broke(error: Exception) -> None:  # print_status never raises; a bug might
            log.error("status printout: %s", type(error).__name__)
            done(PrintOutcome.PRINT_FAILED)

        self._tasks.run(lambda: progress.print_status(receipt), done, broke)
