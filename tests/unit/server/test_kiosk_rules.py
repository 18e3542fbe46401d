"""Kiosk rules at fixed moments: provisioning-token expiry, the online window, command shapes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session

from server import heartbeats, kiosks
from server.database import build_engine, migrate_to_head, session_factory
from server.heartbeats import SeenHeartbeat
from server.keyed_hash import token_sha256
from server.problems import ProblemError
from server.schemas_kiosks import CommandKind, CommandRequest
from tests.unit.server.kiosk_support import NOW, heartbeat


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    engine = build_engine(f"sqlite:///{tmp_path}/kiosks.sqlite3")
    migrate_to_head(engine)
    try:
        with session_factory(engine).begin() as session:
            yield session
    finally:
        engine.dispose()


def test_a_provisioning_token_works_until_the_moment_it_expires(session: Session) -> None:
    late, _expires = kiosks.create_provisioning_token(session, "staff", 1, NOW)
    in_time, _expires = kiosks.create_provisioning_token(session, "staff", 1, NOW)
    hour = dt.timedelta(hours=1)

    with pytest.raises(ProblemError) as refused:
        kiosks.provision_kiosk(session, late, "kiosk-late", "", NOW + hour)
    token = kiosks.provision_kiosk(
        session, in_time, "kiosk-in-time", "", NOW + hour - dt.timedelta(seconds=1)
    )

    assert refused.value.status == 401
    assert len(token) >= 32


def test_online_means_a_heartbeat_within_three_periods(session: Session) -> None:
    provisioning, _expires = kiosks.create_provisioning_token(session, "staff", 1, NOW)
    token = kiosks.provision_kiosk(session, provisioning, "kiosk-1", "", NOW)
    caller = heartbeats.heartbeat_caller(session.connection(), token_sha256(token))
    assert caller == heartbeats.HeartbeatCaller("kiosk-1", [])
    heartbeats.store_heartbeats(session, [SeenHeartbeat("kiosk-1", NOW, heartbeat())])

    def online_at(moment: dt.datetime) -> bool:
        [kiosk] = kiosks.fleet(session, moment).kiosks
        return kiosk.online

    assert online_at(NOW + dt.timedelta(seconds=90))
    assert not online_at(NOW + dt.timedelta(seconds=91))


def test_the_summary_counts_paper_near_its_end_or_out(session: Session) -> None:
    provisioning_tokens = [
        kiosks.create_provisioning_token(session, "staff", 1, NOW)[0] for _ in range(4)
    ]
    for number, (token, paper) in enumerate(
        zip(provisioning_tokens, ["ok", "near_end", "out", "unknown"], strict=True)
    ):
        kiosk_id = f"kiosk-{number}"
        kiosks.provision_kiosk(session, token, kiosk_id, "", NOW)
        printer = {"state": "ok", "paper": paper}
        seen = SeenHeartbeat(kiosk_id, NOW, heartbeat(printer=printer))
        heartbeats.store_heartbeats(session, [seen])

    summary = kiosks.fleet(session, NOW).summary

    assert (summary.total, summary.online, summary.needing_paper) == (4, 4, 2)


@pytest.mark.parametrize("kind", [CommandKind.MESSAGE, CommandKind.OUT_OF_SERVICE_ON])
def test_commands_the_kiosk_shows_need_a_message(kind: CommandKind) -> None:
    for message in (None, "", "  \t"):
        with pytest.raises(ValidationError):
            CommandRequest(kind=kind, message=message)

    assert CommandRequest(kind=kind, message="Closed today").message == "Closed today"


@pytest.mark.parametrize(
    "kind", [CommandKind.RESET, CommandKind.RESTART, CommandKind.OUT_OF_SERVICE_OFF]
)
def test_other_commands_need_no_message(kind: CommandKind) -> None:
    assert CommandRequest(kind=kind).message is None


def test_command_kinds_are_the_contracts_words() -> None:
    assert {kind.value for kind in CommandKind} == {
        "reset",
        "restart",
        "out_of_service_on",
        "out_of_service_off",
        "message",
    }
