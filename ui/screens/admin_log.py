"""Staff page: the kiosk's most recent log lines, masked as they were logged."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets import big_button, label, vertical_scroll_area


class LogPage(QWidget):
    """Signals:
    refresh_requested(): show the newest lines again.
    """

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.area = vertical_scroll_area(self)
        self.lines = label("note")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.area.setWidget(self.lines)
        self.refresh = big_button("secondary", self)
        self.refresh.clicked.connect(self.refresh_requested)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.heading)
        column.addWidget(self.area, 1)
        column.addWidget(self.refresh)
        self._shown: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Recent log lines"))
        self.refresh.setText(self.tr("Show the newest"))
        self._show()

    def show_lines(self, lines: list[str]) -> None:
        self._shown = list(lines)
        self._show()
        bar = self.area.verticalScrollBar()
        bar.setValue(bar.maximum())

    def clear(self) -> None:
        self._shown = []
        self._show()

    def _show(self) -> None:
        self.lines.setText("\n".join(self._shown) if self._shown else self.tr("(nothing logged)"))
