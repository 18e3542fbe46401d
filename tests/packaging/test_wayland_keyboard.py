"""Typing on the on-screen keyboard where the kiosk really runs: a Wayland client of cage.

QtWayland prints "qtvirtualkeyboard currently is not supported at client-side" whenever the
keyboard is asked for. Since Qt 6.7 it then builds the input context asked for all the same
(``QWaylandIntegration::reconfigureInputContext`` tries each requested module in turn), so the
keyboard inside the kiosk's window types. This test is the proof: cage with no screen (wlroots'
headless backend, pixman), the kiosk built as ``kiosk run --fullscreen`` builds it and shown as
a Wayland client of that cage, a citizen's taps on a form's text field and on the keyboard's
keys: Zhuyin, Pinyin and English reach the field.

cage 0.1.4 offers no virtual pointer or touch device, so the taps are Qt events in the kiosk's
process, as in tests/ui/test_keyboard.py; the window, its activation and focus, its size and
the input method are the compositor's and QtWayland's.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.units import read_service
from tests.support import RunningBackend

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
# cage refuses to run as root: as root, the compositor runs as this user.
COMPOSITOR_USER = ("nobody", "nogroup")
CAGE_START_S = 15.0
CHILD_TIMEOUT_S = 180


@dataclass(frozen=True)
class Cage:
    """A running headless cage: its Wayland socket (a path a client can name in
    WAYLAND_DISPLAY) and what it printed so far."""

    socket: Path
    log: Path


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group cage leads (cage and its child), SIGKILL if it lingers."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue
    process.wait(timeout=5)


@pytest.fixture
def headless_cage(tmp_path: Path) -> Iterator[Cage]:
    cage = shutil.which("cage")
    if cage is None:
        pytest.fail("cage is not installed: run scripts/bootstrap.sh (apt-get install cage)")
    # Not under tmp_path: pytest's temporary folders are the test user's alone, and cage (as
    # another user) makes its socket here. The name is unique: parallel workers do not meet.
    runtime = Path(tempfile.mkdtemp(prefix="onestop-cage-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        user, group = COMPOSITOR_USER
        shutil.chown(runtime, user, group)
        as_user = ["setpriv", f"--reuid={user}", f"--regid={group}", "--clear-groups", "--"]
    runtime.chmod(0o700)
    announced = runtime / "display-name"
    log = tmp_path / "cage.log"
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "XDG_RUNTIME_DIR": str(runtime),
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
    }
    # cage's own client only says where the display is and waits: the kiosk connects to it.
    waiter = 'printf %s "$WAYLAND_DISPLAY" > "$1.part" && mv "$1.part" "$1"; exec sleep 600'
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*as_user, cage, "-d", "--", "sh", "-c", waiter, "sh", str(announced)],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + CAGE_START_S
        while not announced.exists() and process.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if not announced.exists():
            pytest.fail(f"cage did not start within {CAGE_START_S:g} s:\n{log.read_text()}")
        yield Cage(runtime / announced.read_text(), log)
    finally:
        _stop(process)
        shutil.rmtree(runtime, ignore_errors=True)


def test_the_keyboard_types_into_the_kiosk_as_a_wayland_client_of_cage(
    headless_cage: Cage, backend: RunningBackend, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "QT_", "WAYLAND"))}
    client_runtime = tmp_path / "runtime"
    client_runtime.mkdir(mode=0o700)
    # Qt's settings from the packaged unit: its platform, its input method.
    unit = read_service(REPO / "packaging" / "systemd" / "onestop-kiosk.service")
    qt = {key: value for key, value in unit.environment().items() if key.startswith("QT_")}
    assert qt["QT_QPA_PLATFORM"] == "wayland"
    env |= qt | {
        "WAYLAND_DISPLAY": str(headless_cage.socket),
        "XDG_RUNTIME_DIR": str(client_runtime),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the keyboard's files, not the user's
        "PYTHONPATH": str(REPO),
    }
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tests.packaging.test_wayland_keyboard import wayland_child; wayland_child()",
            backend.url,
            backend.kiosk_token,
            str(tmp_path / "data"),
        ],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    assert child.returncode == 0, child.stderr[-4000:] + headless_cage.log.read_text()[-2000:]
    seen = json.loads(child.stdout.splitlines()[-1])
    assert seen["platform"] == "wayland"
    assert seen["keyboard_input_context"] is True
    # Full screen: the whole of cage's (headless) output.
    assert seen["window"] == seen["screen"] == [1280, 720]
    assert seen["window_active"] is True
    assert seen["keyboard_shown"] is True
    assert seen["zh-Hant"] == {"layout": "zh_TW", "typed": "你"}  # Zhuyin: ㄋ ㄧ ˇ, space
    assert seen["zh-Hans"] == {"layout": "zh_CN", "typed": "你你"}  # Pinyin: n i, space
    assert seen["en"] == {"layout": "en_US", "typed": "你你a"}
    # A touch screen shows no pointer (QtWayland hides it when a mouse enters the window).
    assert seen["pointer_hidden"] is True
    # Not even QtWayland's warning about the keyboard: the kiosk proves it wrong and drops it.
    assert child.stderr.splitlines() == [], "Qt or the kiosk complained"


def wayland_child() -> None:
    """The kiosk as ``kiosk run --fullscreen`` shows it, driven by taps; prints what it saw."""
    from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QPointF, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from kiosk.i18n import Language
    from tests.ui.child_kiosk import child_shell
    from tests.ui.test_keyboard import text_field_low_on_its_form, visible_keys
    from ui.app import show_on_screen
    from ui.virtual_keyboard import keyboard_input_context_loaded

    backend_url, token, data_dir = sys.argv[1:4]
    kiosk, shell = child_shell("wayland-kiosk", backend_url, token, data_dir)
    app = shell.app
    window = shell.window
    dock = window.accessibility.input_dock
    painted: list[bool] = []
    window.first_painted.connect(lambda: painted.append(True))
    show_on_screen(app, window, fullscreen=True)

    def settle(condition: Callable[[], bool], what: str, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not happen within {timeout_s:.0f} s")
            QCoreApplication.processEvents()
            time.sleep(0.005)
        QCoreApplication.processEvents()

    def tap(widget: QWidget, pos: QPoint | None = None) -> None:
        QTest.mouseClick(
            widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or QPoint()
        )
        QCoreApplication.processEvents()

    def tap_key(text: str) -> None:
        view = dock.keyboard_view
        assert view is not None
        for key in visible_keys(view.rootObject()):
            if key.property("text") == text:
                centre = key.mapToScene(QPointF(key.width() / 2, key.height() / 2))
                tap(view, centre.toPoint())
                return
        raise AssertionError(f"no key {text} on the keyboard")

    screen = app.primaryScreen().geometry()
    seen: dict[str, object] = {
        "platform": QGuiApplication.platformName(),
        "keyboard_input_context": keyboard_input_context_loaded(),
        "screen": [screen.width(), screen.height()],
    }
    settle(lambda: bool(painted) and window.isActiveWindow(), "the first paint, active")
    settle(lambda: window.size() == screen.size(), "the window filling the screen", 5)
    seen["window"] = [window.width(), window.height()]
    seen["window_active"] = window.isActiveWindow()
    cursor = app.overrideCursor()
    seen["pointer_hidden"] = cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor

    tap(window.attract.demo_card)
    tap(window.menu.apply)
    settle(lambda: bool(window.catalog.service_buttons), "the catalog")
    service, index = text_field_low_on_its_form(kiosk.catalog.services())
    button = window.catalog.service_buttons[service.code]
    window.catalog.list_area.ensureWidgetVisible(button)
    tap(button)

    def text_field() -> QWidget:
        # Found anew each time: the form rebuilds its fields in another language.
        field = list(window.form.editors.values())[index].line_edit
        assert field is not None
        return field

    def tap_field() -> None:
        window.form.scroll_area.ensureWidgetVisible(text_field())
        tap(text_field())
        settle(dock.keyboard_showing, "the keyboard")
        settle(QGuiApplication.inputMethod().isVisible, "the input panel", 5)

    tap_field()
    seen["keyboard_shown"] = dock.keyboard_showing()
    root = dock.keyboard_view.rootObject() if dock.keyboard_view else None
    assert root is not None
    strokes = {Language.ZH_HANT: "ㄋㄧˇ", Language.ZH_HANS: "ni", Language.EN: "a"}
    for language, keys in strokes.items():
        if language is not kiosk.session.language:
            tap(window.header.language_buttons[language])
            settle(lambda: not dock.isVisible(), "the keyboard put away for the language button")
            tap_field()
        assert QLocale().name() in ("zh_TW", "zh_CN", "en_US")
        for key in keys:
            tap_key(key)
        if language is not Language.EN:
            tap_key(" ")  # the first candidate
        typed = text_field().property("text")
        seen[language.value] = {"layout": root.property("language"), "typed": typed}
    shell.shut_down()
    kiosk.close()
    print(json.dumps(seen, ensure_ascii=False))
