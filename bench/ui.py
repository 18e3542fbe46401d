"""Screen changes, the on-screen keyboard and memory over many journeys, next to a minimal window.

    .venv/bin/python bench/ui.py                  # 500 journeys (~30 min on 2 cores: each prints)
    .venv/bin/python bench/ui.py --journeys N
    .venv/bin/python bench/ui.py --quick          # a smoke run: 12 journeys (~2 min)

Prints Markdown tables (stdout) and progress (stderr). See bench/README.md for how to read them.
Exits 0 whatever the figures are; 1, with the child's stderr, when a child process fails or
overruns its timeout, or when no journey could be walked.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on sys.path and this file's own name would
# hide the `ui` package. The repository root goes there instead: it holds the kiosk and this
# bench's children, which run as `python -m bench.ui_kiosk` from there.
_REPOSITORY = Path(__file__).resolve().parents[1]
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _REPOSITORY / "bench"]
sys.path.insert(0, str(_REPOSITORY))

from bench.ui_report import Figures, report  # noqa: E402
from kiosk.backend_process import BackendProcess, BackendStartError  # noqa: E402
from kiosk.config import ENV_PREFIX  # noqa: E402
from ui.offscreen import use_offscreen_screen  # noqa: E402

SCREEN_WIDTH, SCREEN_HEIGHT = 1920, 1080
KIOSK_ID = "bench-ui-kiosk"
# Many journeys from one kiosk in minutes: lift the per-kiosk rate limit, as bench/outbox.py does.
SERVER_FLAGS = ("--kiosk-rate", "1000/1000", "--public-rate", "100000/100000")
MINIMAL_WINDOW = _REPOSITORY / "bench" / "minimal_window.py"


@dataclass(frozen=True)
class Plan:
    journeys: int
    keyboard_runs: int  # fresh kiosk processes, one first show each (and as many references)
    switches_per_reference: int
    rss_runs: int  # of the minimal window


FULL = Plan(journeys=500, keyboard_runs=5, switches_per_reference=100, rss_runs=3)
QUICK = Plan(journeys=12, keyboard_runs=1, switches_per_reference=30, rss_runs=1)
SHORT_CHILD_TIMEOUT_S = 120.0
STDERR_TAIL_LINES = 60
BACKEND_READY_TIMEOUT_S = 90.0  # generous: a busy machine starts uvicorn slowly
# A journey takes a few seconds (each one prints, and a print starts a process); plenty of room.
JOURNEY_TIMEOUT_S = 15.0
WARM_UP_JOURNEYS = 4  # the kiosk child walks each kind once, untimed, before the measured ones


class ChildFailed(Exception):
    """A child process exited non-zero, overran its timeout or printed no result."""

    def __init__(self, command: Sequence[str], problem: str, stderr: str) -> None:
        super().__init__(f"{' '.join(command)}: {problem}")
        self.stderr = stderr


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _child_environment() -> dict[str, str]:
    # KIOSK_* variables would override the bench's config file; an input method chosen in the
    # shell would load a keyboard into the reference, which must stay a bare PySide6 program.
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(ENV_PREFIX) and name != "QT_IM_MODULE"
    }


def _run_child(
    command: Sequence[str],
    timeout_s: float,
    scratch: Path,
    on_line: Callable[[str], None] = lambda _line: None,
) -> str:
    """Run ``command`` from the repository root; pass each stdout line to ``on_line``, return
    the whole stdout. Raise ChildFailed on a non-zero exit or a timeout."""
    with tempfile.TemporaryFile("w+", dir=scratch) as stderr:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=_child_environment(),
            cwd=_REPOSITORY,
        )
        timer = threading.Timer(timeout_s, process.kill)
        timer.start()
        lines: list[str] = []
        try:
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line)
                on_line(line.rstrip("\n"))
            process.wait()
        finally:
            expired = not timer.is_alive() and process.returncode != 0
            timer.cancel()
        if process.returncode != 0:
            stderr.seek(0)
            problem = (
                f"no exit within {timeout_s:.0f} s (killed)"
                if expired
                else f"exit status {process.returncode}"
            )
            # The kiosk logs every screen change: the end of its stderr says what went wrong.
            tail = stderr.read().splitlines()[-STDERR_TAIL_LINES:]
            raise ChildFailed(command, problem, "\n".join(tail))
    return "".join(lines)


def _result(stdout: str, command: Sequence[str]) -> dict[str, Any]:
    for line in reversed(stdout.splitlines()):
        if line.startswith("result "):
            result: dict[str, Any] = json.loads(line.removeprefix("result "))
            return result
    raise ChildFailed(command, "no 'result {json}' line on stdout", stdout)


def _write_kiosk_config(scratch: Path, backend: BackendProcess) -> Path:
    receipts = scratch / "receipts"
    receipts.mkdir()
    config = scratch / "bench-ui-kiosk.toml"
    # As bench/startup.py's kiosk: full screen, simulated card reader, file printer. The outbox
    # and the reprint spool live in the scratch folder; taps come faster than fingers, so the
    # ghost-tap guard is off (it would swallow a scripted tap on a screen just shown).
    config.write_text(
        f"""\
