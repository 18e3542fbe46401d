"""What every screen has: texts set in ``retranslate`` and content shown from the session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.session import Session


class Screen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(64, 40, 64, 40)
        self.body.setSpacing(24)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)

    def retranslate(self) -> None:
        """Set every fixed text with ``self.tr``; runs again when the language changes."""

    def show_session(self, session: Session) -> None:
        """Fill in what comes from the session (names, numbers, catalog text)."""

    def clear(self) -> None:
        """Forget everything shown; called when the session is wiped."""
