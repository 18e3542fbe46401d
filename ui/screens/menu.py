"""What the identified citizen can do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.session import Session
from ui.screens.base import Screen
from ui.widgets import big_button, label


class MenuScreen(Screen):
    """Signals:
    apply_requested(): apply for a service.
    finish_requested(): the citizen is done.
    """

    apply_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = label("title", self)
        self.hint = label("lead", self)
        self.apply = big_button("tile", self)
        self.apply.clicked.connect(self.apply_requested)
        self.finish = big_button("secondary", self)
        self.finish.clicked.connect(self.finish_requested)
        tiles = QGridLayout()
        tiles.setSpacing(24)
        tiles.addWidget(self.apply, 0, 0)
        self.body.addWidget(self.greeting)
        self.body.addWidget(self.hint)
        self.body.addSpacing(24)
        self.body.addLayout(tiles)
        self.body.addStretch(1)
        self.body.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignRight)
        self._masked_name = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.greeting.setText(self.tr("Hello, %1").replace("%1", self._masked_name))
        self.hint.setText(self.tr("What would you like to do today?"))
        self.apply.setText(self.tr("Apply for a service"))
        self.finish.setText(self.tr("Finish and take my card"))

    def show_session(self, session: Session) -> None:
        self._masked_name = session.identity.masked_name() if session.identity else ""
        self.retranslate()

    def clear(self) -> None:
        self._masked_name = ""
        self.retranslate()
