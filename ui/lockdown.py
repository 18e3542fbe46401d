"""Lockdown: the window stays full screen and nothing a citizen presses leads out of it.

Only the program closes the kiosk window: ``Shell.shut_down`` (``window.close()``), a quit
(``QApplication.quit``, e.g. staff leaving for maintenance), or :meth:`Lockdown.release`.
A close that comes from outside the program (Alt+F4 through a window manager, a close button,
the compositor) reaches the window's QWindow first, which hands it on to the widget as a
spontaneous close event: that one is refused.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

log = logging.getLogger(__name__)

_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.MetaModifier
)
# Keys that close, quit or back out of something, with the modifiers that make them do so
# (None: with any modifiers).
_ESCAPE_KEYS: dict[Qt.Key, Qt.KeyboardModifier | None] = {
    Qt.Key.Key_Escape: None,
    Qt.Key.Key_Close: None,
    Qt.Key.Key_Exit: None,
    Qt.Key.Key_F4: Qt.KeyboardModifier.AltModifier,
    Qt.Key.Key_Q: Qt.KeyboardModifier.ControlModifier,
    Qt.Key.Key_W: Qt.KeyboardModifier.ControlModifier,
}
_KEY_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
)
# The filter sees every event of the application: all others are let through at once.
_WATCHED = _KEY_EVENTS | {
    QEvent.Type.ContextMenu,
    QEvent.Type.Close,
    QEvent.Type.Quit,
    QEvent.Type.Polish,
    QEvent.Type.Show,
}


def is_escape_key(event: QKeyEvent) -> bool:
    """Whether the key is one that closes, quits or backs out (Alt+F4, Ctrl+Q, Ctrl+W, Esc)."""
    try:
        key = Qt.Key(event.key())
    except ValueError:
        return False
    if key not in _ESCAPE_KEYS:
        return False
    needed = _ESCAPE_KEYS[key]
    return needed is None or bool(event.modifiers() & _MODIFIERS & needed)


class Lockdown(QObject):
    """Filters the whole application's events for ``window`` (its child, living as long as it).

    - escape keys (:func:`is_escape_key`) reach no widget and trigger no shortcut;
    - the window refuses spontaneous close events until the program itself quits;
    - no context menu is shown (long presses and right clicks included);
    - a file dialog never reaches the screen and is closed the moment it is shown (dialogs are
      never native, so that none escapes this).
    """

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._released = False
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        app.installEventFilter(self)  # Qt drops the filter itself when the window goes

    @property
    def released(self) -> bool:
        return self._released

    def release(self) -> None:
        """The program is shutting down: let the window close, however asked."""
        self._released = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if kind in _KEY_EVENTS:
            if isinstance(event, QKeyEvent) and is_escape_key(event):
                event.accept()  # a ShortcutOverride accepted here matches no shortcut
                return True
            return False
        if kind == QEvent.Type.ContextMenu:
            event.accept()
            return True
        if kind == QEvent.Type.Close and watched is self._window:
            return self._refuse_close(event)
        if kind == QEvent.Type.Quit and watched is self._app:
            self.release()  # the program quits: its windows are asked to close next
            return False
        if isinstance(watched, QFileDialog):
            if kind == QEvent.Type.Polish:  # before its first show: it never reaches the screen
                watched.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            elif kind == QEvent.Type.Show:
                log.warning("a file dialog was about to open; closed (kiosk lockdown)")
                QTimer.singleShot(0, watched.reject)
        return False

    def _refuse_close(self, event: QEvent) -> bool:
        if self._released or not event.spontaneous():
            return False  # the program closes its own window
        log.info("close request from outside the program refused (kiosk lockdown)")
        event.ignore()
        return True


def lock_down(app: QApplication, window: QWidget) -> Lockdown:
    """Close keys, the close event, context menus and file dialogs lead nowhere. (The pointer
    is hidden by ``ui.app.run_window`` on full-screen touch builds.)"""
    return Lockdown(app, window)
