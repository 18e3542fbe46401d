"""JSON shapes of kiosk provisioning, heartbeats, commands and the fleet view."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

KIOSK_ID_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"
# PostgreSQL text cannot hold NUL, and no label or device message needs one.
_NO_NUL = r"^[^\x00]*$"
# PostgreSQL INTEGER is 32-bit; a larger value must be a 422, not a database error.
MAX_INT32 = 2**31 - 1
HEARTBEAT_S = 30
# A kiosk that missed this many heartbeats in a row counts as offline.
ONLINE_HEARTBEATS = 3
MAX_VALID_HOURS = 720
DEFAULT_VALID_HOURS = 72


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class ReaderState(StrEnum):
    OK = "ok"
    ABSENT = "absent"
    ERROR = "error"


class PrinterState(StrEnum):
    OK = "ok"
    OFFLINE = "offline"
    ERROR = "error"


class PaperState(StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"


class CommandKind(StrEnum):
    RESET = "reset"
    RESTART = "restart"
    OUT_OF_SERVICE_ON = "out_of_service_on"
    OUT_OF_SERVICE_OFF = "out_of_service_off"
    MESSAGE = "message"


# The kiosk shows the text of these to citizens, so they cannot be sent without one.
KINDS_NEEDING_MESSAGE = frozenset({CommandKind.MESSAGE, CommandKind.OUT_OF_SERVICE_ON})


class AckOutcome(StrEnum):
    DONE = "done"
    FAILED = "failed"


class ProvisioningTokenRequest(_Strict):
    valid_hours: int = Field(
        default=DEFAULT_VALID_HOURS,
        ge=1,
        le=MAX_VALID_HOURS,
        description="how long the token can be exchanged, in hours",
    )


class ProvisioningToken(BaseModel):
    token: str = Field(description="shown once; the server keeps only its hash")
    expires_at: dt.datetime


class ProvisionRequest(_Strict):
    provisioning_token: str = Field(min_length=1, max_length=128, pattern=_NO_NUL)
    kiosk_id: str = Field(pattern=KIOSK_ID_PATTERN, examples=["hall-1-kiosk-03"])
    label: str = Field(
        default="",
        max_length=100,
        pattern=_NO_NUL,
        description="where the kiosk stands; the kiosk id when empty",
    )


class ProvisionedKiosk(BaseModel):
    kiosk_id: str
    token: str = Field(description="the kiosk's bearer token; shown once, keep it secret")


class CardReaderHealth(_Strict):
    state: ReaderState
    detail: str | None = Field(default=None, max_length=200, pattern=_NO_NUL)


class PrinterHealth(_Strict):
    state: PrinterState
    paper: PaperState
    detail: str | None = Field(default=None, max_length=200, pattern=_NO_NUL)


class Heartbeat(_Strict):
    version: str = Field(min_length=1, max_length=32, pattern=_NO_NUL, examples=["1.4.2"])
    card_reader: CardReaderHealth
    printer: PrinterHealth
    backend_latency_ms: int | None = Field(default=None, ge=0, le=MAX_INT32)
    outbox_depth: int = Field(ge=0, le=MAX_INT32, description="submissions waiting to be sent")
    disk_free_mb: int | None = Field(default=None, ge=0, le=2**53)
    uptime_s: int = Field(ge=0, le=2**53)
    out_of_service: bool


class PendingCommand(BaseModel):
    id: int
    kind: CommandKind
    message: str | None


class HeartbeatReply(BaseModel):
    commands: list[PendingCommand] = Field(description="unacknowledged commands, oldest first")
    server_time: dt.datetime
    heartbeat_s: int = Field(description="seconds until the next heartbeat")


class CommandRequest(_Strict):
    kind: CommandKind
    message: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        pattern=_NO_NUL,
        description="required for message and out_of_service_on: the text the kiosk shows",
    )

    @model_validator(mode="after")
    def _message_where_needed(self) -> CommandRequest:
        if self.kind in KINDS_NEEDING_MESSAGE and not (self.message or "").strip():
            raise ValueError(f"a {self.kind} command needs a message")
        return self


class CommandAck(_Strict):
    outcome: AckOutcome
    detail: str | None = Field(default=None, max_length=200, pattern=_NO_NUL)


class AcknowledgedCommand(BaseModel):
    """What the kiosk gets back: the first acknowledgement, however often it repeats one."""

    id: int
    kind: CommandKind
    outcome: AckOutcome
    detail: str | None
    acknowledged_at: dt.datetime


class KioskCommand(BaseModel):
    id: int
    kiosk_id: str
    kind: CommandKind
    message: str | None
    created_by: str
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None
    outcome: AckOutcome | None
    detail: str | None


class FleetKiosk(BaseModel):
    kiosk_id: str
    label: str
    provisioned_at: dt.datetime
    revoked: bool = Field(description="its token was revoked; it needs provisioning again")
    last_seen_at: dt.datetime | None
    online: bool = Field(description=f"a heartbeat within the last {ONLINE_HEARTBEATS} periods")
    version: str | None
    card_reader: ReaderState | None = Field(description="null until the first heartbeat")
    printer: PrinterState | None
    paper: PaperState | None
    outbox_depth: int
    out_of_service: bool
    pending_commands: int


class FleetSummary(BaseModel):
    total: int
    online: int
    needing_paper: int = Field(description="paper near its end or out")
    out_of_service: int


class Fleet(BaseModel):
    summary: FleetSummary
    kiosks: list[FleetKiosk]


class KioskDetail(FleetKiosk):
    health: Heartbeat | None = Field(description="the last heartbeat as the kiosk sent it")
    recent_commands: list[KioskCommand] = Field(description="newest first")


class RevokedKiosk(BaseModel):
    kiosk_id: str
    revoked_at: dt.datetime
