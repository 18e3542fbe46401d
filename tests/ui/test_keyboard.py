"""The on-screen keyboard: Qt Virtual Keyboard inside the kiosk's window, loaded on first need.

Qt picks its input method once per process, when the QApplication is made; the test process's
own QApplication has none. So one test runs the kiosk in a child process, as ``kiosk run``
starts it (``ui.app.application``), and taps real keys on the real keyboard; the others check
that without the keyboard everything still works and nothing complains.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.catalog import FieldKind, Service
from kiosk.i18n import Language
from tests.support import RunningBackend
from tests.ui.conftest import MakeShell, card_to_catalog, click_in_view
from ui.keyboard import prepare_input_method

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickItem  # not at run time: the child must load it late

LEFT = Qt.MouseButton.LeftButton
REPO = Path(__file__).resolve().parents[2]
# What Qt's offscreen platform says whatever the kiosk does (ignored in-process as well).
HARMLESS = ("This plugin does not support propagateSizeHints()",)


def text_field_low_on_its_form(services: tuple[Service, ...]) -> tuple[Service, int]:
    """The service whose form has a text field furthest down, and that field's index."""
    best = max(
        services,
        key=lambda s: max(
            (i for i, f in enumerate(s.fields) if f.kind is FieldKind.TEXT), default=-1
        ),
    )
    index = max(i for i, f in enumerate(best.fields) if f.kind is FieldKind.TEXT)
    return best, index


def test_the_real_keyboard_types_chinese_and_english_and_never_covers_the_field(
    backend: RunningBackend, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "QT_IM_"))}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # the keyboard's files, not the user's
    env["PYTHONPATH"] = str(REPO)
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tests.ui.test_keyboard import keyboard_child; keyboard_child()",
            backend.url,
            backend.kiosk_token,
            str(tmp_path / "data"),
        ],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert child.returncode == 0, child.stderr[-4000:]
    complaints = [line for line in child.stderr.splitlines() if line not in HARMLESS]
    assert complaints == [], "Qt or the kiosk complained"
    seen = json.loads(child.stdout.splitlines()[-1])
    assert seen["loaded_before_any_text_field"] is False
    assert seen["zh-Hant"] == {"layout": "zh_TW", "typed": "你"}  # Zhuyin: ㄋ ㄧ ˇ, space
    assert seen["zh-Hans"] == {"layout": "zh_CN", "typed": "你你"}  # Pinyin: n i, space
    assert seen["en"] == {"layout": "en_US", "typed": "你你a"}
    assert seen["field_in_view_above_keyboard"] is True
    assert seen["window_height"] == 1080
    assert seen["hide_key_puts_it_away"] is True
    assert seen["phone_field_gets_the_keypad_not_the_keyboard"] is True
    # Pinyin learns no words from a field marked sensitive: nothing one citizen typed is
    # offered to the next as a candidate, nor kept on disk.
    assert seen["field_marked_sensitive"] is True
    print(f"keyboard first shown {seen['first_show_ms']:.0f} ms after the tap")


