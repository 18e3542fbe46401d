"""Shared steps for the staff-mode UI tests: the corner taps, the PIN pad, signing in."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.i18n import Language
from kiosk.session import Session, State
from kiosk.staff_auth import hash_pin
from ui.main_window import MainWindow
from ui.pin_pad import PinPad

LEFT = Qt.MouseButton.LeftButton
PIN = "246810"
# The cost is stored in the hash: a cheap one keeps each PIN check to a few milliseconds.
PIN_HASH = hash_pin(PIN, cost=2**10)
STAFF = {"pin_hash": PIN_HASH}
CORNER = QPoint(20, 20)


def tap(qtbot: QtBot, screen: QWidget, times: int, where: QPoint = CORNER) -> None:
    for _ in range(times):
        qtbot.mouseClick(screen, LEFT, pos=where)


def type_pin(qtbot: QtBot, pad: PinPad, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(pad.digit_keys[digit], LEFT)
    qtbot.mouseClick(pad.ok, LEFT)


def try_pin(qtbot: QtBot, pad: PinPad, pin: str) -> None:
    """Type ``pin`` and wait for the gate's answer."""
    type_pin(qtbot, pad, pin)
    qtbot.waitUntil(lambda: not pad.checking, timeout=5000)


def sign_in(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    language: Language = Language.ZH_HANT,
    *,
    screen: QWidget | None = None,
) -> None:
    """Pick ``language``, tap the corner of ``screen`` (the start screen) five times, type the
    PIN: staff mode."""
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    tap(qtbot, screen or window.attract, 5)
    pad = window.staff_journey.pin_pad
    assert pad.is_open
    type_pin(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: session.state is State.ADMIN, timeout=5000)
