"""Taking a queue number on real widgets against the real backend, in each language."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.i18n import Language
from kiosk.session import State, Transaction, TransactionKind
from tests.support import RunningBackend
from tests.ui.conftest import MakeShell, click_in_view
from ui.main_window import MainWindow
from ui.screens.queue import QueuePage

LEFT = Qt.MouseButton.LeftButton
NAMES = {
    Language.ZH_HANT: "社保醫保",
    Language.ZH_HANS: "社保医保",
    Language.EN: "Social insurance and medical insurance",
}
WAIT_WORDS = {Language.ZH_HANT: "人等候", Language.ZH_HANS: "人等候", Language.EN: "waiting"}


def to_queue(qtbot: QtBot, window: MainWindow, language: Language) -> None:
    """Without a card: start, skip the card, pick the language, "take a queue number"."""
    qtbot.mouseClick(window.attract.start, LEFT)
    qtbot.mouseClick(window.identify.skip, LEFT)
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    qtbot.mouseClick(window.menu.ticket, LEFT)


def queue_now(backend: RunningBackend, code: str) -> tuple[int, int]:
    """(waiting, estimated minutes) of a category, as the backend says now."""
    answer = requests.get(
        f"{backend.url}/v1/queue/categories", headers=backend.kiosk_headers(), timeout=5
    )
    category = next(c for c in answer.json()["categories"] if c["code"] == code)
    return int(category["waiting"]), int(category["estimated_wait_minutes"])


def someone_waits(backend: RunningBackend, code: str) -> None:
    """Another citizen took a number a moment ago, so there is a queue to show."""
    answer = requests.post(
        f"{backend.url}/v1/queue/tickets",
        json={"category": code, "language": "zh-Hans"},
        headers=backend.kiosk_headers(**{"Idempotency-Key": uuid.uuid4().hex}),
        timeout=5,
    )
    assert answer.status_code == 201, answer.text


@pytest.mark.parametrize("language", list(Language))
def test_a_citizen_takes_a_number_and_reads_it_big(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    receipts_dir: Path,
    language: Language,
) -> None:
    someone_waits(backend, "social-insurance")
    shell, kiosk = make_shell()
    window, session, screen = shell.window, kiosk.session, shell.window.queue
    to_queue(qtbot, window, language)
    assert session.state is State.QUEUE
    qtbot.waitUntil(lambda: "social-insurance" in screen.category_buttons, timeout=10000)

    ahead, minutes = queue_now(backend, "social-insurance")
    button = screen.category_buttons["social-insurance"]
    assert NAMES[language] in button.text() and WAIT_WORDS[language] in button.text()
    assert f"{ahead} " in button.text() and f"{minutes} " in button.text()
    assert not screen.take.isEnabled(), "nothing to take before a counter is chosen"
    click_in_view(qtbot, screen.list_area, button)
    assert NAMES[language] in screen.summary.text()
    qtbot.mouseClick(screen.take, LEFT)
    qtbot.waitUntil(lambda: screen.page is QueuePage.TICKET, timeout=10000)

    number = screen.number.text()
    assert number.startswith("B") and screen.number.property("role") == "ticket-number"
    assert NAMES[language] == screen.category_name.text()
    assert f"{ahead}" in screen.ahead.text() and f"{minutes}" in screen.ahead.text()
    (ticket_id, stored_language, kiosk_id) = backend.rows(
        "SELECT id, language, kiosk_id FROM queue_tickets WHERE number = ? ORDER BY id DESC",
        number,
    )[0]
    assert (stored_language, kiosk_id) == (language.value, backend.kiosk_id)
    assert queue_now(backend, "social-insurance")[0] == ahead + 1, "one place in the queue"
    assert session.transaction == Transaction(TransactionKind.QUEUE_TICKET, str(ticket_id))
    (job,) = receipts_dir.glob("*.bin")
    assert number.encode() in job.read_bytes()

    # "Done" offers the rating once; after it, the visit ends.
    qtbot.mouseClick(screen.done, LEFT)
    assert session.state is State.EVALUATE


def test_offline_no_number_is_promised_and_back_leads_to_the_menu(
    qtbot: QtBot, make_shell: MakeShell, receipts_dir: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    shell, kiosk = make_shell(backend_url=closed)
    window, screen = shell.window, shell.window.queue
    to_queue(qtbot, window, Language.ZH_HANT)
    qtbot.waitUntil(lambda: screen.page is QueuePage.TROUBLE, timeout=10000)
    assert "不能" in screen.trouble_title.text() and screen.retry.isVisible()
    assert not screen.done.isVisible()
    assert not list(receipts_dir.glob("*.bin")) and kiosk.outbox.depth() == 0

    qtbot.mouseClick(screen.retry, LEFT)  # still down: the same calm answer, no crash
    qtbot.waitUntil(lambda: screen.page is QueuePage.TROUBLE, timeout=10000)
    qtbot.mouseClick(screen.back, LEFT)
    assert kiosk.session.state is State.MENU
