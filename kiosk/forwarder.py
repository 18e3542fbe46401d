"""The forwarder: sends what waits in the outbox to the backend, oldest first, exactly once.

It runs on its own daemon thread and never on the Qt thread. Each item goes with its own
idempotency key, so a repeat after a lost answer, a restart or a second process (``kiosk outbox
flush`` beside a running kiosk) files nothing twice. In one process an in-flight guard keeps any
item from being sent by two threads at once all the same.

What a failure means:

- the backend refused the item for good (a 4xx other than 401/403/408/409/425/429): the item
  is marked rejected and its payload wiped; the next item goes on;
- the backend is out of reach or says it is overloaded or misconfigured for this kiosk (no
  connection, a time-out, 401, 403, 429, 502, 503, 504): the round stops and nothing is sent
  until the failed item's backoff has passed, so later items stay behind it, in order;
- anything else (a 500, a 409, an answer that breaks the contract): that item backs off on its
  own and the round goes on, so one poisoned item cannot hold up the rest.

One order holds between items beyond "oldest first": a rating never goes before the application
or hotline request it rates (kiosk/forwarder_order.py).

Logs name the kind, the provisional reference, the attempt and the error's class, never payloads.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from kiosk.api import (
    BackendAnswerInvalid,
    BackendClient,
    BackendError,
    BackendRejected,
)
from kiosk.forwarder_order import NOT_YET_KNOWN, hold_behind, rated_filing, waiting_filing
from kiosk.forwarder_rules import describe, is_backend_wide, is_permanent, reached_backend
from kiosk.outbox import (
    Outbox,
    OutboxError,
    OutboxItem,
    OutboxKind,
    OutboxState,
    PayloadGone,
    PayloadUnreadable,
)

log = logging.getLogger(__name__)

_CREATE_PATHS = {
    OutboxKind.APPLICATION: "/v1/applications",
    OutboxKind.HOTLINE: "/v1/hotline/requests",
    OutboxKind.EVALUATION: "/v1/evaluations",
}


@dataclass(frozen=True)
class Delivered:
    official_number: str
    status_url: str  # empty when the backend gives none (evaluations)
    promised_by: str | None = None  # an application's promised date (ISO), for its receipt


class Sender(Protocol):
    def send(self, item: OutboxItem, payload: Mapping[str, Any]) -> Delivered:
        """File the item once (raises ``kiosk.api.BackendError``)."""
        ...


class ClientSender:
    """Files outbox items through the backend contract (``server/openapi.json``)."""

    def __init__(self, client: BackendClient) -> None:
        self._client = client

    def send(self, item: OutboxItem, payload: Mapping[str, Any]) -> Delivered:
        return self.deliver(item.kind, item.idempotency_key, payload)

    def deliver(
        self, kind: OutboxKind, idempotency_key: str, payload: Mapping[str, Any]
    ) -> Delivered:
        """POST the payload to the kind's create route; its number (an evaluation's id)."""
        answer = self._client.post_idempotent(_CREATE_PATHS[kind], payload, idempotency_key)
        if not isinstance(answer, dict):
            raise BackendAnswerInvalid(f"{kind.value} answer is not an object")
        evaluation = kind is OutboxKind.EVALUATION
        number: Any = answer.get("id" if evaluation else "number")
        status_url: Any = "" if evaluation else answer.get("status_url")
        if isinstance(number, bool) or not isinstance(number, str | int) or number == "":
            raise BackendAnswerInvalid(f"{kind.value} answer has no number")
        if not isinstance(status_url, str):
            raise BackendAnswerInvalid(f"{kind.value} answer has no status_url")
        promised_by = answer.get("promised_by")
        return Delivered(
            str(number), status_url, promised_by if isinstance(promised_by, str) else None
        )


@dataclass(frozen=True)
class Backoff:
    """Delay before an item's next try: doubling from ``first_s`` up to ``max_s``, each drawn
    from its upper half so a hall's kiosks coming back together do not retry in step."""

    first_s: float = 2.0
    max_s: float = 120.0

    def delay(self, failures: int) -> float:
        ceiling = min(self.max_s, self.first_s * 2 ** min(max(failures - 1, 0), 30))
        return ceiling / 2 + random.uniform(0, ceiling / 2)


