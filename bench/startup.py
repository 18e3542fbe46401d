"""Start-up time and memory of the kiosk, next to a minimal PySide6 window on the same machine.

    .venv/bin/python bench/startup.py [--runs N]

Prints a Markdown table (stdout) and progress (stderr). See bench/README.md for how to read it.
Exits 0 whatever the figures are; exits 1, with the child's stderr, when a child process fails
or overruns its timeout.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.backend_process import BackendProcess, BackendStartError
from kiosk.config import ENV_PREFIX
from ui.offscreen import use_offscreen_screen

SCREEN_WIDTH, SCREEN_HEIGHT = 1920, 1080
DEFAULT_RUNS = 7
MIN_RUNS = 5  # fewer start-up samples make the median swing with one noisy run
RSS_RUNS = 3  # a full journey takes seconds and its RSS varies little: three are enough
STARTUP_TIMEOUT_S = 60.0
TOUR_TIMEOUT_S = 180.0

# Goals (informative: the script never fails on them).
STARTUP_RATIO_GOAL = 2.0  # kiosk median start-up at most this many times the minimal window's
JOURNEY_RSS_GOAL_MIB = 120.0  # every journey's RSS under this

MINIMAL_WINDOW = Path(__file__).resolve().with_name("minimal_window.py")


class ChildFailed(Exception):
    """A measured child process exited non-zero, overran its timeout or printed no figure."""

    def __init__(self, command: Sequence[str], problem: str, stderr: str) -> None:
        super().__init__(f"{' '.join(command)}: {problem}")
        self.stderr = stderr


@dataclass(frozen=True)
class Spread:
    minimum: float
    median: float
    maximum: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Spread:
        return cls(min(samples), statistics.median(samples), max(samples))

    def formatted(self, decimals: int) -> str:
        return " / ".join(f"{v:.{decimals}f}" for v in (self.minimum, self.median, self.maximum))


def _child_environment() -> dict[str, str]:
    # KIOSK_* variables would override the bench's config file (kiosk.config reads them last),
    # so a developer's shell could silently change what is measured.
    return {name: value for name, value in os.environ.items() if not name.startswith(ENV_PREFIX)}


def _cache_bytecode_in(directory: Path) -> None:
    """Let every child cache compiled bytecode in ``directory`` (inherited through the env).

    A deployed kiosk starts from .pyc files (pip compiles them at install time). A shell with
    PYTHONDONTWRITEBYTECODE set would make each run recompile the kiosk's own sources instead
    and charge that to start-up. A private prefix keeps the repository free of __pycache__
    folders; the untimed warm-up launches fill it.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(directory)


def _run_child(command: Sequence[str], timeout_s: float, *, cwd: Path | None = None) -> str:
    """Run ``command`` to completion and return its stdout; raise ChildFailed otherwise."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_environment(),
        cwd=cwd,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        raise ChildFailed(command, f"no exit within {timeout_s:.0f} s (killed)", stderr) from None
    if process.returncode != 0:
        raise ChildFailed(command, f"exit status {process.returncode}", stderr)
    return stdout


def _value_after(prefix: str, stdout: str, command: Sequence[str]) -> float:
    """The number on the last stdout line starting with ``prefix`` (e.g. ``first-paint``)."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(prefix + " "):
            try:
                return float(line.split()[1])
            except (IndexError, ValueError):
                break
    # Its stdout is what explains this failure, so it goes where the stderr would.
    raise ChildFailed(command, f"no well-formed '{prefix} <number>' line on stdout", stdout)


def _startup_ms(command: Sequence[str]) -> float:
    """Milliseconds from just before the spawn to the child's own first-paint timestamp.

    Both readings come from CLOCK_MONOTONIC, which is system-wide, so the child's figure can be
    subtracted from the parent's. The child's exit and teardown are outside the measurement.
    """
    started = time.clock_gettime(time.CLOCK_MONOTONIC)
    stdout = _run_child(command, STARTUP_TIMEOUT_S)
    return (_value_after("first-paint", stdout, command) - started) * 1000.0


def _rss_mib(command: Sequence[str], timeout_s: float) -> float:
    stdout = _run_child(command, timeout_s)
    return _value_after("rss-kib", stdout, command) / 1024.0


def _write_kiosk_config(directory: Path, backend_url: str, backend_token: str) -> Path:
    receipts = directory / "receipts"
    receipts.mkdir()
    config = directory / "bench-kiosk.toml"
    # fullscreen: the kiosk's default is a 1280x800 window; the reference paints 1920x1080,
    # and the kiosk in a service hall runs full screen too.
    config.write_text(
        f"""\
[kiosk]
id = "bench-kiosk"
demo = true
fullscreen = true

[backend]
url = "{backend_url}"
token = "{backend_token}"

[devices]
card_reader = "simulated://"
printer = "{receipts.as_uri()}/?paper=80mm"
""",
        encoding="utf-8",
    )
    return config


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _measure_startup(
    kiosk_run: list[str], minimal_run: list[str], runs: int
) -> tuple[list[float], list[float]]:
    # One untimed launch of each first: it fills the bytecode cache and warms the page cache,
    # so no timed run pays for either.
    _run_child(kiosk_run, STARTUP_TIMEOUT_S)
    _run_child(minimal_run, STARTUP_TIMEOUT_S)
    kiosk_ms: list[float] = []
    minimal_ms: list[float] = []
    for run in range(runs):
        # Interleaved, and the order flips every run, so a slow stretch of the machine (or
        # whatever the previous process left in the caches) hits both sides alike.
        pairs = [(kiosk_run, kiosk_ms), (minimal_run, minimal_ms)]
        for command, samples in pairs if run % 2 == 0 else reversed(pairs):
            samples.append(_startup_ms(command))
        _progress(
            f"start-up run {run + 1}/{runs}: kiosk {kiosk_ms[-1]:.0f} ms, "
            f"minimal {minimal_ms[-1]:.0f} ms"
        )
    return kiosk_ms, minimal_ms


