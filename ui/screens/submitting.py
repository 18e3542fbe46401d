"""Shown while the application travels to the service centre."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QWidget

from ui.screens.base import Screen
from ui.widgets import label


class SubmittingScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.setAlignment(Qt.AlignmentFlag.AlignVCenter)  # full width: text wraps late
        self.message = label("hero", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label("lead", self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the duration is not known
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(640)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.detail)
        self.body.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(self.tr("Submitting your application…"))
        self.detail.setText(self.tr("This takes a few seconds. Please wait."))
