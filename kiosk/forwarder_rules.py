"""How the forwarder reads a failure: refused for good, "not now" for this item, or the
backend (or this kiosk) out of step as a whole. ``kiosk outbox import`` judges by the same rules.

Descriptions kept in the outbox and logs carry an error's class, status and title only.
"""

from __future__ import annotations

from kiosk.api import BackendError, BackendRejected, BackendTimedOut, BackendUnreachable
from kiosk.forwarder_order import NOT_YET_KNOWN

# 4xx answers that say "not now" rather than "never".
RETRYABLE_CLIENT_ERRORS = frozenset({408, 409, 425, 429})
# Conflicts that sending again cannot change (server/openapi.json problem types): the
# transaction was rated already; another filing holds this provisional reference.
SETTLED_CONFLICTS = frozenset({"already-evaluated", "provisional-ref-taken"})
# Answers about the backend or this kiosk as a whole, not about one item: stop the round.
BACKEND_WIDE_ERRORS = frozenset({401, 403, 429, 502, 503, 504})


def describe(error: BaseException) -> str:
    """An error as kept in the outbox and logs: its class, and a rejection's status and title
    (never a detail, which might quote what was sent)."""
    if isinstance(error, BackendRejected):
        return f"{type(error).__name__} {error.status} {error.title}"[:160]
    return type(error).__name__


def is_permanent(error: BackendError) -> bool:
    """Whether the backend refused for good (the item will never be accepted as it is)."""
    if not isinstance(error, BackendRejected) or not 400 <= error.status < 500:
        return False
    if error.problem_type in SETTLED_CONFLICTS:
        return True
    if error.problem_type == NOT_YET_KNOWN:  # it may be filed yet: the forwarder's outbox knows
        return False
    return error.status not in RETRYABLE_CLIENT_ERRORS | BACKEND_WIDE_ERRORS


def is_backend_wide(error: BackendError) -> bool:
    """Whether the failure is the backend's or this kiosk's as a whole, not one item's."""
    if isinstance(error, BackendUnreachable | BackendTimedOut):
        return True
    return isinstance(error, BackendRejected) and error.status in BACKEND_WIDE_ERRORS


def reached_backend(error: BackendError) -> bool:
    """Whether the failure shows that the backend itself answered."""
    if isinstance(error, BackendUnreachable | BackendTimedOut):
        return False
    # A gateway answering for a backend it cannot reach is no contact with the backend.
    return not (isinstance(error, BackendRejected) and error.status in {502, 503, 504})
