"""``kiosk doctor``'s keyboard check against this venv's real Qt, copies of its files in a
folder of the test's own, real ``ldd``, and environments a vendor might leave behind."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.doctor import Verdict
from kiosk.doctor_keyboard import (
    PLUGIN,
    check_environment,
    check_keyboard,
    parse_unit_environment,
    qt_folder,
    unit_environment,
)
from kiosk.input_method import keyboard_requested, on_wayland, requested_input_methods


def test_this_venvs_qt_has_the_keyboard_and_every_library_it_needs() -> None:
    found = check_keyboard(environ={})
    assert found.verdict is Verdict.OK, found.line()
    assert "Zhuyin" in found.detail and "Pinyin" in found.detail


def test_a_qt_without_the_keyboard_or_its_libraries_fails(tmp_path: Path) -> None:
    qt = qt_folder()
    assert qt is not None
    empty = check_keyboard(tmp_path / "Qt", environ={})
    assert empty.verdict is Verdict.FAIL and "citizens cannot type" in empty.detail
    assert "apt-get install --reinstall onestop-kiosk" in empty.fix

    # The plugin alone, away from the Qt libraries it finds beside it ($ORIGIN/../../lib).
    lonely = tmp_path / "Qt" / PLUGIN
    lonely.parent.mkdir(parents=True)
    shutil.copy(qt / PLUGIN, lonely)
    found = check_keyboard(tmp_path / "Qt", environ={})
    assert found.verdict is Verdict.FAIL, found.line()
    for library in ("libQt6VirtualKeyboard.so.6", "libqwayland.so", "libQt6Core.so.6"):
        assert library in found.detail


def test_an_input_method_chosen_in_the_unit_that_keeps_the_keyboard_off_fails() -> None:
    unit = {"QT_QPA_PLATFORM": "wayland", "QT_IM_MODULES": "wayland;fcitx"}
    found = check_keyboard(environ=unit, from_unit=True)
    assert found.verdict is Verdict.FAIL
    assert "QT_IM_MODULES=wayland;fcitx" in found.detail
    assert "citizens cannot type" in found.detail
    assert "systemctl edit onestop-kiosk.service and remove QT_IM_MODULES" in found.fix
    # The same in the vendor's shell only matters for kiosk run from there.
    shell = check_keyboard(environ={"QT_IM_MODULE": "ibus"})
    assert shell.verdict is Verdict.WARN and "unset QT_IM_MODULE " in shell.fix


def test_the_keyboard_chosen_explicitly_passes_and_behind_another_is_a_warning() -> None:
    assert check_environment({}, from_unit=True) is None
    assert check_environment({"QT_IM_MODULE": "qtvirtualkeyboard"}, from_unit=True) is None
    # What QtWayland's own warning tells vendors to set.
    assert check_environment({"QT_IM_MODULES": "qtvirtualkeyboard"}, from_unit=True) is None
    behind = check_environment({"QT_IM_MODULES": "compose;qtvirtualkeyboard"}, from_unit=True)
    assert behind is not None and behind.verdict is Verdict.WARN
    assert "first of these that loads" in behind.detail


def test_the_units_environment_as_systemctl_shows_it() -> None:
    shown = (
        "KIOSK_CONFIG=/etc/onestop-kiosk/kiosk.toml QT_QPA_PLATFORM=wayland "
        '"QT_IM_MODULES=wayland;fcitx" "GREETING=two words"\n'
    )
    assert parse_unit_environment(shown) == {
        "KIOSK_CONFIG": "/etc/onestop-kiosk/kiosk.toml",
        "QT_QPA_PLATFORM": "wayland",
        "QT_IM_MODULES": "wayland;fcitx",
        "GREETING": "two words",
    }
    assert parse_unit_environment("") == {}
    assert unit_environment(systemctl="/nonexistent/systemctl") is None


def test_qt_reads_the_input_method_list_before_the_single_one() -> None:
    both = {"QT_IM_MODULES": "wayland;;fcitx", "QT_IM_MODULE": "qtvirtualkeyboard"}
    assert requested_input_methods(both) == ["wayland", "fcitx"]
    assert not keyboard_requested(both)
    assert requested_input_methods({"QT_IM_MODULES": "", "QT_IM_MODULE": "ibus"}) == ["ibus"]
    assert requested_input_methods({}) == []
    assert keyboard_requested({"QT_IM_MODULES": "wayland;QtVirtualKeyboard"})


def test_which_platform_is_wayland() -> None:
    assert on_wayland({"QT_QPA_PLATFORM": "wayland"})
    assert on_wayland({"QT_QPA_PLATFORM": "wayland-egl"})
    assert not on_wayland({"QT_QPA_PLATFORM": "offscreen", "WAYLAND_DISPLAY": "wayland-0"})
    assert on_wayland({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})
    assert not on_wayland({"DISPLAY": ":0"})
