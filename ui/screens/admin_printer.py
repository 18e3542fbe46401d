"""Staff page: the receipt printer. Test page, reprint, and previews of what it prints."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.screens.admin_page import ScrollingPage
from ui.widgets import label, vertical_scroll_area
from ui.wrap_button import wrap_button


class PreviewKind(Enum):
    TEST_PAGE = "test-page"
    SAMPLE_RECEIPT = "sample-receipt"
    REPRINT = "reprint"  # the receipt "reprint" would print


class PrinterResult(Enum):
    TEST_PRINTED = "test-printed"
    TEST_FAILED = "test-failed"
    REPRINTED = "reprinted"
    NOTHING_TO_REPRINT = "nothing-to-reprint"
    REPRINT_FAILED = "reprint-failed"
    PREVIEW_FAILED = "preview-failed"


_FAILURES = {PrinterResult.TEST_FAILED, PrinterResult.REPRINT_FAILED, PrinterResult.PREVIEW_FAILED}


class PrinterPage(ScrollingPage):
    """Signals:
    test_page_requested(): print the test page.
    reprint_requested(): reprint the last receipt that could not be printed.
    preview_requested(PreviewKind): show a receipt as the paper would.
    """

    test_page_requested = Signal()
    reprint_requested = Signal()
    preview_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        # Side by side, wrapping where the words are long: one row under the heading, not two.
        self.test_page: QPushButton = wrap_button("secondary", self)
        self.test_page.clicked.connect(self.test_page_requested)
        self.reprint: QPushButton = wrap_button("secondary", self)
        self.reprint.clicked.connect(self.reprint_requested)
        self.reprint_note = label("note", self)
        self.preview_caption = label("field-label", self)
        self.result = label("lead", self)
        self.preview_area = vertical_scroll_area(self)
        self.preview_image = label("note")
        self.preview_image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_area.setWidget(self.preview_image)
        # The picture's width (80 mm paper, and the scroll bar) for the previews' column: the
        # rest is the left column's, whose sentences then keep to fewer lines.
        self.preview_column = QWidget(self)
        self.preview_column.setFixedWidth(620)

        actions = QGridLayout()
        actions.setSpacing(16)
        actions.addWidget(self.test_page, 0, 0)
        actions.addWidget(self.reprint, 0, 1)
        actions.addWidget(self.reprint_note, 1, 0, 1, 2)
        # Above the picture they choose, two a row (three are wider than the picture).
        previews = QGridLayout()
        previews.setSpacing(12)
        self.preview_keys: dict[PreviewKind, QPushButton] = {}
        for index, kind in enumerate(PreviewKind):
            button: QPushButton = wrap_button("choice", self)
            button.clicked.connect(lambda _=False, k=kind: self.preview_requested.emit(k))
            self.preview_keys[kind] = button
            previews.addWidget(button, index // 2, index % 2)
        for grid in (actions, previews):
            for index in range(grid.columnCount()):
                grid.setColumnStretch(index, 1)
        for button in (self.test_page, self.reprint, *self.preview_keys.values()):
            # One wrapped, its neighbour not: both as tall as the row, all the same size.
            policy = button.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
            button.setSizePolicy(policy)
        left = QVBoxLayout()
        left.setSpacing(20)
        left.addWidget(self.heading)
        left.addLayout(actions)
        left.addWidget(self.result)
        left.addStretch(1)
        right = QVBoxLayout(self.preview_column)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(12)
        right.addWidget(self.preview_caption)
        right.addLayout(previews)
        right.addWidget(self.preview_area, 1)
        row = QHBoxLayout(self.content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(32)
        row.addLayout(left, 1)
        row.addWidget(self.preview_column)
        self._result: tuple[PrinterResult, str] | None = None
        self._working = False
        self._window_minutes = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Receipt printer"))
        self.test_page.setText(self.tr("Print a test page"))
        self.reprint.setText(self.tr("Reprint the last receipt"))
        self.reprint_note.setText(
            self.tr("Only a receipt that could not be printed in the last %1 minutes.").replace(
                "%1", str(self._window_minutes)
            )
        )
        self.preview_caption.setText(self.tr("Preview on screen:"))
        texts = {
            PreviewKind.TEST_PAGE: self.tr("Test page"),
            PreviewKind.SAMPLE_RECEIPT: self.tr("Sample receipt"),
            PreviewKind.REPRINT: self.tr("Receipt to reprint"),
        }
        for kind, text in texts.items():
            self.preview_keys[kind].setText(text)
        self._show_result()

    def set_reprint_window(self, seconds: int) -> None:
        self._window_minutes = max(1, round(seconds / 60)) if seconds else 0
        self.retranslate()

    def show_working(self) -> None:
        self._working = True
        self._result = None
        self._show_result()

    def show_result(self, result: PrinterResult, detail: str = "") -> None:
        """``detail``: a receipt number, or the printer's own words for a failure."""
        self._working = False
        self._result = (result, detail)
        self._show_result()

    def show_preview(self, png: bytes) -> None:
        self._working = False
        self._result = None
        self._show_result()
        picture = QPixmap()
        picture.loadFromData(png, "PNG")
        self.preview_image.setPixmap(picture)
        self.preview_image.adjustSize()

    def clear(self) -> None:
        self._working = False
        self._result = None
        self.preview_image.clear()
        self._show_result()

    def _show_result(self) -> None:
        for button in (self.test_page, self.reprint, *self.preview_keys.values()):
            button.setEnabled(not self._working)
        # Nothing to say takes no room (nor the spacing around it).
        self.result.setVisible(self._working or self._result is not None)
        if self._working:
            self.result.setText(self.tr("Working…"))
            return
        if self._result is None:
            self.result.setText("")
            return
        result, detail = self._result
        texts = {
            PrinterResult.TEST_PRINTED: self.tr("The test page was printed. Check it on paper."),
            PrinterResult.TEST_FAILED: self.tr("The test page was not printed: %1"),
            PrinterResult.REPRINTED: self.tr("Receipt %1 was printed again."),
            PrinterResult.NOTHING_TO_REPRINT: self.tr("No receipt is waiting for a reprint."),
            PrinterResult.REPRINT_FAILED: self.tr("The receipt was not printed: %1"),
            PrinterResult.PREVIEW_FAILED: self.tr("The preview could not be drawn: %1"),
        }
        self.result.setText(texts[result].replace("%1", detail))
        role = "error" if result in _FAILURES else "lead"
        if self.result.property("role") != role:
            self.result.setProperty("role", role)
            self.result.style().unpolish(self.result)
            self.result.style().polish(self.result)
