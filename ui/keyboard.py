"""On-screen input: Qt Virtual Keyboard for text, a large keypad for numbers.

No step needs a physical keyboard. ``InputDock`` sits under the screens and, while a field
that needs it has focus (the citizen tapped it), shows either the keypad the field was
attached to (``ui.keypad.attach_keypad``) or the virtual keyboard (Pinyin for zh-Hans,
Cangjie / Zhuyin for zh-Hant, English). Being part of the window's layout, it takes its height
from the screens above: the field is never under it, and is scrolled into view.

The keyboard (``ui.virtual_keyboard``) is Qt Virtual Keyboard's own ``InputPanel`` in a
``QQuickWidget`` inside the window ("application integration"), built the first time a text
field needs it. The plugin's "desktop" panel would be a second top-level window, which the
kiosk's compositor (cage) cannot place beside the kiosk; and Qt Quick with the keyboard's QML
costs a few hundred ms and MiB that a citizen who only inserts a card never needs.

Under Wayland (the kiosk's unit runs it in cage) this is a client-side input method: the
kiosk's own process draws the keyboard and types with it, and needs nothing of the compositor.
QtWayland warns that "qtvirtualkeyboard currently is not supported at client-side" whenever it
is asked for, then (Qt 6.7 and later) loads it all the same;
tests/packaging/test_wayland_keyboard.py types Chinese and English through it in cage.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.input_method import (
    KEYBOARD_MODULE,
    keyboard_requested,
    on_wayland,
    requested_input_methods,
)
from ui.keypad import Keypad, keypad_kind_of
from ui.qt_noise import quiet_qt_noise
from ui.virtual_keyboard import VirtualKeyboard, keyboard_installed

if TYPE_CHECKING:
    from PySide6.QtQuickWidgets import QQuickWidget


_TYPING = (QEvent.Type.KeyPress, QEvent.Type.InputMethod)


log = logging.getLogger(__name__)


def prepare_input_method() -> None:
    """Choose the input method before the QApplication exists (Qt reads it at start-up).

    An input method already chosen (QT_IM_MODULE or QT_IM_MODULES, by a vendor, or a bench
    comparing) is left as it is.
    """
    chosen = requested_input_methods(os.environ)
    if not chosen:
        if not keyboard_installed():
            return
        os.environ["QT_IM_MODULE"] = KEYBOARD_MODULE
    elif not keyboard_requested(os.environ):
        log.warning("no on-screen keyboard: the environment chooses input method %s", chosen)
        return
    # The panel lives inside the kiosk's window (InputDock), never in a window of its own.
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    if on_wayland(os.environ):
        # Before QtWayland starts and warns that the keyboard cannot work, which is not so.
        quiet_qt_noise()


def is_text_field(widget: QWidget | None) -> bool:
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return False


class InputDock(QWidget):
    """The strip under the screens for the keypad or the on-screen keyboard.

    Shown when the citizen taps a field (not when a screen focuses one by itself), hidden when
    focus leaves the fields, on "done", and on the keyboard's own hide key.

    The keyboard's own signals (``keyboard.ready``, ``keyboard.failed``) say when it loaded.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("input-dock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._window = window
        self.keypad = Keypad(self)
        self.keypad.done.connect(self.dismiss)
        self.keypad.hide()
        self.keyboard = VirtualKeyboard(self)
        self.keyboard.ready.connect(self._keyboard_ready)
        self.keyboard.failed.connect(self._keyboard_failed)
        self._target: QWidget | None = None
        self._waiting_for_keyboard: QWidget | None = None
        self._revealing: QWidget | None = None  # the field to keep in view while the dock is up
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        QGuiApplication.inputMethod().visibleChanged.connect(self._input_method_visibility)

    # -- what is on screen -------------------------------------------------------------------

    @property
    def keyboard_available(self) -> bool:
        return self.keyboard.available

    @property
    def keyboard_view(self) -> QQuickWidget | None:
        return self.keyboard.view

    def keyboard_showing(self) -> bool:
        return self.isVisible() and self.keyboard.showing()

    def keypad_showing(self) -> bool:
        return self.isVisible() and self.keypad.isVisible()

    def dismiss(self) -> None:
        """Put the keypad or keyboard away; the field keeps its focus (a tap brings it back)."""
        self._waiting_for_keyboard = None
        self._revealing = None
        self.keyboard.hide()
        self.keypad.hide()
        self.keypad.set_target(None)
        self.hide()

    # -- following the citizen's taps --------------------------------------------------------

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is self._target and old is not None:
            for surface in touch_surfaces(old):
                surface.removeEventFilter(self)
        self._target = None
        if new is None or not is_text_field(new) or not self._window.isAncestorOf(new):
            if new is None or not self.isAncestorOf(new):
                self.dismiss()
            return
        self._target = new
        for surface in touch_surfaces(new):
            surface.installEventFilter(self)
        if self.isVisible():
            self.present(new)  # from one field to the next: the dock stays, maybe changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd)
            and self._target is not None
            and any(watched is surface for surface in touch_surfaces(self._target))
        ):
            target = self._target
            QTimer.singleShot(0, lambda: self._present_if_focused(target))
        elif self._revealing is not None and (
            kind == QEvent.Type.Resize
            # Typing moves the cursor: a text box taller than the room left follows it.
            or (watched is self._revealing and kind in _TYPING)
        ):
            self._reveal_later()
        return False

    def _present_if_focused(self, target: QWidget) -> None:
        if target is self._target and target.hasFocus():
            self.present(target)

    def present(self, target: QWidget) -> None:
        """Show what ``target`` is filled in with: its keypad, else the keyboard."""
        kind = keypad_kind_of(target)
        if kind is not None and isinstance(target, QLineEdit):
            self._hide_keyboard()
            self.keypad.set_target(target, kind)
            self.keypad.fit_to_window(self._window.height())
            self.keypad.show()
            self._show_and_reveal(target)
        elif self.keyboard_available:
            self.keypad.hide()
            self.keypad.set_target(None)
            self._show_keyboard(target)
        else:
            self.dismiss()

    def _show_and_reveal(self, target: QWidget) -> None:
        self._revealing = target
        # The screens above get shorter once the dock is laid out, some time after show():
        # each scroll area the field is in scrolls it into view when its viewport shrinks.
        for area in scroll_areas_around(target):
            area.viewport().removeEventFilter(self)
            area.viewport().installEventFilter(self)
        self.show()
        reveal(target)

    def _reveal_later(self) -> None:
        target = self._revealing
        if target is not None:
            QTimer.singleShot(0, lambda: self._reveal_if_current(target))

    def _reveal_if_current(self, target: QWidget) -> None:
        if target is self._revealing:
            reveal(target)

    # -- the virtual keyboard ----------------------------------------------------------------

    def _hide_keyboard(self) -> None:
        self._waiting_for_keyboard = None
        self.keyboard.hide()

    def _show_keyboard(self, target: QWidget) -> None:
        if not self.keyboard.loaded:
            self._waiting_for_keyboard = target
            view = self.keyboard.load()
            if view is not None:
                self._column.addWidget(view)
            return
        # The layout of the language on screen (the window sets Qt's default locale with it).
        self.keyboard.show_for(target, QLocale().name())
        self._show_and_reveal(target)

    def _keyboard_ready(self) -> None:
        target, self._waiting_for_keyboard = self._waiting_for_keyboard, None
        if target is not None and target is self._target and target.hasFocus():
            self._show_keyboard(target)

    def _keyboard_failed(self) -> None:
        self._waiting_for_keyboard = None
        self.dismiss()  # text fields take a physical keyboard only

    def _input_method_visibility(self) -> None:
        # The keyboard's own "hide" key: put the dock away with it.
        if not QGuiApplication.inputMethod().isVisible() and self.keyboard_showing():
            self.dismiss()


