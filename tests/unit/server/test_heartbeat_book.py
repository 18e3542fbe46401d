"""Heartbeats kept in memory and written in batches: what is written, kept and never undone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from server import kiosks, models
from server.database import build_engine, session_factory
from server.heartbeats import HeartbeatBook, SeenHeartbeat, heartbeat_caller, store_heartbeats
from server.keyed_hash import token_sha256
from server.schemas_kiosks import (
    AckOutcome,
    CommandAck,
    CommandKind,
    CommandRequest,
)
from tests.unit.server.kiosk_support import NOW, heartbeat, provision

LATER = NOW + dt.timedelta(microseconds=1)


def stored(sessions: sessionmaker[Session], kiosk_id: str) -> models.Kiosk:
    with sessions() as session:
        kiosk = session.scalar(select(models.Kiosk).where(models.Kiosk.id == kiosk_id))
        assert kiosk is not None
        return kiosk


def test_the_latest_heartbeat_of_each_kiosk_is_written_once(
    sessions: sessionmaker[Session],
) -> None:
    provision(sessions, "kiosk-a")
    provision(sessions, "kiosk-b")
    book = HeartbeatBook(sessions)

    book.record("kiosk-a", heartbeat(outbox_depth=1), NOW)
    book.record("kiosk-a", heartbeat(outbox_depth=2), LATER)
    book.record("kiosk-b", heartbeat(outbox_depth=5), NOW)

    assert book.waiting() == 2
    assert book.flush() == 2
    assert book.waiting() == 0
    assert (stored(sessions, "kiosk-a").outbox_depth, stored(sessions, "kiosk-a").last_seen_at) == (
        2,
        LATER,
    )
    assert stored(sessions, "kiosk-b").outbox_depth == 5
    assert book.flush() == 0


def test_an_older_heartbeat_never_overwrites_a_newer_one(sessions: sessionmaker[Session]) -> None:
    provision(sessions, "kiosk-a")
    with sessions.begin() as session:
        store_heartbeats(session, [SeenHeartbeat("kiosk-a", LATER, heartbeat(outbox_depth=9))])
    with sessions.begin() as session:
        store_heartbeats(session, [SeenHeartbeat("kiosk-a", NOW, heartbeat(outbox_depth=1))])

    assert (stored(sessions, "kiosk-a").outbox_depth, stored(sessions, "kiosk-a").last_seen_at) == (
        9,
        LATER,
    )


def test_a_heartbeat_waiting_to_be_written_does_not_undo_an_acknowledged_command(
    sessions: sessionmaker[Session],
) -> None:
    """The heartbeat that carried "out of service" is written after the kiosk acknowledged it."""
    provision(sessions, "kiosk-a")
    book = HeartbeatBook(sessions)
    with sessions.begin() as session:
        request = CommandRequest(kind=CommandKind.OUT_OF_SERVICE_ON, message="Closed")
        command = kiosks.queue_command(session, "kiosk-a", request, "staff", NOW)

    book.record("kiosk-a", heartbeat(out_of_service=False), NOW)
    with sessions.begin() as session:
        kiosks.acknowledge_command(
            session, "kiosk-a", command.id, CommandAck(outcome=AckOutcome.DONE), NOW, seen_at=LATER
        )
    book.flush()

    assert stored(sessions, "kiosk-a").out_of_service is True


def test_heartbeats_that_could_not_be_written_wait_for_the_next_round(tmp_path: Path) -> None:
    # A database without the kiosks table: every write fails.
    engine = build_engine(f"sqlite:///{tmp_path}/empty.sqlite3")
    try:
        book = HeartbeatBook(session_factory(engine))
        book.record("kiosk-a", heartbeat(), NOW)

        with pytest.raises(OperationalError):
            book.flush()

        assert book.waiting() == 1
    finally:
        engine.dispose()


def test_the_caller_comes_with_its_unacknowledged_commands_oldest_first(
    sessions: sessionmaker[Session],
) -> None:
    token = provision(sessions, "kiosk-a")
    other_token = provision(sessions, "kiosk-b")
    with sessions.begin() as session:
        first = kiosks.queue_command(
            session, "kiosk-a", CommandRequest(kind=CommandKind.RESET), "s", NOW
        )
        second = kiosks.queue_command(
            session, "kiosk-a", CommandRequest(kind=CommandKind.MESSAGE, message="Hi"), "s", NOW
        )
        done = kiosks.queue_command(
            session, "kiosk-a", CommandRequest(kind=CommandKind.RESTART), "s", NOW
        )
        kiosks.acknowledge_command(
            session, "kiosk-a", done.id, CommandAck(outcome=AckOutcome.DONE), NOW, seen_at=NOW
        )

    with sessions() as session:
        caller = heartbeat_caller(session.connection(), token_sha256(token))
        other = heartbeat_caller(session.connection(), token_sha256(other_token))
        unknown = heartbeat_caller(session.connection(), token_sha256("no such token"))

    assert caller is not None and caller.kiosk_id == "kiosk-a"
    assert [(command.id, command.kind, command.message) for command in caller.commands] == [
        (first.id, CommandKind.RESET, None),
        (second.id, CommandKind.MESSAGE, "Hi"),
    ]
    assert other is not None and (other.kiosk_id, other.commands) == ("kiosk-b", [])
    assert unknown is None
