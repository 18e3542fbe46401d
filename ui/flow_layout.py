"""A layout that lines widgets up left to right and wraps to a new line where the width ends.

A form's choices sit in one row on the kiosk's 1920x1080 screen; in a narrower window (the
demo's 1280x800), or with longer names, the row would be wider than the window and its last
choices cut off. Here they go on to the next line instead, each as wide as its text.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items at their preferred widths, left to right, wrapping where the width ends.

    ``centred``: each line in the middle of the width. ``one_per_line``: each item on a line of
    its own (a column), until set otherwise.
    """

    def __init__(
        self, parent: QWidget | None = None, *, spacing: int = 12, centred: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._centred = centred
        self._one_per_line = False
        self.setContentsMargins(0, 0, 0, 0)

    @property
    def one_per_line(self) -> bool:
        return self._one_per_line

    @one_per_line.setter
    def one_per_line(self, on: bool) -> None:
        if on != self._one_per_line:
            self._one_per_line = on
            self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.height_for(width, one_per_line=self._one_per_line)

    def height_for(self, width: int, *, one_per_line: bool) -> int:
        """The height the items take at ``width``, one to a line or as many as fit."""
        return self._arrange(QRect(0, 0, width, 0), place=False, one_per_line=one_per_line)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True, one_per_line=self._one_per_line)

    def sizeHint(self) -> QSize:
        """As wide as every item on one line; as high as one item to a line.

        The height is the most it can take: a layout aligned to the top lays its items out in
        the lesser of this and the height for its width (Qt's ``QLayout.alignmentRect``), so a
        hint of one line would squeeze the lines below it into the next widget's place.
        """
        hints = [item.sizeHint() for item in self._shown()]
        width = sum(hint.width() for hint in hints) + self._gap * max(0, len(hints) - 1)
        height = sum(hint.height() for hint in hints) + self._gap * max(0, len(hints) - 1)
        return QSize(width, height) + self._margin_size()

    def minimumSize(self) -> QSize:
        """The widest item alone on a line."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size + self._margin_size()

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _margin_size(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, place: bool, one_per_line: bool) -> int:
        """Lay the items out in ``rect`` (``place``: move them there); the height they take."""
        margins = self.contentsMargins()
        room = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = []
        line_width = 0
        for item in self._shown():
            width = min(item.sizeHint().width(), room.width())  # never wider than the line
            height = item.heightForWidth(width) if item.hasHeightForWidth() else -1
            size = QSize(width, height if height >= 0 else item.sizeHint().height())
            if not lines or one_per_line or line_width + self._gap + width > room.width():
                lines.append([])
                line_width = -self._gap
            lines[-1].append((item, size))
            line_width += self._gap + width
        y = room.y()
        for line in lines:
            width = sum(size.width() for _, size in line) + self._gap * (len(line) - 1)
            x = room.x() + ((room.width() - width) // 2 if self._centred else 0)
            line_height = max(size.height() for _, size in line)
            if place:
                for item, size in line:
                    item.setGeometry(QRect(QPoint(x, y), size))
                    x += size.width() + self._gap
            y += line_height + self._gap
        used = y - room.y() - (self._gap if lines else 0)
        return used + margins.top() + margins.bottom()
