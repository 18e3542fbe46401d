"""Filing a hotline request on real widgets against the real backend, in each language: with a
contact and anonymously, the emergency numbers, the length counter, hostile text, offline."""

from __future__ import annotations

import secrets
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.hotline_desk import DESCRIPTION_MAX_CHARS, clean_text
from kiosk.i18n import Language
from kiosk.session import State, Transaction, TransactionKind
from tests.support import RunningBackend, start_backend
from tests.ui.conftest import MakeShell, click_in_view
from ui.main_window import MainWindow
from ui.screens.emergency import EMERGENCY_NUMBERS
from ui.screens.hotline import HotlinePage, HotlineScreen

LEFT = Qt.MouseButton.LeftButton
DESCRIPTIONS = {
    Language.ZH_HANT: "中山路三號前的路燈不亮",
    Language.ZH_HANS: "中山路三号前的路灯不亮",
    Language.EN: "The street light at 3 Zhongshan Road is out",
}
PRAISE_WORDS = {
    Language.ZH_HANT: "窗口人員很耐心",
    Language.ZH_HANS: "窗口人员很耐心",
    Language.EN: "Kind staff",
}
HOSTILE = (
    "路燈\x00不亮\x07\r\n<b>王</b><script>alert(1)</script>'); DROP TABLE hotline_requests;--"
    "\t👵🏽‍🦳\u202e"
)
PROBLEM_WORDS = {Language.ZH_HANT: "手機", Language.ZH_HANS: "手机", Language.EN: "mobile"}


