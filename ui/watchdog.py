"""Tell systemd's watchdog the event loop is alive (when run under systemd).

READY=1 goes out from the event loop's first turn after the window shows, then WATCHDOG=1 from
a timer on the same loop: when the loop freezes the pings stop, and systemd (``WatchdogSec=``
in onestop-kiosk.service) kills the kiosk and starts it again.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.sd_notify import Notifier


class EventLoopWatchdog(QObject):
    """Pings systemd from the Qt event loop; does nothing useful unless systemd asked."""

    def __init__(self, app: QApplication, notifier: Notifier) -> None:
        super().__init__(app)
        self.notifier = notifier
        self.timer = QTimer(self)
        interval_s = notifier.target.watchdog_interval_s
        if interval_s is not None:
            self.timer.setInterval(max(1, round(interval_s * 1000)))
            self.timer.timeout.connect(notifier.watchdog)
        app.aboutToQuit.connect(self._stop)
        # singleShot(0): sent once the loop turns, so READY means the loop really runs.
        QTimer.singleShot(0, self, self._ready)

    def _ready(self) -> None:
        self.notifier.ready("showing the start screen")
        if self.notifier.target.watchdog_interval_s is not None:
            self.notifier.watchdog()
            self.timer.start()

    def _stop(self) -> None:
        self.timer.stop()
        self.notifier.stopping()
        self.notifier.close()


def start_watchdog(
    app: QApplication, environ: Mapping[str, str] | None = None
) -> EventLoopWatchdog | None:
    """Notify READY=1 and keep sending WATCHDOG=1 while the event loop runs.

    None when not started by systemd with ``Type=notify`` (no ``$NOTIFY_SOCKET``)."""
    notifier = Notifier.from_environment(environ)
    return None if notifier is None else EventLoopWatchdog(app, notifier)
