"""What the staff pages share: content that scrolls where it is taller than the room.

The pages are laid out to fit the kiosk's 1920x1080 screen in every display mode without
scrolling; a long answer from a device, or a smaller window, then scrolls rather than pushing
lines over each other.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets import vertical_scroll_area


class ScrollingPage(QWidget):
    """A staff page: lay out ``content`` (widgets made with the page as parent move into it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scroll_area = vertical_scroll_area(self, framed=False)
        self.content = QWidget()
        self.scroll_area.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def scrolls(self) -> bool:
        """Whether the content is taller than the room it is shown in."""
        return self.scroll_area.verticalScrollBar().maximum() > 0
