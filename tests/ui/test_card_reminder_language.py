"""A card left in the reader is asked for in the language of the citizen who left it.

The reminder shows after the visit, when the start screen is back in the kiosk's default
language: first the owner's line, in their script's font, then (only when it reads otherwise)
the line in the language the screen speaks, for whoever can call the citizen back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drivers.cards.simulated import SimulatedReader
from kiosk.i18n import Language
from kiosk.session import Event, State
from tests.ui.conftest import MakeShell
from ui.main_window import MainWindow
from ui.theme import FONT_FAMILIES

LEFT = Qt.MouseButton.LeftButton
REMINDER = {
    Language.ZH_HANT: "請取回您的身分證。",
    Language.ZH_HANS: "请取回您的身份证。",
    Language.EN: "Please take your ID card from the reader.",
}
WELCOME = {
    Language.ZH_HANT: "歡迎使用一站式自助服務",
    Language.EN: "Welcome to the OneStop service kiosk",
}


def visit_in(qtbot: QtBot, window: MainWindow, language: Language) -> None:
    """The demo card in, the citizen's language chosen: the menu."""
    qtbot.mouseClick(window.attract.demo_card, LEFT)
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    assert window.stack.currentWidget() is window.menu


def reminder_lines(window: MainWindow) -> list[str]:
    attract = window.attract
    return [
        line.text()
        for line in (attract.card_reminder, attract.card_reminder_also)
        if line.isVisibleTo(window)
    ]


@pytest.mark.parametrize("leaving", ["finish", "timeout"])
@pytest.mark.parametrize("language", list(Language))
def test_the_reminder_speaks_the_language_the_citizen_used(
    qtbot: QtBot, make_shell: MakeShell, language: Language, leaving: str
) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    assert kiosk.session.default_language is Language.ZH_HANT
    visit_in(qtbot, window, language)
    if leaving == "finish":
        qtbot.mouseClick(window.menu.finish, LEFT)
    else:  # walked away: the idle countdown ran out
        kiosk.session.fire(Event.TIMEOUT)

    assert kiosk.session.state is State.ATTRACT
    assert kiosk.session.language is Language.ZH_HANT  # the screen is the kiosk's again
    assert window.attract.welcome.text() == WELCOME[Language.ZH_HANT]
    expected = [REMINDER[language]]
    if language is not Language.ZH_HANT:
        expected.append(REMINDER[Language.ZH_HANT])
    assert reminder_lines(window) == expected

    qtbot.mouseClick(window.attract.take_demo_card, LEFT)
    assert reminder_lines(window) == []
    visit_in(qtbot, window, Language.ZH_HANT)  # the next citizen reads the default
    qtbot.mouseClick(window.menu.finish, LEFT)
    assert reminder_lines(window) == [REMINDER[Language.ZH_HANT]]


def test_a_villager_who_reads_only_simplified_chinese_at_an_english_kiosk(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    kiosk.session.default_language = Language.EN  # as staff set it for this hall
    window.reset()
    visit_in(qtbot, window, Language.ZH_HANS)
    qtbot.mouseClick(window.menu.finish, LEFT)

    assert window.attract.welcome.text() == WELCOME[Language.EN]
    assert reminder_lines(window) == [REMINDER[Language.ZH_HANS], REMINDER[Language.EN]]

    # A passer-by switches the start screen to Traditional: the owner's line stays theirs,
    # in Simplified glyph shapes while the screen around it takes the Traditional ones.
    qtbot.mouseClick(window.header.language_buttons[Language.ZH_HANT], LEFT)
    assert reminder_lines(window) == [REMINDER[Language.ZH_HANS], REMINDER[Language.ZH_HANT]]
    families = {
        line.font().family()
        for line in (window.attract.card_reminder, window.attract.card_reminder_also)
    }
    assert families == {FONT_FAMILIES[Language.ZH_HANS][0], FONT_FAMILIES[Language.ZH_HANT][0]}
    assert window.attract.card_reminder.font().family() == FONT_FAMILIES[Language.ZH_HANS][0]
    reader = kiosk.reader
    assert isinstance(reader, SimulatedReader) and reader.card_present
    qtbot.mouseClick(window.attract.take_demo_card, LEFT)
    assert reminder_lines(window) == []
    assert window.attract.card_reminder.styleSheet() == ""
