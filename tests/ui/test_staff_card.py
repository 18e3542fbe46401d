"""The staff card: a listed card inserted at the start or out-of-service screen opens the PIN pad
instead of a citizen's session (card and PIN, with the same lockout); any other card starts a
session as before. Real widgets on the real backend, the card through the simulated reader."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from drivers.cards.identity import DocumentKind, Identity
from drivers.cards.simulated import DEMO_IDENTITY, SimulatedReader
from kiosk.app import Kiosk, data_dir
from kiosk.i18n import Language
from kiosk.session import Event, State
from kiosk.staff_auth import FIRST_LOCKOUT_S, LOCKOUT_FILE, MAX_TRIES, StaffGate
from kiosk.staff_cards import CARD_KEY_FILE, CardKey
from tests.ui.conftest import MakeShell
from tests.ui.staff_helpers import LEFT, PIN, PIN_HASH, try_pin, type_pin
from ui.screens.admin import AdminPage
from ui.screens.out_of_service import OutOfServiceNotice, notice_text

LANGUAGES = pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
# A staff member's own resident ID card (made up; the check character is right).
STAFF_NUMBER = "440305198001011235"
STAFF_CARD = Identity(
    kind=DocumentKind.CN_RESIDENT_ID,
    name="林志明",
    id_number=STAFF_NUMBER,
    birth_date=date(1980, 1, 1),
    valid_until=date(2040, 1, 1),
)
# What must never reach a log: the number and the name, whole or masked.
STAFF_TRACES = (
    STAFF_NUMBER,
    STAFF_CARD.masked_id(),
    STAFF_NUMBER[:6],
    STAFF_NUMBER[-4:],
    STAFF_CARD.name,
    STAFF_CARD.masked_name(),
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _everything_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)


@pytest.fixture
def card_staff(receipts_dir: Path) -> dict[str, object]:
    """The [staff] section with the PIN and the staff card, its line made with the key in the
    kiosk's data directory (as `kiosk staff card-hash` makes it)."""
    key, _ = CardKey.load_or_create(receipts_dir.parent / CARD_KEY_FILE)
    return {"pin_hash": PIN_HASH, "cards": [key.card_line(STAFF_NUMBER)]}


def audit_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kiosk.audit"]


def assert_no_staff_data_logged(caplog: pytest.LogCaptureFixture) -> None:
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    for trace in STAFF_TRACES:
        assert trace not in logged


def reader_of(kiosk: Kiosk) -> SimulatedReader:
    reader = kiosk.reader
    assert isinstance(reader, SimulatedReader)
    return reader


def pad_heading(language: Language) -> str:
    text = QCoreApplication.translate("PinPad", "Staff PIN")
    if language is not Language.EN:
        assert text != "Staff PIN", "shown in the language chosen"
    return text


@LANGUAGES
def test_a_staff_card_at_the_start_opens_the_pin_pad_not_a_session(
    qtbot: QtBot,
    make_shell: MakeShell,
    card_staff: dict[str, object],
    caplog: pytest.LogCaptureFixture,
    language: Language,
) -> None:
    shell, kiosk = make_shell(staff=card_staff)
    window, session = shell.window, kiosk.session
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    pad = window.staff_journey.pin_pad

    reader_of(kiosk).insert(STAFF_CARD)

    assert pad.is_open and pad.parentWidget() is window.attract
    assert pad.heading.text() == pad_heading(language)
    assert session.state is State.ATTRACT and session.identity is None
    assert window.stack.currentWidget() is window.attract
    reader_of(kiosk).remove()  # taken back before typing: the pad stays (see the README)
    assert pad.is_open
    try_pin(qtbot, pad, "111111")
    assert "4" in pad.message.text()
    type_pin(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: session.state is State.ADMIN, timeout=5000)
    assert session.identity is None and session.language is language
    assert audit_lines(caplog)[:4] == [
        "staff card-presented",
        "staff pin-pad-opened",
        "staff pin-wrong tries_left=4",
        "staff signed-in",
    ]
    assert_no_staff_data_logged(caplog)


@LANGUAGES
def test_a_staff_card_on_the_out_of_service_screen_keeps_it_out_of_service(
    qtbot: QtBot,
    make_shell: MakeShell,
    card_staff: dict[str, object],
    caplog: pytest.LogCaptureFixture,
    language: Language,
) -> None:
    shell, kiosk = make_shell(staff=card_staff)
    window, session = shell.window, kiosk.session
    assert session.suspend(OutOfServiceNotice.CLOSED.value)
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    assert window.out_of_service.message.text() == notice_text(OutOfServiceNotice.CLOSED)

    reader_of(kiosk).insert(STAFF_CARD)
    pad = window.staff_journey.pin_pad
    assert pad.is_open and pad.parentWidget() is window.out_of_service
    assert pad.heading.text() == pad_heading(language)
    type_pin(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: session.state is State.ADMIN, timeout=5000)
    assert session.identity is None
    qtbot.mouseClick(window.admin.leave, LEFT)
    assert session.state is State.OUT_OF_SERVICE
    assert window.out_of_service.message.text() == notice_text(OutOfServiceNotice.CLOSED)
    assert "staff card-presented" in audit_lines(caplog)
    assert_no_staff_data_logged(caplog)


