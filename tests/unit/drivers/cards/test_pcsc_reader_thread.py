"""PcscReader's thread against a scripted fake of the ``pcsc_scard`` layer.

Fakes because neither failure can be produced with pcscd and vpcd on demand: pcscd gives no
way to make every new context fail its first SCardGetStatusChange with the same error, nor to
keep a status-change wait from waking on SCardCancel long enough for stop() to give up. The
reader's own code runs unchanged; only the functions it calls in ``pcsc_scard`` are replaced.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import pytest
from smartcard.scard import SCARD_E_INVALID_HANDLE  # type: ignore[import-untyped]

from drivers.cards import pcsc
from drivers.cards.identity import Identity
from drivers.cards.pcsc_scard import ScardError

READER = "Fake Reader 00 00"


class Listener:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.events = 0

    def card_inserted(self, identity: Identity) -> None:
        self.events += 1

    def card_removed(self) -> None:
        self.events += 1

    def card_error(self, reason: str) -> None:
        self.events += 1
        self.errors.append(reason)


class FakeScard:
    """Contexts that open at once; ``get_status_change`` runs ``wait`` (default: fail)."""

    def __init__(self) -> None:
        self.contexts = 0
        self.release = threading.Event()  # ends a blocked wait
        self.block = False
        self.polls = 0

    def establish_context(self) -> int:
        self.contexts += 1
        return self.contexts

    def get_status_change(
        self, context: int, timeout_ms: int, states: list[tuple[str, int]]
    ) -> None:
        self.polls += 1
        if self.block:  # a wait SCardCancel cannot wake (a wedged pcscd or driver)
            self.release.wait(10)
            return None
        raise ScardError("SCardGetStatusChange", SCARD_E_INVALID_HANDLE)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeScard]:
    fake = FakeScard()
    layer = pcsc.pcsc_scard
    monkeypatch.setattr(layer, "establish_context", fake.establish_context)
    monkeypatch.setattr(layer, "release_context", lambda _context: None)
    monkeypatch.setattr(layer, "list_readers", lambda _context: [READER])
    monkeypatch.setattr(layer, "get_status_change", fake.get_status_change)
    monkeypatch.setattr(layer, "cancel", lambda _context: None)
    yield fake
    fake.release.set()


def reader_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "pcsc-reader"]


def test_a_context_that_keeps_failing_is_retried_at_the_reconnect_interval(
    fake: FakeScard, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=pcsc.__name__)
    reader = pcsc.PcscReader(None, ())
    reader.start(Listener())
    time.sleep(1.0)
    reader.stop()
    # One attempt per RECONNECT_INTERVAL_S (0.2 s), not tens of thousands a second.
    assert fake.contexts <= 1.0 / pcsc.RECONNECT_INTERVAL_S + 2
    lost = [record for record in caplog.records if "context lost" in record.getMessage()]
    assert len(lost) == 1


def test_a_thread_that_outlived_stop_is_not_revived_by_start(
    fake: FakeScard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pcsc, "JOIN_TIMEOUT_S", 0.1)
    fake.block = True
    reader = pcsc.PcscReader(None, ())
    first = Listener()
    reader.start(first)
    while fake.polls == 0:
        time.sleep(0.01)
    (old,) = reader_threads()
    reader.stop()  # gives up: the wait ignores SCardCancel
    assert old.is_alive()

    second = Listener()
    reader.start(second)
    fake.release.set()  # the old wait ends: its thread must see its stop and end
    old.join(2)
    try:
        assert not old.is_alive()
        assert first.events == 0
        assert len(reader_threads()) == 1  # the new one only
    finally:
        reader.stop()
