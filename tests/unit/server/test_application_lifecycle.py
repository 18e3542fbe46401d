"""The application lifecycle table and the overdue rule, without a server."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from server.application_staff import mask_id_number
from server.lifecycle import (
    DECIDED,
    DECISIONS,
    INITIAL_STATE,
    TRANSITIONS,
    ApplicationState,
    allowed_next,
    forbidden_transition_detail,
    is_overdue,
    may_move,
)

S = ApplicationState
EXPECTED_STEPS = {
    (S.SUBMITTED, S.ACCEPTED),
    (S.ACCEPTED, S.IN_REVIEW),
    (S.IN_REVIEW, S.APPROVED),
    (S.IN_REVIEW, S.REJECTED),
    (S.APPROVED, S.COMPLETED),
    (S.REJECTED, S.COMPLETED),
}
PROMISED = dt.date(2026, 12, 4)


def test_the_table_has_every_state_and_exactly_the_lifecycle_steps() -> None:
    assert set(TRANSITIONS) == set(ApplicationState)
    steps = {(start, end) for start, ends in TRANSITIONS.items() for end in ends}
    assert steps == EXPECTED_STEPS


@pytest.mark.parametrize(("start", "end"), list(itertools.product(S, S)))
def test_may_move_follows_the_table(start: ApplicationState, end: ApplicationState) -> None:
    assert may_move(start, end) == ((start, end) in EXPECTED_STEPS)


def test_every_state_is_reachable_from_submitted_and_completed_is_the_only_end() -> None:
    reached = {INITIAL_STATE}
    frontier = [INITIAL_STATE]
    while frontier:
        for following in TRANSITIONS[frontier.pop()]:
            if following not in reached:
                reached.add(following)
                frontier.append(following)
    assert reached == set(ApplicationState)
    assert [state for state, ends in TRANSITIONS.items() if not ends] == [S.COMPLETED]


def test_no_step_goes_back_or_stays() -> None:
    order = list(ApplicationState)
    for start, end in EXPECTED_STEPS:
        assert order.index(end) > order.index(start)


def test_decisions_and_decided_states() -> None:
    assert {S.APPROVED, S.REJECTED} == DECISIONS
    assert {S.APPROVED, S.REJECTED, S.COMPLETED} == DECIDED


def test_allowed_next_is_in_lifecycle_order() -> None:
    assert allowed_next(S.IN_REVIEW) == [S.APPROVED, S.REJECTED]
    assert allowed_next(S.COMPLETED) == []


def test_the_refusal_names_the_allowed_next_states() -> None:
    detail = forbidden_transition_detail(S.IN_REVIEW, S.COMPLETED)
    assert "in_review" in detail and "approved, rejected" in detail
    assert "final" in forbidden_transition_detail(S.COMPLETED, S.ACCEPTED)


@pytest.mark.parametrize(
    ("decided_on", "today", "overdue"),
    [
        (None, PROMISED, False),  # the promised day itself is still in time
        (None, PROMISED + dt.timedelta(days=1), True),
        (PROMISED, PROMISED + dt.timedelta(days=30), False),  # decided in time stays in time
        (PROMISED - dt.timedelta(days=3), PROMISED + dt.timedelta(days=1), False),
        (PROMISED + dt.timedelta(days=1), PROMISED + dt.timedelta(days=1), True),
        (PROMISED + dt.timedelta(days=1), PROMISED - dt.timedelta(days=5), True),
    ],
)
def test_overdue(decided_on: dt.date | None, today: dt.date, overdue: bool) -> None:
    assert is_overdue(PROMISED, decided_on, today) is overdue


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("11010519491231002X", "1101**********002X"),
        ("A123456789", "A1******89"),
        ("12345", "*****"),
    ],
)
def test_id_numbers_in_staff_views_are_masked(number: str, masked: str) -> None:
    assert mask_id_number(number) == masked
