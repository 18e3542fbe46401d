"""The journey for filing a hotline request."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app import Kiosk
from ui.screens.hotline import HotlineScreen
from ui.worker import BackgroundTasks


class HotlineJourney(QObject):
    def __init__(self, screen: HotlineScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