def touch_surfaces(field: QWidget) -> tuple[QWidget, ...]:
    """What a finger on ``field`` touches: a text box's viewport takes the tap, not the box."""
    if isinstance(field, QAbstractScrollArea):
        return (field, field.viewport())
    return (field,)


def scroll_areas_around(field: QWidget) -> list[QScrollArea]:
    """The scroll areas ``field`` sits in, innermost first."""
    areas: list[QScrollArea] = []
    parent = field.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


REVEAL_MARGIN_PX = 24


def reveal(field: QWidget) -> None:
    """Scroll every scroll area ``field`` sits in so that it is in view, with what belongs to
    it (its caption, a button beside it: the widget around it) where that fits; where it does
    not, the field and as much of that widget below it as fits (what comes next: the button
    that goes on)."""
    child: QWidget = field
    for area in scroll_areas_around(field):
        group = child.parentWidget()
        if child is field and group is not None and group is not area.widget():
            if group.height() <= area.viewport().height():
                area.ensureWidgetVisible(group, 0, 0)
            else:
                _show_field_and_below(area, field, group)
        area.ensureWidgetVisible(child, REVEAL_MARGIN_PX, REVEAL_MARGIN_PX)
        child = area
    if isinstance(field, QPlainTextEdit | QTextEdit):
        _show_cursor(field)


def _show_cursor(box: QPlainTextEdit | QTextEdit) -> None:
    """The line being typed in view, where the box is taller than the room left for it."""
    areas = scroll_areas_around(box)
    if not areas:
        return
    area, cursor = areas[0], box.cursorRect()
    content = area.widget()
    if content is None:
        return
    middle = box.viewport().mapTo(content, cursor.center())
    area.ensureVisible(middle.x(), middle.y(), 0, cursor.height() // 2 + REVEAL_MARGIN_PX)


def _show_field_and_below(area: QScrollArea, field: QWidget, group: QWidget) -> None:
    content = area.widget()
    if content is None:
        return
    top = field.mapTo(content, QPoint(0, 0)).y() - REVEAL_MARGIN_PX
    bottom = group.mapTo(content, QPoint(0, group.height())).y()
    bottom = min(bottom, top + area.viewport().height())
    bar = area.verticalScrollBar()
    if top < bar.value():
        bar.setValue(top)
    elif bottom > bar.value() + area.viewport().height():
        bar.setValue(bottom - area.viewport().height())
