"""Commands from the office reach the screens: sent through the staff API of the real backend,
collected by the kiosk's own heartbeat, carried out when the citizen allows, acknowledged."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from kiosk.fleet_commands import RESTART_EXIT_CODE
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.session import State
from tests.integration.server.kiosk_test_support import send_command, staff_get, unique_kiosk_id
from tests.support import RunningBackend
from ui.app import Shell, build_shell
from ui.notice import MAX_SHOWN_CHARS

LEFT = Qt.MouseButton.LeftButton
WAIT_MS = 15000
CAPTIONS = {Language.ZH_HANT: "公告", Language.ZH_HANS: "公告", Language.EN: "Notice"}
LANGUAGES = pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)

Office = Callable[..., dict[str, Any]]


@pytest.fixture
def fleet_shell(
    qtbot: QtBot, qapp: QApplication, backend: RunningBackend, tmp_path: Path
) -> Iterator[Callable[[Language], tuple[Shell, Kiosk, str]]]:
    """A kiosk window on the real backend, as a kiosk of its own (so that no command sent
    here can reach another test's kiosk): (shell, kiosk, kiosk id)."""
    built: list[tuple[Shell, Kiosk]] = []

    def make(language: Language) -> tuple[Shell, Kiosk, str]:
        kiosk_id = unique_kiosk_id("fleet-ui")
        config = load_config(
            None,
            environ={},
            defaults={
                "kiosk": {
                    "id": kiosk_id,
                    "demo": True,
                    "language": language.value,
                    "data_dir": str(tmp_path / "data"),
                },
                "session": {"tap_guard_ms": 0},
                "backend": {
                    "url": backend.url,
                    "token": backend.add_kiosk(kiosk_id),
                    "connect_timeout_s": 1,
                    "read_timeout_s": 3,
                },
                "devices": {"printer": (tmp_path / "receipts").as_uri() + "/?paper=80mm"},
            },
        )
        kiosk = build_kiosk(config, PersonalDataRedactor())
        shell = build_shell(kiosk, qapp)
        built.append((shell, kiosk))
        qtbot.addWidget(shell.window)
        shell.window.resize(1920, 1080)
        with qtbot.waitSignal(shell.window.first_painted, timeout=10000):
            shell.window.show()
        return shell, kiosk, kiosk_id

    yield make
    for shell, kiosk in built:
        shell.tasks.wait(10000)
        kiosk.close()


def command_sent(
    backend: RunningBackend, kiosk: Kiosk, kiosk_id: str, kind: str, message: str | None = None
) -> dict[str, Any]:
    """Staff queue a command; the kiosk's heartbeat is asked to collect it now."""
    response = send_command(backend, kiosk_id, kind, message)
    assert response.status_code == 201, response.text
    kiosk.heartbeat.beat_now()
    answer = response.json()
    assert isinstance(answer, dict)
    return answer


def outcome(backend: RunningBackend, kiosk_id: str, command_id: int) -> tuple[str, str | None]:
    """The command's outcome once the server has the acknowledgement (waits up to WAIT_MS)."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while time.monotonic() < deadline:
        detail = staff_get(backend, f"/v1/staff/kiosks/{kiosk_id}").json()
        [command] = [c for c in detail["recent_commands"] if c["id"] == command_id]
        if command["acknowledged_at"]:
            return command["outcome"], command["detail"]
        time.sleep(0.05)
    raise AssertionError(f"command {command_id} was not acknowledged")


def citizen_at_menu(qtbot: QtBot, shell: Shell, kiosk: Kiosk) -> None:
    qtbot.mouseClick(shell.window.attract.start, LEFT)
    qtbot.mouseClick(shell.window.identify.skip, LEFT)
    assert kiosk.session.state is State.MENU


@LANGUAGES
def test_out_of_service_waits_for_the_citizen_and_ends_from_the_office(
    qtbot: QtBot, fleet_shell: Callable[..., Any], backend: RunningBackend, language: Language
) -> None:
    shell, kiosk, kiosk_id = fleet_shell(language)
    session, commands = kiosk.session, shell.window.fleet_commands
    citizen_at_menu(qtbot, shell, kiosk)
    message = "本機維護中，請到 2 號窗口"

    on = command_sent(backend, kiosk, kiosk_id, "out_of_service_on", message)

    qtbot.waitUntil(lambda: bool(commands.waiting), timeout=WAIT_MS)
    assert session.state is State.MENU  # the citizen in front of it is not thrown out
    qtbot.mouseClick(shell.window.menu.finish, LEFT)
    qtbot.waitUntil(lambda: session.state is State.OUT_OF_SERVICE, timeout=WAIT_MS)
    assert session.out_of_service_message == message
    assert shell.window.stack.currentWidget() is shell.window.out_of_service
    assert outcome(backend, kiosk_id, on["id"]) == ("done", None)

    off = command_sent(backend, kiosk, kiosk_id, "out_of_service_off")

    qtbot.waitUntil(lambda: session.state is State.ATTRACT, timeout=WAIT_MS)
    assert shell.window.stack.currentWidget() is shell.window.attract
    assert outcome(backend, kiosk_id, off["id"]) == ("done", None)
    fleet = staff_get(backend, "/v1/staff/fleet").json()["kiosks"]
    [entry] = [k for k in fleet if k["kiosk_id"] == kiosk_id]
    assert entry["out_of_service"] is False and entry["pending_commands"] == 0


@LANGUAGES
def test_a_message_shows_on_the_start_screen_and_never_over_a_citizen(
    qtbot: QtBot, fleet_shell: Callable[..., Any], backend: RunningBackend, language: Language
) -> None:
    shell, kiosk, kiosk_id = fleet_shell(language)
    notice = shell.window.fleet_commands.notice
    text = "<b>打印紙已補充</b> Paper refilled"
    assert notice.isHidden()

    sent = command_sent(backend, kiosk, kiosk_id, "message", text)

    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert notice.text.text() == text  # as typed: staff's words are never markup
    assert notice.caption.text() == CAPTIONS[language]
    assert notice.geometry().bottom() < shell.window.stack.geometry().top()
    assert outcome(backend, kiosk_id, sent["id"]) == ("done", None)

    citizen_at_menu(qtbot, shell, kiosk)
    assert notice.isHidden()
    qtbot.mouseClick(shell.window.menu.finish, LEFT)
    assert notice.isVisible()

    shell.window.fleet_commands.message_timer.timeout.emit()  # its time is up
    assert notice.isHidden() and notice.message == ""
    # The longest message the office may send is kept whole but shown in about three lines.
    notice.set_message("請到二號窗口辦理。\n" * 50)
    assert len(notice.message) > 400 and "\n" not in notice.message
    assert len(notice.text.text()) <= MAX_SHOWN_CHARS and notice.text.text().endswith("…")


@LANGUAGES
def test_a_reset_from_the_office_wipes_the_session(
    qtbot: QtBot, fleet_shell: Callable[..., Any], backend: RunningBackend, language: Language
) -> None:
    shell, kiosk, kiosk_id = fleet_shell(language)
    qtbot.mouseClick(shell.window.attract.demo_card, LEFT)
    assert kiosk.session.state is State.MENU and kiosk.session.identity is not None

    sent = command_sent(backend, kiosk, kiosk_id, "reset")

    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=WAIT_MS)
    assert kiosk.session.identity is None
    assert outcome(backend, kiosk_id, sent["id"]) == ("done", None)


@LANGUAGES
def test_a_restart_waits_for_the_citizen_is_acknowledged_then_leaves_with_its_code(
    qtbot: QtBot,
    qapp: QApplication,
    fleet_shell: Callable[..., Any],
    backend: RunningBackend,
    language: Language,
) -> None:
    shell, kiosk, kiosk_id = fleet_shell(language)
    commands = shell.window.fleet_commands
    citizen_at_menu(qtbot, shell, kiosk)
    restarting: list[int] = []
    commands.restarting.connect(restarting.append)

    sent = command_sent(backend, kiosk, kiosk_id, "restart")
    qtbot.waitUntil(lambda: bool(commands.waiting), timeout=WAIT_MS)
    assert kiosk.session.state is State.MENU and restarting == []

    qtbot.mouseClick(shell.window.menu.finish, LEFT)
    # The restart leaves the application's event loop: run it, as `kiosk run` does.
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(-1))
    guard.start(WAIT_MS)
    code = qapp.exec()
    guard.stop()

    assert code == RESTART_EXIT_CODE and restarting == [RESTART_EXIT_CODE]
    # Acknowledged before leaving: the server has it already, nothing left to repeat.
    detail = staff_get(backend, f"/v1/staff/kiosks/{kiosk_id}").json()
    [command] = [c for c in detail["recent_commands"] if c["id"] == sent["id"]]
    assert (command["outcome"], command["detail"]) == ("done", "restarting")
