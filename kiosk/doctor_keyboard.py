"""``kiosk doctor``'s keyboard check: can a citizen type on the on-screen keyboard?

A kiosk has no physical keyboard: without Qt Virtual Keyboard no citizen can fill in a text
field. The check looks for the keyboard's plugin in the kiosk's Qt (without loading Qt), for
the system libraries it and the Wayland platform need (``ldd``), and for an input method chosen
in the kiosk's environment that would keep the keyboard off: the unit's (with a vendor's
drop-ins) where systemd runs, else this shell's.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import subprocess
from collections.abc import Mapping
from pathlib import Path

from kiosk.doctor import Finding, Verdict, fail, ok, warn
from kiosk.input_method import KEYBOARD_MODULE, keyboard_requested, requested_input_methods

UNIT = "onestop-kiosk.service"
PLUGIN = "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"
# What the keyboard needs to load and show, relative to PySide6's Qt folder: its plugin and
# library, Qt Multimedia (its key sounds; the one that needs libpulse), and Qt's Wayland
# platform, which the unit starts the kiosk on.
LIBRARIES = (
    PLUGIN,
    "lib/libQt6VirtualKeyboard.so.6",
    "lib/libQt6Multimedia.so.6",
    "plugins/platforms/libqwayland.so",
)
REINSTALL = "apt-get install --reinstall onestop-kiosk"
COMMAND_TIMEOUT_S = 10.0


def qt_folder() -> Path | None:
    """PySide6's Qt folder, found without importing PySide6 (the doctor never loads Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def parse_unit_environment(value: str) -> dict[str, str]:
    """``systemctl show --property=Environment --value``: KEY=VALUE words, quoted as a shell
    would where a value has spaces."""
    pairs = (word.partition("=") for word in shlex.split(value))
    return {key: val for key, sep, val in pairs if sep and key}


def unit_environment(systemctl: str = "systemctl") -> dict[str, str] | None:
    """The kiosk unit's environment where systemd runs; None where it does not."""
    try:
        shown = subprocess.run(
            [systemctl, "show", "--property=Environment", "--value", UNIT],
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if shown.returncode != 0:
        return None  # "System has not been booted with systemd": a container, a chroot
    return parse_unit_environment(shown.stdout)


def missing_libraries(qt: Path) -> list[str]:
    """The keyboard's files that are not there, and the shared libraries ``ldd`` cannot find
    for those that are (without ldd, only the first)."""
    missing: dict[str, None] = {}  # in the order found, each once
    for library in LIBRARIES:
        if not (qt / library).is_file():
            missing[Path(library).name] = None
            continue
        try:
            linked = subprocess.run(
                ["ldd", str(qt / library)],
                capture_output=True,
                text=True,
                timeout=COMMAND_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        for line in linked.stdout.splitlines():
            name, _, found = line.strip().partition(" => ")
            if found.strip() == "not found":
                missing[name] = None
    return list(missing)


def check_environment(environ: Mapping[str, str], *, from_unit: bool) -> Finding | None:
    """A finding where ``environ`` chooses an input method that may keep the keyboard off."""
    chosen = requested_input_methods(environ)
    if not chosen:
        return None  # the kiosk chooses its keyboard itself (ui.keyboard)
    variable = "QT_IM_MODULES" if environ.get("QT_IM_MODULES") else "QT_IM_MODULE"
    setting = f"{variable}={';'.join(chosen)}"
    if from_unit:
        where, without = f"the kiosk's unit sets {setting}", "citizens cannot type"
        fix = f"systemctl edit {UNIT} and remove {variable}"
    else:
        where, without = f"this shell sets {setting}", "kiosk run from here cannot be typed on"
        fix = f"unset {variable} before kiosk run"
    fix += " (the kiosk chooses its keyboard itself)"
    if not keyboard_requested(environ):
        verdict = Verdict.FAIL if from_unit else Verdict.WARN
        return Finding("keyboard", verdict, f"{where}: no on-screen keyboard, {without}", fix)
    if chosen[0].split(":", 1)[0].lower() != KEYBOARD_MODULE:
        return warn("keyboard", f"{where}: Qt takes the first of these that loads", fix)
    return None


def check_keyboard(
    qt: Path | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    from_unit: bool = False,
) -> Finding:
    """The keyboard check, for ``qt`` (this Python's PySide6) and ``environ`` (the unit's
    where systemd runs, else this process's)."""
    qt = qt or qt_folder()
    if qt is None:
        return fail("keyboard", "Qt (PySide6) is not installed: no screen at all", REINSTALL)
    if not (qt / PLUGIN).is_file():
        return fail(
            "keyboard",
            f"Qt Virtual Keyboard is not installed in {qt}: citizens cannot type",
            f"{REINSTALL} (it comes with PySide6-Addons)",
        )
    missing = missing_libraries(qt)
    if missing:
        return fail(
            "keyboard",
            f"libraries missing for the on-screen keyboard or the screen: {', '.join(missing)}",
            f"{REINSTALL} (its dependencies bring them)",
        )
    if environ is None:
        unit = unit_environment()
        environ, from_unit = (os.environ, False) if unit is None else (unit, True)
    problem = check_environment(environ, from_unit=from_unit)
    return problem or ok("keyboard", "on-screen keyboard: Zhuyin, Cangjie, Pinyin and English")
