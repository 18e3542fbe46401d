"""The kiosk's watchdog pings come from the Qt event loop: they stop while the loop is frozen.

A real AF_UNIX datagram socket stands where systemd's notify socket would; a thread records
what arrives and when.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.watchdog import start_watchdog

PERIOD_USEC = 200_000  # systemd's WatchdogSec: pings every 100 ms
FREEZE_S = 0.8


class Recorder:
    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.1)
        self.received: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._record, daemon=True)
        self._thread.start()

    def _record(self) -> None:
        while not self._stop.is_set():
            try:
                message = self.sock.recv(4096).decode()
            except TimeoutError:
                continue
            self.received.append((time.monotonic(), message))

    def messages(self) -> list[str]:
        return [message for _, message in self.received]

    def pings_between(self, start: float, end: float) -> int:
        return sum(1 for at, m in self.received if m == "WATCHDOG=1" and start < at < end)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def recorder(tmp_path: Path) -> Iterator[Recorder]:
    running = Recorder(tmp_path / "notify.sock")
    yield running
    running.close()


def test_ready_then_pings_that_stop_while_the_event_loop_is_frozen(
    qtbot: QtBot, qapp: QApplication, recorder: Recorder, tmp_path: Path
) -> None:
    environ = {"NOTIFY_SOCKET": str(tmp_path / "notify.sock"), "WATCHDOG_USEC": str(PERIOD_USEC)}
    watchdog = start_watchdog(qapp, environ)
    assert watchdog is not None
    try:
        qtbot.waitUntil(lambda: recorder.messages().count("WATCHDOG=1") >= 3, timeout=5000)
        assert recorder.messages()[0] == "READY=1\nSTATUS=showing the start screen"

        frozen: list[float] = []

        def freeze() -> None:
            # The hang under test: a slot that never yields to the loop for FREEZE_S.
            frozen.append(time.monotonic())
            time.sleep(FREEZE_S)
            frozen.append(time.monotonic())

        QTimer.singleShot(0, freeze)
        qtbot.waitUntil(lambda: len(frozen) == 2, timeout=5000)
        seen_before = recorder.messages().count("WATCHDOG=1")
        qtbot.waitUntil(
            lambda: recorder.messages().count("WATCHDOG=1") >= seen_before + 3, timeout=5000
        )
        # Nothing while frozen (a ping in flight as the freeze began may land just after).
        assert recorder.pings_between(frozen[0] + 0.05, frozen[1]) == 0
    finally:
        watchdog.timer.stop()
        watchdog.notifier.close()
        watchdog.deleteLater()


def test_without_systemd_no_watchdog_starts(qapp: QApplication) -> None:
    assert start_watchdog(qapp, {}) is None
