"""After a session ends (timed out, or finished the normal way) nothing of the citizen is left:
not in any widget, window title or the clipboard, and never in the log.

Data-driven: each journey is a walk that returns what the citizen typed; add a journey to
``JOURNEYS`` and it is checked after both endings.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.app import Kiosk
from kiosk.i18n import Language
from kiosk.ratings import Satisfaction
from kiosk.session import State
from tests.ui.conftest import MakeShell, open_form, type_into
from ui.app import Shell
from ui.screens.evaluate import RatingPage

LEFT = Qt.MouseButton.LeftButton
# What the card tells about its holder, and what masking hides of it.
IDENTITY_STRINGS = (
    DEMO_IDENTITY.name,
    DEMO_IDENTITY.name[1:],  # the given name
    DEMO_IDENTITY.id_number,
    DEMO_IDENTITY.id_number[4:-4],  # the part the mask hides
    "19491231",  # the birth date inside the number
    DEMO_IDENTITY.address,
)
# On screen even the masked forms must be gone once the session is over.
MASKED_STRINGS = (DEMO_IDENTITY.masked_name(), DEMO_IDENTITY.masked_id())
SUBJECT = "王小明家門口路燈不亮"
PHONE = "13912345678"
COMMENT = "陳女士說櫃台態度很好"


@dataclass(frozen=True)
class Walk:
    """Where a journey left the citizen, and how a citizen finishes from there."""

    typed: tuple[str, ...]
    finish: Callable[[], None]


Journey = Callable[[QtBot, Shell, Kiosk, Language], Walk]


def fill_the_form(qtbot: QtBot, shell: Shell, kiosk: Kiosk, language: Language) -> None:
    window = shell.window
    service = open_form(qtbot, shell, kiosk, "HL-002")
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    for field in service.fields:
        edit = window.form.editors[field.name].line_edit
        assert edit is not None
        type_into(qtbot, edit, PHONE if field.kind.value == "phone" else SUBJECT)


def half_typed_form(qtbot: QtBot, shell: Shell, kiosk: Kiosk, language: Language) -> Walk:
    window = shell.window
    fill_the_form(qtbot, shell, kiosk, language)

    def finish() -> None:
        qtbot.mouseClick(window.form.back, LEFT)
        qtbot.mouseClick(window.catalog.back, LEFT)
        qtbot.mouseClick(window.menu.finish, LEFT)

    return Walk((SUBJECT, PHONE), finish)


def filed_application(qtbot: QtBot, shell: Shell, kiosk: Kiosk, language: Language) -> Walk:
    window, session = shell.window, kiosk.session
    fill_the_form(qtbot, shell, kiosk, language)
    qtbot.mouseClick(window.form.next, LEFT)
    assert session.state is State.REVIEW, session.form_problems
    qtbot.mouseClick(window.review.submit, LEFT)
    qtbot.waitUntil(lambda: session.state is State.RECEIPT, timeout=20000)

    def finish() -> None:
        qtbot.mouseClick(window.receipt.finish, LEFT)
        qtbot.mouseClick(window.evaluate.decline, LEFT)
        qtbot.mouseClick(window.evaluate.finish, LEFT)

    return Walk((SUBJECT, PHONE), finish)


def rated_application(qtbot: QtBot, shell: Shell, kiosk: Kiosk, language: Language) -> Walk:
    window = shell.window
    walk = filed_application(qtbot, shell, kiosk, language)
    qtbot.mouseClick(window.receipt.finish, LEFT)
    screen = window.evaluate
    qtbot.mouseClick(screen.level_buttons[Satisfaction.SATISFIED], LEFT)
    type_into(qtbot, screen.comment, COMMENT)
    qtbot.mouseClick(screen.send, LEFT)
    qtbot.waitUntil(lambda: screen.current_page() is RatingPage.DONE, timeout=10000)
    return Walk((*walk.typed, COMMENT), lambda: qtbot.mouseClick(screen.finish, LEFT))


JOURNEYS: dict[str, Journey] = {
    "form-half-typed": half_typed_form,
    "application-filed": filed_application,
    "application-rated": rated_application,
}
ENDINGS = ("timeout", "finish")


@dataclass(frozen=True)
class Case:
    journey: str
    ending: str
    language: Language

    def __str__(self) -> str:
        return f"{self.journey}-{self.ending}-{self.language.value}"


# Every language is walked, without multiplying the cases by three.
CASES = [
    Case(journey, ending, language)
    for (journey, ending), language in zip(
        itertools.product(JOURNEYS, ENDINGS), itertools.cycle(Language), strict=False
    )
]


def texts_of(widget: QWidget) -> Iterator[str]:
    yield from (widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.whatsThis())
    yield from (widget.accessibleName(), widget.accessibleDescription())
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield from (widget.text(), widget.placeholderText(), widget.displayText())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(index) for index in range(widget.count()))


def everything_shown() -> list[str]:
    """Every text in every widget of every top-level window, the window titles and the
    clipboard (widgets waiting for deletion are deleted first: they are no longer shown)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found: list[str] = []
    for top in QApplication.topLevelWidgets():
        for widget in (top, *top.findChildren(QWidget)):
            found.extend(text for text in texts_of(widget) if text)
    found.extend(window.title() for window in QGuiApplication.topLevelWindows())
    clipboard = QApplication.clipboard()
    found.append(clipboard.text(QClipboard.Mode.Clipboard))
    if clipboard.supportsSelection():
        found.append(clipboard.text(QClipboard.Mode.Selection))
    return found


def leaks(haystack: list[str], needles: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(needle, text) for text in haystack for needle in needles if needle in text]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_nothing_personal_is_left_when_the_session_ends(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture, case: Case
) -> None:
    caplog.set_level(logging.DEBUG)
    shell, kiosk = make_shell(
        idle_timeout_s=5, receipt_timeout_s=3, screen_timeouts_s={"form": 4, "evaluate": 4}
    )
    walk = JOURNEYS[case.journey](qtbot, shell, kiosk, case.language)
    # The journey did show the citizen's data (or the check below proves nothing).
    assert leaks(everything_shown(), (*walk.typed, *MASKED_STRINGS))
    if case.ending == "finish":
        walk.finish()
        assert kiosk.session.state is State.ATTRACT
    else:
        qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=10000)
    shell.tasks.wait(10000)
    qtbot.wait(50)  # the screens' last repaints and queued signals

    personal = (*IDENTITY_STRINGS, *MASKED_STRINGS, *walk.typed)
    assert leaks(everything_shown(), personal) == []
    logged = [caplog.text, *(record.getMessage() for record in caplog.records)]
    assert leaks(logged, (*IDENTITY_STRINGS, *walk.typed)) == []
