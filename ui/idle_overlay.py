"""The "are you still there?" countdown shown over any screen before an idle timeout."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class IdleOverlay(QWidget):
    """Signals:
    still_here(): the citizen answered the countdown; restart it.
    """

    still_here = Signal()

    def __init__(self, parent: QWidget, *, countdown_s: int) -> None:
        super().__init__(parent)
        self._countdown_s = countdown_s
        self.hide()

    def show_seconds_left(self, seconds_left: float | None) -> None:
        """Called every tick with the session's countdown (None: this screen never times out)."""
