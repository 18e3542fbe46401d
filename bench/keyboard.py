"""What the on-screen keyboard costs: at start-up, and when a text field first needs it.

    .venv/bin/python -m bench.keyboard [--runs N]   (from the repository root)

Start-up (process start → attract screen painted, as bench/startup.py measures it) with
  - no input method at all (QT_IM_MODULE=none),
  - Qt Virtual Keyboard's "desktop" integration (the plugin's own top-level panel window),
  - the kiosk's choice: the plugin's input context, the panel inside the window (InputDock).
Qt reads QT_IM_MODULE once, when the QApplication is made, so both keyboard variants load the
input context at start; only the panel can wait. Then, in a window with one text field and the
kiosk's InputDock: the time from the tap to the keyboard on screen, and the RSS it adds.
Prints a Markdown table (stdout) and progress (stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.startup import (
    STARTUP_TIMEOUT_S,
    Spread,
    _cache_bytecode_in,
    _run_child,
    _startup_ms,
    _write_kiosk_config,
)
from kiosk.backend_process import BackendProcess
from ui.offscreen import use_offscreen_screen

VARIANTS: Mapping[str, Mapping[str, str | None]] = {
    "no input method": {"QT_IM_MODULE": "none", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": None},
    "keyboard, desktop panel": {
        "QT_IM_MODULE": "qtvirtualkeyboard",
        "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": None,
    },
    "keyboard, panel in the window (shipped)": {
        "QT_IM_MODULE": None,  # the kiosk's own prepare_input_method decides
        "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": None,
    },
}

FIRST_SHOW_CHILD = """
import json, resource, sys, time
from ui.offscreen import use_offscreen_screen
use_offscreen_screen(1920, 1080)
from ui.keyboard import prepare_input_method
prepare_input_method()
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
app = QApplication([])
from ui.keyboard import InputDock
window = QWidget()
column = QVBoxLayout(window)
field = QLineEdit()
column.addWidget(field)
column.addStretch(1)
dock = InputDock(window)
column.addWidget(dock)
window.resize(1920, 1080)
window.show()
for _ in range(50):
    QCoreApplication.processEvents()
def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
before = rss_kib()
started = time.perf_counter()
QTest.mouseClick(field, Qt.MouseButton.LeftButton)
while not dock.keyboard_showing():
    QCoreApplication.processEvents()
    if time.perf_counter() - started > 30:
        sys.exit("no keyboard within 30 s")
shown_ms = (time.perf_counter() - started) * 1000
for _ in range(20):
    QCoreApplication.processEvents()
print(json.dumps({"first_show_ms": shown_ms, "rss_added_mib": (rss_kib() - before) / 1024}))
"""


def _apply(environment: Mapping[str, str | None]) -> None:
    for name, value in environment.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_startup(kiosk_run: Sequence[str], runs: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for environment in VARIANTS.values():  # untimed: bytecode and page caches
        _apply(environment)
        _run_child(kiosk_run, STARTUP_TIMEOUT_S)
    for run in range(runs):
        order = list(VARIANTS.items())
        for name, environment in order if run % 2 == 0 else reversed(order):
            _apply(environment)
            samples[name].append(_startup_ms(kiosk_run))
        _progress(f"start-up run {run + 1}/{runs}")
    return samples


def measure_first_show(runs: int) -> tuple[list[float], list[float]]:
    _apply(VARIANTS["keyboard, panel in the window (shipped)"])
    shown: list[float] = []
    added: list[float] = []
    for run in range(runs):
        child = subprocess.run(
            [sys.executable, "-c", FIRST_SHOW_CHILD],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        figures = json.loads(child.stdout.splitlines()[-1])
        shown.append(figures["first_show_ms"])
        added.append(figures["rss_added_mib"])
        _progress(f"first-show run {run + 1}/{runs}: {shown[-1]:.0f} ms, +{added[-1]:.1f} MiB")
    return shown, added


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    use_offscreen_screen(1920, 1080)
    with tempfile.TemporaryDirectory(prefix="kiosk-keyboard-bench-") as scratch_name:
        scratch = Path(scratch_name)
        _cache_bytecode_in(scratch / "pycache")
        os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
        with BackendProcess(
            f"sqlite:///{scratch}/bench.sqlite3", enroll_kiosk="bench-kiosk"
        ) as backend:
            config = _write_kiosk_config(scratch, backend.url, backend.kiosk_token)
            kiosk_run = [
                sys.executable,
                "-m",
                "kiosk",
                "run",
                "--config",
                str(config),
                "--exit-after-first-paint",
            ]
            startup = measure_startup(kiosk_run, args.runs)
        shown, added = measure_first_show(args.runs)
    print(f"N = {args.runs} runs of each, interleaved; offscreen 1920x1080; min / median / max")
    print()
    print("| what | ms |")
    print("|---|---|")
    for name, samples in startup.items():
        print(f"| start-up to first paint, {name} | {Spread.of(samples).formatted(0)} |")
    print(
        f"| tap on a text field → keyboard on screen (first time) | "
        f"{Spread.of(shown).formatted(0)} |"
    )
    print()
    print(f"RSS the keyboard adds when it first shows (MiB): {Spread.of(added).formatted(1)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
