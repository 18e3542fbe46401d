"""The staff journey: the hidden entry, the PIN, the admin screens and out of service."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app import Kiosk
from ui.screens.admin import AdminScreen
from ui.screens.attract import AttractScreen
from ui.screens.out_of_service import OutOfServiceScreen
from ui.worker import BackgroundTasks


class StaffJourney(QObject):
    def __init__(
        self,
        admin: AdminScreen,
        out_of_service: OutOfServiceScreen,
        *,
        attract: AttractScreen,
        kiosk: Kiosk,
        tasks: BackgroundTasks,
    ) -> None:
        super().__init__(admin)
        self._admin = admin
        self._out_of_service = out_of_service
        self._attract = attract
        self._kiosk = kiosk
        self._session = kiosk.session
        self._tasks = tasks
