"""The screen for progress of earlier applications: by card, by scanned receipt, by number."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.screens.base import Screen
from ui.widgets import label


class StatusScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title", self)
        self.body.addWidget(self.title)
        self.body.addStretch(1)
