"""Commands from the fleet (server/openapi.json, ``PendingCommand``) and the kiosk's memory of
those it carried out.

A command can arrive twice: the server answers every heartbeat with the commands not yet
acknowledged, and another server process may not know of an acknowledgement for a second or
so. A lost acknowledgement repeats it for longer. The :class:`CommandLedger` remembers, on
disk, every command carried out and whether its acknowledgement got through, so that neither a
repeat nor a restart runs a command twice (a ``restart`` command must not restart the kiosk again
after the restart it asked for).

The ledger remembers commands, not the state they left: out of service (from
``out_of_service_on`` or from staff) is kept by :mod:`kiosk.staff_settings`, so the kiosk starts
out of service again after a restart although the command is not run again.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LEDGER_FILE = "fleet-commands.json"
# Command ids only grow; the newest few hundred are all a repeat can ever name.
REMEMBERED_COMMANDS = 200
# The server takes up to 200 characters of detail with an acknowledgement.
MAX_DETAIL = 200
# The exit status of ``kiosk run`` when the fleet asked for a restart: the systemd unit
# restarts the kiosk on it (EX_TEMPFAIL from sysexits.h: "try again").
RESTART_EXIT_CODE = 75


class CommandKind(Enum):
    RESET = "reset"
    RESTART = "restart"
    OUT_OF_SERVICE_ON = "out_of_service_on"
    OUT_OF_SERVICE_OFF = "out_of_service_off"
    MESSAGE = "message"


class AckOutcome(Enum):
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class FleetCommand:
    """One command as the server sent it; ``message`` is staff's words (never personal)."""

    id: int
    kind: CommandKind
    message: str = ""


@dataclass(frozen=True)
class Unsupported:
    """A command this kiosk does not know (a newer server): acknowledged as failed."""

    id: int
    kind: str


def parse_command(raw: Any) -> FleetCommand | Unsupported | None:
    """A ``PendingCommand`` from a heartbeat answer; None if it is not even that shape."""
    if not isinstance(raw, Mapping):
        return None
    command_id, kind, message = raw.get("id"), raw.get("kind"), raw.get("message")
    if isinstance(command_id, bool) or not isinstance(command_id, int) or command_id < 1:
        return None
    if not isinstance(kind, str):
        return None
    try:
        known = CommandKind(kind)
    except ValueError:
        return Unsupported(command_id, kind[:40])
    return FleetCommand(command_id, known, message if isinstance(message, str) else "")


@dataclass(frozen=True)
class CarriedOut:
    outcome: AckOutcome
    detail: str
    acknowledged: bool


class CommandLedger:
    """Commands carried out, by id, in a small JSON file in the data directory.

    Thread-safe. Every change is written through (temporary file, fsync, rename) before the
    call returns, so what the ledger says survives a crash or a power cut a moment later.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[int, CarriedOut] = self._read()

    @classmethod
    def in_directory(cls, directory: Path) -> CommandLedger:
        return cls(directory / LEDGER_FILE)

    def _read(self) -> dict[int, CarriedOut]:
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            return {
                int(command_id): CarriedOut(
                    AckOutcome(entry["outcome"]), str(entry["detail"]), bool(entry["acknowledged"])
                )
                for command_id, entry in document["commands"].items()
            }
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            # A damaged ledger may let a repeated command run again; it must not stop the kiosk.
            log.warning(
                "fleet command ledger %s unreadable (%s); starting afresh", self.path, error
            )
            return {}

    def get(self, command_id: int) -> CarriedOut | None:
        with self._lock:
            return self._entries.get(command_id)

    def record(self, command_id: int, outcome: AckOutcome, detail: str = "") -> None:
        """``command_id`` was carried out (or failed); its acknowledgement is still to be sent.

        A command is carried out once: a second report of it says nothing about what the
        first did, so the first outcome stands (and is what gets acknowledged).
        """
        with self._lock:
            first = self._entries.get(command_id)
            if first is not None:
                log.warning(
                    "fleet command %d reported again (%s); its first outcome (%s) stands",
                    command_id,
                    outcome.value,
                    first.outcome.value,
                )
                return
            self._entries[command_id] = CarriedOut(outcome, detail[:MAX_DETAIL], False)
            self._write()

    def mark_acknowledged(self, command_id: int) -> None:
        with self._lock:
            entry = self._entries.get(command_id)
            if entry is None or entry.acknowledged:
                return
            self._entries[command_id] = CarriedOut(entry.outcome, entry.detail, True)
            self._write()

    def unacknowledged(self) -> list[tuple[int, CarriedOut]]:
        with self._lock:
            return sorted(
                (command_id, entry)
                for command_id, entry in self._entries.items()
                if not entry.acknowledged
            )

    def _write(self) -> None:
        newest = sorted(self._entries)[-REMEMBERED_COMMANDS:]
        self._entries = {command_id: self._entries[command_id] for command_id in newest}
        document = {
            "commands": {
                str(command_id): {
                    "outcome": entry.outcome.value,
                    "detail": entry.detail,
                    "acknowledged": entry.acknowledged,
                }
                for command_id, entry in self._entries.items()
            }
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(document, handle)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self.path)
        except OSError as error:
            # The command was carried out all the same; only a repeat after a restart may
            # run it again. Say so once per write rather than failing the command.
            log.warning("fleet command ledger %s not written: %s", self.path, error.strerror)