class Outcome(Enum):
    SENT = "sent"
    REJECTED = "rejected"
    RETRY_ITEM = "retry-item"  # this item backs off, the round goes on
    OFFLINE = "offline"  # the backend is out of reach for now: the round stops
    WAITING = "waiting"  # a rating held back until what it rates has gone through
    SKIPPED = "skipped"  # settled meanwhile, not due, or busy in another thread


@dataclass(frozen=True)
class FlushReport:
    sent: int
    rejected: int
    pending: int  # still pending when the flush ended (in the whole outbox)
    attempted: tuple[OutboxItem, ...]  # each item tried (or held back), as it ended up
    stopped_by: str | None  # why the flush stopped early (the backend out of reach, time)


class Forwarder:
    def __init__(
        self,
        outbox: Outbox,
        sender: Sender,
        *,
        clock: Callable[[], float] = time.time,
        backoff: Backoff = Backoff(),
        idle_poll_s: float = 30.0,
    ) -> None:
        self._outbox = outbox
        self._sender = sender
        self._clock = clock
        self._backoff = backoff
        self._idle_poll_s = idle_poll_s
        self._guard = threading.Condition()
        self._in_flight: set[int] = set()
        self._hold_until = 0.0  # no round before this (the backend was out of reach)
        self._reachable: bool | None = None
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def backend_reachable(self) -> bool | None:
        """Whether the last attempt reached the backend; ``None`` before the first one."""
        return self._reachable

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-forwarder", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> bool:
        """Ask the thread to end after the item in flight; whether it ended within ``timeout``."""
        self._stopping.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def wake(self) -> None:
        """Look for due items now (after a ``put``); a backoff after an outage still holds."""
        self._wake.set()

    def send_now(self, item_id: int, *, wait_s: float = 30.0) -> OutboxItem:
        """One attempt at this item now, whatever its backoff; the item as it then is.

        If the forwarder's thread is sending it at that moment, waits (up to ``wait_s``) for
        that attempt instead of making a second one. A rating whose filing still waits in the
        outbox takes the filing with it: first the filing, then (if it went through) the rating.
        """
        filing = waiting_filing(self._outbox, item_id)
        if filing is not None:
            self.send_now(filing.id, wait_s=wait_s)
        if self._claim(item_id, wait_s):
            try:
                outcome = self._attempt(item_id, require_due=False)
            finally:
                self._release(item_id)
            if outcome in (Outcome.SENT, Outcome.REJECTED) and self._hold_until:
                self._hold_until = 0.0  # the backend is back: the others need not wait
                self._wake.set()
        return self._outbox.get(item_id)

    def flush(self, timeout_s: float = 60.0) -> FlushReport:
        """Try every pending item once now, oldest first, whatever its backoff; stops early
        when the backend is out of reach or ``timeout_s`` has passed."""
        deadline = time.monotonic() + timeout_s
        sent = rejected = 0
        attempted: list[OutboxItem] = []
        stopped_by: str | None = None
        for item in self._outbox.pending():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                stopped_by = f"{timeout_s:g} s passed"
                break
            if not self._claim(item.id, remaining):
                continue
            try:
                outcome = self._attempt(item.id, require_due=False)
            finally:
                self._release(item.id)
            ended = self._outbox.get(item.id)
            if outcome is not Outcome.SKIPPED:
                attempted.append(ended)
            sent += outcome is Outcome.SENT
            rejected += outcome is Outcome.REJECTED
            if outcome is Outcome.OFFLINE:
                stopped_by = ended.last_error or "the backend is out of reach"
                break
        return FlushReport(sent, rejected, self._outbox.depth(), tuple(attempted), stopped_by)

    def _claim(self, item_id: int, wait_s: float) -> bool:
        deadline = time.monotonic() + wait_s
        with self._guard:
            while item_id in self._in_flight:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._guard.wait(remaining)
            self._in_flight.add(item_id)
            return True

    def _release(self, item_id: int) -> None:
        with self._guard:
            self._in_flight.discard(item_id)
            self._guard.notify_all()

    def _attempt(self, item_id: int, *, require_due: bool) -> Outcome:
        """One try at a claimed item, its result written to the outbox."""
        item = self._outbox.get(item_id)
        now = self._clock()
        if item.state is not OutboxState.PENDING or (require_due and item.next_attempt_at > now):
            return Outcome.SKIPPED
        attempt = item.attempts + 1
        try:
            payload = self._outbox.payload(item_id)
        except PayloadGone:
            return Outcome.SKIPPED  # another process settled it a moment ago
        except PayloadUnreadable as error:  # it can never be sent: don't let it block the rest
            log.error("outbox %s %s: %s", item.kind.value, item.provisional_ref, error)
            self._outbox.mark_rejected(item_id, describe(error))
            return Outcome.REJECTED
        filing = rated_filing(self._outbox, item, payload)
        if filing is not None and filing.state is not OutboxState.SENT:
            held = hold_behind(self._outbox, item, filing, now=now, recheck_s=self._idle_poll_s)
            return Outcome.REJECTED if held is OutboxState.REJECTED else Outcome.WAITING
        try:
            delivered = self._sender.send(item, payload)
        except BackendError as error:
            return self._failed(item, attempt, error)
        except Exception as error:  # a bug in a sender must not end the thread or lose the item
            log.exception(
                "outbox %s %s: sending failed unexpectedly", item.kind.value, item.provisional_ref
            )
            self._outbox.note_failure(item_id, describe(error), now + self._backoff.delay(attempt))
            return Outcome.RETRY_ITEM
        self._reachable = True
        self._outbox.mark_sent(
            item_id, delivered.official_number, delivered.status_url, delivered.promised_by
        )
        log.info(
            "outbox %s %s sent as %s (attempt %d)",
            item.kind.value,
            item.provisional_ref,
            delivered.official_number,
            attempt,
        )
        return Outcome.SENT

    def _failed(self, item: OutboxItem, attempt: int, error: BackendError) -> Outcome:
        reason = describe(error)
        self._reachable = reached_backend(error)
        # A rating goes only after the filing it rates: if the backend still does not know
        # that filing, nothing this kiosk holds will bring it.
        rates_nothing_coming = (
            item.kind is OutboxKind.EVALUATION
            and isinstance(error, BackendRejected)
            and error.problem_type == NOT_YET_KNOWN
        )
        if is_permanent(error) or rates_nothing_coming:
            self._outbox.mark_rejected(item.id, reason)
            log.warning(
                "outbox %s %s rejected by the backend (attempt %d): %s",
                item.kind.value,
                item.provisional_ref,
                attempt,
                reason,
            )
            return Outcome.REJECTED
        retry_at = self._clock() + self._backoff.delay(attempt)
        self._outbox.note_failure(item.id, reason, retry_at)
        log.warning(
            "outbox %s %s not sent (attempt %d, next in %.0f s): %s",
            item.kind.value,
            item.provisional_ref,
            attempt,
            retry_at - self._clock(),
            reason,
        )
        if is_backend_wide(error):
            self._hold_until = max(self._hold_until, retry_at)
            return Outcome.OFFLINE
        return Outcome.RETRY_ITEM

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                self._round()
                pause = self._pause()
            except OutboxError as error:  # the disk, not the network: try again in a while
                log.error("outbox forwarder: %s", error)
                pause = self._idle_poll_s
            except Exception:
                log.exception("outbox forwarder: unexpected failure")
                pause = self._idle_poll_s
            self._wake.wait(pause)

    def _round(self) -> None:
        if self._clock() < self._hold_until:
            return
        for item in self._outbox.due(self._clock()):
            if self._stopping.is_set() or not self._claim(item.id, self._idle_poll_s):
                return
            try:
                outcome = self._attempt(item.id, require_due=True)
            finally:
                self._release(item.id)
            if outcome is Outcome.OFFLINE:
                return

    def _pause(self) -> float:
        now = self._clock()
        if now < self._hold_until:
            return min(self._hold_until - now, self._idle_poll_s)
        next_at = self._outbox.next_attempt_at()
        if next_at is None:
            return self._idle_poll_s
        return min(max(next_at - now, 0.05), self._idle_poll_s)
