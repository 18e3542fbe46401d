"""Queue rules: the ticket state table, ticket numbers and the wait estimate."""

from __future__ import annotations

import datetime as dt

import pytest

from server.queue_rules import (
    DEFAULT_MINUTES_PER_PERSON,
    TRANSITIONS,
    TicketStatus,
    average_minutes,
    can_move,
    estimate_wait_minutes,
    service_minutes,
    ticket_number,
)

WAITING, CALLED, SERVED, ABSENT = TicketStatus


def test_a_ticket_is_called_then_served_or_absent() -> None:
    assert can_move(WAITING, CALLED)
    assert can_move(CALLED, SERVED)
    assert can_move(CALLED, ABSENT)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (WAITING, SERVED),
        (WAITING, ABSENT),
        (WAITING, WAITING),
        (CALLED, WAITING),
        (CALLED, CALLED),
        (SERVED, ABSENT),
        (SERVED, CALLED),
        (ABSENT, SERVED),
        (ABSENT, WAITING),
    ],
)
def test_forbidden_moves(current: TicketStatus, target: TicketStatus) -> None:
    assert not can_move(current, target)


def test_every_state_is_in_the_table_and_served_and_absent_are_final() -> None:
    assert set(TRANSITIONS) == set(TicketStatus)
    assert TRANSITIONS[SERVED] == TRANSITIONS[ABSENT] == frozenset()


def test_ticket_numbers_have_three_digits_at_least() -> None:
    assert ticket_number("A", 1) == "A001"
    assert ticket_number("A", 23) == "A023"
    assert ticket_number("E", 999) == "E999"
    assert ticket_number("E", 1000) == "E1000"


def test_without_history_each_person_takes_the_default() -> None:
    assert DEFAULT_MINUTES_PER_PERSON == 5
    assert estimate_wait_minutes(3, [], 1) == 15


def test_nobody_ahead_means_no_wait() -> None:
    assert estimate_wait_minutes(0, [], 0) == 0
    assert estimate_wait_minutes(0, [12.0, 30.0], 3) == 0


def test_median_of_recent_services_times_people_ahead() -> None:
    assert estimate_wait_minutes(4, [2.0, 3.0, 100.0], 1) == 12


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    assert estimate_wait_minutes(1, [2.0, 4.0, 6.0, 60.0], 1) == 5


def test_open_counters_share_the_queue() -> None:
    assert estimate_wait_minutes(6, [4.0], 3) == 8
    assert estimate_wait_minutes(6, [4.0], 2) == 12


def test_no_open_counter_counts_as_one() -> None:
    assert estimate_wait_minutes(2, [4.0], 0) == 8


def test_partial_minutes_round_up_so_a_wait_is_never_zero() -> None:
    assert estimate_wait_minutes(1, [0.25], 4) == 1
    assert estimate_wait_minutes(5, [3.0], 2) == 8


def test_float_noise_does_not_add_a_minute() -> None:
    assert estimate_wait_minutes(25, [2.2], 1) == 55


def test_service_minutes_are_never_negative() -> None:
    called = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    assert service_minutes(called, called + dt.timedelta(minutes=4, seconds=30)) == 4.5
    assert service_minutes(called, called - dt.timedelta(minutes=1)) == 0


def test_average_minutes() -> None:
    assert average_minutes([]) is None
    assert average_minutes([3.0, 4.0, 4.0]) == 3.7
