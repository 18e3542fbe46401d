"""The keyboard-wedge scanner against real key events with measured timing: a fast burst ended
by Enter is a scan and never reaches the field; a person's typing reaches it, in order."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.scanner import WedgeScanner

LINK = "http://127.0.0.1:8000/v1/applications/OS20261129000001?code=ABCDEFGH23"
MAX_GAP_S = 0.04


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        self.button = QPushButton("look up", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.button)


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    widget = Form()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.field.setFocus()
    return widget


@pytest.fixture
def scanner(qapp: QApplication) -> Iterator[WedgeScanner]:
    watcher = WedgeScanner(max_gap_s=MAX_GAP_S)
    watcher.start()
    yield watcher
    watcher.stop()


def fast_keys(widget: QWidget, text: str, *, enter: bool = True) -> list[float]:
    """As a scanner types: no pause between keys. The measured gaps between them."""
    moments = []
    for char in text:
        moments.append(time.monotonic())
        QTest.keyClicks(widget, char)
    if enter:
        moments.append(time.monotonic())
        QTest.keyClick(widget, Qt.Key.Key_Return)
    return [b - a for a, b in zip(moments, moments[1:], strict=False)]


def slow_keys(qtbot: QtBot, widget: QWidget, text: str, pause_ms: int = 90) -> list[float]:
    """As a person types: a pause (with the event loop running) before each key."""
    moments = []
    for char in text:
        qtbot.wait(pause_ms)
        moments.append(time.monotonic())
        QTest.keyClicks(widget, char)
    return [b - a for a, b in zip(moments, moments[1:], strict=False)]


def test_a_fast_burst_ended_by_enter_is_a_scan_and_stays_out_of_the_field(
    qtbot: QtBot, form: Form, scanner: WedgeScanner
) -> None:
    returned: list[bool] = []
    form.field.returnPressed.connect(lambda: returned.append(True))
    with qtbot.waitSignal(scanner.scanned, timeout=2000) as scan:
        gaps = fast_keys(form.field, LINK)
    assert max(gaps) < MAX_GAP_S, gaps  # the test really typed like a scanner
    assert scan.args == [LINK]
    assert len(scanner.last_scan_gaps_s) == len(LINK)
    qtbot.wait(100)
    assert form.field.text() == ""
    assert not returned, "the scanner's Enter was delivered too"


def test_a_person_typing_slowly_types_into_the_field(
    qtbot: QtBot, form: Form, scanner: WedgeScanner
) -> None:
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    gaps = slow_keys(qtbot, form.field, "OS2026112")
    assert min(gaps) > MAX_GAP_S, gaps
    qtbot.waitUntil(lambda: form.field.text() == "OS2026112", timeout=2000)
    with qtbot.waitSignal(form.field.returnPressed, timeout=2000):
        qtbot.wait(90)
        QTest.keyClick(form.field, Qt.Key.Key_Return)
    assert scans == []


def test_a_short_fast_burst_is_typing_and_its_enter_goes_through(
    qtbot: QtBot, form: Form, scanner: WedgeScanner
) -> None:
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    with qtbot.waitSignal(form.field.returnPressed, timeout=2000):
        fast_keys(form.field, "12X")
    assert form.field.text() == "12X"
    assert scans == []


def test_keys_held_down_and_editing_keys_are_typing(
    qtbot: QtBot, form: Form, scanner: WedgeScanner
) -> None:
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    for _ in range(8):  # auto-repeat: as fast as a scanner, but a finger on one key
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, "1", True
        )
        QApplication.sendEvent(form.field, event)
    QTest.keyClick(form.field, Qt.Key.Key_Return)
    assert form.field.text() == "11111111"
    fast_keys(form.field, "ABC", enter=False)
    QTest.keyClick(form.field, Qt.Key.Key_Backspace)  # hands on ABC first, then erases C
    assert form.field.text() == "11111111AB"
    assert scans == []


def test_a_tap_delivers_what_was_typed_before_it_acts(
    qtbot: QtBot, form: Form, scanner: WedgeScanner
) -> None:
    seen: list[str] = []
    form.button.clicked.connect(lambda: seen.append(form.field.text()))
    fast_keys(form.field, "OS20261129", enter=False)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert seen == ["OS20261129"]


def test_stopped_it_lets_every_key_through_at_once(
    qtbot: QtBot, form: Form, scanner: WedgeScanner
) -> None:
    scanner.stop()
    fast_keys(form.field, "OS2026112", enter=False)
    assert form.field.text() == "OS2026112"  # no hold at all
    assert not scanner.active
