"""The journey for taking a queue number."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app import Kiosk
from ui.screens.queue import QueueScreen
from ui.worker import BackgroundTasks


class QueueJourney(QObject):
    def __init__(self, screen: QueueScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
