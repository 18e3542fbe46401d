"""``kiosk staff ...``: staff mode tools for vendors.

``kiosk staff pin-hash`` asks for the PIN twice without echo (or reads one line from standard
input when it is not a terminal, for scripts) and prints the hash for ``staff.pin_hash``.
``kiosk staff unlock --config FILE`` forgets wrong PINs and any lockout.

Exit codes: 0 done, 1 the PIN was refused (mismatch, not 4 to 12 digits), 2 bad usage or config.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk staff", description="staff mode tools")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser(
        "pin-hash",
        help="hash a staff PIN for staff.pin_hash (asks twice; reads stdin when piped)",
    )
    unlock = actions.add_parser("unlock", help="forget wrong PINs and end a lockout")
    unlock.add_argument("--config", type=Path, required=True, help="the kiosk's TOML file")
    return parser


def _fail(message: str, code: int) -> int:
    print(f"kiosk staff: {message}", file=sys.stderr)
    return code


def _read_pin() -> str | None:
    """The PIN typed twice on a terminal, or the first line of piped input; None: mismatch."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("Staff PIN (4 to 12 digits): ")
    second = getpass.getpass("The same PIN again: ")
    return first if first == second else None


def _pin_hash() -> int:
    from kiosk.staff_auth import PinFormatError, hash_pin

    pin = _read_pin()
    if pin is None:
        return _fail("the two PINs differ; nothing written", EXIT_REFUSED)
    try:
        encoded = hash_pin(pin)
    except PinFormatError as error:
        return _fail(str(error), EXIT_REFUSED)
    print(encoded)
    print('put it in the config as: [staff] pin_hash = "<the line above>"', file=sys.stderr)
    return EXIT_OK


def _unlock(config_path: Path) -> int:
    from kiosk.app import data_dir
    from kiosk.config import ConfigError, load_config
    from kiosk.staff_auth import LOCKOUT_FILE, StaffAction, StaffGate, audit

    try:
        config = load_config(config_path)
    except ConfigError as error:
        return _fail(f"config error: {error}", EXIT_USAGE)
    StaffGate(config.staff.pin_hash, data_dir(config) / LOCKOUT_FILE).unlock()
    audit(StaffAction.UNLOCKED, "from the command line")
    print("staff PIN lockout cleared")
    return EXIT_OK


def main(argv: list[str]) -> int:
    """``kiosk staff ...`` (argv starts with ``staff``)."""
    args = _parser().parse_args(argv[1:])
    if args.action == "pin-hash":
        return _pin_hash()
    return _unlock(args.config)