[kiosk]
id = "{KIOSK_ID}"
demo = true
fullscreen = true
data_dir = "{scratch / "kiosk-data"}"

[session]
tap_guard_ms = 0

[backend]
url = "{backend.url}"
token = "{backend.kiosk_token}"

[devices]
card_reader = "simulated://"
printer = "{receipts.as_uri()}/?paper=80mm"
""",
        encoding="utf-8",
    )
    return config


def _echo_progress(prefix: str) -> Callable[[str], None]:
    def echo(line: str) -> None:
        if line.startswith("progress "):
            _progress(f"{prefix}: {line.removeprefix('progress ')}")

    return echo


def _measure(plan: Plan, scratch: Path, config: Path) -> Figures:
    python = sys.executable
    kiosk = [python, "-m", "bench.ui_kiosk", "--config", str(config)]
    reference = [python, "-m", "bench.ui_reference", "--switches"]
    figures = Figures(plan.journeys)

    def run_reference() -> None:
        command = [*reference, str(plan.switches_per_reference)]
        figures.add_reference(_result(_run_child(command, SHORT_CHILD_TIMEOUT_S, scratch), command))

    # One untimed launch of each first: it fills the bytecode cache and the page cache.
    _run_child([*kiosk, "--keyboard-only"], SHORT_CHILD_TIMEOUT_S, scratch)
    _run_child([*reference, "1"], SHORT_CHILD_TIMEOUT_S, scratch)
    for run in range(plan.keyboard_runs):
        # Interleaved, so a slow stretch of the machine hits both sides alike.
        command = [*kiosk, "--keyboard-only"]
        figures.add_keyboard_first(
            _result(_run_child(command, SHORT_CHILD_TIMEOUT_S, scratch), command)
        )
        run_reference()
        _progress(
            f"keyboard first show {run + 1}/{plan.keyboard_runs}: kiosk "
            f"{figures.keyboard_first_ms[-1]:.0f} ms, reference (QLineEdit focus) "
            f"{figures.reference_first_focus_ms[-1]:.1f} ms"
        )

    command = [*kiosk, "--journeys", str(plan.journeys)]
    timeout_s = SHORT_CHILD_TIMEOUT_S + JOURNEY_TIMEOUT_S * (plan.journeys + WARM_UP_JOURNEYS)
    stdout = _run_child(command, timeout_s, scratch, _echo_progress("kiosk"))
    figures.add_journeys(_result(stdout, command))

    run_reference()  # the reference after the long run too: both ends of the machine's day
    for _ in range(plan.rss_runs):
        command = [python, str(MINIMAL_WINDOW), "--rss"]
        figures.add_minimal_rss(_run_child(command, SHORT_CHILD_TIMEOUT_S, scratch), command)
    return figures


def _pyside6_version() -> str:
    # From the installed distribution, so this process never loads Qt itself.
    for distribution in ("PySide6-Essentials", "PySide6"):
        try:
            return importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "unknown"


def _journeys_argument(text: str) -> int:
    journeys = int(text)
    if journeys < 2:
        raise argparse.ArgumentTypeError(f"at least 2 journeys (got {journeys})")
    return journeys


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kiosk UI: screen changes, keyboard, RSS")
    parser.add_argument(
        "--journeys",
        type=_journeys_argument,
        help=f"automated journeys in one kiosk process (default {FULL.journeys})",
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"a smoke run: {QUICK.journeys} journeys, few samples"
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.journeys is not None:
        plan = Plan(args.journeys, plan.keyboard_runs, plan.switches_per_reference, plan.rss_runs)

    # Set in this process so every child inherits the same 1920x1080 offscreen screen.
    use_offscreen_screen(SCREEN_WIDTH, SCREEN_HEIGHT)
    machine = (
        f"Machine: nproc {len(os.sched_getaffinity(0))}, load average "
        f"{os.getloadavg()[0]:.2f} at the start, Python {platform.python_version()}, "
        f"PySide6 {_pyside6_version()}, platform offscreen {SCREEN_WIDTH}x{SCREEN_HEIGHT}"
    )
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-ui-") as scratch_name:
            scratch = Path(scratch_name)
            # A deployed kiosk starts from compiled bytecode; see bench/startup.py.
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
            with BackendProcess(
                f"sqlite:///{scratch}/bench.sqlite3",
                enroll_kiosk=KIOSK_ID,
                extra_args=SERVER_FLAGS,
                ready_timeout_s=BACKEND_READY_TIMEOUT_S,
            ) as backend:
                config = _write_kiosk_config(scratch, backend)
                figures = _measure(plan, scratch, config)
    except ChildFailed as failure:
        print(f"bench/ui.py: {failure}\n{failure.stderr}", file=sys.stderr)
        return 1
    except BackendStartError as failure:
        print(f"bench/ui.py: the backend did not start: {failure}", file=sys.stderr)
        return 1
    print(report(machine, figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
