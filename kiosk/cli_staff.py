"""``kiosk staff ...``: staff mode tools for vendors.

``kiosk staff pin-hash`` asks for the PIN twice without echo (or reads one line from standard
input when it is not a terminal, for scripts) and prints the hash for ``staff.pin_hash``.
``kiosk staff unlock --config FILE`` forgets wrong PINs and any lockout.
``kiosk staff card-hash --config FILE`` prints a line for ``staff.cards`` from an ID number
typed twice without echo (or one line of piped input), or with ``--read`` from the card in the
configured reader. The line is keyed with this kiosk's staff card key
(``<data_dir>/staff-card.key``, made the first time; see kiosk.staff_cards for why).

Exit codes: 0 done, 1 refused (the PINs or ID numbers differ, not 4 to 12 digits, not an ID
number, no card or an unreadable one), 2 bad usage or config, 3 a reader or key file problem.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from pathlib import Path

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DEVICE = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk staff", description="staff mode tools")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser(
        "pin-hash",
        help="hash a staff PIN for staff.pin_hash (asks twice; reads stdin when piped)",
    )
    unlock = actions.add_parser("unlock", help="forget wrong PINs and end a lockout")
    unlock.add_argument("--config", type=Path, required=True, help="the kiosk's TOML file")
    card = actions.add_parser(
        "card-hash",
        help="a line for staff.cards: from the ID number (asks twice; reads stdin when piped) "
        "or, with --read, from the card in the reader",
    )
    card.add_argument("--config", type=Path, required=True, help="the kiosk's TOML file")
    card.add_argument("--read", action="store_true", help="read the card in the reader")
    card.add_argument("--reader", metavar="URI", help="default: the config's devices.card_reader")
    card.add_argument("--timeout", type=float, default=30.0, metavar="S", help="default: 30")
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


def _typed_id_number() -> str | None:
    """The ID number typed twice on a terminal (no echo: it is personal data), or the first
    line of piped input; None: the two differ."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("The staff card's ID number: ")
    second = getpass.getpass("The same ID number again: ")
    same = re.sub(r"[ .-]", "", first).upper() == re.sub(r"[ .-]", "", second).upper()
    return first if same else None


def _card_id_number(uri: str, timeout_s: float) -> str | int:
    """The ID number on the card the reader ``uri`` holds, or an exit code."""
    from drivers.cards import CardReaderError, read_card
    from drivers.cards.base import CardReadError

    try:
        identity = read_card(uri, timeout_s)
    except TimeoutError:
        return _fail(f"no card was presented within {timeout_s:g} s", EXIT_REFUSED)
    except CardReaderError as error:
        return _fail(str(error), EXIT_USAGE if "URI" in str(error) else EXIT_DEVICE)
    except CardReadError as error:
        return _fail(f"the card could not be read: {type(error).__name__}", EXIT_REFUSED)
    print(f"card read: {identity.kind.value} {identity.masked_id()}", file=sys.stderr)
    return identity.id_number


def _card_hash(config_path: Path, *, read: bool, reader: str | None, timeout_s: float) -> int:
    from kiosk.app import data_dir
    from kiosk.config import ConfigError, load_config
    from kiosk.staff_cards import (
        CARD_KEY_FILE,
        CardKey,
        CardKeyError,
        CardNumberError,
        StaffCards,
        normalise_id_number,
    )

    try:
        config = load_config(config_path)
    except ConfigError as error:
        return _fail(f"config error: {error}", EXIT_USAGE)
    if read:
        read_number = _card_id_number(reader or config.devices.card_reader, timeout_s)
        if isinstance(read_number, int):
            return read_number
        number = read_number
    else:
        typed = _typed_id_number()
        if typed is None:
            return _fail("the two ID numbers differ; nothing written", EXIT_REFUSED)
        number = typed
    try:
        number = normalise_id_number(number)
    except CardNumberError as error:  # before a key is made for nothing
        return _fail(str(error), EXIT_REFUSED)
    key_path = data_dir(config) / CARD_KEY_FILE
    try:
        key, made = CardKey.load_or_create(key_path)
    except (CardKeyError, OSError) as error:
        return _fail(f"staff card key: {error}", EXIT_DEVICE)
    line = key.card_line(number)
    print(line)
    if made:
        print(
            f"made this kiosk's staff card key {key_path}: lines fit only kiosks holding the "
            "same key (copy the file, mode 0600, to share them)",
            file=sys.stderr,
        )
    if StaffCards(config.staff.cards, key_path).is_listed(number):
        print(f"this card is already listed in {config_path}", file=sys.stderr)
    print('add it to the config: [staff] cards = ["<the line above>", ...]', file=sys.stderr)
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
    if args.action == "card-hash":
        return _card_hash(args.config, read=args.read, reader=args.reader, timeout_s=args.timeout)
    return _unlock(args.config)
