"""The session table beyond applying: ratings once per transaction, going on without a card,
resets, taking the card on the progress screen, and each screen's own idle timeout."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.config import load_config
from kiosk.logs import PersonalDataRedactor
from kiosk.session import (
    NO_IDLE_TIMEOUT,
    NO_RESET,
    TRANSITIONS,
    Event,
    InvalidTransition,
    Session,
    State,
    Timeouts,
    Transaction,
    TransactionKind,
)

# The shortest walk from the start to each state, by events (a card where one is needed).
ROUTES: dict[State, tuple[Event, ...]] = {
    State.ATTRACT: (),
    State.IDENTIFY: (Event.TOUCH,),
    State.MENU: (Event.TOUCH, Event.SKIP_CARD),
    State.CATALOG: (Event.CARD_ACCEPTED, Event.APPLY),
    State.FORM: (Event.CARD_ACCEPTED, Event.APPLY, Event.SERVICE_CHOSEN),
    State.REVIEW: (Event.CARD_ACCEPTED, Event.APPLY, Event.SERVICE_CHOSEN, Event.FORM_COMPLETED),
    State.SUBMITTING: (
        Event.CARD_ACCEPTED,
        Event.APPLY,
        Event.SERVICE_CHOSEN,
        Event.FORM_COMPLETED,
        Event.SUBMIT,
    ),
    State.RECEIPT: (
        Event.CARD_ACCEPTED,
        Event.APPLY,
        Event.SERVICE_CHOSEN,
        Event.FORM_COMPLETED,
        Event.SUBMIT,
        Event.SUBMITTED,
    ),
    State.STATUS: (Event.CARD_ACCEPTED, Event.CHECK_PROGRESS),
    State.QUEUE: (Event.CARD_ACCEPTED, Event.TAKE_TICKET),
    State.HOTLINE: (Event.CARD_ACCEPTED, Event.FILE_HOTLINE),
    State.EVALUATE: (Event.CARD_ACCEPTED, Event.TAKE_TICKET, Event.RATE),
    State.ADMIN: (Event.STAFF,),
    State.OUT_OF_SERVICE: (Event.SUSPEND,),
}
TICKET = Transaction(TransactionKind.QUEUE_TICKET, "17")
REQUEST = Transaction(TransactionKind.HOTLINE_REQUEST, "RX20261129000001")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> Session:
    return Session(
        kiosk_id="k1",
        timeouts=Timeouts(
            idle_s=60,
            receipt_s=20,
            per_state={State.FORM: 180, State.HOTLINE: 150, State.EVALUATE: 40},
        ),
        redactor=PersonalDataRedactor(),
        clock=clock,
        today=lambda: date(2026, 11, 29),
    )


def walk_to(session: Session, state: State) -> None:
    """Fire the route's events as the table allows; the card as ``accept_card`` reads it."""
    for event in ROUTES[state]:
        if event is Event.CARD_ACCEPTED:
            assert session.accept_card(DEMO_IDENTITY)
        else:
            session.fire(event)
    assert session.state is state


def test_every_state_has_a_route() -> None:
    assert set(ROUTES) == set(State)


def test_a_transaction_is_offered_for_rating_once(session: Session) -> None:
    walk_to(session, State.QUEUE)
    assert not session.offer_rating(), "nothing completed yet: nothing to rate"
    session.transaction_completed(TICKET)
    assert session.offer_rating() and session.state is State.EVALUATE
    session.rating_given()
    assert session.fire(Event.BACK) is State.MENU  # "something else"

    session.fire(Event.TAKE_TICKET)
    assert not session.offer_rating(), "the same ticket is not rated twice"
    assert session.fire(Event.BACK) is State.MENU, "still on the queue screen"
    session.fire(Event.FILE_HOTLINE)
    session.transaction_completed(REQUEST)
    assert session.offer_rating(), "a new transaction is offered"
    assert session.fire(Event.FINISH) is State.ATTRACT
    assert session.transaction is None


def test_leaving_the_rating_unanswered_offers_it_again(session: Session) -> None:
    walk_to(session, State.HOTLINE)
    session.transaction_completed(REQUEST)
    assert session.offer_rating()
    session.fire(Event.BACK)  # left without answering (no rating_given)
    session.fire(Event.FILE_HOTLINE)
    assert session.offer_rating()


def test_the_rating_is_offered_only_where_a_transaction_ends(session: Session) -> None:
    walk_to(session, State.MENU)
    session.transaction_completed(TICKET)
    assert not session.offer_rating() and session.state is State.MENU
    offered_from = {state for (state, event) in TRANSITIONS if event is Event.RATE}
    assert offered_from == {State.RECEIPT, State.QUEUE, State.HOTLINE}


