"""What each server process remembers of the fleet, so that a heartbeat needs no database read.

Every kiosk token (as its hash) and every unacknowledged command, read in full when the
process starts and every few minutes, and otherwise refreshed every second with what changed:
kiosks provisioned or revoked since shortly before the last refresh. A token not found here
(a kiosk provisioned within the last second, or a guess) is looked up in the database.

So, with several worker processes or hosts: a new command reaches its kiosk with the first
heartbeat after about a second; a revoked kiosk's heartbeats are refused by every process
within about a second (at once by the one that revoked it); and a command acknowledged less
than a second ago may be handed out once more, which kiosks ignore by its id. Every route
other than the heartbeat reads the database itself.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import Row, or_, select
from sqlalchemy.orm import Session

from server import models
from server.schemas_kiosks import CommandKind, PendingCommand

# A full read also forgets kiosks removed outright, and is the backstop for anything missed.
FULL_READ_EVERY_S = 300.0
# Changes are read again for this long: one committed late (a SQLite writer waits up to 15 s
# for the lock), or stamped by a host whose clock runs a little behind, is still seen. The
# full read every few minutes is the backstop beyond that.
CHANGE_SLACK = dt.timedelta(seconds=20)
# Beyond this long without a successful refresh (the database is down), nothing remembered is
# trusted: heartbeats fall back to reading the database, as every other route does.
TRUSTED_FOR_S = 30.0

_K = models.Kiosk
_C = models.KioskCommand
_TOKENS = select(_K.id, _K.token_sha256, _K.revoked_at)
_PENDING = (
    select(_C.id, _C.kiosk_id, _C.kind, _C.message)
    .where(_C.acknowledged_at.is_(None))
    .order_by(_C.id)
)


class KioskDirectory:
    """Token hash → kiosk id, and each kiosk's unacknowledged commands, oldest first.

    Refreshed in a worker thread and read on the event loop, hence the lock.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._kiosk_by_token: dict[str, str] = {}
        self._token_by_kiosk: dict[str, str] = {}
        self._commands: dict[str, list[PendingCommand]] = {}
        # The database time up to which changes were read, and when (this process's clock).
        self._read_until: dt.datetime | None = None
        self._refreshed_at = -float("inf")
        self._full_read_at = -float("inf")
        # Revoked through this process while a refresh was reading: what it read is older.
        self._forgotten_during_refresh: set[str] = set()

    def kiosk_for(self, token_sha256: str) -> str | None:
        """The kiosk this token belongs to, or None: unknown here, or not to be trusted now."""
        with self._lock:
            if self._clock() - self._refreshed_at > TRUSTED_FOR_S:
                return None
            return self._kiosk_by_token.get(token_sha256)

    def commands_for(self, kiosk_id: str) -> list[PendingCommand]:
        with self._lock:
            return list(self._commands.get(kiosk_id, ()))

    def remember(self, token_sha256: str, kiosk_id: str) -> None:
        """A token just found in the database (the kiosk is newer than the last refresh)."""
        with self._lock:
            self._set_token(kiosk_id, token_sha256)

    def forget_kiosk(self, kiosk_id: str) -> None:
        """Staff revoked the kiosk through this process: refuse its token from now on."""
        with self._lock:
            self._drop_token(kiosk_id)
            self._forgotten_during_refresh.add(kiosk_id)

    def queued(self, kiosk_id: str, command: PendingCommand) -> None:
        """Staff queued a command through this process: hand it out from now on."""
        with self._lock:
            self._commands[kiosk_id] = [*self._commands.get(kiosk_id, ()), command]

    def acknowledged(self, kiosk_id: str, command_id: int) -> None:
        with self._lock:
            commands = self._commands.get(kiosk_id, [])
            self._commands[kiosk_id] = [c for c in commands if c.id != command_id]

    def refresh(self, session: Session, now: dt.datetime) -> None:
        """Read what changed since shortly before the last refresh (everything, now and then).

        ``now`` is taken before reading: the next refresh reads again from before it.
        """
        with self._lock:
            self._forgotten_during_refresh.clear()
        full = self._read_until is None or self._clock() - self._full_read_at >= FULL_READ_EVERY_S
        query = _TOKENS
        if not full:
            assert self._read_until is not None
            since = self._read_until - CHANGE_SLACK
            query = query.where(or_(_K.provisioned_at >= since, _K.revoked_at >= since))
        kiosks = session.execute(query).all()
        commands = _group_by_kiosk(session.execute(_PENDING).all())
        with self._lock:
            if full:
                self._kiosk_by_token.clear()
                self._token_by_kiosk.clear()
            for kiosk_id, token_sha256, revoked_at in kiosks:
                if kiosk_id in self._forgotten_during_refresh:
                    continue
                if revoked_at is None:
                    self._set_token(kiosk_id, token_sha256)
                else:
                    self._drop_token(kiosk_id)
            self._commands = commands
            self._read_until = now
            self._refreshed_at = self._clock()
            if full:
                self._full_read_at = self._refreshed_at

    def known_tokens(self) -> int:
        with self._lock:
            return len(self._kiosk_by_token)

    def _set_token(self, kiosk_id: str, token_sha256: str) -> None:
        # A kiosk has one token: a new one (provisioned again) replaces the old.
        self._drop_token(kiosk_id)
        self._kiosk_by_token[token_sha256] = kiosk_id
        self._token_by_kiosk[kiosk_id] = token_sha256

    def _drop_token(self, kiosk_id: str) -> None:
        token_sha256 = self._token_by_kiosk.pop(kiosk_id, None)
        if token_sha256 is not None:
            self._kiosk_by_token.pop(token_sha256, None)


_CommandRow = Row[int, str, str, str | None]


def _group_by_kiosk(rows: Iterable[_CommandRow]) -> dict[str, list[PendingCommand]]:
    grouped: dict[str, list[PendingCommand]] = defaultdict(list)
    for command_id, kiosk_id, kind, message in rows:
        command = PendingCommand(id=command_id, kind=CommandKind(kind), message=message)
        grouped[kiosk_id].append(command)
    return dict(grouped)