def keyboard_child() -> None:
    """The kiosk as ``kiosk run`` builds it, driven by taps; prints what it saw as JSON."""
    from ui.offscreen import use_offscreen_screen

    use_offscreen_screen(1920, 1080)
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtTest import QTest

    from tests.ui.child_kiosk import child_shell

    backend_url, token, data_dir = sys.argv[1:4]
    kiosk, shell = child_shell("keyboard-kiosk", backend_url, token, data_dir)
    window = shell.window
    dock = window.accessibility.input_dock
    painted: list[bool] = []
    window.first_painted.connect(lambda: painted.append(True))
    window.resize(1920, 1080)
    window.show()

    def settle(condition: Callable[[], bool], what: str, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not happen within {timeout_s:.0f} s")
            QCoreApplication.processEvents()
            time.sleep(0.005)
        QCoreApplication.processEvents()

    def pause(seconds: float) -> None:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    def tap(widget: QWidget, pos: QPoint | None = None) -> None:
        QTest.mouseClick(widget, LEFT, Qt.KeyboardModifier.NoModifier, pos or QPoint())
        QCoreApplication.processEvents()

    def tap_key(text: str = "", kind: str = "") -> None:
        """Tap the key showing ``text`` (or the first key of QML type ``kind``)."""
        view = dock.keyboard_view
        assert view is not None
        for key in visible_keys(view.rootObject()):
            name = key.metaObject().className()
            if (kind and name.startswith(kind)) or (not kind and key.property("text") == text):
                centre = key.mapToScene(QPointF(key.width() / 2, key.height() / 2))
                tap(view, centre.toPoint())
                return
        raise AssertionError(f"no key {text or kind} on the keyboard")

    seen: dict[str, object] = {}
    settle(lambda: bool(painted), "the first paint")
    tap(window.attract.demo_card)
    tap(window.menu.apply)
    settle(lambda: bool(window.catalog.service_buttons), "the catalog")
    service, index = text_field_low_on_its_form(kiosk.catalog.services())
    button = window.catalog.service_buttons[service.code]
    window.catalog.list_area.ensureWidgetVisible(button)
    tap(button)
    seen["loaded_before_any_text_field"] = (
        dock.keyboard_view is not None or "PySide6.QtQuickWidgets" in sys.modules
    )

    def text_field() -> QLineEdit:
        # Found anew each time: the form rebuilds its fields in another language.
        field = list(window.form.editors.values())[index].line_edit
        assert field is not None
        return field

    def tap_field() -> None:
        window.form.scroll_area.ensureWidgetVisible(text_field())
        tap(text_field())
        settle(dock.keyboard_showing, "the keyboard")

    started = time.monotonic()
    tap_field()
    seen["first_show_ms"] = (time.monotonic() - started) * 1000
    viewport = window.form.scroll_area.viewport()

    def in_view() -> bool:
        field = text_field()
        top_left = field.mapTo(window, QPoint(0, 0))
        field_bottom = top_left.y() + field.height()
        view_top = viewport.mapTo(window, QPoint(0, 0)).y()
        return (
            view_top <= top_left.y()
            and field_bottom <= view_top + viewport.height()
            and (field_bottom < dock.geometry().top())
        )

    settle(in_view, "the field scrolled into view above the keyboard", 5)
    pause(0.3)  # and it stays there once everything has settled
    seen["field_in_view_above_keyboard"] = in_view()
    seen["window_height"] = window.height()

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
        seen[language.value] = {"layout": root.property("language"), "typed": text_field().text()}
    sensitive = text_field().inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData
    seen["field_marked_sensitive"] = bool(sensitive)

    tap_key(kind="HideKeyboardKey")
    settle(lambda: not dock.isVisible(), "the hide key")
    seen["hide_key_puts_it_away"] = not dock.isVisible() and text_field().hasFocus()

    editors = window.form.editors.values()
    phone = next(e.line_edit for e in editors if e.field.kind is FieldKind.PHONE)
    assert phone is not None
    window.form.scroll_area.ensureWidgetVisible(phone)
    tap(phone)
    settle(dock.keypad_showing, "the keypad")
    seen["phone_field_gets_the_keypad_not_the_keyboard"] = not dock.keyboard_showing()
    shell.shut_down()
    kiosk.close()
    print(json.dumps(seen, ensure_ascii=False))


def visible_keys(root: QQuickItem) -> list[QQuickItem]:
    """The keyboard's keys on screen, row by row (breadth first through its QML items)."""
    pending, keys = list(root.childItems()), []
    while pending:
        item = pending.pop(0)
        pending.extend(item.childItems())
        if "Key" in item.metaObject().className() and item.isVisible():
            keys.append(item)
    return keys


def test_without_the_keyboard_a_text_field_takes_typing_and_nothing_complains(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell()
    window, dock = shell.window, shell.window.accessibility.input_dock
    assert not dock.keyboard_available, "this process has no virtual keyboard input method"
    card_to_catalog(qtbot, window)
    service, index = text_field_low_on_its_form(kiosk.catalog.services())
    click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
    field = list(window.form.editors.values())[index].line_edit
    assert field is not None
    click_in_view(qtbot, window.form.scroll_area, field)
    assert field.hasFocus() and not dock.isVisible()
    qtbot.keyClicks(field, "abc")
    assert field.text() == "abc"
    assert dock.keyboard_view is None, "nothing loaded for a keyboard that is not there"


def test_the_input_method_is_chosen_before_qt_starts_and_a_vendors_choice_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("QT_IM_MODULE", "QT_IM_MODULES", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"):
        monkeypatch.setenv(name, "")  # so that monkeypatch unsets it again afterwards
        monkeypatch.delenv(name)
    prepare_input_method()
    assert os.environ["QT_IM_MODULE"] == "qtvirtualkeyboard"
    assert os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] == "1", "inside the window"
    monkeypatch.setenv("QT_IM_MODULE", "ibus")
    prepare_input_method()
    assert os.environ["QT_IM_MODULE"] == "ibus"
