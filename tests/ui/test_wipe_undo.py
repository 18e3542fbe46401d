"""A wiped session leaves nothing to undo: what a citizen typed is not in any field's history.

A text field emptied with ``clear()`` keeps the old text on its undo stack: the next citizen
could bring it back with Ctrl+Z (a physical keyboard, a staff member's) or anything that calls
``undo()``. Each screen with fields is filled in, the session ends (it times out, or the
citizen finishes), and then every field is asked to undo and redo.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.catalog import FieldKind
from kiosk.i18n import Language
from kiosk.ratings import Satisfaction
from kiosk.session import Event, State
from tests.ui.conftest import MakeShell, open_form
from ui.app import Shell
from ui.screens.evaluate import RatingPage
from ui.screens.hotline import HotlinePage

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NUMBER = "OS20261129000777"
LAST4 = "771X"
DESCRIPTION = "我家門口的路燈壞了"
PHONE = "13912345678"
NAME = "林美玲"
COMMENT = "櫃台陳小姐很耐心"
FORM_TEXT = "幸福路八號"

Field = QLineEdit | QPlainTextEdit


@dataclass(frozen=True)
class Filled:
    """The fields a walk typed into, what it typed, and how that citizen finishes."""

    fields: tuple[Field, ...]
    typed: tuple[str, ...]
    finish: Callable[[], None]


def write(qtbot: QtBot, field: Field, text: str) -> None:
    """Typed as the keypad or the keyboard types: keys, or an input method's commits, one
    character at a time (the field's history has a step for each to go back through)."""
    field.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)


def fill_status(qtbot: QtBot, shell: Shell, kiosk: Kiosk) -> Filled:
    window = shell.window
    qtbot.mouseClick(window.attract.start, LEFT)
    qtbot.mouseClick(window.identify.skip, LEFT)
    qtbot.mouseClick(window.menu.progress, LEFT)
    screen = window.status
    # The receipt scanner's watch hands typed keys on to the field a moment late.
    write(qtbot, screen.number_field, NUMBER)
    qtbot.waitUntil(lambda: screen.number_field.text() == NUMBER, timeout=5000)
    write(qtbot, screen.last4_field, LAST4)
    qtbot.waitUntil(lambda: screen.last4_field.text() == LAST4, timeout=5000)
    return Filled(
        (screen.number_field, screen.last4_field),
        (NUMBER, LAST4),
        lambda: qtbot.mouseClick(screen.finish, LEFT),
    )


def fill_hotline(qtbot: QtBot, shell: Shell, kiosk: Kiosk) -> Filled:
    window = shell.window
    qtbot.mouseClick(window.attract.start, LEFT)
    qtbot.mouseClick(window.identify.skip, LEFT)
    qtbot.mouseClick(window.menu.hotline, LEFT)
    screen = window.hotline
    qtbot.waitUntil(lambda: bool(screen.category_buttons), timeout=10000)
    qtbot.mouseClick(screen.category_buttons["consultation"], LEFT)
    assert screen.page is HotlinePage.DETAILS
    details = screen.details
    write(qtbot, details.description, DESCRIPTION)
    write(qtbot, details.phone, PHONE)
    write(qtbot, details.name, NAME)

    def finish() -> None:  # changed their mind: back to the menu, then "finish"
        while kiosk.session.state is State.HOTLINE:
            qtbot.mouseClick(screen.back, LEFT)
        qtbot.mouseClick(window.menu.finish, LEFT)

    return Filled(
        (details.description, details.phone, details.name), (DESCRIPTION, PHONE, NAME), finish
    )


