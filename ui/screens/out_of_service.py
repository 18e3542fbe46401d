"""The screen for out of service, with the staff's message."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.screens.base import Screen
from ui.widgets import label


class OutOfServiceScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title", self)
        self.body.addWidget(self.title)
        self.body.addStretch(1)
