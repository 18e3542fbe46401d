"""``kiosk card read|watch|readers``: what staff and vendors run at a card reader.

Exit codes: 0 done, 1 no card within the timeout, 2 a bad reader URI, 3 a reader problem
(no pcscd, no reader, device missing), 4 a card problem (unknown card, pulled mid-read, bad data).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from dataclasses import fields
from datetime import date
from enum import Enum

from drivers.cards import CardReaderError, Identity, open_reader, read_card
from drivers.cards.base import CardReadError
from drivers.cards.identity import mask_name

EXIT_OK, EXIT_NO_CARD, EXIT_USAGE, EXIT_READER, EXIT_CARD = 0, 1, 2, 3, 4
DEFAULT_READER = "pcsc://"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    card = commands.add_parser("card", help="read and watch ID cards, list readers")
    actions = card.add_subparsers(dest="card_command", required=True, metavar="ACTION")
    read = actions.add_parser("read", help="wait for a card and print who it belongs to")
    read.add_argument("--reader", default=DEFAULT_READER, metavar="URI")
    read.add_argument("--json", action="store_true", help="one JSON object")
    read.add_argument("--reveal", action="store_true", help="print personal data unmasked")
    read.add_argument("--timeout", type=float, default=30.0, metavar="S")
    watch = actions.add_parser("watch", help="print every insertion, removal and error")
    watch.add_argument("--reader", default=DEFAULT_READER, metavar="URI")
    watch.add_argument("--events", type=int, default=0, help="stop after this many (0: never)")
    actions.add_parser("readers", help="list the PC/SC readers pcscd sees")


def main(argv: list[str]) -> int:
    """``kiosk COMMAND ...`` for this module's commands (argv starts with the command)."""
    parser = argparse.ArgumentParser(prog="kiosk")
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    if args.card_command == "read":
        return _read(args.reader, args.timeout, as_json=args.json, reveal=args.reveal)
    if args.card_command == "watch":
        return _watch(args.reader, args.events)
    return _readers()


def _fail(message: str, code: int) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return code


def identity_fields(identity: Identity, *, reveal: bool) -> dict[str, object]:
    """The identity as plain values; masked unless ``reveal``; the photo only by its size."""
    shown: dict[str, object] = {}
    for field in fields(identity):
        value = getattr(identity, field.name)
        if field.name == "photo":
            shown["photo_bytes"] = len(value)
            continue
        shown[field.name] = _plain(value)
    if not reveal:
        shown["name"] = mask_name(identity.name)
        shown["id_number"] = identity.masked_id()
        shown["address"] = "***" if identity.address else ""
        if identity.birth_date:
            shown["birth_date"] = f"{identity.birth_date.year}-**-**"
    shown["expired"] = identity.is_expired(date.today())
    return shown


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _read(uri: str, timeout_s: float, *, as_json: bool, reveal: bool) -> int:
    try:
        identity = read_card(uri, timeout_s)
    except TimeoutError:
        return _fail(f"no card was presented within {timeout_s:g} s", EXIT_NO_CARD)
    except CardReaderError as error:
        return _fail(str(error), EXIT_USAGE if "URI" in str(error) else EXIT_READER)
    except CardReadError as error:
        return _fail(f"{error.__class__.__name__}: {error}", EXIT_CARD)
    shown = identity_fields(identity, reveal=reveal)
    if as_json:
        print(json.dumps(shown, ensure_ascii=False))
    else:
        for key, value in shown.items():
            print(f"{key}: {value}")
    return EXIT_OK


class _Printer:
    """A CardListener that prints each event as one line (called from the reader's thread)."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._count = 0
        self.done = threading.Event()

    def _emit(self, line: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {line}", flush=True)
        self._count += 1
        if self._limit and self._count >= self._limit:
            self.done.set()

    def card_inserted(self, identity: Identity) -> None:
        self._emit(
            f"inserted {identity.kind.value} {identity.masked_name()} {identity.masked_id()}"
        )

    def card_removed(self) -> None:
        self._emit("removed")

    def card_error(self, reason: str) -> None:
        self._emit(f"error {reason}")


def _watch(uri: str, limit: int) -> int:
    try:
        reader = open_reader(uri)
    except CardReaderError as error:
        return _fail(str(error), EXIT_USAGE)
    listener = _Printer(limit)
    reader.start(listener)
    try:
        while not listener.done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        reader.stop()
    return EXIT_OK


def _readers() -> int:
    from drivers.cards import list_pcsc_readers

    try:
        names = list_pcsc_readers()
    except CardReaderError as error:
        return _fail(str(error), EXIT_READER)
    if not names:
        return _fail(
            "pcscd runs but sees no reader: check the cable and the reader's driver", EXIT_READER
        )
    for name in names:
        print(name)
    return EXIT_OK
