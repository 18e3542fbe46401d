"""The journey for rating the transaction just completed, once."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app import Kiosk
from ui.screens.evaluate import EvaluateScreen
from ui.worker import BackgroundTasks


class EvaluateJourney(QObject):
    def __init__(self, screen: EvaluateScreen, *, kiosk: Kiosk, tasks: BackgroundTasks) -> None:
        super().__init__(screen)
        self._screen = screen
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