def test_without_a_card_applying_asks_for_it(session: Session) -> None:
    walk_to(session, State.MENU)
    assert session.identity is None
    # The last citizen's card, left in the reader, is taken: this session was not its own.
    assert not session.card_removed() and session.state is State.MENU
    assert session.fire(Event.NEED_CARD) is State.IDENTIFY
    assert session.accept_card(DEMO_IDENTITY)
    assert session.state is State.MENU and session.identity == DEMO_IDENTITY
    session.fire(Event.APPLY)
    assert session.state is State.CATALOG


def test_a_card_inserted_after_skipping_it_is_taken_on_the_menu(session: Session) -> None:
    walk_to(session, State.MENU)
    assert session.accept_card(DEMO_IDENTITY)
    assert session.state is State.MENU and session.identity is DEMO_IDENTITY


def test_skipping_the_card_leads_to_the_menu_without_anyone(session: Session) -> None:
    walk_to(session, State.IDENTIFY)
    session.fire(Event.SKIP_CARD)
    assert session.state is State.MENU and session.identity is None
    assert not session.can(Event.SKIP_CARD)


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_reset_wipes_from_every_state_but_submitting_and_out_of_service(
    session: Session, state: State
) -> None:
    walk_to(session, state)
    if state in NO_RESET:
        assert not session.can(Event.RESET)
        with pytest.raises(InvalidTransition):
            session.fire(Event.RESET)
        assert session.state is state
        return
    session.fire(Event.RESET)
    assert session.state is State.ATTRACT
    assert session.identity is None and session.transaction is None
    assert {State.SUBMITTING, State.OUT_OF_SERVICE} == NO_RESET


def test_taking_the_card_on_the_progress_screen_ends_the_session(session: Session) -> None:
    walk_to(session, State.STATUS)
    assert session.card_removed()
    assert session.state is State.ATTRACT and session.identity is None


@pytest.mark.parametrize("state", [State.RECEIPT, State.EVALUATE, State.QUEUE, State.HOTLINE])
def test_taking_the_card_after_the_business_is_done_keeps_the_screen(
    session: Session, state: State
) -> None:
    walk_to(session, state)
    assert session.identity is DEMO_IDENTITY
    assert not session.card_removed()
    assert session.state is state


def test_each_screen_has_its_own_timeout(session: Session, clock: FakeClock) -> None:
    expected = {State.FORM: 180, State.HOTLINE: 150, State.EVALUATE: 40, State.RECEIPT: 20}
    for state in State:
        walk_to(session, state)
        if state in NO_IDLE_TIMEOUT:
            assert session.seconds_left() is None
        else:
            assert session.seconds_left() == expected.get(state, 60), state
        if session.can(Event.RESET):
            session.fire(Event.RESET)
        else:
            session = _fresh(clock)


def _fresh(clock: FakeClock) -> Session:
    return Session(
        kiosk_id="k1",
        timeouts=Timeouts(
            idle_s=60,
            receipt_s=20,
            per_state={State.FORM: 180, State.HOTLINE: 150, State.EVALUATE: 40},
        ),
        redactor=PersonalDataRedactor(),
        clock=clock,
    )


def test_care_mode_multiplies_a_screens_own_timeout(session: Session, clock: FakeClock) -> None:
    walk_to(session, State.FORM)
    session.set_care_mode(True)
    assert session.seconds_left() == 360
    clock.now += 359
    assert not session.tick()
    clock.now += 1
    assert session.tick() and session.state is State.ATTRACT


def test_the_rating_screen_times_out_and_forgets_the_transaction(
    session: Session, clock: FakeClock
) -> None:
    walk_to(session, State.EVALUATE)
    clock.now += 39.9
    assert not session.tick()
    clock.now += 0.1
    assert session.tick() and session.state is State.ATTRACT
    assert session.transaction is None and session.rated == set()


def test_the_timeouts_come_from_the_session_settings() -> None:
    settings = load_config(
        None,
        environ={"KIOSK_SESSION_FORM_TIMEOUT_S": "240"},
        defaults={"session": {"idle_timeout_s": 45, "evaluate_timeout_s": 30}},
    ).session
    timeouts = Timeouts.from_settings(settings)
    assert timeouts.for_state(State.FORM) == 240
    assert timeouts.for_state(State.EVALUATE) == 30
    assert timeouts.for_state(State.HOTLINE) == 180  # its default
    assert timeouts.for_state(State.MENU) == 45
    assert timeouts.for_state(State.RECEIPT) == settings.receipt_timeout_s
    assert timeouts.for_state(State.SUBMITTING) is None
