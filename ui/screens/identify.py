"""Asks for the ID card and explains why a card was refused."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.session import CardRefusal, Session
from ui.screens.base import Screen
from ui.widgets import big_button, label


class IdentifyScreen(Screen):
    """Signals:
    back_requested(): the citizen wants to leave.
    skip_requested(): go on without a card (progress by number, queue number, hotline).
    demo_card_requested(): the demo-only card button was touched.
    """

    back_requested = Signal()
    skip_requested = Signal()
    demo_card_requested = Signal()

    def __init__(self, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.setAlignment(Qt.AlignmentFlag.AlignVCenter)  # full width: text wraps late
        self.prompt = label("hero", self)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label("lead", self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refusal = label("error", self)
        self.refusal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refusal.hide()
        self.demo_card = big_button("demo", self)
        self.demo_card.setVisible(demo)
        self.demo_card.clicked.connect(self.demo_card_requested)
        self.skip = big_button("secondary", self)
        self.skip.clicked.connect(self.skip_requested)
        self.back = big_button("secondary", self)
        self.back.clicked.connect(self.back_requested)
        self.body.addStretch(1)
        for widget in (self.prompt, self.detail, self.refusal):
            self.body.addWidget(widget)
        self.body.addSpacing(32)
        self.body.addWidget(self.demo_card, 0, Qt.AlignmentFlag.AlignHCenter)
        self.body.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignHCenter)
        self.body.addWidget(self.back, 0, Qt.AlignmentFlag.AlignHCenter)
        self.body.addStretch(1)
        self._refusal: CardRefusal | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Please insert your ID card into the reader"))
        self.detail.setText(
            self.tr("The reader is below the screen. Keep the card in until you finish.")
        )
        self.demo_card.setText(self.tr("Insert demo card"))
        self.skip.setText(self.tr("Continue without a card"))
        self.back.setText(self.tr("Back"))
        self._show_refusal()

    def show_session(self, session: Session) -> None:
        self._refusal = session.card_refusal
        self._show_refusal()

    def clear(self) -> None:
        self._refusal = None
        self._show_refusal()

    def _show_refusal(self) -> None:
        if self._refusal is CardRefusal.EXPIRED:
            self.refusal.setText(
                self.tr("This card has expired. Please use a valid ID card or ask the staff.")
            )
        elif self._refusal is CardRefusal.UNREADABLE:
            self.refusal.setText(
                self.tr(
                    "The card could not be read. Please take it out and insert it again, "
                    "chip first. If it still fails, please ask the staff."
                )
            )
        self.refusal.setVisible(self._refusal is not None)
