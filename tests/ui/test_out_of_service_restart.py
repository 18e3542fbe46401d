"""Out of service outlives a restart: the kiosk program is built again on the same data
directory (as systemd starts it again after the fleet's ``restart``, a crash or a power cut) and
comes back out of service with the same message, until staff or the office end it. Real
widgets, the real backend, the fleet's commands through the staff API and the heartbeat."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drivers.cards.identity import Identity
from drivers.cards.simulated import DEMO_IDENTITY, SimulatedReader
from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from kiosk.fleet_commands import RESTART_EXIT_CODE
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.session import State
from kiosk.staff_settings import SETTINGS_FILE
from tests.integration.server.kiosk_test_support import staff_get, unique_kiosk_id
from tests.support import RunningBackend
from tests.ui.staff_helpers import LEFT, PIN_HASH, sign_in
from tests.ui.test_fleet_commands import WAIT_MS, command_sent, outcome
from ui.app import Shell, build_shell
from ui.screens.admin import AdminPage
from ui.screens.out_of_service import OutOfServiceNotice, notice_text

LANGUAGES = pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)

Start = Callable[[Language], tuple[Shell, Kiosk]]


class KioskBox:
    """One kiosk (one id, one token, one data directory) whose program is started, stopped
    and started again; never two programs at once, as on the real box."""

    def __init__(self, qtbot: QtBot, qapp: QApplication, backend: RunningBackend, data: Path):
        self._qtbot, self._qapp, self._backend, self.data = qtbot, qapp, backend, data
        self.kiosk_id = unique_kiosk_id("oos-restart")
        self._token = backend.add_kiosk(self.kiosk_id)
        self._running: tuple[Shell, Kiosk] | None = None

    def start(
        self, language: Language, *, card_in_reader: Identity | None = None
    ) -> tuple[Shell, Kiosk]:
        """The program started (again); ``card_in_reader``: a card left in the reader, which
        the reader reports before the first paint."""
        self.stop()
        config = load_config(
            None,
            environ={},
            defaults={
                "kiosk": {
                    "id": self.kiosk_id,
                    "demo": True,
                    "language": language.value,
                    "data_dir": str(self.data),
                },
                "session": {"tap_guard_ms": 0},
                "backend": {
                    "url": self._backend.url,
                    "token": self._token,
                    "connect_timeout_s": 1,
                    "read_timeout_s": 3,
                },
                "devices": {"printer": (self.data / "receipts").as_uri() + "/?paper=80mm"},
                "staff": {"pin_hash": PIN_HASH},
            },
        )
        kiosk = build_kiosk(config, PersonalDataRedactor())
        shell = build_shell(kiosk, self._qapp)
        self._running = (shell, kiosk)
        if card_in_reader is not None:
            assert isinstance(kiosk.reader, SimulatedReader)
            kiosk.reader.insert(card_in_reader)
        shell.window.resize(1920, 1080)
        # With a card in the reader the menu is up before the start screen is ever painted;
        # the menu's first paint ends start-up then.
        with self._qtbot.waitSignal(shell.window.first_painted, timeout=10000):
            shell.window.show()
        return shell, kiosk

    def stop(self) -> None:
        if self._running is not None:
            shell, kiosk = self._running
            self._running = None
            shell.shut_down()
            kiosk.close()
            # Gone, as with the old process: its window is not restyled with the next one's.
            parts = (shell.window, shell.languages, shell.tasks, shell.card_events)
            gone: list[bool] = []
            for part in parts:
                part.destroyed.connect(lambda: gone.append(True))
                part.deleteLater()
            self._qtbot.waitUntil(lambda: len(gone) == len(parts), timeout=5000)


@pytest.fixture
def box(
    qtbot: QtBot, qapp: QApplication, backend: RunningBackend, tmp_path: Path
) -> Iterator[KioskBox]:
    kiosk_box = KioskBox(qtbot, qapp, backend, tmp_path / "data")
    yield kiosk_box
    kiosk_box.stop()


def fleet_entry(backend: RunningBackend, kiosk_id: str) -> dict[str, Any]:
    [entry] = [
        k
        for k in staff_get(backend, "/v1/staff/fleet").json()["kiosks"]
        if k["kiosk_id"] == kiosk_id
    ]
    assert isinstance(entry, dict)
    return entry


def assert_out_of_service(shell: Shell, kiosk: Kiosk, shown: str) -> None:
    assert kiosk.session.state is State.OUT_OF_SERVICE
    assert shell.window.stack.currentWidget() is shell.window.out_of_service
    assert shell.window.out_of_service.message.text() == shown


def run_until_restart(qtbot: QtBot, qapp: QApplication, shell: Shell) -> int:
    """Run the event loop as `kiosk run` does, until the fleet's restart leaves it."""
    restarting: list[int] = []
    shell.window.fleet_commands.restarting.connect(restarting.append)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(-1))
    guard.start(WAIT_MS)
    code = qapp.exec()
    guard.stop()
    assert restarting == [code]
    return code


