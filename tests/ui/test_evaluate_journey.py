"""The rating journey (好差評) after an application: real widgets, the real backend, the outbox."""

from __future__ import annotations

import json
import uuid

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.i18n import Language
from kiosk.outbox import OutboxKind, OutboxState
from kiosk.ratings import Satisfaction
from kiosk.session import State, Transaction, TransactionKind
from tests.support import RunningBackend
from tests.ui.conftest import MakeShell, click_in_view, open_form, type_into
from tests.ui.test_screens import closed_port_url
from ui.app import Shell
from ui.screens.evaluate import RatingPage

LEFT = Qt.MouseButton.LeftButton
WORST = {
    Language.ZH_HANT: "非常不滿意",
    Language.ZH_HANS: "非常不满意",
    Language.EN: "Very dissatisfied",
}
THANKS = {
    Language.ZH_HANT: "謝謝您的評價！",
    Language.ZH_HANS: "谢谢您的评价！",
    Language.EN: "Thank you for your rating!",
}
SLOW_HANDLING = {
    Language.ZH_HANT: "辦事效率低",
    Language.ZH_HANS: "办事效率低",
    Language.EN: "Slow handling",
}


def file_an_application(qtbot: QtBot, shell: Shell, kiosk: Kiosk, language: Language) -> str:
    """Demo card, the language, a short form filed: the receipt screen; its number."""
    window, session = shell.window, kiosk.session
    service = open_form(qtbot, shell, kiosk, "HL-002")
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    for field in service.fields:
        edit = window.form.editors[field.name].line_edit
        assert edit is not None
        type_into(qtbot, edit, "13800138000" if field.kind.value == "phone" else "路燈不亮")
    qtbot.mouseClick(window.form.next, LEFT)
    assert session.state is State.REVIEW, session.form_problems
    qtbot.mouseClick(window.review.submit, LEFT)
    qtbot.waitUntil(lambda: session.state is State.RECEIPT, timeout=20000)
    return window.receipt.number.text()


def to_rating(qtbot: QtBot, shell: Shell, kiosk: Kiosk, language: Language) -> str:
    number = file_an_application(qtbot, shell, kiosk, language)
    qtbot.mouseClick(shell.window.receipt.finish, LEFT)
    assert kiosk.session.state is State.EVALUATE
    return number


