"""The kiosk's one window: maps session states to screens and actions to the session."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from drivers.cards.identity import Identity
from drivers.cards.simulated import DEMO_IDENTITY, SimulatedReader
from kiosk.app import Kiosk
from kiosk.catalog import Service
from kiosk.desk import ApplicationRefused, Filed
from kiosk.i18n import Language
from kiosk.session import Event, State, SubmitFailure
from ui.accessibility import Accessibility
from ui.bridge import CardEventsBridge
from ui.idle_overlay import IdleOverlay
from ui.journeys.evaluate import EvaluateJourney
from ui.journeys.fleet import FleetCommands
from ui.journeys.hotline import HotlineJourney
from ui.journeys.queue import QueueJourney
from ui.journeys.staff import StaffJourney
from ui.journeys.status import StatusJourney
from ui.screens.admin import AdminScreen
from ui.screens.attract import AttractScreen
from ui.screens.base import Screen
from ui.screens.catalog import CatalogScreen
from ui.screens.evaluate import EvaluateScreen
from ui.screens.form import FormScreen
from ui.screens.hotline import HotlineScreen
from ui.screens.identify import IdentifyScreen
from ui.screens.menu import MenuScreen
from ui.screens.out_of_service import OutOfServiceScreen
from ui.screens.queue import QueueScreen
from ui.screens.receipt import ReceiptScreen
from ui.screens.review import ReviewScreen
from ui.screens.status import StatusScreen
from ui.screens.submitting import SubmittingScreen
from ui.theme import LanguageSwitcher
from ui.widgets import Header
from ui.worker import BackgroundTasks

log = logging.getLogger(__name__)

_CITIZEN_INPUT = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress}
)
_TAPS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
    }
)


class MainWindow(QWidget):
    """Signals:
    first_painted(): the attract screen has been painted once (start-up is over).
    """

    first_painted = Signal()

    def __init__(
        self,
        kiosk: Kiosk,
        *,
        languages: LanguageSwitcher,
        tasks: BackgroundTasks,
        card_events: CardEventsBridge,
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self._kiosk = kiosk
        self._session = kiosk.session
        self._languages = languages
        self._tasks = tasks
        demo = kiosk.config.kiosk.demo and kiosk.reader.is_simulated

        self.header = Header(self)
        self.attract = AttractScreen(demo=demo)
        self.identify = IdentifyScreen(demo=demo)
        self.menu = MenuScreen()
        self.catalog = CatalogScreen()
        self.form = FormScreen()
        self.review = ReviewScreen()
        self.submitting = SubmittingScreen()
        self.receipt = ReceiptScreen()
        self.status = StatusScreen()
        self.queue = QueueScreen()
        self.hotline = HotlineScreen()
        self.evaluate = EvaluateScreen()
        self.admin = AdminScreen()
        self.out_of_service = OutOfServiceScreen()
        self.screens: dict[State, Screen] = {
            State.ATTRACT: self.attract,
            State.IDENTIFY: self.identify,
            State.MENU: self.menu,
            State.CATALOG: self.catalog,
            State.FORM: self.form,
            State.REVIEW: self.review,
            State.SUBMITTING: self.submitting,
            State.RECEIPT: self.receipt,
            State.STATUS: self.status,
            State.QUEUE: self.queue,
            State.HOTLINE: self.hotline,
            State.EVALUATE: self.evaluate,
            State.ADMIN: self.admin,
            State.OUT_OF_SERVICE: self.out_of_service,
        }
        self.stack = QStackedWidget(self)
        for screen in self.screens.values():
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)

        self._connect_screens()
        # Each journey beyond applying wires its own screens to the session and the core.
        self.status_journey = StatusJourney(self.status, kiosk=kiosk, tasks=tasks)
        self.queue_journey = QueueJourney(self.queue, kiosk=kiosk, tasks=tasks)
        self.hotline_journey = HotlineJourney(self.hotline, kiosk=kiosk, tasks=tasks)
        self.evaluate_journey = EvaluateJourney(self.evaluate, kiosk=kiosk, tasks=tasks)
        self.staff_journey = StaffJourney(
            self.admin,
            self.out_of_service,
            attract=self.attract,
            kiosk=kiosk,
            tasks=tasks,
            card_events=card_events,
            reset=self.reset,
        )
        # Out of service when the kiosk stopped: again once start-up is over.
        self.first_painted.connect(self.staff_journey.restore_out_of_service)
        self.fleet_commands = FleetCommands(
            self,
            kiosk=kiosk,
            reset=self.reset,
            end_kept_out_of_service=self.staff_journey.end_kept_out_of_service,
        )
        layout.insertWidget(1, self.fleet_commands.notice)  # under the header, above the screens
        self.idle_overlay = IdleOverlay(self, countdown_s=kiosk.config.session.countdown_s)
        self.idle_overlay.still_here.connect(self._session.touch)
        card_events.inserted.connect(self._card_inserted)
        card_events.removed.connect(self._card_removed)
        card_events.failed.connect(self._card_failed)
        self._card_present = False
        # The language of the citizen at the kiosk, kept past the wipe: a card left behind is
        # asked for in the language its owner reads.
        self._visit_language: Language | None = None
        # A card left behind is announced until it is taken (audibly too, where configured).
        self._reminder_beep = QTimer(self)
        self._reminder_beep.setInterval(3000)
        self._reminder_beep.timeout.connect(QApplication.beep)
        self._session.subscribe(self._state_changed)
        self.header.language_chosen.connect(self._choose_language)
        # Display modes, the keypad / keyboard under the screens, spoken titles (after the
        # window's own session listener: a title is read once its screen shows).
        self.accessibility = Accessibility(
            self,
            kiosk=kiosk,
            screens=self.screens,
            stack=self.stack,
            attract=self.attract,
            header=self.header,
            languages=languages,
        )
        layout.addWidget(self.accessibility.input_dock)

        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._painted = False
        self._tap_guard_s = kiosk.config.session.tap_guard_ms / 1000
        self._screen_changed_at = -1.0
        # Until the first paint only the screens shown are watched (start-up sends ~1,600
        # events); then every touch and key press anywhere restarts the idle countdown.
        self._watched_first: list[QWidget] = []
        self._apply_language(self._session.language)
        self._show(State.ATTRACT)

    def _connect_screens(self) -> None:
        session = self._session
        self.attract.start_requested.connect(lambda: session.fire(Event.TOUCH))
        self.attract.demo_card_requested.connect(self._insert_demo_card)
        self.attract.demo_card_taken.connect(self._take_demo_card)
        self.identify.demo_card_requested.connect(self._insert_demo_card)
        self.identify.back_requested.connect(lambda: session.fire(Event.BACK))
        self.identify.skip_requested.connect(lambda: session.fire(Event.SKIP_CARD))
        self.menu.apply_requested.connect(self._apply)
        self.menu.progress_requested.connect(lambda: session.fire(Event.CHECK_PROGRESS))
        self.menu.ticket_requested.connect(lambda: session.fire(Event.TAKE_TICKET))
        self.menu.hotline_requested.connect(lambda: session.fire(Event.FILE_HOTLINE))
        self.menu.finish_requested.connect(lambda: session.fire(Event.FINISH))
        self.catalog.service_chosen.connect(self._choose_service)
        self.catalog.retry_requested.connect(self._load_catalog)
        self.catalog.back_requested.connect(lambda: session.fire(Event.BACK))
        self.form.form_submitted.connect(self._complete_form)
        self.form.back_requested.connect(lambda: session.fire(Event.BACK))
        self.review.edit_requested.connect(lambda: session.fire(Event.EDIT))
        self.review.submit_requested.connect(self._submit)
        self.receipt.finish_requested.connect(self._leave_receipt)
        self.receipt.another_requested.connect(lambda: session.fire(Event.APPLY))
        # A refused form stays on the form screen: show the problems without a transition.
        self.form.form_submitted.connect(lambda _values: self._refresh_if(State.FORM))

    # -- session → screens -------------------------------------------------------------------

    def _state_changed(self, old: State, new: State) -> None:
        if new is State.ATTRACT:  # from any state, or a reset at the start screen itself
            for screen in self.screens.values():
                screen.clear()
            self._apply_language(self._session.language)
            self._remind_of_card(self._card_present)
        else:
            self._visit_language = self._session.language
        self._show(new)
        if new is State.CATALOG and old is not State.CATALOG:
            self._load_catalog()

    def _show(self, state: State) -> None:
        screen = self.screens.get(state)
        if screen is None:
            log.error("no screen for state %s", state.value)
            return
        screen.show_session(self._session)
        if not self._painted:
            # A card left in the reader at boot moves on before the start screen is painted:
            # the first paint of whichever screen shows ends start-up all the same.
            screen.installEventFilter(self)
            self._watched_first.append(screen)
        if self.stack.currentWidget() is not screen:
            self._screen_changed_at = time.monotonic()
        self.stack.setCurrentWidget(screen)
        self.header.show_countdown(self._session.seconds_left())

    def _refresh_if(self, state: State) -> None:
        if self._session.state is state:
            self._show(state)

    def _tick(self) -> None:
        self._session.tick()
        seconds_left = self._session.seconds_left()
        self.header.show_countdown(seconds_left)
        self.idle_overlay.show_seconds_left(seconds_left)
        self.header.show_offline(self._kiosk.forwarder.backend_reachable is False)

    def reset(self) -> bool:
        """Staff or the fleet reset the kiosk: the session wiped, every screen cleared."""
        if not self._session.can(Event.RESET):
            return False
        self._session.fire(Event.RESET)
        return True

    # -- the citizen and the devices → session ----------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _TAPS:
            if kind in _CITIZEN_INPUT:
                self._session.touch()
            return self._is_ghost_tap(watched)
        if kind == QEvent.Type.KeyPress:
            self._session.touch()
        elif kind == QEvent.Type.Paint and not self._painted and watched in self._watched_first:
            self._painted = True
            for screen in self._watched_first:
                screen.removeEventFilter(self)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)
        return False

    def _is_ghost_tap(self, watched: QObject) -> bool:
        """A tap that lands on a screen which appeared under the finger a moment ago."""
        if time.monotonic() - self._screen_changed_at >= self._tap_guard_s:
            return False
        return isinstance(watched, QWidget) and self.isAncestorOf(watched)

    def _remind_of_card(self, on: bool) -> None:
        self.attract.show_card_reminder(on, self._visit_language)
        if on and self._kiosk.config.session.card_reminder_beep:
            QApplication.beep()
            self._reminder_beep.start()
        else:
            self._reminder_beep.stop()

    def _card_removed(self) -> None:
        log.info("card removed")
        self._card_present = False
        self._remind_of_card(False)
        if self._session.card_removed():
            log.info("card taken mid-session: session ended")

    def _card_failed(self, reason: str) -> None:
        log.warning("card reader: %s", reason)
        self._kiosk.health.reader.card_failed(reason)
        self._session.card_unreadable()

    def _card_inserted(self, identity: Identity) -> None:
        self._kiosk.health.reader.card_read()
        self._card_present = True
        self._remind_of_card(False)
        if self.staff_journey.take_staff_card(identity):
            return  # a staff card opens the PIN pad: never a citizen's session, never logged
        if not self._session.accept_card(identity):
            log.info(
                "card %s not taken in state %s", identity.masked_id(), self._session.state.value
            )

    def _insert_demo_card(self) -> None:
        reader = self._kiosk.reader
        if isinstance(reader, SimulatedReader):
            reader.insert(DEMO_IDENTITY)

    def _take_demo_card(self) -> None:
        reader = self._kiosk.reader
        if isinstance(reader, SimulatedReader):
            reader.remove()

    def _choose_language(self, language: Language) -> None:
        self._session.set_language(language)
        if self._session.state is not State.ATTRACT:
            self._visit_language = language
        self._apply_language(language)
        self._show(self._session.state)

    def _apply_language(self, language: Language) -> None:
        if self._languages.current is not language:
            self._languages.apply(language)
            self.header.retranslate()
            for screen in self.screens.values():
                screen.retranslate()
        self.header.show_language(language)

    def _apply(self) -> None:
        # Applying files under the card's identity: a citizen who skipped it is asked for it.
        self._session.fire(Event.APPLY if self._session.identity else Event.NEED_CARD)

    def _leave_receipt(self) -> None:
        # The rating is offered once after the transaction; otherwise "finish" ends the visit.
        if not self._session.offer_rating():
            self._session.fire(Event.FINISH)

    def _choose_service(self, service: Service) -> None:
        if self._session.state is State.CATALOG:
            self._session.choose_service(service)

    def _complete_form(self, values: dict[str, str]) -> None:
        if self._session.state is State.FORM:
            self._session.complete_form(values)

    def _load_catalog(self) -> None:
        cached = self._kiosk.catalog.cached()
        if cached is not None:
            self.catalog.show_services(cached)
            return
        self.catalog.show_loading()
        self._tasks.run(
            self._kiosk.catalog.services, self.catalog.show_services, self._catalog_failed
        )

    def _catalog_failed(self, error: Exception) -> None:
        log.warning("catalog could not be loaded: %s", error)
        self.catalog.show_failure()

    def _submit(self) -> None:
        session = self._session
        if session.state is not State.REVIEW or session.service is None or session.identity is None:
            return  # a second tap while the first is already on its way
        draft = session.begin_submit()
        service, identity, desk = session.service, session.identity, self._kiosk.desk
        self._tasks.run(lambda: desk.file(draft, service, identity), self._filed, self._not_filed)

    def _filed(self, filed: Filed) -> None:
        self._session.submission_succeeded(filed.record, filed.printed)

    def _not_filed(self, error: Exception) -> None:
        # Offline is not a failure (the outbox keeps the application): either the backend
        # refused it, or the outbox could not keep it (OutboxError: a full or failing disk).
        log.warning("application not filed: %s", type(error).__name__)
        refused = isinstance(error, ApplicationRefused)
        failure = SubmitFailure.REJECTED if refused else SubmitFailure.NOT_KEPT
        self._session.submission_failed(failure, type(error).__name__)
