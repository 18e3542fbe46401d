"""Kiosks: provisioning, heartbeats, the commands staff send them, and the fleet view.

Heartbeats, the fleet's hot path, are in :mod:`server.heartbeats`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import models
from server.keyed_hash import new_token, token_sha256
from server.problems import ProblemError
from server.schemas_kiosks import (
    HEARTBEAT_S,
    ONLINE_HEARTBEATS,
    AcknowledgedCommand,
    AckOutcome,
    CommandAck,
    CommandKind,
    CommandRequest,
    Fleet,
    FleetKiosk,
    FleetSummary,
    Heartbeat,
    KioskCommand,
    KioskDetail,
    PaperState,
    RevokedKiosk,
)

RECENT_COMMANDS = 20
CLI_CREATOR = "cli"
_NEEDS_PAPER = frozenset({PaperState.NEAR_END, PaperState.OUT})
_OUT_OF_SERVICE_FLAG = {CommandKind.OUT_OF_SERVICE_ON: True, CommandKind.OUT_OF_SERVICE_OFF: False}


def unknown_kiosk() -> ProblemError:
    return ProblemError(404, "unknown-kiosk", "Kiosk not found", "No kiosk has this id.")


def create_provisioning_token(
    session: Session, created_by: str, valid_hours: int, now: dt.datetime
) -> tuple[str, dt.datetime]:
    """A new one-time provisioning token and when it expires; only its hash is stored."""
    token = new_token()
    expires_at = now + dt.timedelta(hours=valid_hours)
    session.add(
        models.ProvisioningToken(
            token_sha256=token_sha256(token),
            created_by=created_by,
            created_at=now,
            expires_at=expires_at,
        )
    )
    return token, expires_at


def provision_kiosk(
    session: Session, provisioning_token: str, kiosk_id: str, label: str, now: dt.datetime
) -> str:
    """Spend ``provisioning_token`` on registering ``kiosk_id``; the kiosk's new bearer token.

    The guarded UPDATE comes first: of two requests racing with one token exactly one
    changes the row (PostgreSQL re-checks the condition after the winner commits; SQLite runs
    one writer at a time). It is also the first statement of the transaction, so SQLite takes
    its write lock before reading anything and never fails to upgrade a stale read snapshot.
    The caller commits; a 409 raised here rolls back and leaves the token unspent.
    """
    spent = session.execute(
        update(models.ProvisioningToken)
        .where(
            models.ProvisioningToken.token_sha256 == token_sha256(provisioning_token),
            models.ProvisioningToken.used_at.is_(None),
            models.ProvisioningToken.expires_at > now,
        )
        .values(used_at=now, kiosk_id=kiosk_id)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(spent) != 1:
        # One message for unknown, spent and expired tokens: nothing to learn by probing.
        raise ProblemError(
            401,
            "invalid-provisioning-token",
            "Provisioning token not valid",
            "The provisioning token is unknown, already used or expired; ask for a new one.",
        )
    token = new_token()
    kiosk = session.get(models.Kiosk, kiosk_id)
    if kiosk is None:
        session.add(new_kiosk(kiosk_id, token, label or kiosk_id, now))
        try:
            session.flush()
        except IntegrityError:
            raise _kiosk_exists() from None
    elif kiosk.revoked_at is not None:
        kiosk.token_sha256 = token_sha256(token)
        kiosk.label = label or kiosk_id
        kiosk.provisioned_at = now
        kiosk.revoked_at = None
    else:
        raise _kiosk_exists()
    return token


def new_kiosk(kiosk_id: str, token: str, label: str, now: dt.datetime) -> models.Kiosk:
    """A kiosk row holding only its token's hash; health arrives with the first heartbeat."""
    return models.Kiosk(
        id=kiosk_id, token_sha256=token_sha256(token), label=label, provisioned_at=now, health={}
    )


def _kiosk_exists() -> ProblemError:
    return ProblemError(
        409,
        "kiosk-exists",
        "Kiosk already registered",
        "A kiosk with this id is registered; choose another id, or have staff revoke it first.",
    )


def _rowcount(result: Any) -> int:
    count = getattr(result, "rowcount", -1)
    return int(count)


def queue_command(
    session: Session, kiosk_id: str, request: CommandRequest, staff_name: str, now: dt.datetime
) -> KioskCommand:
    if session.get(models.Kiosk, kiosk_id) is None:
        raise unknown_kiosk()
    command = models.KioskCommand(
        kiosk_id=kiosk_id,
        kind=request.kind.value,
        message=request.message,
        created_by=staff_name,
        created_at=now,
    )
    session.add(command)
    session.flush()
    return command_view(command)


