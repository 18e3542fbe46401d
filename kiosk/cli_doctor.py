"""``kiosk doctor``: check config, devices, fonts, backend and clock; print what to fix.

One line per check: ``ok``, ``warn`` (works, but look at it) or ``FAIL`` (the kiosk cannot
serve citizens like this), each problem with what to do. Exit status 1 when any check fails.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kiosk.config import CONFIG_PATH_VARIABLE
from kiosk.doctor import DEFAULT_CONFIG, Verdict, current_user, run_checks

EXIT_OK, EXIT_PROBLEMS = 0, 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk doctor",
        description="Check the configuration, card reader, printer, fonts, backend, clock and "
        "disk; print what to fix. Exit status 1 when something fails.",
    )
    parser.add_argument(
        "--config",
        type=Path,
        help=f"TOML file (default: ${CONFIG_PATH_VARIABLE}, else {DEFAULT_CONFIG})",
    )
    return parser


def config_path(given: Path | None) -> Path:
    if given is not None:
        return given
    named = os.environ.get(CONFIG_PATH_VARIABLE)
    return Path(named) if named else DEFAULT_CONFIG


def main(argv: list[str]) -> int:
    """``kiosk doctor ...`` (argv starts with ``doctor``)."""
    args = _parser().parse_args(argv[1:])
    path = config_path(args.config)
    print(f"kiosk doctor: {path}, checked as user {current_user()}", flush=True)
    findings = run_checks(path)
    for finding in findings:
        print(finding.line())
    failures = sum(finding.verdict is Verdict.FAIL for finding in findings)
    warnings = sum(finding.verdict is Verdict.WARN for finding in findings)
    if failures:
        print(f"{failures} to fix, {warnings} to look at")
        return EXIT_PROBLEMS
    print(f"ready: nothing to fix, {warnings} to look at" if warnings else "ready: all ok")
    return EXIT_OK
