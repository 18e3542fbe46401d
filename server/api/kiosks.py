"""Kiosk provisioning, heartbeats and commands; the fleet as staff see it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from server import heartbeats, kiosks
from server.api.responses import KIOSK_AUTH, NOT_FOUND, PUBLIC_LIMIT, STAFF_AUTH, Responses
from server.auth import Kiosk, KioskCredentials, PublicLimited, Staff, limit_kiosk, unauthorized
from server.context import Context
from server.keyed_hash import token_sha256
from server.schemas import Problem
from server.schemas_kiosks import (
    HEARTBEAT_S,
    KIOSK_ID_PATTERN,
    MAX_INT32,
    AcknowledgedCommand,
    CommandAck,
    CommandRequest,
    Fleet,
    Heartbeat,
    HeartbeatReply,
    KioskCommand,
    KioskDetail,
    PendingCommand,
    ProvisionedKiosk,
    ProvisioningToken,
    ProvisioningTokenRequest,
    ProvisionRequest,
    RevokedKiosk,
)

router = APIRouter(prefix="/v1")

# FastAPI answers 400 to a body that is not even text (invalid UTF-8) before validation runs.
UNREADABLE_BODY: Responses = {400: {"model": Problem, "description": "The body is not readable"}}


async def require_heartbeat_caller(
    context: Context, credentials: KioskCredentials
) -> heartbeats.HeartbeatCaller:
    """The kiosk behind the token with its pending commands, from this process's memory of the
    fleet (server.kiosk_directory) or, for a token not in it, one indexed read.

    A dependency, so that a missing or wrong token is refused before the body is looked at.
    """
    if credentials is None:
        raise unauthorized("This route needs a kiosk's bearer token.")
    digest = token_sha256(credentials.credentials)
    directory = context.kiosk_directory
    kiosk_id = directory.kiosk_for(digest)
    if kiosk_id is None:
        caller = context.read(lambda connection: heartbeats.heartbeat_caller(connection, digest))
        if caller is None:
            raise unauthorized("The kiosk token is not known to this server.")
        directory.remember(digest, caller.kiosk_id)
    else:
        caller = heartbeats.HeartbeatCaller(kiosk_id, directory.commands_for(kiosk_id))
    limit_kiosk(context, caller.kiosk_id)
    return caller


HeartbeatKiosk = Annotated[heartbeats.HeartbeatCaller, Depends(require_heartbeat_caller)]
KioskId = Annotated[str, Path(pattern=KIOSK_ID_PATTERN, description="the kiosk's id")]
CommandId = Annotated[int, Path(ge=1, le=MAX_INT32)]


@router.post(
    "/staff/provisioning-tokens",
    status_code=201,
    response_model=ProvisioningToken,
    responses={**UNREADABLE_BODY, **STAFF_AUTH},
    tags=["kiosks"],
)
def create_provisioning_token(
    body: ProvisioningTokenRequest, context: Context, staff: Staff
) -> ProvisioningToken:
    """A one-time token a vendor takes to a new kiosk (``POST /v1/kiosks/provision``)."""
    with context.sessions.begin() as session:
        token, expires_at = kiosks.create_provisioning_token(
            session, staff.name, body.valid_hours, context.now()
        )
    return ProvisioningToken(token=token, expires_at=expires_at)


@router.post(
    "/kiosks/provision",
    status_code=201,
    response_model=ProvisionedKiosk,
    responses={
        **UNREADABLE_BODY,
        401: {"model": Problem, "description": "Provisioning token unknown, used or expired"},
        409: {"model": Problem, "description": "A kiosk with this id is registered"},
        **PUBLIC_LIMIT,
    },
    dependencies=[PublicLimited],
    tags=["kiosks"],
)
def provision(body: ProvisionRequest, context: Context) -> ProvisionedKiosk:
    """Exchange a provisioning token (once) for this kiosk's own bearer token."""
    with context.sessions.begin() as session:
        token = kiosks.provision_kiosk(
            session, body.provisioning_token, body.kiosk_id, body.label, context.now()
        )
    return ProvisionedKiosk(kiosk_id=body.kiosk_id, token=token)


@router.post(
    "/kiosks/heartbeat",
    response_model=HeartbeatReply,
    responses={**UNREADABLE_BODY, **KIOSK_AUTH},
    tags=["kiosks"],
)
async def heartbeat(body: Heartbeat, context: Context, caller: HeartbeatKiosk) -> HeartbeatReply:
    """Report device health; the answer carries the commands not yet acknowledged.

    Commands queued in the last second or so, and tokens revoked in it, may take that long to
    count here when the server runs several processes.
    """
    now = context.precise_now()
    context.heartbeats.record(caller.kiosk_id, body, now)
    return HeartbeatReply(commands=caller.commands, server_time=now, heartbeat_s=HEARTBEAT_S)


@router.post(
    "/kiosks/commands/{command_id}/ack",
    response_model=AcknowledgedCommand,
    responses={**UNREADABLE_BODY, **KIOSK_AUTH, **NOT_FOUND},
    tags=["kiosks"],
)
def acknowledge(
    command_id: CommandId, body: CommandAck, context: Context, kiosk: Kiosk
) -> AcknowledgedCommand:
    """Say a command was carried out or failed; a repeat answers with the first outcome."""
    with context.sessions.begin() as session:
        acknowledged = kiosks.acknowledge_command(
            session, kiosk.kiosk_id, command_id, body, context.now(), seen_at=context.precise_now()
        )
    context.kiosk_directory.acknowledged(kiosk.kiosk_id, command_id)
    return acknowledged


@router.post(
    "/staff/kiosks/{kiosk_id}/commands",
    status_code=201,
    response_model=KioskCommand,
    responses={**UNREADABLE_BODY, **STAFF_AUTH, **NOT_FOUND},
    tags=["fleet"],
)
def send_command(
    kiosk_id: KioskId, body: CommandRequest, context: Context, staff: Staff
) -> KioskCommand:
    """Queue a command; the kiosk receives it with its next heartbeat."""
    with context.sessions.begin() as session:
        command = kiosks.queue_command(session, kiosk_id, body, staff.name, context.now())
    context.kiosk_directory.queued(
        kiosk_id, PendingCommand(id=command.id, kind=command.kind, message=command.message)
    )
    return command


@router.get("/staff/fleet", response_model=Fleet, responses=STAFF_AUTH, tags=["fleet"])
def get_fleet(context: Context, _staff: Staff) -> Fleet:
    with context.sessions() as session:
        return kiosks.fleet(session, context.now())


@router.get(
    "/staff/kiosks/{kiosk_id}",
    response_model=KioskDetail,
    responses={**STAFF_AUTH, **NOT_FOUND},
    tags=["fleet"],
)
def get_kiosk(kiosk_id: KioskId, context: Context, _staff: Staff) -> KioskDetail:
    with context.sessions() as session:
        return kiosks.kiosk_detail(session, kiosk_id, context.now())


@router.post(
    "/staff/kiosks/{kiosk_id}/revoke",
    response_model=RevokedKiosk,
    responses={**STAFF_AUTH, **NOT_FOUND},
    tags=["fleet"],
)
def revoke(kiosk_id: KioskId, context: Context, _staff: Staff) -> RevokedKiosk:
    """Stop the kiosk's token working; a provisioning token can register the id again."""
    with context.sessions.begin() as session:
        revoked = kiosks.revoke_kiosk(session, kiosk_id, context.now())
    context.kiosk_directory.forget_kiosk(kiosk_id)
    return revoked
