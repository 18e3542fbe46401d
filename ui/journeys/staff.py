"""The staff journey: the hidden entry, the PIN, the admin screens and out of service.

Taps in the top-left corner of the start (or out-of-service) screen, or a staff card
(``staff.cards``) inserted there, open the PIN pad; the right PIN fires ``Event.STAFF``. A
staff card is never a citizen's identity there: the window hands every card to
:meth:`StaffJourney.take_staff_card` first. Taking the card out again leaves the pad open
(place-and-lift readers report the card gone as soon as it is lifted; the PIN is what counts).

Staff who came in from out of service find the kiosk still out of service when they leave (or
time out), until they put it back in service themselves. Out of service, whoever set it, is
kept in the data directory and comes back after a restart (:meth:`restore_out_of_service`,
called once the window is first painted, or when a session begun before is over). Every step
is audited (kiosk.staff_auth.audit), never with citizen data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from drivers.cards.identity import Identity
from kiosk.app import MAINTENANCE_FILE, Kiosk, data_dir
from kiosk.i18n import Language
from kiosk.logs import RecentLogLines
from kiosk.session import Event, State
from kiosk.staff_auth import LOCKOUT_FILE, Attempt, Outcome, StaffAction, StaffGate, audit
from kiosk.staff_cards import CARD_KEY_FILE, StaffCards
from kiosk.staff_settings import SETTINGS_FILE, OutOfServiceKeeper, StaffSettings
from ui.bridge import CardEventsBridge
from ui.journeys.staff_tools import StaffTools
from ui.pin_pad import PinPad
from ui.screens.admin import AdminPage, AdminScreen
from ui.screens.attract import AttractScreen
from ui.screens.out_of_service import OutOfServiceNotice, OutOfServiceScreen
from ui.staff_entry import CornerTaps
from ui.worker import BackgroundTasks

log = logging.getLogger(__name__)

_ENTRY_STATES = frozenset({State.ATTRACT, State.OUT_OF_SERVICE})
# Where a staff card is staff's: the entry screens, and staff mode (the card test shows it).
# Elsewhere a citizen's session is under way: staff who touched "start" first and then insert
# their own card use the kiosk as any citizen does.
_STAFF_CARD_STATES = _ENTRY_STATES | {State.ADMIN}


class StaffJourney(QObject):
    def __init__(
        self,
        admin: AdminScreen,
        out_of_service: OutOfServiceScreen,
        *,
        attract: AttractScreen,
        kiosk: Kiosk,
        tasks: BackgroundTasks,
        card_events: CardEventsBridge,
        reset: Callable[[], bool],
        quit_program: Callable[[], None] = QApplication.quit,
    ) -> None:
        super().__init__(admin)
        self._admin = admin
        self._out_of_service = out_of_service
        self._attract = attract
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
        self._reset = reset
        # Public so a test can stand in for closing the program.
        self.quit_program = quit_program
        config = kiosk.config
        self.gate = StaffGate(config.staff.pin_hash, data_dir(config) / LOCKOUT_FILE)
        self._settings = StaffSettings(
            data_dir(config) / SETTINGS_FILE, configured_language=config.kiosk.language
        )
        self._restore_default_language()
        self.cards = StaffCards(config.staff.cards, data_dir(config) / CARD_KEY_FILE)
        # Staff who entered from out of service: the message to go back to when they leave.
        self._kept_out_of_service: str | None = None
        # Out of service across restarts: kept as it changes, restored once start-up is over
        # (or, if a card left in the reader began a session first, once that session ends).
        self._out_of_service_keeper = OutOfServiceKeeper(self._session, self._settings)
        self._restore_pending = self._out_of_service_keeper.kept is not None

        self.recent_lines = RecentLogLines(kiosk.redactor)
        root = logging.getLogger()
        root.addHandler(self.recent_lines)
        handler = self.recent_lines
        admin.destroyed.connect(lambda: root.removeHandler(handler))

        self._pin_pad: PinPad | None = None
        self.entries = {
            screen: CornerTaps(screen, taps=config.staff.entry_taps)
            for screen in (attract, out_of_service)
        }
        for screen, entry in self.entries.items():
            entry.triggered.connect(lambda s=screen: self._entry_used(s))

        self.tools = StaffTools(
            admin,
            kiosk=kiosk,
            tasks=tasks,
            card_events=card_events,
            recent_lines=self.recent_lines,
        )
        admin.leave_requested.connect(self._leave)
        admin.maintenance_asked.connect(lambda: audit(StaffAction.MAINTENANCE_ASKED))
        admin.maintenance_confirmed.connect(self._leave_to_maintenance)
        admin.pages_built.connect(self._wire_service_page)
        self._session.subscribe(self._state_changed)

    def _wire_service_page(self) -> None:
        service = self._admin.service
        service.suspend_requested.connect(self._suspend)
        service.resume_requested.connect(self._resume)
        service.reset_requested.connect(self._reset_kiosk)
        service.default_language_chosen.connect(self._choose_default_language)

    def _restore_default_language(self) -> None:
        language = self._settings.default_language()
        if language is self._session.default_language:
            return
        self._session.default_language = language
        if self._session.state is State.ATTRACT:
            self._session.language = language  # nobody is using the kiosk yet

    # -- the hidden entry and the PIN ---------------------------------------------------------

    @property
    def pin_pad(self) -> PinPad:
        """Built the first time it is needed (most starts of the kiosk never need it)."""
        if self._pin_pad is None:
            self._pin_pad = PinPad(self._attract)
            self._pin_pad.pin_entered.connect(self._check_pin)
        return self._pin_pad

    def take_staff_card(self, identity: Identity) -> bool:
        """Whether ``identity`` is a listed staff card that staff mode takes here (then the
        caller leaves it alone: no session, no log line). At the start or out-of-service
        screen it opens the PIN pad, as the corner taps do."""
        state = self._session.state
        if state not in _STAFF_CARD_STATES or not self.cards.is_listed(identity.id_number):
            return False
        if state is State.ADMIN:
            return True  # the card test page shows it, masked
        audit(StaffAction.CARD_PRESENTED)
        self._entry_used(self._out_of_service if state is State.OUT_OF_SERVICE else self._attract)
        return True

    def _entry_used(self, screen: QWidget) -> None:
        if self._session.state not in _ENTRY_STATES:
            return
        if not self.gate.configured:
            audit(StaffAction.ENTRY_CLOSED)
            log.info("staff entry used, but no usable staff.pin_hash: staff mode stays closed")
            return
        if self.pin_pad.is_open:
            return
        audit(StaffAction.PIN_PAD_OPENED)
        self.pin_pad.open_over(screen)
        locked_for = self.gate.locked_for()
        if locked_for > 0:
            self.pin_pad.show_locked(locked_for)

    def _check_pin(self, pin: str) -> None:
        gate = self.gate
        self._tasks.run(lambda: gate.attempt(pin), self._answered, self._check_failed)

    def _answered(self, attempt: Attempt) -> None:
        if not self.pin_pad.is_open:
            return  # closed meanwhile (timed out, or a card came): the answer is moot
        if attempt.outcome is Outcome.GRANTED:
            self.pin_pad.close_pad()
            if self._session.can(Event.STAFF):
                self._session.fire(Event.STAFF)
        elif attempt.outcome is Outcome.WRONG:
            self.pin_pad.show_wrong(attempt.tries_left)
        elif attempt.outcome is Outcome.LOCKED:
            self.pin_pad.show_locked(attempt.locked_for_s)
        else:
            self.pin_pad.close_pad()

    def _check_failed(self, error: Exception) -> None:
        log.error("staff PIN check failed: %s", type(error).__name__)
        self.pin_pad.close_pad()

    # -- the session ------------------------------------------------------------------------------

    def _state_changed(self, old: State, new: State) -> None:
        if old is not new and self._pin_pad is not None and self._pin_pad.is_open:
            self.pin_pad.close_pad()
        if new is State.ATTRACT and self._restore_pending:
            QTimer.singleShot(0, self, self.restore_out_of_service)
        if new is State.ADMIN and old is not State.ADMIN:
            self._entered(old)
        elif old is State.ADMIN and new is not State.ADMIN:
            self._left(new)

    def restore_out_of_service(self) -> None:
        """Out of service again if the kiosk was when it stopped (once start-up is over: the
        window shows the start screen first). A session already under way finishes first."""
        if not self._restore_pending:
            return
        message = self._out_of_service_keeper.kept  # as kept now: staff may have ended it
        if message is None or self._session.state is State.OUT_OF_SERVICE:
            self._restore_pending = False
            return
        if self._session.state is State.ATTRACT and self._session.suspend(message):
            self._restore_pending = False
            log.info("out of service again, as when the kiosk stopped")
        # Otherwise tried again once the session is back at the start.

    def end_kept_out_of_service(self) -> bool:
        """The office ended out of service while staff are signed in from it: they leave to
        the start screen. False when staff did not come from out of service."""
        if self._kept_out_of_service is None:
            return False
        self._kept_out_of_service = None
        self.tools.out_of_service = False
        self._admin.service.show_service(None)
        self._out_of_service_keeper.end()
        log.info("out of service ended by the office while staff are signed in")
        return True

    def _entered(self, old: State) -> None:
        from_out_of_service = old is State.OUT_OF_SERVICE
        self._kept_out_of_service = (
            self._session.out_of_service_message if from_out_of_service else None
        )
        self.tools.out_of_service = from_out_of_service
        self._admin.service.show_service(self._kept_out_of_service)
        self._admin.service.show_default_language(self._session.default_language)
        self._admin.show_page(AdminPage.HEALTH)

    def _left(self, new: State) -> None:
        audit(StaffAction.SIGNED_OUT, f"to={new.value}")
        self._admin.clear()
        message, self._kept_out_of_service = self._kept_out_of_service, None
        if new is State.ATTRACT and message is not None:
            # Timed out or reset while out of service: out of service it stays. After the
            # other listeners saw this change, or they would see the two in the wrong order.
            QTimer.singleShot(0, lambda: self._session.suspend(message))

    # -- the actions ------------------------------------------------------------------------------

    def _leave(self) -> None:
        message = self._kept_out_of_service
        if message is not None:
            self._kept_out_of_service = None
            self._session.suspend(message)
        elif self._session.can(Event.LEAVE):
            self._session.fire(Event.LEAVE)

    def _suspend(self, notice: OutOfServiceNotice) -> None:
        audit(StaffAction.OUT_OF_SERVICE_ON, notice.name.lower())
        self._kept_out_of_service = None
        self._session.suspend(notice.value)

    def _resume(self) -> None:
        if self._kept_out_of_service is None:
            return
        audit(StaffAction.OUT_OF_SERVICE_OFF)
        self._kept_out_of_service = None
        # Through the out-of-service state, so whoever watches the session sees it resume.
        if self._session.suspend(self._session.out_of_service_message):
            self._session.resume()

    def _reset_kiosk(self) -> None:
        audit(StaffAction.RESET)
        self._reset()

    def _choose_default_language(self, language: Language) -> None:
        self._session.default_language = language
        kept = self._settings.set_default_language(language)
        audit(StaffAction.DEFAULT_LANGUAGE, f"{language.value}{'' if kept else ' (not saved)'}")
        self._admin.service.show_default_language(language)

    def _leave_to_maintenance(self) -> None:
        audit(StaffAction.MAINTENANCE)
        marker = data_dir(self._kiosk.config) / MAINTENANCE_FILE
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text("staff left the kiosk for maintenance\n", encoding="utf-8")
        except OSError as error:  # the unit will start the kiosk again; staff see it come back
            log.error("maintenance marker %s not written: %s", marker, error)
        log.warning("staff closed the kiosk program for maintenance")
        self.quit_program()
