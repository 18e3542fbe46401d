"""A kiosk window built the way ``kiosk/app.py`` and ``ui/app.py`` build it, on the real backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk, build_kiosk
from kiosk.catalog import Service
from kiosk.config import load_config
from kiosk.logs import PersonalDataRedactor
from tests.support import RunningBackend
from ui.app import Shell, build_shell
from ui.main_window import MainWindow

MakeShell = Callable[..., tuple[Shell, Kiosk]]
SCREEN_TIMEOUTS = ("form", "hotline", "evaluate")


@pytest.fixture
def receipts_dir(tmp_path: Path) -> Path:
    return tmp_path / "receipts"


@pytest.fixture
def make_shell(
    qtbot: QtBot, qapp: QApplication, backend: RunningBackend, receipts_dir: Path
) -> Iterator[MakeShell]:
    built: list[tuple[Shell, Kiosk]] = []

    def make(
        *,
        backend_url: str | None = None,
        receipt_timeout_s: int = 30,
        idle_timeout_s: int = 90,
        tap_guard_ms: int = 0,  # scripted taps come faster than any finger
        # Screens with their own idle timeout (form, hotline, evaluate): idle_timeout_s unless set.
        screen_timeouts_s: Mapping[str, int] | None = None,
        token: str | None = None,  # another backend's kiosk token (with ``backend_url``)
        staff: Mapping[str, object] | None = None,  # the [staff] section (pin_hash, ...)
        accessibility: Mapping[str, object] | None = None,  # the [accessibility] section
    ) -> tuple[Shell, Kiosk]:
        config = load_config(
            None,
            environ={},
            defaults={
                "kiosk": {"id": "test-kiosk", "demo": True, "data_dir": str(receipts_dir.parent)},
                "session": {
                    "idle_timeout_s": idle_timeout_s,
                    "receipt_timeout_s": receipt_timeout_s,
                    "tap_guard_ms": tap_guard_ms,
                    **{f"{screen}_timeout_s": idle_timeout_s for screen in SCREEN_TIMEOUTS},
                    **{f"{screen}_timeout_s": s for screen, s in (screen_timeouts_s or {}).items()},
                },
                "backend": {
                    "url": backend_url or backend.url,
                    "token": token or backend.kiosk_token,
                    "connect_timeout_s": 1,
                    "read_timeout_s": 3,
                },
                "devices": {"printer": receipts_dir.as_uri() + "/?paper=80mm"},
                "staff": dict(staff or {}),
                "accessibility": dict(accessibility or {}),
            },
        )
        kiosk = build_kiosk(config, PersonalDataRedactor())
        shell = build_shell(kiosk, qapp)
        qtbot.addWidget(shell.window)
        shell.window.resize(1920, 1080)
        with qtbot.waitSignal(shell.window.first_painted, timeout=10000):
            shell.window.show()  # a citizen can only touch what has been painted
        built.append((shell, kiosk))
        return shell, kiosk

    yield make
    for shell, kiosk in built:
        shell.tasks.wait(10000)
        kiosk.close()


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Keys for ASCII; for Chinese, the commit an input method sends after the citizen picks."""
    edit.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)


def click_in_view(qtbot: QtBot, area: QScrollArea, button: QAbstractButton) -> None:
    """Scroll the button into view first, as a citizen would: clicks land by position."""
    area.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def card_to_catalog(qtbot: QtBot, window: MainWindow, *, wait_for_services: bool = True) -> None:
    """Demo card in at the attract screen, then "apply": the catalog screen (loaded)."""
    qtbot.mouseClick(window.attract.demo_card, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.menu.apply, Qt.MouseButton.LeftButton)
    if wait_for_services:
        qtbot.waitUntil(lambda: bool(window.catalog.service_buttons), timeout=10000)


def open_form(qtbot: QtBot, shell: Shell, kiosk: Kiosk, code: str) -> Service:
    """Demo card in, "apply", then the service ``code``: its form is on screen."""
    window = shell.window
    card_to_catalog(qtbot, window)
    service = next(s for s in kiosk.catalog.services() if s.code == code)
    click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
    return service
