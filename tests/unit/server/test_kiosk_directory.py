"""The per-process memory of kiosk tokens and commands that heartbeats are answered from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from server import kiosks
from server.database import build_engine, migrate_to_head, session_factory
from server.keyed_hash import token_sha256
from server.kiosk_directory import TRUSTED_FOR_S, KioskDirectory
from server.schemas_kiosks import (
    AckOutcome,
    CommandAck,
    CommandKind,
    CommandRequest,
    PendingCommand,
)

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = build_engine(f"sqlite:///{tmp_path}/directory.sqlite3")
    migrate_to_head(engine)
    try:
        yield session_factory(engine)
    finally:
        engine.dispose()


def provision(sessions: sessionmaker[Session], kiosk_id: str, at: dt.datetime = NOW) -> str:
    with sessions.begin() as session:
        provisioning, _expires = kiosks.create_provisioning_token(session, "staff", 1, at)
        return token_sha256(kiosks.provision_kiosk(session, provisioning, kiosk_id, "", at))


def refresh(directory: KioskDirectory, sessions: sessionmaker[Session], at: dt.datetime) -> None:
    with sessions() as session:
        directory.refresh(session, at)


def test_the_first_refresh_knows_every_kiosk_and_nothing_else(
    sessions: sessionmaker[Session],
) -> None:
    first, second = provision(sessions, "kiosk-a"), provision(sessions, "kiosk-b")
    directory = KioskDirectory()

    assert directory.kiosk_for(first) is None
    refresh(directory, sessions, NOW)

    assert (directory.kiosk_for(first), directory.kiosk_for(second)) == ("kiosk-a", "kiosk-b")
    assert directory.kiosk_for(token_sha256("a guess")) is None


def test_later_refreshes_pick_up_new_revoked_and_reprovisioned_kiosks(
    sessions: sessionmaker[Session],
) -> None:
    old_token = provision(sessions, "kiosk-a")
    directory = KioskDirectory()
    refresh(directory, sessions, NOW)
    later = NOW + dt.timedelta(minutes=10)

    newcomer = provision(sessions, "kiosk-new", later)
    with sessions.begin() as session:
        kiosks.revoke_kiosk(session, "kiosk-a", later)
    refresh(directory, sessions, later)
    revoked_entry = directory.kiosk_for(old_token)
    replacement = provision(sessions, "kiosk-a", later)
    refresh(directory, sessions, later + dt.timedelta(seconds=1))

    assert directory.kiosk_for(newcomer) == "kiosk-new"
    assert revoked_entry is None
    assert directory.kiosk_for(old_token) is None
    assert directory.kiosk_for(replacement) == "kiosk-a"


def test_a_kiosk_revoked_through_this_process_is_refused_at_once(
    sessions: sessionmaker[Session],
) -> None:
    token = provision(sessions, "kiosk-a")
    directory = KioskDirectory()
    refresh(directory, sessions, NOW)

    directory.forget_kiosk("kiosk-a")

    assert directory.kiosk_for(token) is None


def test_commands_come_and_go_with_refreshes_and_with_this_process(
    sessions: sessionmaker[Session],
) -> None:
    provision(sessions, "kiosk-a")
    directory = KioskDirectory()
    with sessions.begin() as session:
        reset = kiosks.queue_command(
            session, "kiosk-a", CommandRequest(kind=CommandKind.RESET), "staff", NOW
        )
    refresh(directory, sessions, NOW)
    after_refresh = directory.commands_for("kiosk-a")
    message = PendingCommand(id=reset.id + 1, kind=CommandKind.MESSAGE, message="Closing soon")

    directory.queued("kiosk-a", message)
    queued_here = directory.commands_for("kiosk-a")
    directory.acknowledged("kiosk-a", reset.id)

    assert [command.id for command in after_refresh] == [reset.id]
    assert [command.id for command in queued_here] == [reset.id, message.id]
    assert directory.commands_for("kiosk-a") == [message]
    assert directory.commands_for("kiosk-b") == []

    with sessions.begin() as session:
        kiosks.acknowledge_command(
            session, "kiosk-a", reset.id, CommandAck(outcome=AckOutcome.DONE), NOW, seen_at=NOW
        )
    refresh(directory, sessions, NOW)
    # The database is the truth: the message queued "here" was never stored.
    assert directory.commands_for("kiosk-a") == []


def test_nothing_is_trusted_long_after_the_last_refresh(sessions: sessionmaker[Session]) -> None:
    token = provision(sessions, "kiosk-a")
    clock = FakeClock()
    directory = KioskDirectory(clock)
    refresh(directory, sessions, NOW)

    clock.seconds += TRUSTED_FOR_S
    trusted = directory.kiosk_for(token)
    clock.seconds += 1

    assert trusted == "kiosk-a"
    assert directory.kiosk_for(token) is None
