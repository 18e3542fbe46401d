"""A calm banner under the header: a message the service hall's office sent to the kiosk."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ui.widgets import label

# About three lines at 1080p: a notice is read in passing, and a taller banner would push the
# start screen's own words off the bottom. The office may send up to 500 characters.
MAX_SHOWN_CHARS = 160


class Notice(QFrame):
    """Shows one message from the fleet (staff's words, plain text) beside a short caption.

    Hidden until it has a message; whoever owns it decides when it shows (the start screen
    only: never over a citizen's form).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fleet-notice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.caption = label("notice-caption", self)
        self.caption.setWordWrap(False)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text = label("notice", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(64, 16, 64, 16)
        layout.setSpacing(24)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self._message = ""
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Notice"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def message(self) -> str:
        return self._message

    def set_message(self, message: str) -> None:
        """The message to show ("" for none); the caller shows or hides the banner."""
        self._message = " ".join(message.split())  # one paragraph: line breaks waste height
        shown = self._message
        if len(shown) > MAX_SHOWN_CHARS:
            shown = shown[: MAX_SHOWN_CHARS - 1].rstrip() + "…"
        self.text.setText(shown)
