"""A CardListener for tests: records the reader's events and lets a test wait for the next."""

from __future__ import annotations

import queue
import time
from dataclasses import dataclass

from drivers.cards.identity import Identity

EVENT_TIMEOUT_S = 5.0  # pcscd notices a card within 400 ms; reads take milliseconds


@dataclass(frozen=True)
class CardEvent:
    kind: str  # "inserted", "removed" or "error"
    identity: Identity | None = None
    reason: str = ""
    at: float = 0.0  # time.monotonic() when the reader called the listener


class RecordingListener:
    def __init__(self) -> None:
        self._events: queue.Queue[CardEvent] = queue.Queue()

    def card_inserted(self, identity: Identity) -> None:
        self._events.put(CardEvent("inserted", identity=identity, at=time.monotonic()))

    def card_removed(self) -> None:
        self._events.put(CardEvent("removed", at=time.monotonic()))

    def card_error(self, reason: str) -> None:
        self._events.put(CardEvent("error", reason=reason, at=time.monotonic()))

    def next(self, timeout_s: float = EVENT_TIMEOUT_S) -> CardEvent:
        try:
            return self._events.get(timeout=timeout_s)
        except queue.Empty:
            raise AssertionError(f"the reader sent no event within {timeout_s} s") from None

    def expect(self, kind: str, timeout_s: float = EVENT_TIMEOUT_S) -> CardEvent:
        event = self.next(timeout_s)
        assert event.kind == kind, f"expected {kind}, got {event}"
        return event

    def pending(self) -> list[CardEvent]:
        """Events already delivered and not yet taken (does not wait)."""
        taken: list[CardEvent] = []
        while not self._events.empty():
            taken.append(self._events.get_nowait())
        return taken
