"""A keyboard-wedge scanner, told apart from a person typing by the timing of the keystrokes.

A wedge scanner is a keyboard as far as the computer knows: it types what it read, far faster
than any finger, and presses Enter. While active, printable key presses are held back for a
moment: a burst of at least ``min_length`` characters, each within ``max_gap_s`` of the one
before, ended by Return or Enter just as fast, is a scan (emitted, and never reaches a text
field); anything else is typing, handed on to the widget it was meant for a few tens of
milliseconds late, in order. Auto-repeat (a key held down) is always typing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_POINTER_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
_ENTER = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
# Scanners send digits with the keypad modifier, capitals with shift; nothing else is text.
_TEXT_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


@dataclass(frozen=True)
class _HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float


class WedgeScanner(QObject):
    """Watches the application's key presses while started.

    Signals:
        scanned(str): what a scanner typed (without its Enter).
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        min_length: int = 6,
        max_gap_s: float = 0.04,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.min_length = min_length
        self.max_gap_s = max_gap_s
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._active = False
        self._replaying = False
        # The gaps between the keys of the last burst taken for a scan (for diagnostics).
        self.last_scan_gaps_s: tuple[float, ...] = ()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._settled)

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        if self._active:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._active = True

    def stop(self) -> None:
        """Stop watching; keys still held belonged to the screen that is going away."""
        self._settle.stop()
        self._held.clear()
        if self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying:
            return False
        if event.type() in _POINTER_PRESSES:
            if self._held:
                self._hand_on()  # a tap on "look up" must find the field typed in full
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        now = self._clock()
        if event.key() in _ENTER and not event.isAutoRepeat():
            if self._is_scan(now):
                text = "".join(held.text for held in self._held)
                times = [held.at for held in self._held] + [now]
                self.last_scan_gaps_s = tuple(b - a for a, b in zip(times, times[1:], strict=False))
                self._held.clear()
                self._settle.stop()
                self.scanned.emit(text)
                return True
            self._hand_on()
            return False
        if not _is_text(event):
            self._hand_on()  # Backspace, arrows, Tab, a held-down key: a person at the keys
            return False
        if self._held and now - self._held[-1].at > self.max_gap_s:
            self._hand_on()
        self._held.append(_HeldKey(watched, event.key(), event.modifiers(), event.text(), now))
        self._settle.start(max(1, round(self.max_gap_s * 1000)) + 5)
        return True

    def _is_scan(self, now: float) -> bool:
        if len(self._held) < self.min_length:
            return False
        times = [held.at for held in self._held] + [now]
        return all(b - a <= self.max_gap_s for a, b in zip(times, times[1:], strict=False))

    def _settled(self) -> None:
        """No key for a while: what is held was typed by a person (a scan ends in Enter)."""
        if not self._held:
            return
        waited = self._clock() - self._held[-1].at
        if waited < self.max_gap_s:  # the timer fired early: look again when it is time
            self._settle.start(max(1, round((self.max_gap_s - waited) * 1000)) + 1)
            return
        self._hand_on()

    def _hand_on(self) -> None:
        """Deliver the held keys, in order, to the widgets they were meant for."""
        self._settle.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for key in held:
                if not shiboken6.isValid(key.target):
                    continue  # the field went away meanwhile (the screen was cleared)
                event = QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text)
                QCoreApplication.sendEvent(key.target, event)
        finally:
            self._replaying = False


def _is_text(event: QKeyEvent) -> bool:
    text = event.text()
    return (
        len(text) == 1
        and text.isprintable()
        and not event.isAutoRepeat()
        and not (event.modifiers() & ~_TEXT_MODIFIERS)
    )