@LANGUAGES
def test_out_of_service_from_the_office_survives_the_offices_restart(
    qtbot: QtBot, qapp: QApplication, box: KioskBox, backend: RunningBackend, language: Language
) -> None:
    message = "本機維護中，請到 2 號窗口 / Please use counter 2"
    shell, kiosk = box.start(language)
    on = command_sent(backend, kiosk, box.kiosk_id, "out_of_service_on", message)
    qtbot.waitUntil(lambda: kiosk.session.state is State.OUT_OF_SERVICE, timeout=WAIT_MS)
    assert outcome(backend, box.kiosk_id, on["id"]) == ("done", None)

    restart = command_sent(backend, kiosk, box.kiosk_id, "restart")
    assert run_until_restart(qtbot, qapp, shell) == RESTART_EXIT_CODE
    assert outcome(backend, box.kiosk_id, restart["id"]) == ("done", "restarting")

    shell, kiosk = box.start(language)  # systemd starts the program again

    assert_out_of_service(shell, kiosk, message)
    kiosk.heartbeat.beat_now()
    qtbot.waitUntil(lambda: fleet_entry(backend, box.kiosk_id)["out_of_service"], timeout=WAIT_MS)
    assert fleet_entry(backend, box.kiosk_id)["pending_commands"] == 0, "nothing ran twice"

    off = command_sent(backend, kiosk, box.kiosk_id, "out_of_service_off")
    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=WAIT_MS)
    assert outcome(backend, box.kiosk_id, off["id"]) == ("done", None)

    shell, kiosk = box.start(language)
    assert kiosk.session.state is State.ATTRACT
    assert shell.window.stack.currentWidget() is shell.window.attract


@LANGUAGES
def test_out_of_service_set_by_staff_survives_restarts_until_staff_end_it(
    qtbot: QtBot, box: KioskBox, language: Language
) -> None:
    notice = OutOfServiceNotice.NO_PAPER
    shell, kiosk = box.start(language)
    sign_in(qtbot, shell.window, kiosk.session, language)
    qtbot.mouseClick(shell.window.admin.nav_buttons[AdminPage.SERVICE], LEFT)
    qtbot.mouseClick(shell.window.admin.service.notice_buttons[notice], LEFT)
    assert kiosk.session.state is State.OUT_OF_SERVICE

    shell, kiosk = box.start(language)  # a power cut
    shown = notice_text(notice)
    if language is not Language.EN:
        assert shown != notice.value, "in the kiosk's language after the restart too"
    assert_out_of_service(shell, kiosk, shown)

    # Staff are in from the out-of-service screen when the kiosk is restarted under them.
    sign_in(qtbot, shell.window, kiosk.session, language, screen=shell.window.out_of_service)
    shell, kiosk = box.start(language)
    assert_out_of_service(shell, kiosk, shown)

    sign_in(qtbot, shell.window, kiosk.session, language, screen=shell.window.out_of_service)
    qtbot.mouseClick(shell.window.admin.nav_buttons[AdminPage.SERVICE], LEFT)
    qtbot.mouseClick(shell.window.admin.service.resume, LEFT)
    assert kiosk.session.state is State.ATTRACT

    shell, kiosk = box.start(language)
    assert kiosk.session.state is State.ATTRACT
    assert shell.window.stack.currentWidget() is shell.window.attract
    assert (box.data / SETTINGS_FILE).exists()
    assert sorted(p.name for p in box.data.iterdir() if p.name.startswith(".")) == []


