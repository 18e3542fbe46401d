"""Checking progress: by card, by a scanned receipt, by number; offline, the last known one."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app import Kiosk
from ui.screens.status import StatusScreen
from ui.worker import BackgroundTasks


class StatusJourney(QObject):
    def __init__(self, screen: StatusScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
