"""The journey for rating the transaction just completed, once.

The session reaches the rating screen through ``offer_rating()`` after a transaction (the
receipt's "finish", a queue ticket, a hotline request). The rating goes through the outbox
(kiosk/ratings.py); sending or declining marks the transaction rated, so it is never offered
again. Answers that arrive after the citizen left (a timeout) change nothing on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kiosk.app import Kiosk
from kiosk.ratings import IndicatorCatalog, Rater, Rating, RatingOutcome
from kiosk.session import Event, State
from ui.screens.evaluate import EvaluateScreen, RatingChoice
from ui.worker import BackgroundTasks

log = logging.getLogger(__name__)


class EvaluateJourney(QObject):
    def __init__(self, screen: EvaluateScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
        # Each visit to the rating screen has its number: late answers of an earlier visit
        # (the citizen timed out while a rating was on its way) are recognised and dropped.
        self._visit = 0
        self._sending = False
        screen.submit_requested.connect(self._submit)
        screen.declined.connect(self._decline)
        screen.finish_requested.connect(lambda: self._leave(Event.FINISH))
        screen.more_requested.connect(lambda: self._leave(Event.BACK))
        self._session.subscribe(self._state_changed)

    def _state_changed(self, old: State, new: State) -> None:
        if new is State.EVALUATE and old is not State.EVALUATE:
            self._visit += 1
            self._sending = False
            transaction = self._session.transaction
            self._screen.start(transaction.kind if transaction else None)
            visit = self._visit
            self._tasks.run(
                self._kiosk.ratings.indicators,
                lambda catalog: self._indicators_loaded(visit, catalog),
                lambda error: self._indicators_failed(visit, error),
            )
        elif old is State.EVALUATE and new is not State.EVALUATE:
            self._visit += 1
            self._sending = False

    def _current(self, visit: int) -> bool:
        return visit == self._visit and self._session.state is State.EVALUATE

    def _indicators_loaded(self, visit: int, catalog: IndicatorCatalog) -> None:
        if self._current(visit):
            self._screen.show_indicators(catalog)

    def _indicators_failed(self, visit: int, error: Exception) -> None:
        log.warning("rating indicators not available: %s", type(error).__name__)
        if self._current(visit):
            self._screen.show_indicators(None)

    def _submit(self, choice: RatingChoice) -> None:
        session = self._session
        transaction = session.transaction
        if self._sending or session.state is not State.EVALUATE or transaction is None:
            return  # a second tap while the first is on its way
        identity = session.identity
        rating = Rating(
            transaction=transaction,
            level=choice.level,
            indicators=choice.indicators,
            comment=choice.comment,
            rater=Rater(identity.kind.value, identity.id_number) if identity else None,
        )
        self._sending = True
        session.touch()
        self._screen.show_sending()
        visit, desk = self._visit, self._kiosk.ratings
        self._tasks.run(
            lambda: desk.submit(rating),
            lambda outcome: self._submitted(visit, outcome),
            lambda error: self._not_submitted(visit, error),
        )

    def _submitted(self, visit: int, outcome: RatingOutcome) -> None:
        if not self._current(visit):
            return
        self._sending = False
        self._session.rating_given()
        self._session.touch()
        self._screen.show_done(outcome)

    def _not_submitted(self, visit: int, error: Exception) -> None:
        # Not kept (OutboxError: a full or failing disk): nothing was filed; try again.
        log.warning("rating not kept: %s", type(error).__name__)
        if not self._current(visit):
            return
        self._sending = False
        self._session.touch()
        self._screen.show_not_kept()

    def _decline(self) -> None:
        if self._session.state is not State.EVALUATE or self._sending:
            return
        self._session.rating_given()  # "no thanks" is an answer: not offered again
        self._screen.show_done(None)

    def _leave(self, event: Event) -> None:
        if self._session.state is State.EVALUATE and not self._sending:
            self._session.fire(event)