@LANGUAGES
def test_a_card_not_listed_starts_a_citizen_session_as_before(
    qtbot: QtBot,
    make_shell: MakeShell,
    card_staff: dict[str, object],
    caplog: pytest.LogCaptureFixture,
    language: Language,
) -> None:
    shell, kiosk = make_shell(staff=card_staff)
    window, session = shell.window, kiosk.session
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)

    reader_of(kiosk).insert(DEMO_IDENTITY)

    assert session.state is State.MENU and session.identity is DEMO_IDENTITY
    assert window.stack.currentWidget() is window.menu
    assert DEMO_IDENTITY.masked_name() in window.menu.greeting.text()
    assert not window.staff_journey.pin_pad.is_open
    assert audit_lines(caplog) == []


@LANGUAGES
def test_wrong_pins_after_a_staff_card_lock_out_as_after_the_taps(
    qtbot: QtBot,
    make_shell: MakeShell,
    card_staff: dict[str, object],
    caplog: pytest.LogCaptureFixture,
    language: Language,
) -> None:
    shell, kiosk = make_shell(staff=card_staff)
    window, journey = shell.window, shell.window.staff_journey
    clock = FakeClock()
    journey.gate = StaffGate(PIN_HASH, data_dir(kiosk.config) / LOCKOUT_FILE, clock=clock)
    journey.pin_pad.clock = clock
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    reader = reader_of(kiosk)
    reader.insert(STAFF_CARD)
    pad = journey.pin_pad
    for _ in range(MAX_TRIES):
        try_pin(qtbot, pad, "000000")
    assert "0:30" in pad.message.text() and not pad.ok.isEnabled()

    # Out and in again: the card opens the pad, locked all the same.
    reader.remove()
    qtbot.mouseClick(pad.cancel, LEFT)
    assert not pad.is_open
    reader.insert(STAFF_CARD)
    assert pad.is_open and not pad.ok.isEnabled() and "0:30" in pad.message.text()
    assert kiosk.session.state is State.ATTRACT and kiosk.session.identity is None

    clock.now += FIRST_LOCKOUT_S
    qtbot.waitUntil(pad.ok.isEnabled, timeout=2000)
    try_pin(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: kiosk.session.state is State.ADMIN, timeout=5000)
    lines = audit_lines(caplog)
    assert lines.count("staff card-presented") == 2
    assert "staff locked-out lockout=1 seconds=30" in lines
    assert_no_staff_data_logged(caplog)


def test_in_staff_mode_the_card_test_shows_the_staff_card_masked_and_logs_nothing(
    qtbot: QtBot,
    make_shell: MakeShell,
    card_staff: dict[str, object],
    caplog: pytest.LogCaptureFixture,
) -> None:
    shell, kiosk = make_shell(staff=card_staff)
    window = shell.window
    reader = reader_of(kiosk)
    reader.insert(STAFF_CARD)
    type_pin(qtbot, window.staff_journey.pin_pad, PIN)
    qtbot.waitUntil(lambda: kiosk.session.state is State.ADMIN, timeout=5000)
    reader.remove()

    reader.insert(STAFF_CARD)

    assert window.admin.page is AdminPage.CARD
    assert window.admin.card.id_number.text() == STAFF_CARD.masked_id()
    assert kiosk.session.state is State.ADMIN and kiosk.session.identity is None
    assert "staff card-test read kind=cn-resident-id" in audit_lines(caplog)
    assert_no_staff_data_logged(caplog)


def test_a_staff_card_after_start_is_a_citizens_card(
    qtbot: QtBot,
    make_shell: MakeShell,
    card_staff: dict[str, object],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Staff who touch "start" first and then insert their own card use the kiosk as citizens."""
    shell, kiosk = make_shell(staff=card_staff)
    window = shell.window
    qtbot.mouseClick(window.attract.start, LEFT)
    assert kiosk.session.state is State.IDENTIFY

    reader_of(kiosk).insert(STAFF_CARD)

    assert kiosk.session.state is State.MENU and kiosk.session.identity is STAFF_CARD
    assert not window.staff_journey.pin_pad.is_open
    assert "staff card-presented" not in audit_lines(caplog)
    kiosk.session.fire(Event.FINISH)
    assert kiosk.session.identity is None


def test_without_a_pin_a_staff_card_opens_nothing_and_starts_nothing(
    make_shell: MakeShell, card_staff: dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    shell, kiosk = make_shell(staff={"cards": card_staff["cards"]})
    reader_of(kiosk).insert(STAFF_CARD)
    assert not shell.window.staff_journey.pin_pad.is_open
    assert kiosk.session.state is State.ATTRACT and kiosk.session.identity is None
    assert audit_lines(caplog) == ["staff card-presented", "staff entry-closed"]
    assert_no_staff_data_logged(caplog)


def test_without_the_kiosks_card_key_the_card_is_a_citizens_card(
    make_shell: MakeShell,
    card_staff: dict[str, object],
    receipts_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (receipts_dir.parent / CARD_KEY_FILE).unlink()  # a data directory wiped since
    shell, kiosk = make_shell(staff=card_staff)
    assert "staff.cards lists 1 card(s) but no staff card key" in caplog.text
    reader_of(kiosk).insert(STAFF_CARD)
    assert kiosk.session.state is State.MENU
    assert not shell.window.staff_journey.pin_pad.is_open
