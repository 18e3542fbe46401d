"""What the citizen can do: with a card, everything; without one, all but applying."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.session import Session
from ui.screens.base import Screen
from ui.widgets import big_button, label
from ui.wrap_button import wrap_button


class MenuScreen(Screen):
    """Signals:
    apply_requested(): apply for a service (asks for the card when there is none).
    progress_requested(): check the progress of earlier applications.
    ticket_requested(): take a queue number.
    hotline_requested(): file a hotline request.
    finish_requested(): the citizen is done.
    """

    apply_requested = Signal()
    progress_requested = Signal()
    ticket_requested = Signal()
    hotline_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = label("title", self)
        self.hint = label("lead", self)
        self.apply = wrap_button("tile", self)
        self.apply.clicked.connect(self.apply_requested)
        self.progress = wrap_button("tile", self)
        self.progress.clicked.connect(self.progress_requested)
        self.ticket = wrap_button("tile", self)
        self.ticket.clicked.connect(self.ticket_requested)
        self.hotline = wrap_button("tile", self)
        self.hotline.clicked.connect(self.hotline_requested)
        self.finish = big_button("secondary", self)
        self.finish.clicked.connect(self.finish_requested)
        tiles = QGridLayout()
        tiles.setSpacing(24)
        # Two equal columns; a long name wraps inside its tile (English, large text).
        tiles.setColumnStretch(0, 1)
        tiles.setColumnStretch(1, 1)
        tiles.addWidget(self.apply, 0, 0)
        tiles.addWidget(self.progress, 0, 1)
        tiles.addWidget(self.ticket, 1, 0)
        tiles.addWidget(self.hotline, 1, 1)
        self.body.addWidget(self.greeting)
        self.body.addWidget(self.hint)
        self.body.addSpacing(24)
        self.body.addLayout(tiles)
        self.body.addStretch(1)
        self.body.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignRight)
        self._masked_name = ""
        self.retranslate()

    def retranslate(self) -> None:
        if self._masked_name:
            self.greeting.setText(self.tr("Hello, %1").replace("%1", self._masked_name))
            self.apply.setText(self.tr("Apply for a service"))
            self.finish.setText(self.tr("Finish and take my card"))
        else:
            self.greeting.setText(self.tr("Welcome"))
            self.apply.setText(self.tr("Apply for a service (needs your ID card)"))
            self.finish.setText(self.tr("Finish"))
        self.hint.setText(self.tr("What would you like to do today?"))
        self.progress.setText(self.tr("Check my applications"))
        self.ticket.setText(self.tr("Take a queue number"))
        self.hotline.setText(self.tr("Hotline: ask, suggest, complain"))

    def show_session(self, session: Session) -> None:
        self._masked_name = session.identity.masked_name() if session.identity else ""
        self.retranslate()

    def clear(self) -> None:
        self._masked_name = ""
        self.retranslate()
