"""The journey for taking a queue number: the screen, the session and the ticket desk wired up.

Network and printer work runs on the worker threads; an answer that arrives after the citizen
left the screen (back, timeout, reset) is dropped, though the ticket it printed stands.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kiosk.api import BackendRejected
from kiosk.app import Kiosk
from kiosk.session import Event, State, Transaction, TransactionKind
from kiosk.tickets import QueueCategory, TakenTicket, TicketRequest
from ui.screens.queue import QueueScreen, QueueTrouble
from ui.worker import BackgroundTasks

log = logging.getLogger(__name__)


class QueueJourney(QObject):
    def __init__(self, screen: QueueScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
        # Bumped whenever the citizen leaves the screen: late answers of an earlier visit are
        # recognised by it and dropped.
        self._visit = 0
        self._chosen = ""
        self._request: TicketRequest | None = None  # kept across retries: one key, one ticket
        self._taking = False
        self._session.subscribe(self._state_changed)
        screen.category_chosen.connect(self._choose)
        screen.take_requested.connect(self._take)
        screen.retry_requested.connect(self._load)
        screen.back_requested.connect(self._back)
        screen.done_requested.connect(self._done)

    def _state_changed(self, old: State, new: State) -> None:
        if new is State.QUEUE and old is not State.QUEUE:
            self._load()
        elif old is State.QUEUE and new is not State.QUEUE:
            self._visit += 1
            self._chosen = ""
            self._request = None
            self._taking = False
            self._screen.clear()

    def _load(self) -> None:
        if self._session.state is not State.QUEUE:
            return
        visit = self._visit
        self._screen.show_loading()
        self._tasks.run(
            self._kiosk.tickets.categories,
            lambda categories: self._loaded(visit, categories),
            lambda error: self._not_loaded(visit, error),
        )

    def _loaded(self, visit: int, categories: tuple[QueueCategory, ...]) -> None:
        if visit == self._visit:
            self._screen.show_categories(categories)

    def _not_loaded(self, visit: int, error: Exception) -> None:
        log.warning("queue categories not loaded: %s", type(error).__name__)
        if visit == self._visit:
            self._screen.show_trouble(QueueTrouble.UNREACHABLE)

    def _choose(self, code: str) -> None:
        self._session.touch()
        if code != self._chosen:
            self._chosen = code
            self._request = None

    def _take(self) -> None:
        if self._taking or not self._chosen or self._session.state is not State.QUEUE:
            return  # a second tap while the first is on its way
        if self._request is None or self._request.language is not self._session.language:
            self._request = TicketRequest(self._chosen, self._session.language)
        request, desk, visit = self._request, self._kiosk.tickets, self._visit
        self._taking = True
        self._screen.show_taking()
        self._tasks.run(
            lambda: desk.take(request),
            lambda taken: self._taken(visit, taken),
            lambda error: self._not_taken(visit, error),
        )

    def _taken(self, visit: int, taken: TakenTicket) -> None:
        if visit != self._visit:
            log.info("queue ticket %s taken after the citizen left", taken.ticket.number)
            return
        self._taking = False
        self._request = None  # the next tap is a new ticket
        # A rating of a ticket names it by the backend's id (the number restarts each day).
        self._session.transaction_completed(
            Transaction(TransactionKind.QUEUE_TICKET, str(taken.ticket.id))
        )
        self._screen.show_ticket(taken.ticket, taken.printed)

    def _not_taken(self, visit: int, error: Exception) -> None:
        log.warning("queue ticket not taken: %s", type(error).__name__)
        if visit != self._visit:
            return
        self._taking = False
        if isinstance(error, BackendRejected) and error.status == 404:
            self._chosen = ""
            self._request = None
            self._screen.show_trouble(QueueTrouble.CATEGORY_GONE)
            return
        if isinstance(error, BackendRejected) and 400 <= error.status < 500:
            self._request = None  # refused for good: another try is another request
        self._screen.show_trouble(QueueTrouble.UNREACHABLE)

    def _back(self) -> None:
        if self._session.state is State.QUEUE:
            self._session.fire(Event.BACK)

    def _done(self) -> None:
        if self._session.state is not State.QUEUE:
            return
        # The rating is offered once per transaction; otherwise "done" ends the visit.
        if not self._session.offer_rating():
            self._session.fire(Event.FINISH)
