"""The navigation table and the session's data, without any GUI."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.api import ApplicationRecord
from kiosk.catalog import FieldKind, FieldProblem, FormField, Service
from kiosk.logs import PersonalDataRedactor
from kiosk.session import (
    NO_IDLE_TIMEOUT,
    TRANSITIONS,
    CardRefusal,
    Event,
    InvalidTransition,
    PrintOutcome,
    Session,
    State,
    SubmitFailure,
    Timeouts,
)

SERVICE = Service(
    code="TEST-1",
    name={"zh-Hant": "測試", "zh-Hans": "测试", "en": "Test"},
    department={"en": "Test office"},
    category="approval",
    theme="civil",
    legal_days=10,
    promised_days=3,
    materials=(),
    fields=(
        FormField("phone", FieldKind.PHONE, {"en": "Phone"}),
        FormField("note", FieldKind.TEXT, {"en": "Note"}, required=False, max_length=5),
    ),
)
RECORD = ApplicationRecord(
    number="OS20261129000001",
    service_code="TEST-1",
    status="submitted",
    submitted_at=datetime(2026, 11, 29, 9, 0, tzinfo=UTC),
    promised_by=date(2026, 12, 2),
    status_url="http://127.0.0.1/v1/applications/OS20261129000001",
)


class FakeClock:
    """Time the test moves by hand (the session takes its clock as a parameter)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def redactor() -> PersonalDataRedactor:
    return PersonalDataRedactor()


@pytest.fixture
def session(clock: FakeClock, redactor: PersonalDataRedactor) -> Session:
    return Session(
        kiosk_id="k1",
        timeouts=Timeouts(idle_s=60, receipt_s=20),
        redactor=redactor,
        clock=clock,
        today=lambda: date(2026, 11, 29),
    )


def walk_to_review(session: Session) -> None:
    session.fire(Event.TOUCH)
    assert session.accept_card(DEMO_IDENTITY)
    session.fire(Event.APPLY)
    session.choose_service(SERVICE)
    assert session.complete_form({"phone": "13800138000", "note": ""})


def test_the_whole_slice_in_order(session: Session) -> None:
    seen: list[tuple[State, State]] = []
    session.subscribe(lambda old, new: seen.append((old, new)))
    walk_to_review(session)
    draft = session.begin_submit()
    session.submission_succeeded(RECORD, PrintOutcome.PRINTED)
    session.fire(Event.FINISH)
    assert [new for _, new in seen] == [
        State.IDENTIFY,
        State.MENU,
        State.CATALOG,
        State.FORM,
        State.REVIEW,
        State.SUBMITTING,
        State.RECEIPT,
        State.ATTRACT,
    ]
    assert draft.body()["applicant"]["id_number"] == DEMO_IDENTITY.id_number


def test_transitions_not_in_the_table_are_refused(session: Session) -> None:
    with pytest.raises(InvalidTransition):
        session.fire(Event.SUBMIT)
    assert session.state is State.ATTRACT


def test_every_state_but_the_exempt_ones_times_out_to_attract() -> None:
    timed = {state for (state, event) in TRANSITIONS if event is Event.TIMEOUT}
    assert timed == set(State) - NO_IDLE_TIMEOUT
    assert all(TRANSITIONS[(state, Event.TIMEOUT)] is State.ATTRACT for state in timed)


def test_idle_timeout_wipes_personal_data(
    session: Session, clock: FakeClock, redactor: PersonalDataRedactor
) -> None:
    walk_to_review(session)
    assert redactor.redact(DEMO_IDENTITY.name) != DEMO_IDENTITY.name
    clock.now += 59
    assert not session.tick()
    assert session.seconds_left() == pytest.approx(1)
    clock.now += 1.5
    assert session.tick()
    assert session.state is State.ATTRACT
    assert session.identity is None
    assert session.form_values == {}
    assert session.service is None and session.draft is None
    # The redactor forgot the citizen too (pattern masking of ID numbers stays).
    assert redactor.redact(DEMO_IDENTITY.name) == DEMO_IDENTITY.name


def test_touch_restarts_the_countdown(session: Session, clock: FakeClock) -> None:
    session.fire(Event.TOUCH)
    clock.now += 50
    session.touch()
    clock.now += 50
    assert not session.tick()
    assert session.state is State.IDENTIFY


def test_receipt_has_its_own_shorter_timeout(session: Session, clock: FakeClock) -> None:
    walk_to_review(session)
    session.begin_submit()
    clock.now += 3600
    assert not session.tick(), "submitting never times out: the answer is awaited"
    session.submission_succeeded(RECORD, PrintOutcome.PRINTED)
    clock.now += 21
    assert session.tick()
    assert session.record is None


