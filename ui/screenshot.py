"""A picture of the kiosk window as a citizen sees it, the on-screen keyboard included.

``QWidget.grab()`` paints the window's widgets into a pixmap, but the keyboard is a
``QQuickWidget``: its Qt Quick scene is rendered into a buffer of its own, and ``grab()`` shows a
flat area where its keys are. ``grab_window`` paints that buffer (``grabFramebuffer``) into the
window's picture where the view is, then paints again whatever lies over it (the idle
countdown's overlay). ``kiosk tour`` and bug reports use it for their screenshots.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget

_QUICK_WIDGETS = "PySide6.QtQuickWidgets"


def grab_window(window: QWidget) -> QPixmap:
    """``window`` as it is on screen, Qt Quick views (the virtual keyboard) drawn in."""
    picture = window.grab()
    # No Qt Quick view can exist before its module is loaded (the keyboard loads it late):
    # then grab() has everything, and this never loads Qt Quick itself.
    module = sys.modules.get(_QUICK_WIDGETS)
    if module is None:
        return picture
    views = [view for view in window.findChildren(module.QQuickWidget) if view.isVisible()]
    if not views:
        return picture
    painter = QPainter(picture)
    try:
        for view in views:
            frame = view.grabFramebuffer()
            if frame.isNull():
                continue
            painter.drawImage(QRect(view.mapTo(window, QPoint(0, 0)), view.size()), frame)
            for cover in _stacked_over(window, view):
                cover.render(painter, cover.mapTo(window, QPoint(0, 0)))
    finally:
        painter.end()
    return picture


def _stacked_over(window: QWidget, view: QWidget) -> list[QWidget]:
    """The window's visible children painted after (so over) ``view``, where they overlap it."""
    holder, parent = view, view.parentWidget()
    while parent is not None and parent is not window:
        holder, parent = parent, parent.parentWidget()
    siblings = [child for child in window.children() if isinstance(child, QWidget)]
    place = next((i for i, sibling in enumerate(siblings) if sibling is holder), None)
    if place is None:
        return []
    area = QRect(view.mapTo(window, QPoint(0, 0)), view.size())
    return [
        widget
        for widget in siblings[place + 1 :]
        if widget.isVisible() and widget.geometry().intersects(area)
    ]
