"""bench/ui.py's kiosk child: the real kiosk window, walked through the citizen journeys.

    python -m bench.ui_kiosk --config FILE --journeys N    # transitions, keyboard, RSS
    python -m bench.ui_kiosk --config FILE --keyboard-only  # one keyboard first-show, then exit

Built as ``kiosk run`` builds it (``build_kiosk`` from the config, ``ui.app.build_shell``, full
screen). Prints ``progress ...`` lines while it walks and one ``result {json}`` line at the end.
A journey whose screens are not built yet is skipped (named in ``skipped``, with the reason).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.ui_journeys import JOURNEYS, JourneyKind, walk_to_text_field
from bench.ui_probe import vm_rss_kib
from bench.ui_report import RATINGS
from bench.ui_walker import NOT_WALKABLE, STEP_TIMEOUT_S, JourneyFailed, Walker, keyboard_watch
from kiosk.app import build_kiosk
from kiosk.config import load_config
from kiosk.logs import PersonalDataRedactor, configure_logging
from ui.app import application, build_shell


def _progress(message: str) -> None:
    print(f"progress {message}", flush=True)


def _warm_up(walker: Walker) -> dict[str, str]:
    """Walk each journey once, untimed: lazy loading happens here, and a journey that does not
    work yet is found out. Returns the skipped journeys with the reason."""
    skipped: dict[str, str] = {}
    for kind, walk in JOURNEYS.items():
        try:
            walk(walker)
        except NOT_WALKABLE as problem:
            skipped[kind.value] = f"{type(problem).__name__}: {problem}"
            _progress(f"{kind.value}: skipped ({skipped[kind.value]})")
        walker.back_to_start()
    if walker.rating_skipped:
        skipped["rating"] = walker.rating_skipped
        _progress(f"rating: skipped ({walker.rating_skipped})")
    return skipped


def _walk_journeys(walker: Walker, journeys: int) -> dict[str, Any]:
    skipped = _warm_up(walker)
    kinds = [kind for kind in JourneyKind if kind.value not in skipped]
    if not kinds:
        raise JourneyFailed("no journey could be walked")
    keyboard_first_ms = walker.keyboard_shows_ms[0] if walker.keyboard_shows_ms else None
    walker.keyboard_shows_ms.clear()
    walker.ratings = 0
    walker.recording = True
    rss_kib: list[int] = []
    walked: Counter[str] = Counter()
    failures: list[str] = []
    report_every = max(1, journeys // 10)
    started = time.monotonic()
    for number in range(1, journeys + 1):
        kind = kinds[(number - 1) % len(kinds)]
        try:
            JOURNEYS[kind](walker)
            walked[kind.value] += 1
        except NOT_WALKABLE as problem:
            failures.append(f"journey {number} ({kind.value}): {type(problem).__name__}: {problem}")
        walker.back_to_start()
        rss_kib.append(vm_rss_kib())
        if number % report_every == 0 or number == journeys:
            _progress(
                f"journey {number}/{journeys}: RSS {rss_kib[-1] / 1024:.1f} MiB, "
                f"{time.monotonic() - started:.0f} s, {len(failures)} failed"
            )
    return {
        "keyboard": walker.keyboard.description,
        "keyboard_first_ms": keyboard_first_ms,
        "keyboard_later_ms": walker.keyboard_shows_ms,
        "transitions_ms": dict(walker.transitions_ms),
        "rss_kib": rss_kib,
        "walked": {**walked, RATINGS: walker.ratings},
        "skipped": skipped,
        "failures": failures,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kiosk child of bench/ui.py")
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--journeys", type=int, default=500)
    parser.add_argument("--keyboard-only", action="store_true")
    args = parser.parse_args(argv)

    # As `kiosk run` does: its log lines (to stderr, kept by the parent) cost what they cost.
    config, redactor = load_config(args.config), PersonalDataRedactor()
    configure_logging(redactor, config.logging.level.value)
    kiosk = build_kiosk(config, redactor)
    try:
        app = application()
        shell = build_shell(kiosk, app)
        window = shell.window
        walker = Walker(window, kiosk, shell.tasks, keyboard_watch(window))
        try:
            window.setGeometry(app.primaryScreen().geometry())
            walker.probe.time_to_paint(window.showFullScreen, window.attract, STEP_TIMEOUT_S)
            if args.keyboard_only:
                edit = walk_to_text_field(walker)
                result: dict[str, Any] = {
                    "keyboard": walker.keyboard.description,
                    "keyboard_first_ms": walker.keyboard.time_show(walker.probe, edit),
                }
            else:
                result = _walk_journeys(walker, args.journeys)
        finally:
            shell.shut_down()
    except NOT_WALKABLE as problem:
        print(f"bench/ui_kiosk.py: {type(problem).__name__}: {problem}", file=sys.stderr)
        return 1
    finally:
        kiosk.close()
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
