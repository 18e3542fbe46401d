"""Checking progress in each language: by card, by typed number, by a scanned receipt; offline,
what the kiosk last knew; a silent or babbling backend never freezes the screen."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from drivers.cards.simulated import SimulatedReader
from kiosk.app import Kiosk
from kiosk.i18n import Language
from kiosk.progress import reference_query
from kiosk.session import State
from tests.integration.server.server_test_support import move, set_application_columns
from tests.progress_support import (
    NOTE,
    Citizen,
    Kits,
    closed_port_url,
    garbage_backend,
    silent_backend,
)
from tests.support import RunningBackend
from tests.ui.conftest import MakeShell, type_into
from ui.app import Shell
from ui.main_window import MainWindow
from ui.screens.status_card import ApplicationCard

LEFT = Qt.MouseButton.LeftButton
LANGUAGES = pytest.mark.parametrize("language", list(Language), ids=[x.value for x in Language])


def words(hant: str, hans: str, en: str) -> dict[Language, str]:
    """A telling part of what the screen says, in each language."""
    return {Language.ZH_HANT: hant, Language.ZH_HANS: hans, Language.EN: en}


IN_REVIEW = words("審核中", "审核中", "In review")
ACCEPTED = words("已受理", "已受理", "Accepted")
NOT_FOUND = words("查無", "查无", "No application")
OVERDUE = words("已逾期", "已逾期", "Overdue")
OUT_OF_DATE = words("過時", "过时", "out of date")
WAITING = words("等待送出", "等待发送", "Waiting")
NOTHING = words("沒有", "没有", "nothing saved")
GARBLED = words("無法辨識", "无法识别", "understand")
TAKE_IT = words("取走", "取走", "take the")
NO_PRINTER = words("印表機", "打印机", "printer is")
ASK_LAST4 = words("後 4 碼", "后 4 位", "last 4")
NOT_RECEIPT = words("不是", "不是", "not an")


def state(kiosk: Kiosk) -> State:
    return kiosk.session.state


def to_status(qtbot: QtBot, shell: Shell, kiosk: Kiosk, language: Language) -> MainWindow:
    """In ``language``, without a card, from the start to the status screen."""
    window = shell.window
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    qtbot.mouseClick(window.attract.start, LEFT)
    qtbot.mouseClick(window.identify.skip, LEFT)
    qtbot.mouseClick(window.menu.progress, LEFT)
    assert state(kiosk) is State.STATUS
    return window


def insert(kiosk: Kiosk, citizen: Citizen) -> None:
    reader = kiosk.reader
    assert isinstance(reader, SimulatedReader)
    reader.insert(citizen.identity)


def type_slowly(qtbot: QtBot, widget: QWidget, text: str, pause_ms: int = 60) -> list[float]:
    """As a person types on a keyboard: slower than any scanner. The gaps between keys."""
    widget.setFocus()
    moments = []
    for char in text:
        qtbot.wait(pause_ms)
        moments.append(time.monotonic())
        QTest.keyClicks(widget, char)
    return [b - a for a, b in zip(moments, moments[1:], strict=False)]


def scan(widget: QWidget, text: str) -> list[float]:
    """As a wedge scanner types into whatever has focus: no pause, then Enter. The gaps."""
    moments = []
    for char in text:
        moments.append(time.monotonic())
        QTest.keyClicks(widget, char)
    moments.append(time.monotonic())
    QTest.keyClick(widget, Qt.Key.Key_Return)
    return [b - a for a, b in zip(moments, moments[1:], strict=False)]


def look_up(qtbot: QtBot, window: MainWindow, number: str, last4: str) -> None:
    screen = window.status
    screen.number_field.clear()
    screen.last4_field.clear()
    type_into(qtbot, screen.number_field, number)
    type_into(qtbot, screen.last4_field, last4)
    qtbot.mouseClick(screen.look_up, LEFT)


def wait_for_cards(qtbot: QtBot, window: MainWindow, count: int) -> list[ApplicationCard]:
    qtbot.waitUntil(lambda: len(window.status.cards) == count, timeout=10000)
    return window.status.cards


def shown_text(window: MainWindow) -> str:
    screen = window.status
    texts = [label.text() for label in screen.findChildren(QLabel)]
    return "\n".join(texts + [edit.text() for edit in screen.findChildren(QLineEdit)])


@pytest.fixture
def citizen() -> Citizen:
    return Citizen.new()


@LANGUAGES
def test_a_card_inserted_on_the_status_screen_lists_its_applications_to_print(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    language: Language,
    *,
    citizen: Citizen,
    receipts_dir: Path,
) -> None:
    older = citizen.file(backend)["number"]
    newer = citizen.file_reviewed(backend)["number"]
    shell, kiosk = make_shell()
    window = to_status(qtbot, shell, kiosk, language)

    insert(kiosk, citizen)
    assert state(kiosk) is State.STATUS
    first, second = wait_for_cards(qtbot, window, 2)
    assert newer in first.number.text() and older in second.number.text()
    assert IN_REVIEW[language] in first.state.text()
    assert [name.text() for name in first.step_names][1] == ACCEPTED[language]
    assert NOTE in first.step_notes[0].text()
    assert citizen.identity.masked_name() in window.status.card_hint.text()
    assert citizen.id_number not in shown_text(window) and citizen.name not in shown_text(window)

    qtbot.mouseClick(first.print_button, LEFT)
    qtbot.waitUntil(lambda: TAKE_IT[language] in window.status.printed.text(), timeout=10000)
    assert list(receipts_dir.glob(f"*{newer}*.bin"))

    qtbot.mouseClick(window.status.finish, LEFT)
    assert state(kiosk) is State.ATTRACT
    assert window.status.cards == [] and newer not in shown_text(window)


@LANGUAGES
def test_by_typed_number_a_wrong_last_four_is_not_found_then_the_timeline(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    language: Language,
    *,
    citizen: Citizen,
    receipts_dir: Path,
) -> None:
    number = citizen.file_reviewed(backend)["number"]
    receipts_dir.write_text("a file where the printer's directory should be: no printer")
    shell, kiosk = make_shell()
    window = to_status(qtbot, shell, kiosk, language)
    screen = window.status

    qtbot.mouseClick(screen.look_up, LEFT)  # nothing typed: said beside each field
    assert screen.number_problem.isVisibleTo(screen) and screen.last4_problem.isVisibleTo(screen)

    look_up(qtbot, window, number, citizen.wrong_last4)
    assert not screen.number_problem.isVisibleTo(screen)
    qtbot.waitUntil(lambda: NOT_FOUND[language] in screen.notice.text(), timeout=10000)
    assert screen.notice.property("role") == "error" and screen.cards == []

    screen.last4_field.clear()
    type_slowly(qtbot, screen.last4_field, citizen.last4.lower())
    QTest.keyClick(screen.last4_field, Qt.Key.Key_Return)  # Enter looks up, as the button does
    [card] = wait_for_cards(qtbot, window, 1)
    assert number in card.number.text() and IN_REVIEW[language] in card.state.text()
    assert len(card.step_names) == 3

    qtbot.mouseClick(card.print_button, LEFT)  # no printer: said in words, in red
    qtbot.waitUntil(lambda: NO_PRINTER[language] in screen.printed.text(), timeout=10000)
    assert screen.printed.property("role") == "error"

    qtbot.mouseClick(screen.back, LEFT)
    assert state(kiosk) is State.MENU
    assert screen.number_field.text() == "" and screen.cards == []
    assert not screen.last4_field.isUndoAvailable()  # not even in the field's undo history


@LANGUAGES
def test_a_scanned_receipt_qr_is_looked_up_and_never_lands_in_a_field(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend, language: Language
) -> None:
    receipt = Citizen.new().file(backend)
    assert move(backend, receipt["number"], "accepted", NOTE).status_code == 200
    shell, kiosk = make_shell()
    window = to_status(qtbot, shell, kiosk, language)
    screen = window.status
    scanner = window.status_journey.scanner

    screen.number_field.setFocus()  # a citizen had started typing: the scan must not go there
    gaps = scan(screen.number_field, receipt["status_url"])
    assert max(gaps) < scanner.max_gap_s, gaps  # the test really typed as fast as a scanner
    [card] = wait_for_cards(qtbot, window, 1)
    assert receipt["number"] in card.number.text() and ACCEPTED[language] in card.state.text()
    assert screen.number_field.text() == ""

    gaps = type_slowly(qtbot, screen.number_field, "OS2026112")
    assert min(gaps) > scanner.max_gap_s, gaps
    qtbot.waitUntil(lambda: screen.number_field.text() == "OS2026112", timeout=2000)
    assert len(screen.cards) == 1  # typing is not a scan

    scan(screen.number_field, "(hello world)")
    assert screen.number_field.text() == "OS2026112"
    assert NOT_RECEIPT[language] in screen.notice.text()
    assert screen.notice.property("role") == "error"

    qtbot.mouseClick(screen.back, LEFT)  # elsewhere, keys are only keys
    assert not scanner.active


@LANGUAGES
def test_with_a_card_a_scanned_barcode_needs_no_last_four_and_overdue_is_said(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    language: Language,
    citizen: Citizen,
) -> None:
    late = citizen.file(backend)["number"]
    other = citizen.file(backend)["number"]
    set_application_columns(backend, late, promised_by=datetime(2020, 1, 2).date())
    shell, kiosk = make_shell()
    window = shell.window
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    insert(kiosk, citizen)  # at the start screen: the menu, with the card
    qtbot.mouseClick(window.menu.progress, LEFT)
    wait_for_cards(qtbot, window, 2)

    scan(window.status, late)  # a barcode: the number alone; the card proves the rest
    qtbot.waitUntil(lambda: [late in c.number.text() for c in window.status.cards] == [True])
    [card] = window.status.cards
    assert card.overdue.isVisibleTo(card) and OVERDUE[language] in card.overdue.text()
    assert card.overdue.property("role") == "error"  # in red as well as in words
    assert other not in shown_text(window)


@LANGUAGES
def test_without_a_card_a_scanned_barcode_asks_for_the_last_four(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    language: Language,
    citizen: Citizen,
) -> None:
    number = citizen.file(backend)["number"]
    shell, kiosk = make_shell()
    window = to_status(qtbot, shell, kiosk, language)
    screen = window.status
    scan(screen, number)
    assert screen.number_field.text() == number and screen.last4_field.hasFocus()
    assert ASK_LAST4[language] in screen.notice.text()
    type_slowly(qtbot, screen.last4_field, citizen.last4)
    qtbot.mouseClick(screen.look_up, LEFT)
    [card] = wait_for_cards(qtbot, window, 1)
    assert number in card.number.text()


@LANGUAGES
def test_offline_the_last_known_status_and_what_waits_in_the_outbox(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    language: Language,
    *,
    citizen: Citizen,
    tmp_path: Path,
) -> None:
    number = citizen.file_reviewed(backend)["number"]
    kits = Kits(tmp_path)  # this kiosk's data directory, while the backend still answered
    try:
        kits.make(backend.url).desk.by_reference(reference_query(number, citizen.last4))
    finally:
        kits.close()
    shell, kiosk = make_shell(backend_url=closed_port_url())
    waiting, _code = citizen.put_waiting(kiosk.outbox)
    window = to_status(qtbot, shell, kiosk, language)
    screen = window.status

    look_up(qtbot, window, number, citizen.last4)
    [card] = wait_for_cards(qtbot, window, 1)
    assert IN_REVIEW[language] in card.state.text()
    assert OUT_OF_DATE[language] in card.source.text()
    assert f"{datetime.now():%Y-%m-%d}" in card.source.text()  # as of when
    assert not card.print_button.isVisibleTo(card)  # paper would outlive "may be out of date"
    assert screen.notice.property("role") == "warning"

    look_up(qtbot, window, waiting.provisional_ref, citizen.last4)
    qtbot.waitUntil(lambda: bool(screen.cards) and waiting.provisional_ref in shown_text(window))
    assert WAITING[language] in screen.cards[0].state.text()

    look_up(qtbot, window, "OS19990101000001", citizen.last4)
    qtbot.waitUntil(lambda: NOTHING[language] in screen.notice.text(), timeout=10000)
    assert screen.cards == [] and screen.notice.property("role") == "error"


@pytest.fixture
def silent_url() -> Iterator[str]:
    with silent_backend() as url:
        yield url


@LANGUAGES
def test_a_silent_backend_never_freezes_the_screen(
    qtbot: QtBot, make_shell: MakeShell, language: Language, silent_url: str
) -> None:
    shell, kiosk = make_shell(backend_url=silent_url)
    window = to_status(qtbot, shell, kiosk, language)
    look_up(qtbot, window, "OS20261129000001", "123X")
    assert window.status.notice.isVisibleTo(window.status)  # "looking up…" meanwhile
    qtbot.mouseClick(window.status.back, LEFT)  # the window answers at once
    assert state(kiosk) is State.MENU
    qtbot.mouseClick(window.menu.progress, LEFT)
    assert window.status.notice.text() == ""  # and the late answer will be dropped


@LANGUAGES
def test_a_babbling_backend_is_not_believed(
    qtbot: QtBot, make_shell: MakeShell, language: Language
) -> None:
    with garbage_backend() as url:
        shell, kiosk = make_shell(backend_url=url)
        window = to_status(qtbot, shell, kiosk, language)
        look_up(qtbot, window, "OS20261129000001", "123X")
        qtbot.waitUntil(lambda: GARBLED[language] in window.status.notice.text(), timeout=10000)
        assert window.status.notice.property("role") == "error"
        assert window.status.cards == []
