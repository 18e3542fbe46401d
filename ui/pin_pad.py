"""A big PIN pad laid over the screen the staff entry was used on: digits only, no keyboard.

The digits typed show as dots. The pad closes itself after :data:`PAD_IDLE_S` without a touch,
so a citizen never finds it left open.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.widgets import big_button, label

PAD_IDLE_S = 30
MAX_DIGITS = 12
_STYLE = """
QWidget#pin-pad { background: rgba(10, 20, 30, 170); }
QWidget#pin-panel { background: white; border-radius: 16px; }
QPushButton[role="pin-key"] {
    font-size: 48px; min-width: 200px; min-height: 110px; background: white;
    color: #0b4f8a; border: 3px solid #0b4f8a; border-radius: 12px; padding: 0;
}
QPushButton[role="pin-key"]:pressed { background: #e3eef8; }
QPushButton[role="pin-key"]:disabled { color: #9aa5b1; border-color: #c5cdd6; }
QLabel[role="pin-dots"] { font-size: 56px; color: #1a1a1a; min-height: 72px; }
"""


def _countdown(seconds: float) -> str:
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class PinPad(QWidget):
    """Signals:
    pin_entered(str): OK was touched with the digits typed.
    cancelled(): "Cancel" was touched, or nobody touched the pad for a while.
    """

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pin-pad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.clock = clock
        self._digits = ""
        self._locked_until = 0.0
        self._busy = False
        self._tries_left: int | None = None

        panel = QWidget(self)
        panel.setObjectName("pin-panel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.heading = label("title", panel)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = label("pin-dots", panel)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("lead", panel)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digit_keys: dict[str, QPushButton] = {}
        keys = QGridLayout()
        keys.setSpacing(16)
        for index, digit in enumerate("1234567890"):
            key = big_button("pin-key", panel)
            key.setText(digit)
            key.clicked.connect(lambda _=False, d=digit: self._press(d))
            self.digit_keys[digit] = key
            row, column = (index // 3, index % 3) if digit != "0" else (3, 1)
            keys.addWidget(key, row, column)
        self.erase = big_button("pin-key", panel)
        self.erase.clicked.connect(self._erase)
        keys.addWidget(self.erase, 3, 0)
        self.ok = big_button("pin-key", panel)
        self.ok.clicked.connect(self._submit)
        keys.addWidget(self.ok, 3, 2)
        self.cancel = big_button("secondary", panel)
        self.cancel.clicked.connect(self.close_pad)
        self.cancel.clicked.connect(self.cancelled)
        panel.setMinimumWidth(760)
        stack = QVBoxLayout(panel)
        stack.setContentsMargins(48, 32, 48, 32)
        stack.setSpacing(20)
        stack.addWidget(self.heading)
        stack.addWidget(self.dots)
        stack.addWidget(self.message)
        stack.addLayout(keys)
        stack.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addStretch(1)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(PAD_IDLE_S * 1000)
        self._idle.timeout.connect(self._timed_out)
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._show_state)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff PIN"))
        self.erase.setText(self.tr("Erase"))
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- opening and closing -------------------------------------------------------------------

    def open_over(self, screen: QWidget) -> None:
        """Cover ``screen`` (following its size) with a fresh pad."""
        old = self.parentWidget()
        if old is not screen:
            if old is not None:
                old.removeEventFilter(self)
            self.setParent(screen)
        screen.installEventFilter(self)  # to follow its size (installing twice is harmless)
        self.setGeometry(screen.rect())
        self._digits = ""
        self._tries_left = None
        self._busy = False
        self.show()
        self.raise_()
        self._idle.start()
        self._ticker.start()
        self._show_state()

    def close_pad(self) -> None:
        self._digits = ""
        self._busy = False
        self._idle.stop()
        self._ticker.stop()
        self.hide()

    @property
    def is_open(self) -> bool:
        screen = self.parentWidget()
        return screen is not None and self.isVisibleTo(screen)

    @property
    def checking(self) -> bool:
        """A PIN was sent for checking and its answer is not back yet."""
        return self._busy

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        screen = self.parentWidget()
        if watched is screen and screen is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(screen.rect())
        return False

    def _timed_out(self) -> None:
        self.close_pad()
        self.cancelled.emit()

    # -- what the staff member types -------------------------------------------------------------

    def _press(self, digit: str) -> None:
        self._idle.start()
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
        self._show_state()

    def _erase(self) -> None:
        self._idle.start()
        self._digits = self._digits[:-1]
        self._show_state()

    def _submit(self) -> None:
        self._idle.start()
        if not self._digits or self._busy or self._locked():
            return
        pin, self._digits = self._digits, ""
        self._busy = True
        self._show_state()
        self.pin_entered.emit(pin)

    # -- what the gate answered ------------------------------------------------------------------

    def show_wrong(self, tries_left: int) -> None:
        self._busy = False
        self._tries_left = tries_left
        self._show_state()

    def show_locked(self, seconds: float) -> None:
        self._busy = False
        self._digits = ""
        self._locked_until = self.clock() + seconds
        self._show_state()

    def _locked(self) -> bool:
        return self._locked_until > self.clock()

    def _show_state(self) -> None:
        locked = self._locked()
        for key in (*self.digit_keys.values(), self.erase, self.ok):
            key.setEnabled(not locked and not self._busy)
        self.dots.setText(" ".join("●" for _ in self._digits) or " ")
        if locked:
            role = "error"
            text = self.tr("Too many wrong PINs. Try again in %1.").replace(
                "%1", _countdown(self._locked_until - self.clock())
            )
        elif self._busy:
            role, text = "lead", self.tr("Checking…")
        elif self._tries_left is not None:
            role = "error"
            text = self.tr("Wrong PIN. Tries left before a lockout: %1").replace(
                "%1", str(self._tries_left)
            )
        else:
            role, text = "lead", self.tr("Enter the staff PIN, then OK.")
        self.message.setText(text)
        if self.message.property("role") != role:  # restyle only on a change (it ticks 4x/s)
            self.message.setProperty("role", role)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
