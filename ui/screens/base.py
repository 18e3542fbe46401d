"""What every screen has: texts set in ``retranslate`` and content shown from the session."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.session import Session
from ui.adaptive import ButtonStack, ShrinkingScrollArea, arrange_buttons
from ui.widgets import relayout, vertical_scroll_area


class Screen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(64, 40, 64, 40)
        self.body.setSpacing(24)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)

    def retranslate(self) -> None:
        """Set every fixed text with ``self.tr``; runs again when the language changes."""

    def show_session(self, session: Session) -> None:
        """Fill in what comes from the session (names, numbers, catalog text)."""

    def clear(self) -> None:
        """Forget everything shown; called when the session is wiped."""


class ScrollingScreen(Screen):
    """A screen whose content scrolls up and down where it is taller than the room (large
    text, care mode, a smaller window than the kiosk's 1080p), above a row of buttons that
    stays in view: the buttons that move on or back are never out of reach.

    Content goes in ``page`` (its margins are the screen's, inside what scrolls, so the scroll
    bar is at the window's edge), buttons in ``bottom_row``. Where the content fits, nothing
    scrolls and the screen looks as a plain one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        margins = self.body.contentsMargins()
        self.page_area: QScrollArea = vertical_scroll_area(self, framed=False)
        self._content = content = QWidget()
        self.page = QVBoxLayout(content)
        self.page.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        self.page.setSpacing(self.body.spacing())
        self.page_area.setWidget(content)
        self.bottom = QWidget(self)
        self.bottom_row = QHBoxLayout(self.bottom)
        self.bottom_row.setContentsMargins(margins.left(), 0, margins.right(), 0)
        self.body.setContentsMargins(0, 0, 0, margins.bottom())
        self.body.addWidget(self.page_area, 1)
        self.body.addWidget(self.bottom)

    def showEvent(self, event: QShowEvent) -> None:
        self.page_area.verticalScrollBar().setValue(0)  # each visit starts at the top
        relayout(self._content)  # its words may have changed while it was hidden
        super().showEvent(event)


class WordsAndButtonsScreen(Screen):
    """A screen of words (``message``) above a stack of ``buttons`` that go side by side where,
    one above the other, they would leave the words too little room. Subclasses set both."""

    message: ShrinkingScrollArea
    buttons: ButtonStack

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        arrange_buttons(self, self.body, self.message, self.buttons)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # the words or their size changed
            arrange_buttons(self, self.body, self.message, self.buttons)
        return handled
