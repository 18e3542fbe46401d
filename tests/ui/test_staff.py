"""Staff mode's way in: the hidden corner taps, the PIN pad, wrong PINs and the lockout, and
out of service (on, off, and kept through staff visits), on real widgets in each language."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.i18n import Language
from kiosk.session import Event, State
from kiosk.staff_auth import FIRST_LOCKOUT_S, MAX_TRIES, StaffGate
from tests.ui.conftest import MakeShell
from tests.ui.staff_helpers import LEFT, PIN, PIN_HASH, STAFF, sign_in, tap, try_pin, type_pin
from ui.screens.admin import AdminPage
from ui.screens.out_of_service import OutOfServiceNotice, notice_text
from ui.staff_entry import ENTRY_WINDOW_S, CornerTaps

LANGUAGES = list(Language)


def audit_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kiosk.audit"]


@pytest.fixture(autouse=True)
def _audit(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.audit")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


# -- the hidden entry ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_corner_taps_and_the_pin_open_staff_mode(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture, language: Language
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, session = shell.window, kiosk.session
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    pad = window.staff_journey.pin_pad
    tap(qtbot, window.attract, 4)
    assert not pad.is_open, "one tap short"
    tap(qtbot, window.attract, 1)
    assert pad.is_open and pad.isVisible()
    assert pad.geometry() == window.attract.rect(), "the pad covers the start screen"
    try_pin(qtbot, pad, "111111")
    assert "4" in pad.message.text()  # tries left
    assert session.state is State.ATTRACT
    type_pin(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: session.state is State.ADMIN, timeout=5000)
    assert not pad.is_open
    assert window.stack.currentWidget() is window.admin
    assert session.language is language, "staff keep the language they chose"
    assert audit_lines(caplog)[:3] == [
        "staff pin-pad-opened",
        "staff pin-wrong tries_left=4",
        "staff signed-in",
    ]


def test_taps_elsewhere_do_not_open_and_break_the_run(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, _ = make_shell(staff=STAFF)
    attract, pad = shell.window.attract, shell.window.staff_journey.pin_pad
    top_right = QPoint(attract.width() - 20, 20)
    tap(qtbot, attract, 5, top_right)
    tap(qtbot, attract, 5, QPoint(20, attract.height() - 20))
    assert not pad.is_open
    tap(qtbot, attract, 3)
    tap(qtbot, attract, 1, top_right)
    tap(qtbot, attract, 2)
    assert not pad.is_open, "a tap elsewhere starts the count again"
    tap(qtbot, attract, 3)
    assert pad.is_open


def test_taps_too_slow_do_not_open(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    screen.resize(800, 600)
    clock = FakeClock()
    entry = CornerTaps(screen, taps=5, clock=clock)
    opened: list[bool] = []
    entry.triggered.connect(lambda: opened.append(True))
    for _ in range(8):
        tap(qtbot, screen, 1)
        clock.now += ENTRY_WINDOW_S / 4 + 0.01  # any five in a row span just over 3 s
    assert not opened
    clock.now += 60
    for _ in range(5):
        tap(qtbot, screen, 1)
        clock.now += ENTRY_WINDOW_S / 4 - 0.01
    assert opened == [True]


def test_without_a_pin_hash_the_entry_does_nothing(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture
) -> None:
    shell, kiosk = make_shell()
    tap(qtbot, shell.window.attract, 5)
    assert not shell.window.staff_journey.pin_pad.is_open
    assert kiosk.session.state is State.ATTRACT
    assert audit_lines(caplog) == ["staff entry-closed"]


def test_the_pad_closes_when_a_citizen_takes_over(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window = shell.window
    tap(qtbot, window.attract, 5)
    assert window.staff_journey.pin_pad.is_open
    qtbot.mouseClick(window.attract.demo_card, LEFT)  # a citizen's card: the menu
    assert kiosk.session.state is State.MENU
    assert not window.staff_journey.pin_pad.is_open
    qtbot.mouseClick(window.menu.finish, LEFT)
    qtbot.mouseClick(window.attract.take_demo_card, LEFT)
    tap(qtbot, window.attract, 5)
    qtbot.mouseClick(window.staff_journey.pin_pad.cancel, LEFT)
    assert not window.staff_journey.pin_pad.is_open


# -- wrong PINs and the lockout -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_five_wrong_pins_lock_out_with_a_growing_countdown(
    qtbot: QtBot,
    make_shell: MakeShell,
    receipts_dir: Path,
    caplog: pytest.LogCaptureFixture,
    language: Language,
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, journey = shell.window, shell.window.staff_journey
    clock = FakeClock()
    journey.gate = StaffGate(PIN_HASH, receipts_dir.parent / "staff-lockout.json", clock=clock)
    journey.pin_pad.clock = clock
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    tap(qtbot, window.attract, 5)
    pad = journey.pin_pad
    for tries_left in range(MAX_TRIES - 1, 0, -1):
        try_pin(qtbot, pad, "000000")
        assert str(tries_left) in pad.message.text()
    try_pin(qtbot, pad, "000000")
    assert "0:30" in pad.message.text()
    assert not pad.digit_keys["1"].isEnabled() and not pad.ok.isEnabled()
    clock.now += 12
    qtbot.waitUntil(lambda: "0:18" in pad.message.text(), timeout=2000)

    clock.now += FIRST_LOCKOUT_S - 12
    qtbot.waitUntil(pad.ok.isEnabled, timeout=2000)
    try_pin(qtbot, pad, "000000")  # the one try after a lockout: wrong again, twice as long
    assert "1:00" in pad.message.text()
    clock.now += 60
    qtbot.waitUntil(pad.ok.isEnabled, timeout=2000)
    try_pin(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: kiosk.session.state is State.ADMIN, timeout=5000)
    assert "staff locked-out lockout=2 seconds=60" in audit_lines(caplog)


def test_a_lockout_holds_after_a_restart(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture
) -> None:
    shell, _ = make_shell(staff=STAFF)
    pad = shell.window.staff_journey.pin_pad
    tap(qtbot, shell.window.attract, 5)
    for _ in range(MAX_TRIES):
        try_pin(qtbot, pad, "000000")
    restarted, kiosk = make_shell(staff=STAFF)  # same data directory
    tap(qtbot, restarted.window.attract, 5)
    pad = restarted.window.staff_journey.pin_pad
    assert not pad.ok.isEnabled() and "0:" in pad.message.text()
    type_pin(qtbot, pad, PIN)  # the keys are dead: nothing is even sent
    assert kiosk.session.state is State.ATTRACT
    assert audit_lines(caplog).count("staff signed-in") == 0


# -- the session in staff mode ------------------------------------------------------------------


def test_leaving_and_timing_out_return_to_the_start(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, session = shell.window, kiosk.session
    sign_in(qtbot, window, session)
    qtbot.mouseClick(window.admin.leave, LEFT)
    assert session.state is State.ATTRACT
    sign_in(qtbot, window, session)
    assert session.seconds_left() is not None, "the idle timeout applies in staff mode"
    session.fire(Event.TIMEOUT)
    assert session.state is State.ATTRACT


@pytest.mark.parametrize("language", LANGUAGES)
def test_out_of_service_on_kept_through_a_visit_then_off(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture, language: Language
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, session = shell.window, kiosk.session
    sign_in(qtbot, window, session, language)
    qtbot.mouseClick(window.admin.nav_buttons[AdminPage.SERVICE], LEFT)
    notice = OutOfServiceNotice.NO_PAPER
    qtbot.mouseClick(window.admin.service.notice_buttons[notice], LEFT)
    assert session.state is State.OUT_OF_SERVICE
    assert window.stack.currentWidget() is window.out_of_service
    assert window.out_of_service.message.text() == notice_text(notice)
    if language is not Language.EN:
        assert notice_text(notice) != notice.value, "shown in the citizen's language"

    # In again from the out-of-service screen; leaving keeps it out of service.
    sign_in(qtbot, window, session, language, screen=window.out_of_service)
    assert window.admin.service.resume.isVisibleTo(window.admin.service)
    qtbot.mouseClick(window.admin.leave, LEFT)
    assert session.state is State.OUT_OF_SERVICE
    # A timeout keeps it out of service too.
    sign_in(qtbot, window, session, language, screen=window.out_of_service)
    session.fire(Event.TIMEOUT)
    qtbot.waitUntil(lambda: session.state is State.OUT_OF_SERVICE, timeout=2000)
    assert window.out_of_service.message.text() == notice_text(notice)

    sign_in(qtbot, window, session, language, screen=window.out_of_service)
    qtbot.mouseClick(window.admin.nav_buttons[AdminPage.SERVICE], LEFT)
    qtbot.mouseClick(window.admin.service.resume, LEFT)
    assert session.state is State.ATTRACT
    assert session.out_of_service_message == ""
    lines = audit_lines(caplog)
    assert "staff out-of-service-on no_paper" in lines
    assert "staff out-of-service-off" in lines
