"""A large numeric keypad for numbers, phone numbers, dates and ID numbers.

A screen attaches it to a line edit with ``attach_keypad(edit, KeypadKind.PHONE)``: that edit
then takes no on-screen keyboard, and the window's input dock (``ui.keyboard.InputDock``)
shows this keypad under the screen while the edit has focus. ``Keypad`` is also a plain
widget a screen can place itself (``set_target``) where a pad belongs in the layout.

The keys send real key events to the edit, the same path as a physical keyboard: the edit's
length limit, validator and event filters (the scanner's timing, the idle countdown) see them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.widgets import big_button

KEYPAD_PROPERTY = "keypad"  # on a QLineEdit: the KeypadKind value it takes
# On a short window the pad would take half the height and leave the screen above no room for
# the field: it takes at most this share, its keys shorter, or (where four rows of keys would
# be shorter than a fingertip, as in the demo's 1280x800 window) the digits in one row.
MAX_HEIGHT_SHARE = 0.42
MIN_KEY_PX = 88  # a fingertip at 1080p, with room for an unsteady hand
_KEY_BORDER_PX = 6  # a key's border around the height the theme's min-height sets
_KEY_SIDES_PX = 36  # a digit key's padding and border, left and right, around its min-width
_ROW_DIGITS = "1234567890"


class KeypadArrangement(Enum):
    """Where the keys are."""

    TELEPHONE = "telephone"  # 1 2 3 on top, as on a telephone; the actions on the right
    ROW = "row"  # 1 to 0 in one row, the actions under it: two rows, for a short window

    @property
    def rows(self) -> int:
        return 4 if self is KeypadArrangement.TELEPHONE else 2


class KeypadKind(Enum):
    """Which keys besides 0-9 a field needs."""

    DIGITS = "digits"
    NUMBER = "number"  # a decimal point
    PHONE = "phone"
    DATE = "date"  # YYYY-MM-DD: a dash
    ID_NUMBER = "id-number"  # the check character X of a resident ID number

    @property
    def extra_key(self) -> str:
        return _EXTRA_KEYS[self]


_EXTRA_KEYS = {
    KeypadKind.DIGITS: "",
    KeypadKind.NUMBER: ".",
    KeypadKind.PHONE: "",
    KeypadKind.DATE: "-",
    KeypadKind.ID_NUMBER: "X",
}
_KEY_CODES = {
    **{str(digit): Qt.Key(Qt.Key.Key_0.value + digit) for digit in range(10)},
    ".": Qt.Key.Key_Period,
    "-": Qt.Key.Key_Minus,
    "X": Qt.Key.Key_X,
}


def attach_keypad(edit: QLineEdit, kind: KeypadKind) -> None:
    """``edit`` is filled in with the keypad of ``kind`` instead of the on-screen keyboard."""
    edit.setProperty(KEYPAD_PROPERTY, kind.value)
    # The input method (the on-screen keyboard) leaves a field alone that does not take it.
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)


def keypad_kind_of(widget: QWidget | None) -> KeypadKind | None:
    """The keypad ``widget`` was attached to, or None."""
    if not isinstance(widget, QLineEdit):
        return None
    value = widget.property(KEYPAD_PROPERTY)
    try:
        return KeypadKind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _press(target: QWidget, key: Qt.Key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


class Keypad(QWidget):
    """Ten digits, the field's one extra key, delete, clear and done; keys never take focus,
    so the field keeps it (and its cursor) while the citizen types.

    Signals:
        done(): the citizen touched "done".
    """

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._target: QLineEdit | None = None
        self.kind = KeypadKind.DIGITS
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        self._grid = grid
        grid.setContentsMargins(24, 12, 24, 12)
        grid.setSpacing(10)
        for digit in "1234567890":
            self.keys[digit] = self._key(digit)
        self.extra = self._key("")
        self.backspace = self._action_key(lambda: self._send(Qt.Key.Key_Backspace))
        self.clear_all = self._action_key(self._clear)
        self.finish = self._action_key(self.done.emit)
        self.finish.setProperty("role", "key-done")
        self.finish.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.arrangement = KeypadArrangement.TELEPHONE
        self._arrange(KeypadArrangement.TELEPHONE)
        self.retranslate()
        self.set_kind(KeypadKind.DIGITS)
        self._fitted_to: tuple[object, ...] = ()

    def _arrange(self, arrangement: KeypadArrangement) -> None:
        grid = self._grid
        self.arrangement = arrangement
        for key in (*self.keys.values(), self.extra, self.backspace, self.clear_all, self.finish):
            grid.removeWidget(key)
        if arrangement is KeypadArrangement.TELEPHONE:
            # A telephone's digits, the field's extra key under 7, a wide 0; actions on the right.
            for index, digit in enumerate("123456789"):
                grid.addWidget(self.keys[digit], index // 3, index % 3)
            grid.addWidget(self.extra, 3, 0)
            grid.addWidget(self.keys["0"], 3, 1, 1, 2)
            grid.addWidget(self.backspace, 0, 3)
            grid.addWidget(self.clear_all, 1, 3)
            grid.addWidget(self.finish, 2, 3, 2, 1)
            digit_columns = 3
        else:
            # The digits in order, as on a keyboard's top row, the extra key last; under them
            # delete and clear on the left, done on the right.
            for index, digit in enumerate(_ROW_DIGITS):
                grid.addWidget(self.keys[digit], 0, index)
            grid.addWidget(self.extra, 0, len(_ROW_DIGITS))
            grid.addWidget(self.backspace, 1, 0, 1, 3)
            grid.addWidget(self.clear_all, 1, 3, 1, 3)
            grid.addWidget(self.finish, 1, 7, 1, 4)
            digit_columns = len(_ROW_DIGITS) + 1
        for column in range(max(grid.columnCount(), digit_columns)):
            grid.setColumnStretch(column, 1 if column < digit_columns else 0)

    def fit_to_window(self, window_height: int) -> None:
        """Keys short enough for the pad to take at most ``MAX_HEIGHT_SHARE`` of the height;
        where four rows would then be shorter than a fingertip, the digits go in one row."""
        window = self.window()
        # The display modes change the keys' own sizes: fitted again when they change.
        fitted_to = (window_height, window.width(), window.styleSheet(), window.property("care"))
        if fitted_to == self._fitted_to:
            return
        self._fitted_to = fitted_to
        self.setStyleSheet("")
        self._arrange(KeypadArrangement.TELEPHONE)
        room = int(window_height * MAX_HEIGHT_SHARE)
        if self.sizeHint().height() <= room:
            return
        key = self._key_height(room, KeypadArrangement.TELEPHONE)
        if key >= MIN_KEY_PX:
            self._squeeze(key)
            return
        natural = self.keys["1"].sizeHint()
        self._arrange(KeypadArrangement.ROW)
        height = min(natural.height(), self._key_height(room, KeypadArrangement.ROW))
        # Eleven keys in a row: as wide as the window lets them be, up to the theme's width.
        margins = self._grid.contentsMargins()
        columns = len(_ROW_DIGITS) + 1
        row = window.width() - margins.left() - margins.right()
        width = min(natural.width(), (row - self._grid.spacing() * (columns - 1)) // columns)
        self._squeeze(height, max(MIN_KEY_PX, width))

    def _key_height(self, room: int, arrangement: KeypadArrangement) -> int:
        margins = self._grid.contentsMargins()
        spacing = self._grid.spacing() * (arrangement.rows - 1)
        return (room - margins.top() - margins.bottom() - spacing) // arrangement.rows

    def _squeeze(self, height: int, width: int | None = None) -> None:
        # The window's theme sets the keys' sizes by role; a pad's own sheet wins over it.
        sheet = f"min-height: {height - _KEY_BORDER_PX}px; padding-top: 0px; padding-bottom: 0px;"
        if width is not None:
            sheet += f" min-width: {width - _KEY_SIDES_PX}px;"
        self.setStyleSheet(f"QPushButton {{ {sheet} }}")

    def _key(self, text: str) -> QPushButton:
        key = big_button("key", self)
        key.setText(text)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAutoRepeat(False)
        key.clicked.connect(lambda _=False, button=key: self._type(button.text()))
        return key

    def _action_key(self, action: Callable[[], object]) -> QPushButton:
        key = big_button("key-action", self)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(lambda _=False: action())
        return key

    def retranslate(self) -> None:
        # A word as well as the sign: not everyone reads "⌫".
        self.backspace.setText(self.tr("⌫ Delete"))
        self.clear_all.setText(self.tr("Clear"))
        self.finish.setText(self.tr("Done"))

    def changeEvent(self, event: QEvent) -> None:
        # The window retranslates its screens itself; the keypad follows Qt's own notice.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_kind(self, kind: KeypadKind) -> None:
        self.kind = kind
        self.extra.setText(kind.extra_key)
        # An empty key keeps its place (the digits never move) but cannot be pressed.
        self.extra.setEnabled(bool(kind.extra_key))

    def set_target(self, edit: QLineEdit | None, kind: KeypadKind | None = None) -> None:
        """Type into ``edit`` (None: nowhere) with the keys of ``kind`` (default: its own)."""
        self._target = edit
        chosen = kind or keypad_kind_of(edit) or KeypadKind.DIGITS
        if chosen is not self.kind:
            self.set_kind(chosen)

    @property
    def target(self) -> QLineEdit | None:
        return self._target

    def _type(self, text: str) -> None:
        if text:
            self._send(_KEY_CODES[text], text)

    def _send(self, key: Qt.Key, text: str = "") -> None:
        if self._target is not None:
            _press(self._target, key, text)

    def _clear(self) -> None:
        if self._target is not None and self._target.text():
            self._target.selectAll()
            self._send(Qt.Key.Key_Backspace)  # an edit, like a key: the field hears textEdited
