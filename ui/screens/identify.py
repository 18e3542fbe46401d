"""Asks for the ID card and explains why a card was refused."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.session import CardRefusal, Session
from ui.adaptive import ButtonStack, ShrinkingScrollArea
from ui.adaptive import column as adaptive_column
from ui.screens.base import WordsAndButtonsScreen
from ui.widgets import big_button, label


class IdentifyScreen(WordsAndButtonsScreen):
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
        # The words scroll where a short window has no room for them all (large text); the
        # buttons below them never leave the screen.
        words, column = adaptive_column(spacing=self.body.spacing())
        self.prompt = label("hero", words)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label("lead", words)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refusal = label("error", words)
        self.refusal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refusal.hide()
        for widget in (self.prompt, self.detail, self.refusal):
            column.addWidget(widget)
        self.message = ShrinkingScrollArea(words, self)
        # One above the other; across where the window is short.
        self.buttons = ButtonStack(spacing=self.body.spacing(), parent=self)
        self.demo_card = big_button("demo", self.buttons)
        self.demo_card.setVisible(demo)
        self.demo_card.clicked.connect(self.demo_card_requested)
        self.skip = big_button("secondary", self.buttons)
        self.skip.clicked.connect(self.skip_requested)
        self.back = big_button("secondary", self.buttons)
        self.back.clicked.connect(self.back_requested)
        for button in (self.demo_card, self.skip, self.back):
            self.buttons.add(button)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addSpacing(32)
        self.body.addWidget(self.buttons)
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
