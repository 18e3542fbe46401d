"""The idle countdown overlay over any screen, and each screen's own timeout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kiosk.i18n import Language
from kiosk.session import State
from tests.ui.conftest import MakeShell, card_to_catalog, click_in_view

LEFT = Qt.MouseButton.LeftButton
QUESTION = {
    Language.ZH_HANT: "您還在嗎？",
    Language.ZH_HANS: "您还在吗？",
    Language.EN: "Are you still there?",
}


@pytest.mark.parametrize("language", list(Language))
def test_the_countdown_asks_and_i_am_still_here_gives_the_time_back(
    qtbot: QtBot, make_shell: MakeShell, language: Language
) -> None:
    shell, kiosk = make_shell(idle_timeout_s=5)
    window, session, overlay = shell.window, kiosk.session, shell.window.idle_overlay
    qtbot.mouseClick(window.attract.demo_card, LEFT)
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    assert session.state is State.MENU and not overlay.isVisible()

    qtbot.waitUntil(overlay.isVisible, timeout=5000)
    assert overlay.question.text() == QUESTION[language]
    assert 1 <= int(overlay.seconds.text()) <= 3
    assert overlay.geometry() == window.rect(), "covers the whole window"
    on_top = window.childAt(window.rect().center())
    assert on_top is not None and overlay.isAncestorOf(on_top), "above the screen"
    assert overlay.stay.height() >= 88

    with qtbot.waitSignal(overlay.still_here, timeout=1000):
        qtbot.mouseClick(overlay.stay, LEFT)
    assert not overlay.isVisible()
    left = session.seconds_left()
    assert left is not None and left > 4
    assert session.state is State.MENU and session.identity is not None


def test_a_tap_on_the_dimmed_screen_is_an_answer_too(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell(idle_timeout_s=5)
    window, overlay = shell.window, shell.window.idle_overlay
    qtbot.mouseClick(window.attract.demo_card, LEFT)
    qtbot.waitUntil(overlay.isVisible, timeout=5000)
    qtbot.mouseClick(overlay, LEFT, pos=QPoint(20, 20))  # far from the panel and its button
    assert not overlay.isVisible()
    left = kiosk.session.seconds_left()
    assert left is not None and left > 4


def test_unanswered_it_returns_to_the_start_and_goes_away(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell(idle_timeout_s=5)
    window, overlay = shell.window, shell.window.idle_overlay
    qtbot.mouseClick(window.attract.demo_card, LEFT)
    qtbot.mouseClick(window.menu.progress, LEFT)
    assert kiosk.session.state is State.STATUS
    qtbot.waitUntil(overlay.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=5000)
    qtbot.waitUntil(lambda: not overlay.isVisible(), timeout=1000)
    assert kiosk.session.identity is None


def test_the_form_has_its_own_longer_timeout_and_care_mode_doubles_it(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell(idle_timeout_s=30, screen_timeouts_s={"form": 120})
    window, session = shell.window, kiosk.session
    card_to_catalog(qtbot, window)
    left = session.seconds_left()
    assert left is not None and 25 < left <= 30
    service = next(s for s in kiosk.catalog.services() if s.code == "HL-002")
    click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
    assert session.state is State.FORM
    left = session.seconds_left()
    assert left is not None and 115 < left <= 120
    session.set_care_mode(True)
    left = session.seconds_left()
    assert left is not None and 235 < left <= 240
    qtbot.wait(300)
    assert not window.idle_overlay.isVisible()


def test_a_short_screen_is_not_covered_the_moment_it_appears(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    """A timeout shorter than twice the countdown shows the overlay only in its last half."""
    shell, _ = make_shell()
    overlay = shell.window.idle_overlay  # countdown 15 s by default
    overlay.show_seconds_left(10.0)  # a 10 s screen just appeared
    assert not overlay.isVisible()
    overlay.show_seconds_left(5.5)
    assert not overlay.isVisible()
    overlay.show_seconds_left(4.9)
    assert overlay.isVisible() and overlay.seconds.text() == "5"
    overlay.show_seconds_left(60.0)  # a touch: time restored
    assert not overlay.isVisible()
    overlay.show_seconds_left(14.0)
    assert overlay.isVisible() and overlay.seconds.text() == "14"
    overlay.show_seconds_left(None)  # back at the start
    assert not overlay.isVisible()