def _tour_command(out_dir: Path) -> list[str]:
    # The tour starts its own backend and picks its own offscreen screen.
    return [sys.executable, "-m", "kiosk", "tour", "--out", str(out_dir), "--report-rss"]


def _measure_rss(scratch: Path) -> tuple[list[float], list[float]]:
    # One untimed tour first: it compiles the modules only a journey imports (HTTP client,
    # receipt printing) into the fresh bytecode cache, and that left ~5 MiB more resident in
    # the first measured tour than in the others.
    _run_child(_tour_command(scratch / "tour-warm-up"), TOUR_TIMEOUT_S)
    journey_mib: list[float] = []
    minimal_mib: list[float] = []
    for run in range(RSS_RUNS):
        journey_mib.append(_rss_mib(_tour_command(scratch / f"tour-{run + 1}"), TOUR_TIMEOUT_S))
        minimal_mib.append(
            _rss_mib([sys.executable, str(MINIMAL_WINDOW), "--rss"], STARTUP_TIMEOUT_S)
        )
        _progress(
            f"RSS run {run + 1}/{RSS_RUNS}: kiosk journey {journey_mib[-1]:.1f} MiB, "
            f"minimal {minimal_mib[-1]:.1f} MiB"
        )
    return journey_mib, minimal_mib


def _pyside6_version() -> str:
    # From the installed distribution, so the parent never loads Qt itself.
    for distribution in ("PySide6-Essentials", "PySide6"):
        try:
            return importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "unknown"


def _verdict(met: bool) -> str:
    return "PASS" if met else "MISS"


def _report(
    runs: int,
    kiosk_ms: Spread,
    minimal_ms: Spread,
    journey_mib: Spread,
    minimal_mib: Spread,
) -> str:
    startup_ratio = kiosk_ms.median / minimal_ms.median
    rss_ratio = journey_mib.median / minimal_mib.median
    lines = [
        f"Machine: nproc {len(os.sched_getaffinity(0))}, Python {platform.python_version()}, "
        f"PySide6 {_pyside6_version()}, platform offscreen {SCREEN_WIDTH}x{SCREEN_HEIGHT}; "
        f"bytecode cached; N = {runs} start-up runs of each (interleaved, after one untimed "
        "warm-up each), "
        f"{RSS_RUNS} RSS runs of each (after one untimed warm-up tour)",
        "",
        "| what | kiosk min / median / max | minimal PySide6 window min / median / max "
        "| ratio kiosk / minimal (median) |",
        "|---|---|---|---|",
        f"| process start → attract screen painted (ms) | {kiosk_ms.formatted(0)} "
        f"| {minimal_ms.formatted(0)} | {startup_ratio:.2f}x |",
        f"| RSS after one full journey (MiB); minimal window: RSS after show "
        f"| {journey_mib.formatted(1)} | {minimal_mib.formatted(1)} | {rss_ratio:.2f}x |",
        "",
        f"Goal: start-up within {STARTUP_RATIO_GOAL:g}x the minimal window (median ratio): "
        f"{startup_ratio:.2f}x → {_verdict(startup_ratio <= STARTUP_RATIO_GOAL)}",
        f"Goal: RSS after a journey under {JOURNEY_RSS_GOAL_MIB:g} MiB (every journey, so the "
        f"max): {journey_mib.maximum:.1f} MiB → "
        f"{_verdict(journey_mib.maximum < JOURNEY_RSS_GOAL_MIB)}",
    ]
    return "\n".join(lines)


def _runs_argument(text: str) -> int:
    runs = int(text)
    if runs < MIN_RUNS:
        raise argparse.ArgumentTypeError(f"at least {MIN_RUNS} runs (got {runs})")
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kiosk start-up and RSS vs a minimal window")
    parser.add_argument(
        "--runs",
        type=_runs_argument,
        default=DEFAULT_RUNS,
        help=f"start-up runs of each side (default {DEFAULT_RUNS}, at least {MIN_RUNS})",
    )
    args = parser.parse_args(argv)

    # Set in this process so every child inherits the same 1920x1080 offscreen screen.
    use_offscreen_screen(SCREEN_WIDTH, SCREEN_HEIGHT)
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch_name:
            scratch = Path(scratch_name)
            _cache_bytecode_in(scratch / "pycache")
            # The kiosk does not call the backend before its first paint, but a real one
            # listening keeps the start-up path the same as in a service hall. (The tours
            # start their own; this one just stays up for the whole bench.)
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
                minimal_run = [sys.executable, str(MINIMAL_WINDOW)]
                kiosk_ms, minimal_ms = _measure_startup(kiosk_run, minimal_run, args.runs)
                journey_mib, minimal_mib = _measure_rss(scratch)
    except ChildFailed as failure:
        print(f"bench/startup.py: {failure}\n{failure.stderr}", file=sys.stderr)
        return 1
    except BackendStartError as failure:
        print(f"bench/startup.py: the backend did not start: {failure}", file=sys.stderr)
        return 1

    print(
        _report(
            args.runs,
            Spread.of(kiosk_ms),
            Spread.of(minimal_ms),
            Spread.of(journey_mib),
            Spread.of(minimal_mib),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
