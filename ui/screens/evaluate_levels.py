"""The five rating levels, laid out in the room the screen has: every level in view, none
scrolled away, none overlapping another.

One column, best on top, where the five fit at their own height (normal text at 1080 px).
Where they do not (large text, care mode's taller targets, a smaller window) they go in two
columns read row by row, as a page is read: best top left, worst alone on the last row. Only
where even that is too tall do the buttons give up some height, never below a fingertip; and
where that is not enough either (large text in the demo's 1280x800 window), they scroll.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

MIN_TARGET_PX = 88  # a fingertip at 1080p, with room for an unsteady hand
SPACING_PX = 16
MAX_COLUMNS = 2  # more side by side and the words no longer fit beside their stars


@dataclass(frozen=True)
class LevelGrid:
    """Where the levels go: ``columns`` side by side, each ``cell`` big."""

    columns: int
    cell: QSize

    def rects(self, count: int) -> list[QRect]:
        """Row by row: the first ``columns`` levels on the top row, and so on."""
        return [
            QRect(
                (index % self.columns) * (self.cell.width() + SPACING_PX),
                (index // self.columns) * (self.cell.height() + SPACING_PX),
                self.cell.width(),
                self.cell.height(),
            )
            for index in range(count)
        ]


def plan_levels(count: int, room: QSize, needed: QSize) -> LevelGrid:
    """The fewest columns whose rows fit ``room`` at the ``needed`` size of one level; where
    none do, the most columns ``room`` is wide enough for, each row squeezed to fit (never
    below a fingertip's target, nor above ``needed``)."""
    wide_enough = _columns_wide_enough(room.width(), needed.width())
    for columns in wide_enough:
        if _height(count, columns, needed.height()) <= room.height():
            return LevelGrid(columns, QSize(_cell_width(room, columns), needed.height()))
    columns = wide_enough[-1]
    rows = math.ceil(count / columns)
    squeezed = (room.height() - (rows - 1) * SPACING_PX) // rows
    height = min(needed.height(), max(MIN_TARGET_PX, squeezed))
    return LevelGrid(columns, QSize(_cell_width(room, columns), height))


def _columns_wide_enough(room_width: int, level_width: int) -> list[int]:
    """The numbers of columns of levels ``room_width`` has the width for (one at least)."""
    return [
        columns
        for columns in range(1, MAX_COLUMNS + 1)
        if columns * level_width + (columns - 1) * SPACING_PX <= room_width
    ] or [1]


def _height(count: int, columns: int, row_height: int) -> int:
    rows = math.ceil(count / columns)
    return rows * row_height + (rows - 1) * SPACING_PX


def _cell_width(room: QSize, columns: int) -> int:
    return (room.width() - (columns - 1) * SPACING_PX) // columns


class LevelChoices(QWidget):
    """Holds the level buttons (in the order given, best first) and places them itself."""

    def __init__(self, buttons: Sequence[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = list(buttons)
        for button in self._buttons:
            button.setParent(self)
        # Takes the height left on the page; what it needs depends on the width it gets.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.grid = LevelGrid(1, QSize())

    def needed(self) -> QSize:
        """The size one level asks for (the largest of them, so they line up)."""
        width = max(button.sizeHint().width() for button in self._buttons)
        height = max(button.sizeHint().height() for button in self._buttons)
        return QSize(width, height)

    def sizeHint(self) -> QSize:
        needed = self.needed()
        return QSize(needed.width(), _height(len(self._buttons), 1, needed.height()))

    def minimumSizeHint(self) -> QSize:
        # One column wide (narrow windows), the two columns' squeezed rows high.
        count = len(self._buttons)
        return QSize(self.needed().width(), _height(count, MAX_COLUMNS, MIN_TARGET_PX))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The least height the levels fit in at ``width``, squeezed to fingertips: where they
        stand in a scroll area, less than this and it scrolls (large text in a small window)."""
        columns = _columns_wide_enough(width, self.needed().width())[-1]
        return _height(len(self._buttons), columns, MIN_TARGET_PX)

    def event(self, event: QEvent) -> bool:
        # A button's size changed (its text, language or display mode): ask again, rearrange.
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._arrange()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def showEvent(self, event: QShowEvent) -> None:
        # Restyled while hidden (a display mode chosen on another screen), the buttons tell
        # nobody their new size: they are polished, at the latest, by now.
        super().showEvent(event)
        self.updateGeometry()
        self._arrange()

    def _arrange(self) -> None:
        self.grid = plan_levels(len(self._buttons), self.size(), self.needed())
        for button, rect in zip(self._buttons, self.grid.rects(len(self._buttons)), strict=True):
            # The theme's min-height is the height a level asks for (its size hint), not a
            # floor: squeezed, the floor is a fingertip's (the style sheet sets it again on
            # every restyle, which then arranges the levels again).
            button.setMinimumHeight(min(rect.height(), button.minimumHeight()))
            button.setGeometry(rect)