def fill_rating(qtbot: QtBot, shell: Shell, kiosk: Kiosk) -> Filled:
    window, session = shell.window, kiosk.session
    qtbot.mouseClick(window.attract.start, LEFT)
    qtbot.mouseClick(window.identify.skip, LEFT)
    qtbot.mouseClick(window.menu.ticket, LEFT)
    screen = window.queue
    qtbot.waitUntil(lambda: bool(screen.category_buttons), timeout=10000)
    qtbot.mouseClick(next(iter(screen.category_buttons.values())), LEFT)
    qtbot.mouseClick(screen.take, LEFT)
    qtbot.waitUntil(screen.done.isVisible, timeout=20000)
    qtbot.mouseClick(screen.done, LEFT)
    assert session.state is State.EVALUATE
    rating = window.evaluate
    qtbot.mouseClick(rating.level_buttons[Satisfaction.VERY_SATISFIED], LEFT)
    assert rating.current_page() is RatingPage.DETAILS
    write(qtbot, rating.comment, COMMENT)

    def finish() -> None:  # sent; "thank you"; finish
        qtbot.mouseClick(rating.send, LEFT)
        qtbot.waitUntil(lambda: rating.current_page() is RatingPage.DONE, timeout=10000)
        qtbot.mouseClick(rating.finish, LEFT)

    return Filled((rating.comment,), (COMMENT,), finish)


def fill_form(qtbot: QtBot, shell: Shell, kiosk: Kiosk) -> Filled:
    window = shell.window
    service = next(
        s for s in kiosk.catalog.services() if any(f.kind is FieldKind.TEXT for f in s.fields)
    )
    open_form(qtbot, shell, kiosk, service.code)
    edits = [editor.line_edit for editor in window.form.editors.values() if editor.line_edit]
    for edit in edits:
        write(qtbot, edit, FORM_TEXT)

    def finish() -> None:  # back out of the form, then "finish"
        qtbot.mouseClick(window.form.back, LEFT)
        qtbot.mouseClick(window.catalog.back, LEFT)
        qtbot.mouseClick(window.menu.finish, LEFT)

    return Filled(tuple(edits), (FORM_TEXT,), finish)


WALKS = {
    "status": fill_status,
    "hotline": fill_hotline,
    "rating": fill_rating,
    "form": fill_form,
}
ENDINGS = ("timeout", "finish")
# Each screen, each ending; the languages in turn (the wipe does not depend on them).
CASES = [
    (walk, ending, language)
    for (walk, ending), language in zip(
        itertools.product(WALKS, ENDINGS), itertools.cycle(Language), strict=False
    )
]


def what_undo_brings_back(field: Field) -> list[str]:
    """Every text ``field`` shows while its history is walked back and forth: Ctrl+Z and
    Ctrl+Shift+Z / Ctrl+Y as a physical keyboard sends them, and undo() / redo()."""
    seen = []
    for _ in range(3):
        for key, modifiers in (
            (Qt.Key.Key_Z, CTRL),
            (Qt.Key.Key_Z, SHIFT_CTRL),
            (Qt.Key.Key_Y, CTRL),
        ):
            QTest.keyClick(field, key, modifiers)
            seen.append(text_of(field))
        field.undo()
        seen.append(text_of(field))
        field.redo()
        seen.append(text_of(field))
    return seen


def text_of(field: Field) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


@pytest.mark.parametrize(("walk", "ending", "language"), CASES, ids=str)
def test_after_the_session_ends_undo_brings_nothing_typed_back(
    qtbot: QtBot, make_shell: MakeShell, walk: str, ending: str, language: Language
) -> None:
    shell, kiosk = make_shell()
    qtbot.mouseClick(shell.window.header.language_buttons[language], LEFT)
    filled = WALKS[walk](qtbot, shell, kiosk)
    shown = [text_of(field) for field in filled.fields]
    assert all(any(typed in text for typed in filled.typed) for text in shown), shown
    if ending == "finish":
        filled.finish()
    else:  # what the session's tick fires when the screen's time is up (tests/ui/test_idle.py)
        kiosk.session.fire(Event.TIMEOUT)
    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=10000)
    shell.tasks.wait(10000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    brought_back = {
        text
        for field in filled.fields
        if shiboken6.isValid(field)  # a form's fields are deleted with the form: nothing left
        for text in what_undo_brings_back(field)
    }
    assert brought_back <= {""}, f"undo brought back {brought_back}"