def write(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Keys for ASCII; for Chinese, the commit an input method sends after the citizen picks."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def to_hotline(qtbot: QtBot, window: MainWindow, language: Language) -> HotlineScreen:
    """Without a card: start, skip the card, pick the language, "hotline"; categories shown."""
    qtbot.mouseClick(window.attract.start, LEFT)
    qtbot.mouseClick(window.identify.skip, LEFT)
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    qtbot.mouseClick(window.menu.hotline, LEFT)
    screen = window.hotline
    qtbot.waitUntil(lambda: len(screen.category_buttons) == 7, timeout=10000)
    return screen


def choose(qtbot: QtBot, screen: HotlineScreen, code: str) -> None:
    click_in_view(qtbot, screen.category_area, screen.category_buttons[code])
    assert screen.page is HotlinePage.DETAILS


def send_and_wait(qtbot: QtBot, screen: HotlineScreen) -> None:
    qtbot.mouseClick(screen.send, LEFT)
    qtbot.waitUntil(lambda: screen.page in (HotlinePage.FILED, HotlinePage.DETAILS), timeout=15000)


@pytest.mark.parametrize("language", list(Language))
def test_a_complaint_and_an_anonymous_praise_are_filed_once_each(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    receipts_dir: Path,
    language: Language,
) -> None:
    shell, kiosk = make_shell()
    window, session = shell.window, kiosk.session
    screen = to_hotline(qtbot, window, language)
    assert session.state is State.HOTLINE

    # A consumer complaint needs a phone, so no anonymity is offered; a wrong number is
    # explained beside the field.
    choose(qtbot, screen, "consumer_complaint")
    assert not screen.details.anonymous.isVisibleTo(screen)
    write(qtbot, screen.details.description, DESCRIPTIONS[language])
    write(qtbot, screen.details.phone, "12345")
    qtbot.mouseClick(screen.send, LEFT)
    assert screen.page is HotlinePage.DETAILS
    assert PROBLEM_WORDS[language] in screen.details.phone_problem.text()
    assert screen.details.phone_problem.isVisibleTo(screen)
    screen.details.phone.clear()
    write(qtbot, screen.details.phone, "138 0013 8000")
    write(qtbot, screen.details.name, "Wang")
    send_and_wait(qtbot, screen)
    assert screen.page is HotlinePage.FILED, screen.details.failure.text()

    number = screen.number.text()
    rows = backend.rows(
        "SELECT description, contact_phone, contact_name, anonymous, language, kiosk_id "
        "FROM hotline_requests WHERE number = ?",
        number,
    )
    assert rows == [
        (DESCRIPTIONS[language], "+8613800138000", "Wang", 0, language.value, backend.kiosk_id)
    ]
    assert session.transaction == Transaction(TransactionKind.HOTLINE_REQUEST, number)
    assert kiosk.outbox.depth() == 0
    assert screen.details.description.toPlainText() == "" and screen.details.phone.text() == ""
    (job,) = receipts_dir.glob("*.bin")
    printed = job.read_bytes()
    assert number.encode() in printed and b"\x1d(k" in printed
    assert DESCRIPTIONS[language].encode() not in printed and b"13800138000" not in printed

    # Back to the menu and once more, anonymously: a praise may be.
    qtbot.mouseClick(screen.back, LEFT)
    assert session.state is State.MENU
    qtbot.mouseClick(window.menu.hotline, LEFT)
    qtbot.waitUntil(lambda: len(screen.category_buttons) == 7, timeout=10000)
    choose(qtbot, screen, "praise")
    click_in_view(qtbot, screen.details.area, screen.details.anonymous)
    assert not screen.details.phone.isVisibleTo(screen), "an anonymous request asks for no contact"
    write(qtbot, screen.details.description, PRAISE_WORDS[language])
    send_and_wait(qtbot, screen)
    assert screen.page is HotlinePage.FILED
    praise = screen.number.text()
    assert praise != number
    assert backend.rows(
        "SELECT category, contact_phone, contact_name, anonymous FROM hotline_requests "
        "WHERE number = ?",
        praise,
    ) == [("praise", None, None, 1)]

    qtbot.mouseClick(screen.done, LEFT)
    assert session.state is State.EVALUATE  # the rating is offered for the last request


def test_emergency_shows_the_numbers_at_once_and_files_nothing(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend
) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    screen = to_hotline(qtbot, window, Language.ZH_HANT)
    before = backend.rows("SELECT count(*) FROM hotline_requests")
    qtbot.mouseClick(screen.emergency, LEFT)  # from the first page
    assert screen.page is HotlinePage.EMERGENCY
    qtbot.mouseClick(screen.back, LEFT)
    assert screen.page is HotlinePage.CATEGORY

    choose(qtbot, screen, "appeal")
    write(qtbot, screen.details.description, "鄰居家冒煙")
    qtbot.mouseClick(screen.details.emergency, LEFT)  # and from the middle of typing
    assert screen.page is HotlinePage.EMERGENCY
    panel = screen.emergency_panel
    for language, police in (
        (Language.ZH_HANT, "報警"),
        (Language.ZH_HANS, "报警"),
        (Language.EN, "Police"),
    ):
        qtbot.mouseClick(window.header.language_buttons[language], LEFT)
        for number in EMERGENCY_NUMBERS:
            digits, service, purpose = panel.numbers[number]
            assert digits.text() == number and digits.isVisible()
            assert digits.property("role") == "emergency-number"
            assert service.text() and purpose.text()
        assert panel.numbers["110"][1].text() == police
    assert not screen.send.isVisible()

    qtbot.mouseClick(screen.back, LEFT)  # back where the citizen was, nothing lost
    assert screen.page is HotlinePage.DETAILS
    assert screen.details.description.toPlainText() == "鄰居家冒煙"
    assert kiosk.outbox.depth() == 0 and kiosk.outbox.items() == []
    assert backend.rows("SELECT count(*) FROM hotline_requests") == before


@pytest.mark.parametrize("language", list(Language))
def test_the_counter_a_long_paste_and_hostile_text(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend, language: Language
) -> None:
    shell, kiosk = make_shell()
    screen = to_hotline(qtbot, shell.window, language)
    choose(qtbot, screen, "suggestion")
    assert f"{DESCRIPTION_MAX_CHARS}" in screen.details.counter.text()
    write(qtbot, screen.details.description, "abc")
    assert (
        "3" in screen.details.counter.text() and screen.details.counter.property("role") == "note"
    )

    # A 4,000-character paste: kept whole, counted, refused with its reason; nothing sent.
    pasted = "路" * 4000
    clipboard = QApplication.clipboard()
    clipboard.setText(pasted)
    screen.details.description.selectAll()
    screen.details.description.paste()
    clipboard.clear()
    assert "4000" in screen.details.counter.text() and "3000" in screen.details.counter.text()
    assert screen.details.counter.property("role") == "error"
    qtbot.mouseClick(screen.send, LEFT)
    assert screen.page is HotlinePage.DETAILS and screen.details.description_problem.isVisibleTo(
        screen
    )
    assert screen.details.description.toPlainText() == pasted, "nothing lost"
    assert kiosk.outbox.items() == []

    # Control characters, emoji, SQL and HTML: cleaned of the controls, filed as text.
    screen.details.description.setPlainText(HOSTILE)
    write(qtbot, screen.details.phone, "010-62345678")
    send_and_wait(qtbot, screen)
    assert screen.page is HotlinePage.FILED, screen.details.failure.text()
    stored = backend.rows(
        "SELECT description, contact_phone FROM hotline_requests WHERE number = ?",
        screen.number.text(),
    )
    assert stored == [(clean_text(HOSTILE), "+861062345678")]
    assert "<script>alert(1)</script>'); DROP TABLE" in stored[0][0] and "👵🏽‍🦳" in stored[0][0]


def test_offline_a_provisional_ticket_then_delivered_once(
    qtbot: QtBot, make_shell: MakeShell, receipts_dir: Path, tmp_path: Path
) -> None:
    with socket.socket() as probe:  # nothing listens there yet: the village is offline
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = secrets.token_urlsafe(32)
    shell, kiosk = make_shell(backend_url=f"http://127.0.0.1:{port}", token=token)
    screen = to_hotline(qtbot, shell.window, Language.ZH_HANT)  # the national list
    choose(qtbot, screen, "consumer_complaint")
    write(qtbot, screen.details.description, "買到的電飯煲三天就壞了")
    write(qtbot, screen.details.phone, "13800138000")
    send_and_wait(qtbot, screen)
    assert screen.page is HotlinePage.FILED
    reference = screen.number.text()
    assert reference.startswith("P") and screen.number_caption.text() == "臨時編號"
    assert kiosk.session.transaction == Transaction(TransactionKind.HOTLINE_REQUEST, reference)
    (job,) = receipts_dir.glob("*.bin")
    assert reference.encode() in job.read_bytes()
    assert kiosk.outbox.depth() == 1

    # The link comes back: the hall's backend is reachable at that address, and knows the kiosk.
    process, village = start_backend(
        f"sqlite:///{tmp_path / 'village-backend.sqlite3'}", "--port", str(port)
    )
    try:
        village.add_kiosk("village-hotline", token)
        report = kiosk.forwarder.flush(timeout_s=30)
        assert report.pending == 0
        rows = village.rows(
            "SELECT number, description, contact_phone FROM hotline_requests "
            "WHERE provisional_ref = ?",
            reference,
        )
        assert len(rows) == 1 and rows[0][1:] == ("買到的電飯煲三天就壞了", "+8613800138000")
        delivered = kiosk.outbox.find(reference)
        assert delivered is not None and delivered.official_number == rows[0][0]
    finally:
        process.stop()
