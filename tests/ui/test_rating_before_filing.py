"""Filed offline, rated as the network comes back: the citizen's rating is kept, not refused.

A hotline request or an application filed while the kiosk is offline carries a provisional
reference; the citizen rates it at once. If the link returns just then, the rating must not
reach the backend before the filing it rates (which would answer "not found"): on real widgets
against the real backend, in each language.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.i18n import Language
from kiosk.outbox import OutboxKind, OutboxState
from kiosk.ratings import Satisfaction
from kiosk.session import State
from tests.support import RunningBackend
from tests.ui.conftest import MakeShell
from tests.ui.test_evaluate_journey import THANKS, file_an_application
from tests.ui.test_hotline_journey import DESCRIPTIONS, choose, send_and_wait, to_hotline, write
from tests.ui.test_screens import closed_port_url
from ui.app import Shell
from ui.screens.evaluate import RatingPage
from ui.screens.hotline import HotlinePage

LEFT = Qt.MouseButton.LeftButton


def go_offline(kiosk: Kiosk) -> str:
    """The village loses its link; the backend's address, to give it back later."""
    online = kiosk.sender_client.base_url
    kiosk.sender_client.base_url = kiosk.client.base_url = closed_port_url()
    return online


def rate_as_the_link_returns(qtbot: QtBot, shell: Shell, kiosk: Kiosk, online: str) -> None:
    screen = shell.window.evaluate
    assert kiosk.session.state is State.EVALUATE
    kiosk.sender_client.base_url = kiosk.client.base_url = online
    qtbot.mouseClick(screen.level_buttons[Satisfaction.SATISFIED], LEFT)
    qtbot.waitUntil(lambda: "…" not in screen.prompt.text(), timeout=15000)
    qtbot.mouseClick(screen.send, LEFT)
    qtbot.waitUntil(lambda: screen.current_page() is RatingPage.DONE, timeout=15000)


def delivered_once(backend: RunningBackend, kiosk: Kiosk, table: str, reference: str) -> str:
    """The filing arrived once under its provisional reference, and the rating with it."""
    rows = backend.rows(f"SELECT number FROM {table} WHERE provisional_ref = ?", reference)
    assert len(rows) == 1, rows
    number = str(rows[0][0])
    ratings = backend.rows("SELECT level FROM evaluations WHERE transaction_ref = ?", number)
    assert ratings == [(4,)]
    assert kiosk.outbox.depth() == 0
    (rating,) = kiosk.outbox.items(state=OutboxState.SENT, limit=1)
    assert rating.kind is OutboxKind.EVALUATION
    return number


@pytest.mark.parametrize("language", list(Language))
def test_a_hotline_request_filed_offline_and_rated_keeps_its_rating(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    language: Language,
) -> None:
    shell, kiosk = make_shell()
    online = go_offline(kiosk)
    screen = to_hotline(qtbot, shell.window, language)
    choose(qtbot, screen, "consumer_complaint")
    write(qtbot, screen.details.description, DESCRIPTIONS[language])
    write(qtbot, screen.details.phone, "13800138000")
    send_and_wait(qtbot, screen)
    assert screen.page is HotlinePage.FILED
    reference = screen.number.text()
    assert reference.startswith("P") and kiosk.outbox.depth() == 1
    qtbot.mouseClick(screen.done, LEFT)

    rate_as_the_link_returns(qtbot, shell, kiosk, online)

    assert shell.window.evaluate.thanks.text() == THANKS[language]
    delivered_once(backend, kiosk, "hotline_requests", reference)


@pytest.mark.parametrize("language", list(Language))
def test_an_application_filed_offline_and_rated_keeps_its_rating(
    qtbot: QtBot,
    make_shell: MakeShell,
    backend: RunningBackend,
    language: Language,
) -> None:
    shell, kiosk = make_shell()
    kiosk.catalog.services()  # the catalog a kiosk keeps from its last time online
    online = go_offline(kiosk)
    reference = file_an_application(qtbot, shell, kiosk, language)
    assert reference.startswith("P") and kiosk.outbox.depth() == 1
    qtbot.mouseClick(shell.window.receipt.finish, LEFT)

    rate_as_the_link_returns(qtbot, shell, kiosk, online)

    assert shell.window.evaluate.thanks.text() == THANKS[language]
    delivered_once(backend, kiosk, "applications", reference)
