"""The application was accepted: its number, when it will be done, and the receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk.session import PrintOutcome, Session
from ui.screens.base import Screen
from ui.widgets import QrCodeView, big_button, label


class ReceiptScreen(Screen):
    """Signals:
    finish_requested(): done; back to the start.
    another_requested(): apply for another service.
    """

    finish_requested = Signal()
    another_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.number_caption = label("lead", self)
        self.number = label("number", self)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.promised = label("lead", self)
        self.printed = label("note", self)
        self.qr = QrCodeView(self)
        self.qr.setFixedSize(300, 300)
        self.qr_caption = label("note", self)
        self.another = big_button("secondary", self)
        self.another.clicked.connect(self.another_requested)
        self.finish = big_button("primary", self)
        self.finish.clicked.connect(self.finish_requested)

        grid = QGridLayout()
        grid.setHorizontalSpacing(64)
        details = QWidget(self)
        column = QGridLayout(details)
        for row, widget in enumerate(
            (self.number_caption, self.number, self.promised, self.printed)
        ):
            column.addWidget(widget, row, 0)
        grid.addWidget(details, 0, 0)
        grid.addWidget(self.qr, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.qr_caption, 1, 1)
        grid.setColumnStretch(0, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.another)
        buttons.addStretch(1)
        buttons.addWidget(self.finish)
        self.body.addWidget(self.heading)
        self.body.addLayout(grid)
        self.body.addStretch(1)
        self.body.addLayout(buttons)
        self._promised_by = ""
        self._provisional = False
        self._printed: PrintOutcome | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your application has been received"))
        self.qr_caption.setText(self.tr("Scan to check progress"))
        self.another.setText(self.tr("Apply for another service"))
        self.finish.setText(self.tr("Finish"))
        self._show_details()

    def _show_details(self) -> None:
        self.number_caption.setText(
            self.tr("Provisional number") if self._provisional else self.tr("Application number")
        )
        if self._provisional:
            self.promised.setText(
                self.tr(
                    "Saved on this kiosk. It is sent to the service hall as soon as the "
                    "network is back; the code on your receipt then shows its progress."
                )
            )
        elif self._promised_by:
            self.promised.setText(
                self.tr("Promised completion: %1").replace("%1", self._promised_by)
            )
        else:
            self.promised.setText("")
        texts = {
            PrintOutcome.PRINTED: self.tr("Please take your receipt from the printer."),
            PrintOutcome.PRINTER_UNAVAILABLE: self.tr(
                "The receipt printer is not available. Please note your application number, "
                "or ask the staff to print the receipt for you."
            ),
            PrintOutcome.PRINT_FAILED: self.tr(
                "The receipt could not be printed completely. Please ask the staff for a "
                "reprint; your application is safe."
            ),
        }
        self.printed.setText(texts[self._printed] if self._printed else "")
        self.printed.setProperty(
            "role", "note" if self._printed is PrintOutcome.PRINTED else "error"
        )
        self.printed.style().unpolish(self.printed)
        self.printed.style().polish(self.printed)

    def show_session(self, session: Session) -> None:
        record = session.record
        if record is None:
            return
        self.number.setText(record.number)
        self._provisional = record.provisional
        self._promised_by = record.promised_by.isoformat() if record.promised_by else ""
        self._printed = session.print_outcome
        self.qr.set_data(record.status_url)
        self._show_details()

    def clear(self) -> None:
        self.number.setText("")
        self._provisional = False
        self._promised_by = ""
        self._printed = None
        self.qr.set_data("")
        self._show_details()
