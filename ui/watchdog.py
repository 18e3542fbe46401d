"""Tell systemd's watchdog the event loop is alive (when run under systemd)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def start_watchdog(app: QApplication) -> None:
    """Notify READY=1 and keep sending WATCHDOG=1 while the event loop runs."""
