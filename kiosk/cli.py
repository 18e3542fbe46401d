"""The ``kiosk`` command line: the outermost edge of the program.

Only the window-opening commands import ``ui`` (and so Qt), and only ``kiosk server`` imports
``server``, both lazily: ``kiosk config check`` starts in a blink on a box without a screen.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kiosk import __version__
from kiosk.config import CONFIG_PATH_VARIABLE, ConfigError, KioskConfig, load_config
from kiosk.logs import PersonalDataRedactor, configure_logging

EXIT_OK, EXIT_FAILURE, EXIT_CONFIG = 0, 1, 2
# `kiosk tour` choices, as ui.tour names them (not imported: it loads Qt).
_ALL = "all"
_TOUR_LANGUAGES = ("zh-Hant", "zh-Hans", "en")
_TOUR_MODES = ("normal", "large-text", "high-contrast", "care")
_TOUR_SIZE = "1920x1080"
# Smaller than a window the kiosk could ever be shown in; larger than any screen made.
_TOUR_SIZE_RANGE = range(320, 8193)
# Staff tools for devices, kept out of the kiosk's own start-up path.
_DEVICE_COMMANDS = {
    "printer": "kiosk.cli_printer",
    "receipt": "kiosk.cli_printer",
    "card": "kiosk.cli_cards",
    "outbox": "kiosk.cli_outbox",
    "staff": "kiosk.cli_staff",
    "provision": "kiosk.cli_provision",
    "doctor": "kiosk.cli_doctor",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="OneStop Kiosk: self-service kiosk for government service halls."
    )
    parser.add_argument("--version", action="version", version=f"OneStop Kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help="the kiosk on embedded defaults: local backend, simulated card, file printer"
    )
    demo.add_argument("--fullscreen", action="store_true", help="fill the screen (default: window)")
    demo.add_argument(
        "--data-dir", type=Path, help="where the demo keeps its database and receipts"
    )

    run = commands.add_parser("run", help="the kiosk as configured")
    run.add_argument("--config", type=Path, help=f"TOML file (default: ${CONFIG_PATH_VARIABLE})")
    run.add_argument("--fullscreen", action="store_true", help="override kiosk.fullscreen")
    run.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)

    tour = commands.add_parser(
        "tour",
        help="walk every screen headless and write one PNG each: DIR/LANGUAGE/MODE/NN-SCREEN.png",
    )
    tour.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    tour.add_argument(
        "--language", default="zh-Hant", choices=[*_TOUR_LANGUAGES, _ALL], help="default: zh-Hant"
    )
    tour.add_argument(
        "--mode",
        default="normal",
        choices=[*_TOUR_MODES, _ALL],
        help="display mode chosen on the start screen (default: normal)",
    )
    tour.add_argument(
        "--size",
        type=_screen_size,
        default=_TOUR_SIZE,
        metavar="WIDTHxHEIGHT",
        help="the screen's size, which the window fills (default: 1920x1080; the demo's "
        "window is 1280x800)",
    )
    # For bench/startup.py: walk every journey without pictures or checks, then print the RSS.
    tour.add_argument("--report-rss", action="store_true", help=argparse.SUPPRESS)

    commands.add_parser("server", help="the reference backend alone (see `kiosk server --help`)")

    # Defined in their own modules, imported only when used (see main).
    commands.add_parser("printer", help="check, test and reprint on a receipt printer")
    commands.add_parser("receipt", help="receipt tools (render ESC/POS bytes as a PNG)")
    commands.add_parser("card", help="read and watch ID cards, list readers")
    commands.add_parser("outbox", help="the offline outbox: status, flush, export, import")
    commands.add_parser(
        "staff",
        help="staff mode tools: hash a PIN or a staff card for the config, unlock the PIN pad",
    )
    commands.add_parser("provision", help="register this kiosk with a backend; write its config")
    commands.add_parser(
        "doctor",
        help="check config, devices, fonts, keyboard, backend, clock, disk and staff access",
    )

    config = commands.add_parser("config", help="configuration tools")
    config_commands = config.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    check = config_commands.add_parser("check", help="validate a configuration file")
    check.add_argument("file", type=Path)
    return parser


def _fail(message: str, code: int = EXIT_FAILURE) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return code


def _has_display() -> bool:
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    )


def _config_check(path: Path) -> int:
    try:
        config = load_config(path)
    except ConfigError as error:
        return _fail(f"config error: {error}", EXIT_CONFIG)
    print(
        f"{path}: ok (kiosk {config.kiosk.id}, backend {config.backend.url}, "
        f"reader {config.devices.card_reader}, printer {config.devices.printer})"
    )
    return EXIT_OK


def _no_display() -> int:
    return _fail(
        "no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
        "to see the screens without one, run: kiosk tour --out DIR"
    )


def _run(config: KioskConfig, redactor: PersonalDataRedactor, *, exit_after_paint: bool) -> int:
    if not _has_display():
        return _no_display()
    from kiosk.app import build_kiosk
    from ui.app import run_window

    kiosk = build_kiosk(config, redactor)
    try:
        return run_window(kiosk, exit_after_first_paint=exit_after_paint)
    finally:
        kiosk.close()


def _demo(args: argparse.Namespace, redactor: PersonalDataRedactor) -> int:
    if not _has_display():
        return _no_display()
    from kiosk.app import DEMO_KIOSK_ID, DemoPaths, demo_defaults
    from kiosk.backend_process import BackendProcess, BackendStartError

    paths = DemoPaths(args.data_dir) if args.data_dir else DemoPaths.default()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        with BackendProcess(paths.database_url, enroll_kiosk=DEMO_KIOSK_ID) as backend:
            defaults = demo_defaults(paths, backend.url, backend.kiosk_token)
            defaults["kiosk"]["fullscreen"] = args.fullscreen
            config = load_config(None, defaults=defaults)
            print(f"kiosk demo: backend {backend.url}, receipts in {paths.receipts_dir}")
            return _run(config, redactor, exit_after_paint=False)
    except BackendStartError as error:
        return _fail(f"the demo backend did not start: {error}")


def _tour(args: argparse.Namespace, redactor: PersonalDataRedactor) -> int:
    import tempfile

    from kiosk.app import DEMO_KIOSK_ID, DemoPaths, build_kiosk, demo_defaults
    from kiosk.backend_process import BackendProcess, BackendStartError
    from kiosk.i18n import Language
    from ui.tour import TourClock, TourError, TourMode, TourResult, run_tour
    from ui.tour_office import StaffOffice

    languages = [Language(name) for name in _chosen(args.language, _TOUR_LANGUAGES)]
    modes = [TourMode(name) for name in _chosen(args.mode, _TOUR_MODES)]
    with tempfile.TemporaryDirectory(prefix="kiosk-tour-") as scratch:
        paths = DemoPaths(Path(scratch))
        backend = BackendProcess(
            paths.database_url, enroll_kiosk=DEMO_KIOSK_ID, enroll_staff="tour-office"
        )
        try:
            backend.start()
        except BackendStartError as error:
            return _fail(f"the tour's backend did not start: {error}")
        office = StaffOffice(backend.url, backend.staff_token)
        try:
            defaults = demo_defaults(paths, backend.url, backend.kiosk_token)
            defaults["session"] = {"tap_guard_ms": 0}  # scripted taps, not a double tap
            clock = TourClock()
            config = load_config(None, environ={}, defaults=defaults)
            kiosk = build_kiosk(config, redactor, clock=clock.now)
            try:
                result: TourResult = run_tour(
                    kiosk,
                    None if args.report_rss else args.out,
                    paths.receipts_dir,
                    clock=clock,
                    languages=languages,
                    modes=modes,
                    office=office,
                    size=args.size,
                )
            except TourError as error:
                return _fail(str(error))
            finally:
                kiosk.close()
        finally:
            office.close()
            backend.stop()
    for path in result.written:
        print(path)
    if args.report_rss:
        print(f"rss-kib {_rss_kib()}")
    for problem in result.problems:
        print(f"kiosk tour: does not fit: {problem}", file=sys.stderr)
    if result.problems:
        pictures = len({problem.split(": ", 1)[0] for problem in result.problems})
        return _fail(f"{pictures} screen(s) show text cut off or squeezed (listed above)")
    return EXIT_OK


def _screen_size(text: str) -> tuple[int, int]:
    """``WIDTHxHEIGHT`` (``1280x800``) as a pair of pixels; argparse says what is wrong."""
    width, separator, height = text.lower().partition("x")
    if not (separator and width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, like 1280x800")
    size = int(width), int(height)
    if not all(pixels in _TOUR_SIZE_RANGE for pixels in size):
        raise argparse.ArgumentTypeError(
            f"{text!r}: each side must be {_TOUR_SIZE_RANGE.start} to "
            f"{_TOUR_SIZE_RANGE.stop - 1} pixels"
        )
    return size


def _chosen(name: str, every: tuple[str, ...]) -> tuple[str, ...]:
    return every if name == _ALL else (name,)


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["server"]:
        from server.cli import main as server_main

        return server_main(argv[1:], prog="kiosk server")
    if argv[:1] and argv[0] in _DEVICE_COMMANDS:
        configure_logging(PersonalDataRedactor())
        device_cli = importlib.import_module(_DEVICE_COMMANDS[argv[0]])
        return int(device_cli.main(argv))
    args = _parser().parse_args(argv)
    if args.command == "config":
        return _config_check(args.file)

    redactor = PersonalDataRedactor()
    try:
        if args.command == "run":
            path = args.config or (
                Path(os.environ[CONFIG_PATH_VARIABLE])
                if CONFIG_PATH_VARIABLE in os.environ
                else None
            )
            if path is None:
                return _fail(f"run needs --config FILE or ${CONFIG_PATH_VARIABLE}", EXIT_CONFIG)
            config = load_config(path)
            if args.fullscreen:
                config = replace(config, kiosk=replace(config.kiosk, fullscreen=True))
            configure_logging(redactor, config.logging.level.value)
            return _run(config, redactor, exit_after_paint=args.exit_after_first_paint)
        configure_logging(redactor)
        if args.command == "demo":
            return _demo(args, redactor)
        return _tour(args, redactor)
    except ConfigError as error:
        return _fail(f"config error: {error}", EXIT_CONFIG)


if __name__ == "__main__":
    sys.exit(main())
