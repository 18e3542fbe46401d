"""The screen for a hotline (12345) request."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.screens.base import Screen
from ui.widgets import label


class HotlineScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title", self)
        self.body.addWidget(self.title)
        self.body.addStretch(1)