def rating_for_a_ticket(
    qtbot: QtBot, shell: Shell, kiosk: Kiosk, backend: RunningBackend, language: Language
) -> str:
    """The rating screen for a queue ticket, offered as the queue journey offers it (quicker
    than filing an application, whose receipt printing takes seconds); the ticket's id."""
    window, session = shell.window, kiosk.session
    qtbot.mouseClick(window.attract.demo_card, LEFT)
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    qtbot.mouseClick(window.menu.ticket, LEFT)
    assert window.stack.currentWidget() is window.queue
    answer = requests.post(
        f"{backend.url}/v1/queue/tickets",
        json={"category": "general", "language": language.value},
        headers=backend.kiosk_headers(**{"Idempotency-Key": uuid.uuid4().hex}),
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    ticket = str(answer.json()["id"])
    session.transaction_completed(Transaction(TransactionKind.QUEUE_TICKET, ticket))
    assert session.offer_rating() and session.state is State.EVALUATE
    return ticket


def evaluations(backend: RunningBackend, reference: str) -> list[tuple[int, list[str], str, bool]]:
    rows = backend.rows(
        "SELECT level, indicators, comment, rater_hash FROM evaluations WHERE transaction_ref = ?",
        reference,
    )
    return [
        (level, json.loads(codes) if isinstance(codes, str) else codes, comment, bool(rater))
        for level, codes, comment, rater in rows
    ]


@pytest.mark.parametrize("language", list(Language))
def test_a_bad_rating_names_what_went_wrong_and_is_recorded_once(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend, language: Language
) -> None:
    shell, kiosk = make_shell()
    window, session, screen = shell.window, kiosk.session, shell.window.evaluate
    number = to_rating(qtbot, shell, kiosk, language)
    assert screen.current_page() is RatingPage.LEVELS
    worst = screen.level_buttons[Satisfaction.VERY_DISSATISFIED]
    assert WORST[language] in worst.text() and worst.accessibleName() == WORST[language]
    assert all(button.height() >= 88 for button in screen.level_buttons.values())

    qtbot.mouseClick(worst, LEFT)
    assert screen.current_page() is RatingPage.DETAILS
    qtbot.waitUntil(lambda: bool(screen.indicator_buttons), timeout=10000)
    assert screen.indicator_buttons["low_efficiency"].text() == SLOW_HANDLING[language]
    qtbot.mouseClick(screen.send, LEFT)  # nothing ticked: a bad rating must say what
    assert screen.current_page() is RatingPage.DETAILS and screen.problem.isVisibleTo(window)
    assert all(item.kind is not OutboxKind.EVALUATION for item in kiosk.outbox.items())

    click_in_view(qtbot, screen.indicator_area, screen.indicator_buttons["low_efficiency"])
    assert not screen.problem.isVisibleTo(window)
    type_into(qtbot, screen.comment, "等了很久")
    qtbot.mouseClick(screen.send, LEFT)
    qtbot.waitUntil(lambda: screen.current_page() is RatingPage.DONE, timeout=10000)
    assert screen.thanks.text() == THANKS[language]
    assert screen.comment.text() == ""
    assert evaluations(backend, number) == [(1, ["low_efficiency"], "等了很久", True)]
    sent = {item.kind for item in kiosk.outbox.items(state=OutboxState.SENT)}
    assert sent == {OutboxKind.APPLICATION, OutboxKind.EVALUATION}
    assert session.transaction is not None and session.transaction in session.rated

    qtbot.mouseClick(screen.finish, LEFT)
    assert session.state is State.ATTRACT
    assert screen.current_page() is RatingPage.LEVELS and not screen.indicator_buttons


@pytest.mark.parametrize("language", list(Language))
def test_no_thanks_is_an_answer_and_something_else_leads_to_the_menu(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend, language: Language
) -> None:
    shell, kiosk = make_shell()
    session, screen = kiosk.session, shell.window.evaluate
    number = rating_for_a_ticket(qtbot, shell, kiosk, backend, language)
    qtbot.mouseClick(screen.decline, LEFT)
    assert screen.current_page() is RatingPage.DONE
    assert session.transaction is not None and session.transaction in session.rated
    qtbot.mouseClick(screen.more, LEFT)
    assert session.state is State.MENU and session.identity is not None
    assert not session.offer_rating()
    assert evaluations(backend, number) == []


@pytest.mark.parametrize("language", list(Language))
def test_offline_the_rating_is_kept_and_sent_when_the_network_is_back(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend, language: Language
) -> None:
    shell, kiosk = make_shell()
    screen = shell.window.evaluate
    online = kiosk.sender_client.base_url
    kiosk.sender_client.base_url = closed_port_url()
    # Choices never loaded (a fresh kiosk, the backend out of reach): words will do.
    kiosk.client.base_url = kiosk.sender_client.base_url
    number = rating_for_a_ticket(qtbot, shell, kiosk, backend, language)
    qtbot.mouseClick(screen.level_buttons[Satisfaction.SATISFIED], LEFT)
    qtbot.waitUntil(lambda: "…" not in screen.prompt.text(), timeout=15000)
    assert not screen.indicator_buttons
    qtbot.mouseClick(screen.send, LEFT)
    qtbot.waitUntil(lambda: screen.current_page() is RatingPage.DONE, timeout=15000)
    assert screen.thanks.text() == THANKS[language]
    assert screen.thanks_note.text() != ""
    assert kiosk.outbox.depth() == 1 and evaluations(backend, number) == []

    kiosk.sender_client.base_url = online
    assert kiosk.forwarder.flush(timeout_s=20).sent == 1
    assert evaluations(backend, number) == [(4, [], "", True)]


@pytest.mark.parametrize("language", list(Language))
def test_a_transaction_rated_elsewhere_is_told_kindly(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend, language: Language
) -> None:
    shell, kiosk = make_shell()
    screen = shell.window.evaluate
    number = rating_for_a_ticket(qtbot, shell, kiosk, backend, language)
    earlier = requests.post(
        f"{backend.url}/v1/evaluations",
        json={"transaction_kind": "queue_ticket", "transaction_ref": number, "level": 5},
        headers=backend.kiosk_headers(**{"Idempotency-Key": uuid.uuid4().hex}),
        timeout=10,
    )
    assert earlier.status_code == 201, earlier.text
    qtbot.mouseClick(screen.level_buttons[Satisfaction.FAIR], LEFT)
    qtbot.mouseClick(screen.send, LEFT)
    qtbot.waitUntil(lambda: screen.current_page() is RatingPage.DONE, timeout=10000)
    assert screen.thanks.text() != THANKS[language]
    assert evaluations(backend, number) == [(5, [], "", False)]
    assert kiosk.outbox.depth() == 0, "not retried"


def test_a_second_tap_on_send_rates_once(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend
) -> None:
    shell, kiosk = make_shell()
    screen = shell.window.evaluate
    number = rating_for_a_ticket(qtbot, shell, kiosk, backend, Language.ZH_HANS)
    qtbot.mouseClick(screen.level_buttons[Satisfaction.VERY_SATISFIED], LEFT)
    screen.send.click()
    screen.send.click()  # the second lands while the first is on its way
    qtbot.waitUntil(lambda: screen.current_page() is RatingPage.DONE, timeout=10000)
    shell.tasks.wait(10000)
    assert len(evaluations(backend, number)) == 1
    assert len(kiosk.outbox.items(state=OutboxState.SENT)) == 1


def test_walking_away_from_the_rating_wipes_it(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend
) -> None:
    shell, kiosk = make_shell(screen_timeouts_s={"evaluate": 3})
    screen = shell.window.evaluate
    rating_for_a_ticket(qtbot, shell, kiosk, backend, Language.ZH_HANT)
    qtbot.mouseClick(screen.level_buttons[Satisfaction.SATISFIED], LEFT)
    type_into(qtbot, screen.comment, "王先生很好")
    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=8000)
    assert screen.comment.text() == "" and screen.current_page() is RatingPage.LEVELS
    assert kiosk.session.transaction is None
