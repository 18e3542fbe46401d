"""What ``kiosk tour`` checks on every screen it shows: nothing cut off, squeezed or overlapping.

A screen that needs more room than the window has is still painted, only wrong: Qt grows a
window whose screens ask for more than the display (the picture is then no longer the screen's
size), squeezes a widget below the size its text needs (a word-wrapped line lost at the bottom,
a button's label cut at its edge), or, short of height, lays widgets over each other (a button
drawn across another). Each such widget is named in plain words, so whoever reads the tour's
output finds it in the PNG of the same name.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.wrap_button import WrapButton

# Rounding in Qt's layouts leaves a pixel here and there: not a cut a reader would see.
TOLERANCE_PX = 2
_QUOTED_CHARS = 40
# A button's text must clear its border (and a finger's worth of its padding is not needed).
_BUTTON_EDGE_PX = 4
_LINE_SLACK = 0.3


def layout_problems(window: QWidget, screen: QSize) -> list[str]:
    """What is wrong with what ``window`` shows now; empty when every text shows whole."""
    problems: list[str] = []
    if window.size() != screen:
        problems.append(
            f"the window grew to {window.width()}x{window.height()}, larger than the screen's "
            f"{screen.width()}x{screen.height()}: something on it needs more room"
        )
    shown = [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisible() and _shows_text(widget)
    ]
    for widget in shown:
        problem = _squeezed(widget) or _cut_off(window, widget)
        if problem:
            problems.append(f"{describe(widget)}: {problem}")
    problems += _overlapping(window, shown)
    return problems


def visible_rect(window: QWidget, widget: QWidget) -> QRect:
    """What of ``widget`` shows in ``window`` now, in the window's coordinates: clipped by each
    parent, a scroll area's view included (what is scrolled out of view is not shown)."""
    visible = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and not visible.isEmpty():
        visible = visible.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        if parent is window:
            break
        parent = parent.parentWidget()
    return visible


def describe(widget: QWidget) -> str:
    """The widget as a reviewer finds it on the picture: its kind, role and first words."""
    role = widget.property("role")
    kind = type(widget).__name__ + (f"[{role}]" if role else "")
    text = _text(widget).replace("\n", " ")
    if len(text) > _QUOTED_CHARS:
        text = text[: _QUOTED_CHARS - 1] + "…"
    return f"{kind} {text!r}" if text else kind


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return ""


def _shows_text(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return True
    return bool(_text(widget).strip())


def _squeezed(widget: QWidget) -> str:
    """Given less room than its text needs (a layout short of space shrinks below minimums).

    A button's or label's padding may give way a little; its text may not.
    """
    metrics = widget.fontMetrics()
    # A line box is taller than its glyphs (CJK fonts: ~1.45 em): a line a little short of it
    # still shows whole; a missing line, or glyphs cut, is what counts.
    slack = round(_LINE_SLACK * metrics.height())
    if isinstance(widget, QLabel) and widget.wordWrap():
        if metrics.horizontalAdvance(widget.text()) <= widget.contentsRect().width():
            needed = QSize(widget.width(), widget.height() + _ink_cut_off(widget))
        else:
            needed = QSize(widget.width(), widget.heightForWidth(widget.width()) - slack)
    elif isinstance(widget, QLabel | QAbstractButton):
        shown = widget.shown_text() if isinstance(widget, WrapButton) else _text(widget)
        text = metrics.size(Qt.TextFlag.TextShowMnemonic, shown)
        room = widget.contentsRect() if isinstance(widget, QLabel) else widget.rect()
        needed = widget.size() + text - room.size()
        if isinstance(widget, QAbstractButton):
            needed += QSize(2 * _BUTTON_EDGE_PX, 2 * _BUTTON_EDGE_PX)
    elif isinstance(widget, QLineEdit):
        needed = QSize(widget.width(), widget.minimumSizeHint().height() - slack)
    else:
        return ""  # a text box scrolls
    short_w = needed.width() - widget.width()
    short_h = needed.height() - widget.height()
    if short_w <= TOLERANCE_PX and short_h <= TOLERANCE_PX:
        return ""
    return (
        f"squeezed to {widget.width()}x{widget.height()}, its text needs "
        f"{max(needed.width(), widget.width())}x{max(needed.height(), widget.height())}"
    )


def _ink_cut_off(label: QLabel) -> int:
    """How many pixels of a one-line label's glyphs fall outside it, placed as it aligns them."""
    metrics = label.fontMetrics()
    room = label.contentsRect()
    vertical = label.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
    if vertical & Qt.AlignmentFlag.AlignTop:
        line_top = room.top()
    elif vertical & Qt.AlignmentFlag.AlignBottom:
        line_top = room.bottom() + 1 - metrics.height()
    else:
        line_top = room.top() + (room.height() - metrics.height()) // 2
    ink = metrics.tightBoundingRect(label.text()).translated(0, line_top + metrics.ascent())
    return max(0, room.top() - ink.top()) + max(0, ink.bottom() - room.bottom())


def _overlapping(window: QWidget, shown: list[QWidget]) -> list[str]:
    """Texts drawn over each other where a layout is short of room.

    What floats over a screen on purpose (the idle countdown, the PIN pad: widgets no layout
    places) covers what is under it, and is compared only with what floats with it.
    """
    placed = [(widget, _floating(window, widget), visible_rect(window, widget)) for widget in shown]
    problems: list[str] = []
    for index, (widget, layer, rect) in enumerate(placed):
        for other, other_layer, other_rect in placed[index + 1 :]:
            common = rect.intersected(other_rect)
            if common.width() <= TOLERANCE_PX or common.height() <= TOLERANCE_PX:
                continue
            if layer is not other_layer or widget.isAncestorOf(other) or other.isAncestorOf(widget):
                continue
            problems.append(
                f"{describe(widget)}: drawn over {describe(other)} "
                f"({common.width()}x{common.height()} px)"
            )
    return problems


def _floating(window: QWidget, widget: QWidget) -> QWidget | None:
    """The outermost of ``widget`` and its parents that floats: its parent has a layout, and
    that layout does not place it (an overlay raised over the rest). None: all are placed."""
    outermost: QWidget | None = None
    while widget is not window:
        parent = widget.parentWidget()
        if parent is None:
            break
        layout = parent.layout()
        if layout is not None and not _places(layout, widget):
            outermost = widget
        widget = parent
    return outermost


def _places(layout: QLayout, widget: QWidget) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _places(inner, widget):
            return True
    return False


def _cut_off(window: QWidget, widget: QWidget) -> str:
    """Partly outside what its parents show (a scroll area's content may go below its view)."""
    own = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    visible = QRect(own)
    scrolled = False  # inside a scroll area: up and down is what scrolling is for
    parent = widget.parentWidget()
    while parent is not None:
        bounds = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        area = parent.parentWidget()
        scrolled = scrolled or (isinstance(area, QAbstractScrollArea) and parent is area.viewport())
        if scrolled:
            bounds = QRect(bounds.left(), visible.top(), bounds.width(), visible.height())
        visible = visible.intersected(bounds)
        if parent is window:
            break
        parent = parent.parentWidget()
    if visible.isEmpty():
        return "entirely out of view"
    cut_w, cut_h = own.width() - visible.width(), own.height() - visible.height()
    if cut_w <= TOLERANCE_PX and cut_h <= TOLERANCE_PX:
        return ""
    return f"{cut_w} px cut off sideways, {cut_h} px cut off up or down"
