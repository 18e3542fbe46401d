"""Staff page: test the card reader. A card read here shows its masked name and number only."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ui.widgets import big_button, label


class CardTest(Enum):
    WAITING = "waiting"
    READ = "read"
    FAILED = "failed"
    REMOVED = "removed"


class CardPage(QWidget):
    """Signals:
    demo_card_requested(): (demo only) put the demo card on the simulated reader.
    demo_card_taken(): (demo only) take it off again.
    """

    demo_card_requested = Signal()
    demo_card_taken = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.instruction = label("lead", self)
        self.state = label("lead", self)
        self.name_caption = label("field-label", self)
        self.name = label("value", self)
        self.id_caption = label("field-label", self)
        self.id_number = label("value", self)
        self.demo_card = big_button("demo", self)
        self.demo_card.clicked.connect(self.demo_card_requested)
        self.take_demo_card = big_button("demo", self)
        self.take_demo_card.clicked.connect(self.demo_card_taken)
        self.set_demo(False)
        details = QGridLayout()
        details.setHorizontalSpacing(40)
        details.addWidget(self.name_caption, 0, 0)
        details.addWidget(self.name, 0, 1)
        details.addWidget(self.id_caption, 1, 0)
        details.addWidget(self.id_number, 1, 1)
        details.setColumnStretch(1, 1)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_card)
        demo_row.addWidget(self.take_demo_card)
        demo_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addWidget(self.heading)
        column.addWidget(self.instruction)
        column.addWidget(self.state)
        column.addLayout(details)
        column.addStretch(1)
        column.addLayout(demo_row)
        self._test = CardTest.WAITING
        self._reason = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Card reader test"))
        self.instruction.setText(
            self.tr("Insert or place an ID card. Only the masked name and number are shown.")
        )
        self.name_caption.setText(self.tr("Name"))
        self.id_caption.setText(self.tr("ID number"))
        self.demo_card.setText(self.tr("Insert demo card"))
        self.take_demo_card.setText(self.tr("Take demo card"))
        self._show_state()

    def set_demo(self, demo: bool) -> None:
        """Show the demo's buttons (a simulated reader has no card to insert by hand)."""
        self.demo_card.setVisible(demo)
        self.take_demo_card.setVisible(demo)

    def show_card(self, masked_name: str, masked_id: str) -> None:
        """Only masked values reach this page (the caller masks; nothing here unmasks)."""
        self._test = CardTest.READ
        self.name.setText(masked_name)
        self.id_number.setText(masked_id)
        self._show_state()

    def show_failure(self, reason: str) -> None:
        self._test = CardTest.FAILED
        self._reason = reason
        self.name.setText("")
        self.id_number.setText("")
        self._show_state()

    def show_removed(self) -> None:
        self._test = CardTest.REMOVED
        self.name.setText("")
        self.id_number.setText("")
        self._show_state()

    def clear(self) -> None:
        self._test = CardTest.WAITING
        self._reason = ""
        self.name.setText("")
        self.id_number.setText("")
        self._show_state()

    def _show_state(self) -> None:
        texts = {
            CardTest.WAITING: self.tr("Waiting for a card…"),
            CardTest.READ: self.tr("The card was read. The reader works."),
            CardTest.FAILED: self.tr("The card could not be read: %1").replace("%1", self._reason),
            CardTest.REMOVED: self.tr("The card was taken out. Insert another to test again."),
        }
        self.state.setText(texts[self._test])
        role = "error" if self._test is CardTest.FAILED else "lead"
        if self.state.property("role") != role:
            self.state.setProperty("role", role)
            self.state.style().unpolish(self.state)
            self.state.style().polish(self.state)
