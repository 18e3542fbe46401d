"""Layouts that change with the room a window gives them, rather than a window that must grow.

The screens are drawn for the kiosk's 1920x1080 display; a vendor's kiosk may be 1280x1024 or
1366x768, and the demo opens a 1280x800 window. What is one above the other on the tall screen
goes side by side on a short one, and what is still too tall scrolls, its buttons in view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.flow_layout import FlowLayout
from ui.widgets import enable_flick_scrolling


def height_for(widget: QWidget, width: int) -> int:
    """How tall ``widget`` wants to be at ``width`` (its words wrapped to it)."""
    if widget.hasHeightForWidth():
        return widget.heightForWidth(width)
    return widget.sizeHint().height()


def column(parent: QWidget | None = None, *, spacing: int = 24) -> tuple[QWidget, QVBoxLayout]:
    """A widget that lays its children out top to bottom, without margins (those added
    before its end are kept together, above any room left)."""
    part = QWidget(parent)
    layout = QVBoxLayout(part)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return part, layout


class SideBySideWhenShort(QScrollArea):
    """Two parts, ``first`` above ``second`` where they fit the height, else side by side
    (``first`` as wide as it asks, ``second`` the rest); scrolls up and down where even that
    is too tall.

    Only the height decides (one above the other is the screen as drawn for 1080p), so a
    narrow but tall window keeps the tall arrangement.
    """

    def __init__(
        self, first: QWidget, second: QWidget, *, spacing: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_flick_scrolling(self)
        self._first, self._second = first, second
        content = QWidget()
        self._box = QBoxLayout(QBoxLayout.Direction.TopToBottom, content)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        self._box.addWidget(first)
        self._box.addWidget(second)
        self._box.addStretch(1)  # one above the other: together at the top
        self.setWidget(content)

    @property
    def side_by_side(self) -> bool:
        return self._box.direction() is QBoxLayout.Direction.LeftToRight

    def arrange(self) -> None:
        """Choose the arrangement for the room there is now (call after texts change)."""
        room = self.viewport().size()
        bar = self.verticalScrollBar()
        # As wide as it would be without a scroll bar (one above the other never needs one).
        width = room.width() + (bar.width() if bar.isVisible() else 0)
        stacked = (
            height_for(self._first, width) + self._box.spacing() + height_for(self._second, width)
        )
        direction = (
            QBoxLayout.Direction.TopToBottom
            if stacked <= room.height()
            else QBoxLayout.Direction.LeftToRight
        )
        if self._box.direction() != direction:
            self._box.setDirection(direction)
            beside = direction is QBoxLayout.Direction.LeftToRight
            for index, stretch in enumerate((0, 1, 0) if beside else (0, 0, 1)):
                self._box.setStretch(index, stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.arrange()


class ShrinkingScrollArea(QScrollArea):
    """As tall as its content where there is room; shorter, scrolling, where there is not (a
    long message in large text, above buttons that must stay in view)."""

    _LEAST_PX = 120

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        enable_flick_scrolling(self)
        self.setWidget(content)
        self._wanted = -1

    def wanted_height(self) -> int:
        """The content's height at the width it is shown at, without a scroll bar."""
        content = self.widget()
        if content is None:
            return 0
        bar = self.verticalScrollBar()
        width = self.viewport().width() + (bar.width() if bar.isVisible() else 0)
        return height_for(content, width) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.wanted_height())

    def minimumSizeHint(self) -> QSize:
        least = min(self.wanted_height(), self._LEAST_PX)
        return QSize(super().minimumSizeHint().width(), least)

    def _follow_content(self) -> None:
        """Ask the screen's layout again where the height wanted changed (new words, another
        text size, another width): Qt would keep the first answer."""
        wanted = self.wanted_height()
        if wanted != self._wanted:
            self._wanted = wanted
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow_content()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # the content's layout changed
            self._follow_content()
        return handled


class ButtonStack(QWidget):
    """Buttons one above the other, centred; across, as many to a line as fit, where the
    screen is too short for a column of them (see :func:`arrange_buttons`)."""

    def __init__(self, *, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing=spacing, centred=True)
        self.flow.one_per_line = True

    def add(self, button: QWidget) -> None:
        self.flow.addWidget(button)

    @property
    def across(self) -> bool:
        return not self.flow.one_per_line

    def set_across(self, across: bool) -> None:
        self.flow.one_per_line = not across

    def column_height(self) -> int:
        return self.flow.height_for(self.width(), one_per_line=True)


def arrange_buttons(
    screen: QWidget, body: QBoxLayout, message: ShrinkingScrollArea, buttons: ButtonStack
) -> None:
    """Put ``buttons`` across where, one above the other, they would leave ``message`` less
    room than it needs (call once ``body``, the screen's layout, has placed its items)."""
    stretches = 0
    for index in range(body.count()):
        item = body.itemAt(index)
        spacer = item.spacerItem() if item is not None else None
        if spacer is not None and spacer.expandingDirections() & Qt.Orientation.Vertical:
            stretches += spacer.geometry().height()
    column = (
        screen.height()
        - stretches
        + message.wanted_height()
        - message.height()
        + buttons.column_height()
        - buttons.height()
    )
    buttons.set_across(column > screen.height())