def test_form_problems_keep_the_citizen_on_the_form(session: Session) -> None:
    session.fire(Event.TOUCH)
    session.accept_card(DEMO_IDENTITY)
    session.fire(Event.APPLY)
    session.choose_service(SERVICE)
    assert not session.complete_form({"phone": "12", "note": "too long"})
    assert session.state is State.FORM
    assert session.form_problems == {
        "phone": FieldProblem.NOT_A_PHONE,
        "note": FieldProblem.TOO_LONG,
    }


def test_expired_card_is_refused(session: Session) -> None:
    expired = replace(DEMO_IDENTITY, valid_until=date(2026, 11, 28))
    assert not session.accept_card(expired)
    assert session.state is State.IDENTIFY
    assert session.card_refusal is CardRefusal.EXPIRED
    assert session.identity is None


def test_retry_after_failure_repeats_the_idempotency_key(session: Session) -> None:
    walk_to_review(session)
    first = session.begin_submit()
    session.submission_failed(SubmitFailure.NOT_KEPT)
    assert session.state is State.REVIEW
    second = session.begin_submit()
    assert second.idempotency_key == first.idempotency_key


def test_after_a_refusal_trying_again_is_a_new_filing(session: Session) -> None:
    walk_to_review(session)
    first = session.begin_submit()
    session.submission_failed(SubmitFailure.REJECTED)
    second = session.begin_submit()
    assert second.idempotency_key != first.idempotency_key
    assert second.provisional_ref != first.provisional_ref


def test_a_changed_form_is_a_new_application(session: Session) -> None:
    walk_to_review(session)
    first = session.begin_submit()
    session.submission_failed(SubmitFailure.NOT_KEPT)
    session.fire(Event.EDIT)
    session.complete_form({"phone": "13900139000"})
    assert session.begin_submit().idempotency_key != first.idempotency_key


def test_draft_repr_shows_no_personal_data(session: Session) -> None:
    walk_to_review(session)
    text = repr(session.begin_submit())
    assert DEMO_IDENTITY.id_number not in text and DEMO_IDENTITY.name not in text


def test_an_unreadable_card_is_explained_then_a_good_one_accepted(session: Session) -> None:
    session.card_unreadable()
    assert session.state is State.IDENTIFY
    assert session.card_refusal is CardRefusal.UNREADABLE
    assert session.accept_card(DEMO_IDENTITY)
    assert session.card_refusal is None and session.state is State.MENU
    session.card_unreadable()  # a reader error mid-session changes nothing
    assert session.state is State.MENU


def test_after_a_filing_the_next_application_is_a_new_one(session: Session) -> None:
    walk_to_review(session)
    first = session.begin_submit()
    session.submission_succeeded(RECORD, PrintOutcome.PRINTED)
    assert session.draft is None and session.form_values == {}
    session.fire(Event.APPLY)  # "apply for another service": the same one again
    session.choose_service(SERVICE)
    assert session.complete_form({"phone": "13800138000", "note": ""})
    assert session.begin_submit().idempotency_key != first.idempotency_key


@pytest.mark.parametrize("where", ["menu", "form", "review"])
def test_taking_the_card_mid_session_ends_it(session: Session, where: str) -> None:
    session.fire(Event.TOUCH)
    session.accept_card(DEMO_IDENTITY)
    if where != "menu":
        session.fire(Event.APPLY)
        session.choose_service(SERVICE)
    if where == "review":
        session.complete_form({"phone": "13800138000"})
    assert session.card_removed()
    assert session.state is State.ATTRACT and session.identity is None


def test_taking_the_card_while_submitting_or_on_the_receipt_is_expected(session: Session) -> None:
    walk_to_review(session)
    session.begin_submit()
    assert not session.card_removed()
    session.submission_succeeded(RECORD, PrintOutcome.PRINTED)
    assert not session.card_removed()
    assert session.state is State.RECEIPT


def test_suspend_waits_for_the_start_screen_and_resume_clears_the_message() -> None:
    session = Session(
        kiosk_id="k", timeouts=Timeouts(idle_s=60, receipt_s=30), redactor=PersonalDataRedactor()
    )
    session.fire(Event.TOUCH)
    assert not session.suspend("Printer repair")
    assert session.state is State.IDENTIFY
    session.fire(Event.BACK)
    assert session.suspend("Printer repair")
    assert session.state is State.OUT_OF_SERVICE
    assert session.out_of_service_message == "Printer repair"
    assert session.resume()
    assert session.state is State.ATTRACT
    assert session.out_of_service_message == ""