@LANGUAGES
def test_the_office_ends_out_of_service_while_staff_are_signed_in_from_it(
    qtbot: QtBot, box: KioskBox, backend: RunningBackend, language: Language
) -> None:
    message = "本機維護中 / Under maintenance"
    shell, kiosk = box.start(language)
    on = command_sent(backend, kiosk, box.kiosk_id, "out_of_service_on", message)
    qtbot.waitUntil(lambda: kiosk.session.state is State.OUT_OF_SERVICE, timeout=WAIT_MS)
    assert outcome(backend, box.kiosk_id, on["id"]) == ("done", None)
    sign_in(qtbot, shell.window, kiosk.session, language, screen=shell.window.out_of_service)
    service = shell.window.admin.service
    assert not service.resume.isHidden(), "staff see it is out of service"

    off = command_sent(backend, kiosk, box.kiosk_id, "out_of_service_off")
    qtbot.waitUntil(service.resume.isHidden, timeout=WAIT_MS)  # staff see it back in service
    assert outcome(backend, box.kiosk_id, off["id"]) == ("done", None)
    assert kiosk.session.state is State.ADMIN, "staff are not thrown out"
    qtbot.mouseClick(shell.window.admin.leave, LEFT)
    assert kiosk.session.state is State.ATTRACT
    assert shell.window.stack.currentWidget() is shell.window.attract
    kiosk.heartbeat.beat_now()
    qtbot.waitUntil(
        lambda: not fleet_entry(backend, box.kiosk_id)["out_of_service"], timeout=WAIT_MS
    )

    shell, kiosk = box.start(language)  # and not out of service again after a restart
    assert kiosk.session.state is State.ATTRACT
    assert shell.window.stack.currentWidget() is shell.window.attract


@LANGUAGES
def test_a_card_left_in_the_reader_at_the_restart_ends_its_session_first(
    qtbot: QtBot, box: KioskBox, language: Language
) -> None:
    shell, kiosk = box.start(language)
    assert kiosk.session.suspend(OutOfServiceNotice.MAINTENANCE.value)

    shell, kiosk = box.start(language, card_in_reader=DEMO_IDENTITY)

    assert kiosk.session.state is State.MENU, "the card came before the start screen was up"
    assert isinstance(kiosk.reader, SimulatedReader)
    kiosk.reader.remove()  # its owner takes it: the session ends, and out of service it is
    qtbot.waitUntil(lambda: kiosk.session.state is State.OUT_OF_SERVICE, timeout=5000)
    assert_out_of_service(shell, kiosk, notice_text(OutOfServiceNotice.MAINTENANCE))
    assert kiosk.session.identity is None


def test_with_a_card_in_the_reader_at_boot_touches_still_keep_the_session_alive(
    qtbot: QtBot, box: KioskBox
) -> None:
    shell, kiosk = box.start(Language.ZH_HANT, card_in_reader=DEMO_IDENTITY)
    assert kiosk.session.state is State.MENU
    first_left = kiosk.session.seconds_left()
    assert first_left is not None
    qtbot.waitUntil(lambda: (kiosk.session.seconds_left() or 0) < first_left - 0.3, timeout=3000)
    menu = shell.window.stack.currentWidget()
    qtbot.mouseClick(menu, LEFT, pos=menu.rect().center())
    after_touch = kiosk.session.seconds_left()
    assert after_touch is not None and after_touch > first_left - 0.3, "the touch was not seen"
