"""The lifecycle of an application, as data: its states, the allowed steps, and lateness.

Pure (no database, no clock), so the rules are tested without HTTP and the same table drives
the staff route, the 409 answer listing the allowed next states, and the staff view.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class ApplicationState(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    COMPLETED = "completed"


INITIAL_STATE = ApplicationState.SUBMITTED

TRANSITIONS: dict[ApplicationState, frozenset[ApplicationState]] = {
    ApplicationState.SUBMITTED: frozenset({ApplicationState.ACCEPTED}),
    ApplicationState.ACCEPTED: frozenset({ApplicationState.IN_REVIEW}),
    ApplicationState.IN_REVIEW: frozenset({ApplicationState.APPROVED, ApplicationState.REJECTED}),
    # Approved and rejected applications both end with completion (certificate or decision
    # letter handed over); completed is final.
    ApplicationState.APPROVED: frozenset({ApplicationState.COMPLETED}),
    ApplicationState.REJECTED: frozenset({ApplicationState.COMPLETED}),
    ApplicationState.COMPLETED: frozenset(),
}

# Reaching one of these keeps or breaks the promise: the decision date is set then.
DECISIONS = frozenset({ApplicationState.APPROVED, ApplicationState.REJECTED})
# States in which the application has been decided (the decision may already be handed over).
DECIDED = DECISIONS | {ApplicationState.COMPLETED}


def allowed_next(state: ApplicationState) -> list[ApplicationState]:
    """The states ``state`` may move to, in lifecycle order (stable for messages and views)."""
    order = list(ApplicationState)
    return sorted(TRANSITIONS[state], key=order.index)


def may_move(current: ApplicationState, target: ApplicationState) -> bool:
    return target in TRANSITIONS[current]


def forbidden_transition_detail(current: ApplicationState, target: ApplicationState) -> str:
    allowed = allowed_next(current)
    if not allowed:
        return f"The application is {current.value}, which is final; it cannot become {target}."
    listed = ", ".join(state.value for state in allowed)
    return (
        f"An application that is {current.value} cannot become {target.value}; "
        f"allowed next: {listed}."
    )


def is_overdue(promised_by: dt.date, decided_on: dt.date | None, today: dt.date) -> bool:
    """Late: still undecided after the promised day, or decided after it (all hall dates)."""
    if decided_on is None:
        return today > promised_by
    return decided_on > promised_by
