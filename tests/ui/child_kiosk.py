"""The kiosk built in a test's child process as ``kiosk run`` builds it (the keyboard, tap and
Wayland tests run it apart from pytest's own QApplication)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.app import Kiosk
    from ui.app import Shell


def child_shell(kiosk_id: str, backend_url: str, token: str, data_dir: str) -> tuple[Kiosk, Shell]:
    """The demo kiosk ``kiosk_id`` on the backend at ``backend_url``, printing to files in
    ``data_dir``, with its window built (not shown). Qt's screen and platform must be chosen
    before this is called: it makes the QApplication."""
    from kiosk.app import build_kiosk
    from kiosk.config import load_config
    from kiosk.logs import PersonalDataRedactor
    from ui.app import application, build_shell

    config = load_config(
        None,
        environ={},
        defaults={
            "kiosk": {"id": kiosk_id, "demo": True, "data_dir": data_dir},
            "session": {"tap_guard_ms": 0},  # scripted taps come faster than any finger
            "backend": {"url": backend_url, "token": token},
            "devices": {"printer": Path(data_dir, "receipts").as_uri() + "/?paper=80mm"},
        },
    )
    app = application()
    kiosk = build_kiosk(config, PersonalDataRedactor())
    return kiosk, build_shell(kiosk, app)
