"""Commands from the fleet (reset, restart, out of service, message) carried out on screen."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app import Kiosk


class FleetCommands(QObject):
    def __init__(self, parent: QObject, *, kiosk: Kiosk) -> None:
        super().__init__(parent)
        self._kiosk = kiosk
        self._session = kiosk.session
