"""A rating goes after the filing it rates: the one order the forwarder keeps between items.

A citizen who filed an application or a hotline request while the kiosk was offline rates it by
the provisional reference on the receipt or ticket. The backend knows that reference only once
the filing has arrived; a rating that got there first would be refused as "not found" and lost.
So the forwarder holds a rating back while the filing it rates still waits in this outbox, sends
it once the filing is through, and sets it aside (without sending it) when the backend refused
the filing for good: what it rates will never exist there.

Only references and kinds reach the logs and the outbox's notes, never the payload.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from kiosk.outbox import Outbox, OutboxError, OutboxItem, OutboxKind, OutboxState

log = logging.getLogger(__name__)

# The backend's answer to a rating of a provisional reference nothing has been filed under yet
# (server/openapi.json). Sent only after its filing, a rating that still gets it will not be
# known later either: this kiosk has nothing left to send under that reference.
NOT_YET_KNOWN = "transaction-not-yet-known"
# A held rating looks again at least this often (its filing may go through in between).
RECHECK_MIN_S = 1.0
_RATED_KINDS = {"application": OutboxKind.APPLICATION, "hotline_request": OutboxKind.HOTLINE}


def rated_filing(outbox: Outbox, item: OutboxItem, payload: Mapping[str, Any]) -> OutboxItem | None:
    """The application or hotline request in ``outbox`` that the rating ``item`` rates (by its
    provisional reference or its official number); None for any other item, and for a rating
    of something this outbox does not hold (a queue ticket, a filing made elsewhere)."""
    if item.kind is not OutboxKind.EVALUATION:
        return None
    kind = _RATED_KINDS.get(str(payload.get("transaction_kind")))
    reference = payload.get("transaction_ref")
    if kind is None or not isinstance(reference, str) or not reference:
        return None
    filing = outbox.find(reference)
    return filing if filing is not None and filing.kind is kind else None


def waiting_filing(outbox: Outbox, item_id: int) -> OutboxItem | None:
    """The filing a pending rating must wait for (still pending itself); None otherwise."""
    try:
        item = outbox.get(item_id)
        if item.kind is not OutboxKind.EVALUATION or item.state is not OutboxState.PENDING:
            return None
        filing = rated_filing(outbox, item, outbox.payload(item_id))
    except OutboxError:  # settled meanwhile, or unreadable: the attempt itself deals with it
        return None
    return filing if filing is not None and filing.state is OutboxState.PENDING else None


def hold_behind(
    outbox: Outbox, rating: OutboxItem, filing: OutboxItem, *, now: float, recheck_s: float
) -> OutboxState:
    """Deal with a rating whose ``filing`` has not gone through: hold it back while the filing
    waits (looking again within ``recheck_s``), or set it aside when the backend refused the
    filing for good. The rating's state afterwards."""
    what = f"{filing.kind.value} {filing.provisional_ref}"
    if filing.state is OutboxState.REJECTED:
        outbox.mark_rejected(rating.id, f"not sent: the {what} it rates was refused")
        log.warning(
            "outbox evaluation %s set aside unsent: the backend refused the %s it rates, "
            "so it cannot take this rating either",
            rating.provisional_ref,
            what,
        )
        return OutboxState.REJECTED
    reason = f"waits for the {what} it rates"
    until = max(now + RECHECK_MIN_S, min(filing.next_attempt_at, now + recheck_s))
    outbox.hold_back(rating.id, until, reason)
    # Said once when the wait begins; each later look is only worth a debug line.
    level = logging.DEBUG if rating.last_error == reason else logging.INFO
    log.log(level, "outbox evaluation %s %s", rating.provisional_ref, reason)
    return OutboxState.PENDING
