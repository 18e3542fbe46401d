"""Heartbeats: the fleet's hot path (a province's 20,000 kiosks every 30 s, 667 a second).

A heartbeat is answered from this process's memory of the fleet (server.kiosk_directory), or,
for a token not in it, after one indexed read of the kiosk with its unacknowledged commands
(:func:`heartbeat_caller`). What the kiosk reports is kept in memory, latest per kiosk, and
written once a second in one transaction (:class:`HeartbeatBook`), and once more when the
process is told to stop: the fleet view lags by at most that second, and a process killed
outright forgets at most that second of reports, which each kiosk repeats with its next
heartbeat anyway. :func:`keep_up` does both every second: the writing and the directory's
refresh.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, case, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from server import models
from server.kiosk_directory import KioskDirectory
from server.schemas_kiosks import CommandKind, Heartbeat, PendingCommand

UPKEEP_EVERY_S = 1.0

logger = logging.getLogger(__name__)

_K = models.Kiosk
_C = models.KioskCommand

# Built once: at 667 heartbeats a second, building statements per request would cost more
# Python time than the database spends running them.
_CALLER_AND_COMMANDS = (
    select(_K.id, _C.id, _C.kind, _C.message)
    .select_from(_K)
    # Over the partial index of unacknowledged commands: almost always no row at all.
    .outerjoin(_C, and_(_C.kiosk_id == _K.id, _C.acknowledged_at.is_(None)))
    .where(_K.token_sha256 == bindparam("p_token_sha256"))
    .order_by(_C.id)
)
_SEEN_AT = bindparam("p_seen_at", type_=_K.last_seen_at.type)
# Whether this heartbeat is newer than anything else that marked the kiosk seen: a command's
# acknowledgement does too, with the out-of-service flag it set. (SQL evaluates every SET
# expression on the row as it was before the UPDATE.)
_NEWEST_NEWS = _K.last_seen_at.is_(None) | (_K.last_seen_at < _SEEN_AT)
_STORE = (
    update(_K)
    .where(
        _K.id == bindparam("p_kiosk_id"),
        # Two processes may write two heartbeats of one kiosk out of order: the older report
        # never overwrites the newer.
        _K.health_reported_at.is_(None) | (_K.health_reported_at < _SEEN_AT),
    )
    .values(
        health_reported_at=_SEEN_AT,
        version=bindparam("p_version"),
        health=bindparam("p_health", type_=_K.health.type),
        outbox_depth=bindparam("p_outbox_depth"),
        last_seen_at=case((_NEWEST_NEWS, _SEEN_AT), else_=_K.last_seen_at),
        # The kiosk knows best (staff may have taken it out of service at the kiosk itself),
        # unless an acknowledgement after this heartbeat says otherwise.
        out_of_service=case(
            (_NEWEST_NEWS, bindparam("p_out_of_service", type_=_K.out_of_service.type)),
            else_=_K.out_of_service,
        ),
    )
)


@dataclass(frozen=True)
class HeartbeatCaller:
    """The kiosk a token belongs to, and the commands it has not acknowledged, oldest first."""

    kiosk_id: str
    commands: list[PendingCommand]


def heartbeat_caller(connection: Connection, token_sha256: str) -> HeartbeatCaller | None:
    """The caller behind ``token_sha256`` (None for an unknown or revoked token)."""
    rows = connection.execute(_CALLER_AND_COMMANDS, {"p_token_sha256": token_sha256}).all()
    if not rows:
        return None
    commands = [
        PendingCommand(id=command_id, kind=CommandKind(kind), message=message)
        for _kiosk, command_id, kind, message in rows
        if command_id is not None
    ]
    return HeartbeatCaller(rows[0][0], commands)


@dataclass(frozen=True)
class SeenHeartbeat:
    kiosk_id: str
    seen_at: dt.datetime
    heartbeat: Heartbeat

    def parameters(self) -> dict[str, Any]:
        return {
            "p_kiosk_id": self.kiosk_id,
            "p_seen_at": self.seen_at,
            "p_version": self.heartbeat.version,
            "p_health": self.heartbeat.model_dump(mode="json"),
            "p_outbox_depth": self.heartbeat.outbox_depth,
            "p_out_of_service": self.heartbeat.out_of_service,
        }


def store_heartbeats(session: Session, seen: Sequence[SeenHeartbeat]) -> None:
    """Write a batch of heartbeats in one statement (executemany)."""
    if seen:
        session.connection().execute(_STORE, [entry.parameters() for entry in seen])


class HeartbeatBook:
    """The heartbeats this process received and has not written yet: the latest per kiosk.

    ``record`` is called on the event loop; ``flush`` runs in a worker thread (a SQLite write
    may wait for another process's lock), hence the lock.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._waiting: dict[str, SeenHeartbeat] = {}
        self._lock = threading.Lock()

    def record(self, kiosk_id: str, heartbeat: Heartbeat, seen_at: dt.datetime) -> None:
        with self._lock:
            self._waiting[kiosk_id] = SeenHeartbeat(kiosk_id, seen_at, heartbeat)

    def waiting(self) -> int:
        with self._lock:
            return len(self._waiting)

    def flush(self) -> int:
        """Write what is waiting; on failure keep it (unless newer news came) and raise."""
        with self._lock:
            batch, self._waiting = self._waiting, {}
        try:
            with self._sessions.begin() as session:
                store_heartbeats(session, list(batch.values()))
        except Exception:
            with self._lock:
                for kiosk_id, entry in batch.items():
                    self._waiting.setdefault(kiosk_id, entry)
            raise
        return len(batch)


async def keep_up(
    book: HeartbeatBook,
    directory: KioskDirectory,
    sessions: sessionmaker[Session],
    now: Callable[[], dt.datetime],
) -> None:
    """Every second until cancelled: write the waiting heartbeats, refresh the directory."""
    while True:
        await asyncio.sleep(UPKEEP_EVERY_S)
        # In a thread: a SQLite write may wait for another process's lock.
        await asyncio.to_thread(upkeep_round, book, directory, sessions, now)


def upkeep_round(
    book: HeartbeatBook,
    directory: KioskDirectory,
    sessions: sessionmaker[Session],
    now: Callable[[], dt.datetime],
) -> None:
    flush_waiting(book)
    try:
        with sessions() as session:
            directory.refresh(session, now())
    except SQLAlchemyError as error:
        # Heartbeats read the database themselves until a refresh works again.
        logger.warning("could not refresh the kiosk directory: %s", type(error).__name__)


def flush_waiting(book: HeartbeatBook) -> None:
    try:
        book.flush()
    except SQLAlchemyError as error:
        # The database is down or locked: the reports wait for the next round.
        logger.warning(
            "could not write %d heartbeats (%s); will retry", book.waiting(), type(error).__name__
        )
