"""The application was accepted: its number, when it will be done, and the receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.session import PrintOutcome, Session
from ui.screens.base import ScrollingScreen
from ui.widgets import QrCodeView, big_button, label

# The code to scan: this big where there is room; smaller, down to the least a phone reads
# from a step away, beside a long number in large text in a narrower window; below it else.
QR_PX = 300
QR_MIN_PX = 240
DETAILS_GAP_PX = 64


class ReceiptScreen(ScrollingScreen):
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
        self.qr.setFixedSize(QR_PX, QR_PX)
        self.qr_caption = label("note", self)
        self.another = big_button("secondary", self)
        self.another.clicked.connect(self.another_requested)
        self.finish = big_button("primary", self)
        self.finish.clicked.connect(self.finish_requested)

        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(DETAILS_GAP_PX)
        self.details = QWidget(self)
        column = QGridLayout(self.details)
        for row, widget in enumerate(
            (self.number_caption, self.number, self.promised, self.printed)
        ):
            column.addWidget(widget, row, 0)
        self._grid.addWidget(self.details, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self._qr_beside: bool | None = None
        self._place_qr(beside=True)
        self.bottom_row.addWidget(self.another)
        self.bottom_row.addStretch(1)
        self.bottom_row.addWidget(self.finish)
        self.page.addWidget(self.heading)
        self.page.addLayout(self._grid)
        self.page.addStretch(1)
        self._promised_by = ""
        self._provisional = False
        self._printed: PrintOutcome | None = None
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_qr(event.size().width())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_qr(self.width())  # the text size may have changed while it was hidden
        super().showEvent(event)

    def _fit_qr(self, width: int) -> None:
        """The code beside the details, as big as the room they leave (a number in large text
        cannot wrap), or under them where even the smallest would not fit."""
        margins = self.page.contentsMargins()
        scroll_bar = self.page_area.verticalScrollBar().sizeHint().width()
        room = width - margins.left() - margins.right() - scroll_bar
        details = self.details.layout()
        assert details is not None
        number = self.number.fontMetrics().horizontalAdvance(self.number.text())
        inside = details.contentsMargins()
        beside = room - number - inside.left() - inside.right() - DETAILS_GAP_PX
        side = max(QR_MIN_PX, min(QR_PX, beside))
        if self.qr.width() != side:
            self.qr.setFixedSize(side, side)
        self._place_qr(beside=beside >= QR_MIN_PX)

    def _place_qr(self, *, beside: bool) -> None:
        if beside is self._qr_beside:
            return
        self._qr_beside = beside
        for widget in (self.qr, self.qr_caption):
            self._grid.removeWidget(widget)
        if beside:
            self._grid.addWidget(self.qr, 0, 1, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(self.qr_caption, 1, 1)
        else:
            self._grid.addWidget(self.qr, 1, 0, Qt.AlignmentFlag.AlignLeft)
            self._grid.addWidget(self.qr_caption, 2, 0)

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
        self._fit_qr(self.width())
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
