"""Screens under the conditions a lobby throws at them: other languages, mistakes, a bad network."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drivers.cards.simulated import DEMO_IDENTITY, SimulatedReader
from kiosk.i18n import Language
from kiosk.session import State
from tests.support import RunningBackend
from tests.ui.conftest import MakeShell, card_to_catalog, click_in_view, open_form, type_into

LEFT = Qt.MouseButton.LeftButton


def closed_port_url() -> str:
    """A loopback URL nothing listens on: the backend is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class GarbageHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<html>captive portal</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def garbage_backend() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), GarbageHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_every_language_is_applied_to_fixed_and_catalog_text(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    assert window.header.title.text() == "一站式自助服務"
    card_to_catalog(qtbot, window)
    code, button = next(iter(window.catalog.service_buttons.items()))
    service = next(s for s in kiosk.catalog.services() if s.code == code)
    assert button.text().startswith(service.name["zh-Hant"])

    qtbot.mouseClick(window.header.language_buttons[Language.ZH_HANS], LEFT)
    assert window.header.title.text() == "一站式自助服务"
    assert window.catalog.heading.text() == "请选择办理事项"
    assert window.catalog.service_buttons[code].text().startswith(service.name["zh-Hans"])

    qtbot.mouseClick(window.header.language_buttons[Language.EN], LEFT)
    assert window.header.title.text() == "OneStop Self-Service"
    assert window.catalog.service_buttons[code].text().startswith(service.name["en"])
    assert "working day" in window.catalog.service_buttons[code].text()

    # The next citizen starts in the kiosk's own language again.
    kiosk.session.set_language(Language.EN)
    qtbot.mouseClick(window.catalog.back, LEFT)
    qtbot.mouseClick(window.menu.finish, LEFT)
    assert kiosk.session.state is State.ATTRACT
    assert window.header.title.text() == "一站式自助服務"


def test_an_empty_form_says_what_is_missing_and_stays(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    card_to_catalog(qtbot, window)
    service = kiosk.catalog.services()[0]
    click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
    qtbot.mouseClick(window.form.next, LEFT)
    assert kiosk.session.state is State.FORM
    required = [f.name for f in service.fields if f.required]
    assert required
    for name in required:
        problem = window.form.editors[name].problem
        assert problem.isVisibleTo(window) and problem.text() == "此項必填。"


def test_idle_form_times_out_and_forgets_what_was_typed(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell(idle_timeout_s=5)
    window = shell.window
    card_to_catalog(qtbot, window)
    service = next(s for s in kiosk.catalog.services() if s.fields[0].kind.value == "text")
    click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
    edit = window.form.editors[service.fields[0].name].line_edit
    assert edit is not None
    type_into(qtbot, edit, "秘密")
    assert "秒" in window.header.countdown.text()
    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=9000)
    assert window.form.editors == {}
    assert kiosk.session.identity is None


def test_card_from_the_readers_own_thread_reaches_the_session(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell()
    reader = kiosk.reader
    assert isinstance(reader, SimulatedReader)
    inserter = threading.Thread(target=reader.insert, args=(DEMO_IDENTITY,))
    inserter.start()
    inserter.join(5)
    qtbot.waitUntil(lambda: kiosk.session.state is State.MENU, timeout=5000)


def test_an_expired_card_is_refused_with_a_reason(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    reader = kiosk.reader
    assert isinstance(reader, SimulatedReader)
    reader.insert(replace(DEMO_IDENTITY, valid_until=date(2020, 1, 1)))
    assert kiosk.session.state is State.IDENTIFY
    assert shell.window.identify.refusal.isVisibleTo(shell.window)
    assert "過期" in shell.window.identify.refusal.text()


def test_backend_down_catalog_offers_a_retry(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, _ = make_shell(backend_url=closed_port_url())
    window = shell.window
    card_to_catalog(qtbot, window, wait_for_services=False)
    qtbot.waitUntil(lambda: window.catalog.retry.isVisibleTo(window), timeout=20000)
    assert "無法載入" in window.catalog.status.text()
    assert window.catalog.service_buttons == {}


def test_garbage_answers_are_a_failure_not_a_crash(
    qtbot: QtBot, make_shell: MakeShell, garbage_backend: str
) -> None:
    shell, _ = make_shell(backend_url=garbage_backend)
    window = shell.window
    card_to_catalog(qtbot, window, wait_for_services=False)
    qtbot.waitUntil(lambda: window.catalog.retry.isVisibleTo(window), timeout=10000)


def test_filing_offline_gives_a_provisional_receipt_and_sends_it_later(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend
) -> None:
    shell, kiosk = make_shell()
    window, session = shell.window, kiosk.session
    service = open_form(qtbot, shell, kiosk, "HL-002")
    for field in service.fields:
        edit = window.form.editors[field.name].line_edit
        assert edit is not None
        type_into(qtbot, edit, "13800138000" if field.kind.value == "phone" else "路燈不亮")
    qtbot.mouseClick(window.form.next, LEFT)
    assert session.state is State.REVIEW

    online_url = kiosk.sender_client.base_url
    kiosk.sender_client.base_url = closed_port_url()  # the village's network goes down
    qtbot.mouseClick(window.review.submit, LEFT)
    qtbot.waitUntil(lambda: session.state is State.RECEIPT, timeout=30000)
    record = session.record
    assert record is not None and record.provisional
    reference = record.number
    assert window.receipt.number.text() == reference
    assert f"/v1/applications/{reference}?code=" in record.status_url
    qtbot.waitUntil(lambda: window.header.offline.isVisibleTo(window), timeout=5000)
    assert kiosk.outbox.depth() == 1

    kiosk.sender_client.base_url = online_url  # the network is back
    kiosk.forwarder.flush(timeout_s=20)
    qtbot.waitUntil(lambda: not window.header.offline.isVisibleTo(window), timeout=5000)
    rows = backend.rows("SELECT count(*) FROM applications WHERE provisional_ref = ?", reference)
    assert rows == [(1,)] and kiosk.outbox.depth() == 0


def test_correcting_a_field_clears_its_complaint(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    open_form(qtbot, shell, kiosk, "HL-002")
    qtbot.mouseClick(window.form.next, LEFT)
    editor = window.form.editors["subject"]
    assert editor.problem.isVisibleTo(window)
    assert editor.line_edit is not None
    type_into(qtbot, editor.line_edit, "燈")
    assert not editor.problem.isVisibleTo(window)


def test_a_card_left_in_the_reader_is_announced_until_taken(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell()
    window, reader = shell.window, kiosk.reader
    assert isinstance(reader, SimulatedReader)
    reader.insert(DEMO_IDENTITY)
    qtbot.mouseClick(window.menu.finish, LEFT)
    assert kiosk.session.state is State.ATTRACT
    assert window.attract.card_reminder.isVisibleTo(window)
    assert window.attract.card_reminder.text() == "請取回您的身分證。"
    assert window.attract.take_demo_card.isVisibleTo(window)  # the demo's stand-in hand
    assert not window.attract.demo_card.isVisibleTo(window)
    qtbot.mouseClick(window.attract.take_demo_card, LEFT)
    assert not reader.card_present
    assert not window.attract.card_reminder.isVisibleTo(window)
    assert window.attract.demo_card.isVisibleTo(window)


def test_a_card_that_cannot_be_read_is_explained(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    reporter = threading.Thread(
        target=shell.card_events.card_error, args=("card removed during reading",)
    )
    reporter.start()
    reporter.join(5)
    qtbot.waitUntil(lambda: kiosk.session.state is State.IDENTIFY, timeout=5000)
    refusal = shell.window.identify.refusal
    assert refusal.isVisibleTo(shell.window) and "重新插入" in refusal.text()
    kiosk.reader.insert(DEMO_IDENTITY)  # type: ignore[attr-defined]
    assert kiosk.session.state is State.MENU


def test_a_double_tap_does_not_press_the_next_screen(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell(tap_guard_ms=400)
    window = shell.window
    qtbot.mouseClick(window.attract.demo_card, LEFT)
    assert kiosk.session.state is State.MENU
    qtbot.mouseClick(window.menu.apply, LEFT)  # the second tap of a double tap
    assert kiosk.session.state is State.MENU
    qtbot.wait(450)
    qtbot.mouseClick(window.menu.apply, LEFT)
    assert kiosk.session.state is State.CATALOG


def test_typing_keeps_the_session_alive(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell(idle_timeout_s=5)
    window = shell.window
    open_form(qtbot, shell, kiosk, "HL-002")
    edit = window.form.editors["subject"].line_edit
    assert edit is not None
    for _ in range(4):  # 8 s of slow typing, longer than the 5 s idle limit
        qtbot.wait(2000)
        qtbot.keyClicks(edit, "a")
    assert kiosk.session.state is State.FORM
    assert edit.text() == "aaaa"


def test_a_second_tap_on_submit_files_once(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend
) -> None:
    shell, kiosk = make_shell()
    window, session = shell.window, kiosk.session
    service = open_form(qtbot, shell, kiosk, "HL-002")
    for field in service.fields:
        edit = window.form.editors[field.name].line_edit
        assert edit is not None
        type_into(qtbot, edit, "13800138000" if field.kind.value == "phone" else "二次點擊")
    qtbot.mouseClick(window.form.next, LEFT)
    count = "SELECT count(*) FROM applications"
    (before,) = backend.rows(count)
    window.review.submit.click()
    window.review.submit.click()  # the screen has not changed yet: a real double tap
    qtbot.waitUntil(lambda: session.state is State.RECEIPT, timeout=20000)
    assert backend.rows(count) == [(before[0] + 1,)]


def test_taking_the_card_mid_form_ends_the_session(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    window, reader = shell.window, kiosk.reader
    assert isinstance(reader, SimulatedReader)
    open_form(qtbot, shell, kiosk, "HL-002")
    edit = window.form.editors["subject"].line_edit
    assert edit is not None
    type_into(qtbot, edit, "私事")
    reader.remove()
    assert kiosk.session.state is State.ATTRACT
    assert kiosk.session.identity is None and window.form.editors == {}
