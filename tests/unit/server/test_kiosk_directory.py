"""The per-process memory of kiosk tokens and commands that heartbeats are answered from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from server import kiosks
from server.keyed_hash import token_sha256
from server.kiosk_directory import TRUSTED_FOR_S, KioskDirectory
from server.schemas_kiosks import (
    AckOutcome,
    CommandAck,
    CommandKind,
    CommandRequest,
    PendingCommand,
)
from tests.unit.server.kiosk_support import NOW, provision


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def provisioned(sessions: sessionmaker[Session], kiosk_id: str, at: dt.datetime = NOW) -> str:
    """A new kiosk's token hash, as the directory keys it."""
    return token_sha256(provision(sessions, kiosk_id, at))


def refresh(directory: KioskDirectory, sessions: sessionmaker[Session], at: dt.datetime) -> None:
    with sessions() as session:
        directory.refresh(session, at)


def test_the_first_refresh_knows_every_kiosk_and_nothing_else(
    sessions: sessionmaker[Session],
) -> None:
    first, second = provisioned(sessions, "kiosk-a"), provisioned(sessions, "kiosk-b")
    directory = KioskDirectory()

    assert directory.kiosk_for(first) is None
    refresh(directory, sessions, NOW)

    assert (directory.kiosk_for(first), directory.kiosk_for(second)) == ("kiosk-a", "kiosk-b")
    assert directory.kiosk_for(token_sha256("a guess")) is None


def test_later_refreshes_pick_up_new_revoked_and_reprovisioned_kiosks(
    sessions: sessionmaker[Session],
) -> None:
    old_token = provisioned(sessions, "kiosk-a")
    directory = KioskDirectory()
    refresh(directory, sessions, NOW)
    later = NOW + dt.timedelta(minutes=10)

    newcomer = provisioned(sessions, "kiosk-new", later)
    with sessions.begin() as session:
        kiosks.revoke_kiosk(session, "kiosk-a", later)
    refresh(directory, sessions, later)
    revoked_entry = directory.kiosk_for(old_token)
    replacement = provisioned(sessions, "kiosk-a", later)
    refresh(directory, sessions, later + dt.timedelta(seconds=1))

    assert directory.kiosk_for(newcomer) == "kiosk-new"
    assert revoked_entry is None
    assert directory.kiosk_for(old_token) is None
    assert directory.kiosk_for(replacement) == "kiosk-a"


def test_a_kiosk_revoked_through_this_process_is_refused_at_once(
    sessions: sessionmaker[Session],
) -> None:
    token = provisioned(sessions, "kiosk-a")
    directory = KioskDirectory()
    refresh(directory, sessions, NOW)

    directory.forget_kiosk("kiosk-a")

    assert directory.kiosk_for(token) is None


def test_commands_come_and_go_with_refreshes_and_with_this_process(
    sessions: sessionmaker[Session],
) -> None:
    provisioned(sessions, "kiosk-a")
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
    token = provisioned(sessions, "kiosk-a")
    clock = FakeClock()
    directory = KioskDirectory(clock)
    refresh(directory, sessions, NOW)

    clock.seconds += TRUSTED_FOR_S
    trusted = directory.kiosk_for(token)
    clock.seconds += 1

    assert trusted == "kiosk-a"
    assert directory.kiosk_for(token) is None
