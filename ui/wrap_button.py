"""A push button whose text wraps to the width it is given.

A plain QPushButton asks for its whole text on one line: a long English label, or any label in
large text, makes the screen wider than the display (Qt then grows the window past it, and
the right edge of every screen is lost). This one asks only for its longest word and wraps the
rest, with the same roles, styles and signals as :func:`ui.widgets.big_button`.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

_UNBOUNDED_PX = 100_000


def wrap_text(text: str, font: QFont, width: int) -> str:
    """``text`` with line breaks where it must wrap to fit ``width`` pixels in ``font``
    (between words, or between any two characters of Chinese)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        found = False
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            start = line.textStart()
            lines.append(paragraph[start : start + line.textLength()].rstrip())
            found = True
        layout.endLayout()
        if not found:
            lines.append("")  # an empty paragraph is still a line
    return "\n".join(lines)


def longest_unbreakable(text: str, font: QFont) -> str:
    """The widest run of ``text`` that cannot wrap: a word, or one Chinese character."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    widest, widest_px = "", -1.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(1)  # every line as short as the rules for breaking allow
            if line.naturalTextWidth() > widest_px:
                start = line.textStart()
                widest = paragraph[start : start + line.textLength()].strip()
                widest_px = line.naturalTextWidth()
        layout.endLayout()
    return widest


class WrapButton(QPushButton):
    """A QPushButton that word-wraps: its minimum width is its longest word; its height follows
    the width it gets (height for width)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _size_for(self, text: str) -> QSize:
        """The button's whole size with ``text`` inside, as the style (sheet) draws it."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        content = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text)
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, content, self
        )

    def _text_width(self, width: int) -> int:
        """How wide the text may be in a button ``width`` wide (its border and padding off)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, width, _UNBOUNDED_PX)
        contents = self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, self
        )
        return contents.width()

    def _wrapped(self, width: int) -> str:
        return wrap_text(self.text(), self.font(), self._text_width(width))

    def shown_text(self) -> str:
        """The text as drawn now: wrapped to the button's width."""
        return self._wrapped(self.width())

    def sizeHint(self) -> QSize:
        return self._size_for(self.text())  # all on one line, where there is room for it

    def minimumSizeHint(self) -> QSize:
        narrowest = self._size_for(longest_unbreakable(self.text(), self.font())).width()
        return QSize(narrowest, self.heightForWidth(narrowest))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._size_for(self._wrapped(width)).height()

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.shown_text()
        painter = QPainter(self)
        self.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)


def wrap_button(role: str = "secondary", parent: QWidget | None = None) -> WrapButton:
    """:func:`ui.widgets.big_button`, wrapping its text to its width."""
    button = WrapButton(parent)
    button.setProperty("role", role)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button
