"""What to call in an emergency: 110, 119 and 120 in big numbers, each with what it is for.

Shown at once from the hotline screen; files nothing. The 12345 hotline answers in days, which
is no help to someone in danger now.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets import label

EMERGENCY_NUMBERS = ("110", "119", "120")


class EmergencyPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title", self)
        self.not_hotline = label("note", self)
        self.numbers: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        # Side by side, so the three numbers and the way to call fit one screen without scrolling.
        columns = QHBoxLayout()
        columns.setSpacing(32)
        for number in EMERGENCY_NUMBERS:
            digits = label("emergency-number", self)
            digits.setText(number)
            service = label("title", self)
            purpose = label("body", self)
            column = QVBoxLayout()
            column.setSpacing(4)
            for part in (digits, service, purpose):
                part.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                column.addWidget(part)
            column.addStretch(1)
            columns.addLayout(column, 1)
            self.numbers[number] = (digits, service, purpose)
        self.how = label("warning", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addLayout(columns)
        layout.addWidget(self.how)
        layout.addWidget(self.not_hotline)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("In an emergency, call one of these numbers now"))
        words = {
            "110": (
                self.tr("Police"),
                self.tr("Crime, violence, a traffic accident, anyone in danger"),
            ),
            "119": (self.tr("Fire"), self.tr("Fire, people trapped, rescue")),
            "120": (self.tr("Ambulance"), self.tr("Sudden illness, a serious injury")),
        }
        for number, (_digits, service, purpose) in self.numbers.items():
            name, what = words[number]
            service.setText(name)
            purpose.setText(what)
        self.how.setText(
            self.tr(
                "This kiosk cannot make calls. Call from any phone (the call is free), or ask "
                "the staff to call for you."
            )
        )
        self.not_hotline.setText(
            self.tr("The 12345 hotline is for matters that can wait a few days.")
        )