def acknowledge_command(
    session: Session,
    kiosk_id: str,
    command_id: int,
    ack: CommandAck,
    now: dt.datetime,
    *,
    seen_at: dt.datetime,
) -> AcknowledgedCommand:
    """Record the first acknowledgement of a kiosk's own command; repeats get the first back.

    Another kiosk's command is answered exactly like a missing one (404). The guarded UPDATE
    makes the first of two concurrent acknowledgements the one that counts. ``seen_at`` (to
    the microsecond) marks the kiosk seen, so that a heartbeat it sent before acknowledging,
    still waiting to be written, cannot undo the out-of-service flag set here.
    """
    first = session.execute(
        update(models.KioskCommand)
        .where(
            models.KioskCommand.id == command_id,
            models.KioskCommand.kiosk_id == kiosk_id,
            models.KioskCommand.acknowledged_at.is_(None),
        )
        .values(acknowledged_at=now, outcome=ack.outcome.value, outcome_detail=ack.detail)
        .execution_options(synchronize_session=False)
    )
    command = session.scalar(
        select(models.KioskCommand).where(
            models.KioskCommand.id == command_id, models.KioskCommand.kiosk_id == kiosk_id
        )
    )
    if command is None or command.acknowledged_at is None or command.outcome is None:
        raise ProblemError(
            404, "unknown-command", "Command not found", "This kiosk has no command with this id."
        )
    flag = _OUT_OF_SERVICE_FLAG.get(CommandKind(command.kind))
    if _rowcount(first) == 1 and flag is not None and ack.outcome is AckOutcome.DONE:
        session.execute(
            update(models.Kiosk)
            .where(models.Kiosk.id == kiosk_id)
            .values(out_of_service=flag, last_seen_at=seen_at)
            .execution_options(synchronize_session=False)
        )
    return AcknowledgedCommand(
        id=command.id,
        kind=CommandKind(command.kind),
        outcome=AckOutcome(command.outcome),
        detail=command.outcome_detail,
        acknowledged_at=command.acknowledged_at,
    )


def revoke_kiosk(session: Session, kiosk_id: str, now: dt.datetime) -> RevokedKiosk:
    """Replace the kiosk's token hash by that of a token nobody is ever given."""
    kiosk = session.get(models.Kiosk, kiosk_id)
    if kiosk is None:
        raise unknown_kiosk()
    kiosk.token_sha256 = token_sha256(new_token())
    kiosk.revoked_at = now
    return RevokedKiosk(kiosk_id=kiosk_id, revoked_at=now)


def command_view(command: models.KioskCommand) -> KioskCommand:
    return KioskCommand(
        id=command.id,
        kiosk_id=command.kiosk_id,
        kind=CommandKind(command.kind),
        message=command.message,
        created_by=command.created_by,
        created_at=command.created_at,
        acknowledged_at=command.acknowledged_at,
        outcome=AckOutcome(command.outcome) if command.outcome else None,
        detail=command.outcome_detail,
    )


def fleet(session: Session, now: dt.datetime) -> Fleet:
    """Every kiosk with what its last heartbeat said, and the figures a supervisor watches."""
    pending = _pending_counts(session, None)
    kiosks = [
        _fleet_kiosk(kiosk, now, pending.get(kiosk.id, 0))
        for kiosk in session.scalars(select(models.Kiosk).order_by(models.Kiosk.id))
    ]
    return Fleet(summary=summarise(kiosks), kiosks=kiosks)


def summarise(kiosks: Sequence[FleetKiosk]) -> FleetSummary:
    return FleetSummary(
        total=len(kiosks),
        online=sum(kiosk.online for kiosk in kiosks),
        needing_paper=sum(kiosk.paper in _NEEDS_PAPER for kiosk in kiosks),
        out_of_service=sum(kiosk.out_of_service for kiosk in kiosks),
    )


def kiosk_detail(session: Session, kiosk_id: str, now: dt.datetime) -> KioskDetail:
    kiosk = session.get(models.Kiosk, kiosk_id)
    if kiosk is None:
        raise unknown_kiosk()
    commands = session.scalars(
        select(models.KioskCommand)
        .where(models.KioskCommand.kiosk_id == kiosk_id)
        .order_by(models.KioskCommand.id.desc())
        .limit(RECENT_COMMANDS)
    )
    summary = _fleet_kiosk(kiosk, now, _pending_counts(session, kiosk_id).get(kiosk_id, 0))
    return KioskDetail(
        **summary.model_dump(),
        health=_last_heartbeat(kiosk.health),
        recent_commands=[command_view(command) for command in commands],
    )


def _pending_counts(session: Session, kiosk_id: str | None) -> dict[str, int]:
    query = (
        select(models.KioskCommand.kiosk_id, func.count())
        .where(models.KioskCommand.acknowledged_at.is_(None))
        .group_by(models.KioskCommand.kiosk_id)
    )
    if kiosk_id is not None:
        query = query.where(models.KioskCommand.kiosk_id == kiosk_id)
    return {row[0]: int(row[1]) for row in session.execute(query)}


def _fleet_kiosk(kiosk: models.Kiosk, now: dt.datetime, pending: int) -> FleetKiosk:
    heartbeat = _last_heartbeat(kiosk.health)
    online_since = now - dt.timedelta(seconds=HEARTBEAT_S * ONLINE_HEARTBEATS)
    return FleetKiosk(
        kiosk_id=kiosk.id,
        label=kiosk.label,
        provisioned_at=kiosk.provisioned_at,
        revoked=kiosk.revoked_at is not None,
        last_seen_at=kiosk.last_seen_at,
        online=kiosk.last_seen_at is not None and kiosk.last_seen_at >= online_since,
        version=kiosk.version,
        card_reader=heartbeat.card_reader.state if heartbeat else None,
        printer=heartbeat.printer.state if heartbeat else None,
        paper=heartbeat.printer.paper if heartbeat else None,
        outbox_depth=kiosk.outbox_depth,
        out_of_service=kiosk.out_of_service,
        pending_commands=pending,
    )


def _last_heartbeat(health: dict[str, Any] | None) -> Heartbeat | None:
    # Empty until the first heartbeat; anything else unreadable is treated the same way.
    if not health:
        return None
    try:
        return Heartbeat.model_validate(health)
    except ValidationError:
        return None
