"""The journey for filing a hotline request: the screen, the session and the hotline desk.

Filing runs on a worker thread and goes through the outbox (kiosk/hotline_desk.py): online the
citizen gets the hotline's number, offline a provisional one, the same ticket either way. An
answer that arrives after the citizen left the screen is dropped; the request it filed stands.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kiosk.app import Kiosk
from kiosk.hotline_categories import CategoryView, HotlineCategory
from kiosk.hotline_desk import HotlineDraft, HotlineEntry, HotlineFiled, HotlineRefused
from kiosk.hotline_desk import new_draft as new_hotline_draft
from kiosk.hotline_desk import problems as entry_problems
from kiosk.session import Event, State, Transaction, TransactionKind
from ui.screens.hotline import HotlineScreen
from ui.screens.hotline_texts import HotlineFailure
from ui.worker import BackgroundTasks

log = logging.getLogger(__name__)


class HotlineJourney(QObject):
    def __init__(self, screen: HotlineScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
        # Bumped whenever the citizen leaves the screen: late answers are recognised by it.
        self._visit = 0
        self._categories: tuple[HotlineCategory, ...] = ()
        self._category: HotlineCategory | None = None
        # The draft being filed and the entry it was made from: a retry of the same entry
        # repeats its idempotency key and provisional reference, so nothing is filed twice.
        self._entry: HotlineEntry | None = None
        self._draft: HotlineDraft | None = None
        self._filing = False
        self._session.subscribe(self._state_changed)
        screen.category_chosen.connect(self._choose)
        screen.send_requested.connect(self._send)
        screen.back_requested.connect(self._back)
        screen.done_requested.connect(self._done)
        # Text from an on-screen keyboard's input method arrives without key presses: typing a
        # long description must still keep the idle countdown away.
        screen.details.description.textChanged.connect(self._typing)
        screen.details.phone.textEdited.connect(self._typing)
        screen.details.name.textEdited.connect(self._typing)

    def _state_changed(self, old: State, new: State) -> None:
        if new is State.HOTLINE and old is not State.HOTLINE:
            self._load()
        elif old is State.HOTLINE and new is not State.HOTLINE:
            self._visit += 1
            self._category = None
            self._entry = None
            self._draft = None
            self._filing = False
            self._screen.clear()

    def _typing(self) -> None:
        if self._session.state is State.HOTLINE:
            self._session.touch()

    def _load(self) -> None:
        visit = self._visit
        self._tasks.run(
            self._kiosk.hotline.categories,
            lambda view: self._loaded(visit, view),
            lambda error: log.error("hotline categories failed: %s", type(error).__name__),
        )

    def _loaded(self, visit: int, view: CategoryView) -> None:
        if visit != self._visit:
            return
        self._categories = view.categories
        self._screen.show_categories(view.categories)

    def _choose(self, code: str) -> None:
        category = next((c for c in self._categories if c.code == code), None)
        if category is None or self._session.state is not State.HOTLINE:
            return
        self._session.touch()
        self._category = category
        identity = self._session.identity
        self._screen.show_details(category, identity.masked_name() if identity else "")

    def _typed(self, category: HotlineCategory) -> HotlineEntry:
        screen, identity = self._screen, self._session.identity
        return HotlineEntry(
            category=category,
            description=screen.details.description.toPlainText(),
            anonymous=screen.details.anonymous.isChecked(),
            phone=screen.details.phone.text(),
            # With a card the hotline answers the card's holder; the name stays off screen.
            name=identity.name if identity else screen.details.name.text(),
        )

    def _send(self) -> None:
        category = self._category
        if self._filing or category is None or self._session.state is not State.HOTLINE:
            return  # a second tap while the first is on its way
        self._session.touch()
        entry = self._typed(category)
        found = entry_problems(entry)
        if found:
            self._screen.show_problems(found)
            return
        draft = self._draft
        if draft is None or entry != self._entry or draft.language is not self._session.language:
            draft = new_hotline_draft(self._kiosk.hotline.kiosk_id, entry, self._session.language)
            self._entry, self._draft = entry, draft
        desk, visit = self._kiosk.hotline, self._visit
        self._filing = True
        self._screen.show_sending()
        self._tasks.run(
            lambda: desk.file(draft),
            lambda filed: self._filed(visit, filed),
            lambda error: self._not_filed(visit, error),
        )

    def _filed(self, visit: int, filed: HotlineFiled) -> None:
        if visit != self._visit:
            log.info("hotline request %s filed after the citizen left", filed.record.number)
            return
        self._filing = False
        self._entry = self._draft = None  # filed: another request is a new one
        self._session.transaction_completed(
            Transaction(TransactionKind.HOTLINE_REQUEST, filed.record.number)
        )
        self._screen.show_filed(filed.record, filed.printed)

    def _not_filed(self, visit: int, error: Exception) -> None:
        # Offline is no failure (the outbox keeps the request): either the backend refused
        # it, or the outbox could not keep it (a full or failing disk).
        log.warning("hotline request not filed: %s", type(error).__name__)
        if visit != self._visit:
            return
        self._filing = False
        if isinstance(error, HotlineRefused):
            self._entry = self._draft = None  # settled (refused): trying again is a new one
            self._screen.show_not_filed(HotlineFailure.REFUSED)
        else:
            self._screen.show_not_filed(HotlineFailure.NOT_KEPT)

    def _back(self) -> None:
        if self._session.state is State.HOTLINE:
            self._session.fire(Event.BACK)

    def _done(self) -> None:
        if self._session.state is not State.HOTLINE:
            return
        # The rating is offered once per transaction; otherwise "done" ends the visit.
        if not self._session.offer_rating():
            self._session.fire(Event.FINISH)
