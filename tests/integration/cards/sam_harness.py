"""What the SAM reader tests share: a listener that records events, and factories that stop
every emulator and reader they started."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from drivers.cards.identity import Identity
from drivers.cards.sam_serial import SamSerialReader
from tests.integration.cards.sam_emulator import SamEmulator

POLL_S = 0.05
EVENT_TIMEOUT_S = 5.0


class RecordingListener:
    """Keeps every event in order; tests wait for events instead of sleeping a fixed time."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Identity | str | None]] = []
        self._changed = threading.Condition()

    def card_inserted(self, identity: Identity) -> None:
        self._add("inserted", identity)

    def card_removed(self) -> None:
        self._add("removed", None)

    def card_error(self, reason: str) -> None:
        self._add("error", reason)

    def _add(self, kind: str, value: Identity | str | None) -> None:
        with self._changed:
            self.events.append((kind, value))
            self._changed.notify_all()

    def of(self, kind: str) -> list[Identity | str | None]:
        with self._changed:
            return [value for event, value in self.events if event == kind]

    def wait_for(self, kind: str, count: int = 1) -> list[Identity | str | None]:
        with self._changed:
            arrived = self._changed.wait_for(
                lambda: len([e for e, _ in self.events if e == kind]) >= count, EVENT_TIMEOUT_S
            )
            assert arrived, f"no {count}x {kind} within {EVENT_TIMEOUT_S} s; got {self.events}"
        return self.of(kind)

    def identity(self, index: int = 0) -> Identity:
        value = self.wait_for("inserted", index + 1)[index]
        assert isinstance(value, Identity)
        return value

    def kinds(self) -> list[str]:
        with self._changed:
            return [event for event, _ in self.events]


StartEmulator = Callable[..., SamEmulator]
StartReader = Callable[[str], tuple[SamSerialReader, RecordingListener]]


def emulators() -> Iterator[StartEmulator]:
    """Body of an ``emulator_factory`` fixture: each emulator closed (thread joined, fds shut)."""
    started: list[SamEmulator] = []

    def start(*, chunk_size: int | None = None, chunk_delay_s: float = 0.0) -> SamEmulator:
        emulator = SamEmulator(chunk_size=chunk_size, chunk_delay_s=chunk_delay_s)
        started.append(emulator)
        return emulator

    yield start
    for emulator in started:
        emulator.close()


def readers() -> Iterator[StartReader]:
    """Body of a ``reader_factory`` fixture: readers polling fast, each stopped afterwards."""
    started: list[SamSerialReader] = []

    def start(device: str) -> tuple[SamSerialReader, RecordingListener]:
        reader = SamSerialReader(device, poll_interval_s=POLL_S)
        listener = RecordingListener()
        started.append(reader)
        reader.start(listener)
        return reader, listener

    yield start
    for reader in started:
        reader.stop()


def descriptors_open_on(path: str) -> int:
    """How many descriptors of this process point at ``path``."""
    count = 0
    for link in Path("/proc/self/fd").iterdir():
        try:
            count += os.readlink(link) == path
        except OSError:
            continue  # closed while listing
    return count
