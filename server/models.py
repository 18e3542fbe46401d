"""Database tables of the reference backend (SQLAlchemy 2 typed declarative).

Only portable column types are used, so the same models run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on every backend.

    SQLite has no timezone type and hands back naive values; this keeps the Python side aware
    and always in UTC, so comparisons and ISO output never mix naive and aware datetimes.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC timestamp is required")
        utc = value.astimezone(dt.UTC)
        # SQLite stores the text form; dropping tzinfo keeps its sort order lexicographic.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class Service(Base):
    """One administrative service of the catalog, with the form it needs."""

    __tablename__ = "services"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    # Texts keyed by language tag: {"zh-Hant": ..., "zh-Hans": ..., "en": ...}.
    name: Mapped[dict[str, str]] = mapped_column(JSON)
    department: Mapped[dict[str, str]] = mapped_column(JSON)
    category: Mapped[str] = mapped_column(String(32))
    theme: Mapped[str] = mapped_column(String(32))
    # A stable key for statistics by department; the display name is in ``department``.
    department_code: Mapped[str] = mapped_column(String(64), index=True)
    fee_cents: Mapped[int] = mapped_column(Integer)
    # Visits to a counter the citizen still needs after filing here: 0 or 1.
    max_visits: Mapped[int] = mapped_column(Integer)
    legal_days: Mapped[int] = mapped_column(Integer)
    promised_days: Mapped[int] = mapped_column(Integer)
    materials: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    fields: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    sort_order: Mapped[int] = mapped_column(Integer, index=True)


class Application(Base):
    """A filed application; holds personal data, so it is never echoed by the public status API."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("number", name="uq_applications_number"),
        UniqueConstraint("provisional_ref", name="uq_applications_provisional_ref"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(32))
    service_code: Mapped[str] = mapped_column(
        ForeignKey("services.code", name="fk_applications_service_code_services"), index=True
    )
    kiosk_id: Mapped[str] = mapped_column(String(64))
    applicant_name: Mapped[str] = mapped_column(String(100))
    applicant_id_number: Mapped[str] = mapped_column(String(32))
    applicant_document_kind: Mapped[str] = mapped_column(String(32))
    form: Mapped[dict[str, str]] = mapped_column(JSON)
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(32), index=True)
    submitted_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    # The hall's calendar date of ``submitted_at`` (also in the number): statistics group by
    # it in SQL, which cannot apply a time zone portably.
    submitted_on: Mapped[dt.date] = mapped_column(Date, index=True)
    promised_by: Mapped[dt.date] = mapped_column(Date)
    # Keyed hash (server secret) of document kind + ID number: look-up by a verified card
    # without an index over the ID numbers themselves.
    identity_hash: Mapped[str] = mapped_column(String(64), index=True)
    # Printed in the receipt's QR link; whoever holds the receipt may follow the application.
    access_code: Mapped[str] = mapped_column(String(16))
    # The kiosk's own reference for an item filed offline (outbox); maps to ``number``.
    provisional_ref: Mapped[str | None] = mapped_column(String(40))
    department_code: Mapped[str] = mapped_column(String(64), index=True)
    # Set when the application reaches approved or rejected: the promise is kept or not then.
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # The hall's date of ``decided_at``: overdue is decided_on > promised_by, a plain SQL test.
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class ApplicationEvent(Base):
    """One step of an application's lifecycle, with who took it and a note for the citizen."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", name="fk_application_events_application"), index=True
    )
    status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class IdempotencyRecord(Base):
    """The first answer given to a kiosk's create request, replayed for repeats of its key."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("kiosk_id", "key", name="uq_idempotency_kiosk_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(128))
    # What the key created ("application", "queue-ticket", ...); part of the fingerprint too.
    scope: Mapped[str] = mapped_column(String(32), server_default="application")
    request_sha256: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Holiday(Base):
    """A public holiday (no work), or with ``is_workday`` a make-up working day on a weekend."""

    __tablename__ = "holidays"

    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    name: Mapped[str] = mapped_column(String(100), default="", server_default="")


class ServerSetting(Base):
    """Server-wide values kept in the database so that every host behind a balancer agrees."""

    __tablename__ = "server_settings"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class QueueCategory(Base):
    """A counter category citizens queue for; tickets are numbered per category and day."""

    __tablename__ = "queue_categories"
    __table_args__ = (UniqueConstraint("prefix", name="uq_queue_categories_prefix"),)

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(2))
    name: Mapped[dict[str, str]] = mapped_column(JSON)
    sort_order: Mapped[int] = mapped_column(Integer)


class QueueTicket(Base):
    __tablename__ = "queue_tickets"
    __table_args__ = (UniqueConstraint("category_code", "day", "sequence", name="uq_ticket_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    category_code: Mapped[str] = mapped_column(
        ForeignKey("queue_categories.code", name="fk_queue_tickets_category"), index=True
    )
    day: Mapped[dt.date] = mapped_column(Date)
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(16))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    # The citizen's language at the kiosk: answers about the ticket name its category in it.
    language: Mapped[str] = mapped_column(String(8))
    # waiting → called → served | absent
    status: Mapped[str] = mapped_column(String(16), index=True)
    counter: Mapped[str | None] = mapped_column(String(32))
    issued_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    called_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class HotlineRequest(Base):
    """A 12345 hotline request, filed at a kiosk or through the Open311 face."""

    __tablename__ = "hotline_requests"
    __table_args__ = (
        UniqueConstraint("number", name="uq_hotline_requests_number"),
        UniqueConstraint("provisional_ref", name="uq_hotline_requests_provisional_ref"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32), index=True)
    description: Mapped[str] = mapped_column(String(4000))
    contact_name: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    anonymous: Mapped[bool] = mapped_column(Boolean)
    address: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str] = mapped_column(String(8))
    # "kiosk" or "open311"
    source: Mapped[str] = mapped_column(String(16))
    kiosk_id: Mapped[str | None] = mapped_column(String(64))
    access_code: Mapped[str] = mapped_column(String(16))
    provisional_ref: Mapped[str | None] = mapped_column(String(40))
    # open → in_progress → closed
    status: Mapped[str] = mapped_column(String(16), index=True)
    # Indexed: Open311 lists requests newest first within a date window.
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class HotlineReply(Base):
    __tablename__ = "hotline_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("hotline_requests.id", name="fk_hotline_replies_request"), index=True
    )
    text: Mapped[str] = mapped_column(String(4000))
    staff_name: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Evaluation(Base):
    """One rating (好差評) of one transaction; the rater only as a keyed hash."""

    __tablename__ = "evaluations"
    __table_args__ = (
        UniqueConstraint("transaction_kind", "transaction_ref", name="uq_evaluation_transaction"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    transaction_kind: Mapped[str] = mapped_column(String(32))
    transaction_ref: Mapped[str] = mapped_column(String(40))
    department_code: Mapped[str | None] = mapped_column(String(64), index=True)
    level: Mapped[int] = mapped_column(Integer)
    indicators: Mapped[list[str]] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(String(500))
    rater_hash: Mapped[str | None] = mapped_column(String(64))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Kiosk(Base):
    """A provisioned kiosk: its token (hashed), and what its last heartbeat said."""

    __tablename__ = "kiosks"
    __table_args__ = (UniqueConstraint("token_sha256", name="uq_kiosks_token_sha256"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(100))
    provisioned_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # When the heartbeat whose report (version, health, outbox) is kept here was received.
    health_reported_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[str | None] = mapped_column(String(32))
    health: Mapped[dict[str, Any]] = mapped_column(JSON)
    outbox_depth: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    out_of_service: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Set when staff revoke the kiosk (its token is replaced by an unknown one); a provisioning
    # token may then register the same kiosk id again, e.g. on replacement hardware.
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class KioskCommand(Base):
    """A command staff queued for a kiosk; handed out with each heartbeat until acknowledged."""

    __tablename__ = "kiosk_commands"
    __table_args__ = (
        # Every heartbeat asks for its kiosk's unacknowledged commands, almost always none:
        # this index holds only those, so the look-up stays tiny however long the history.
        Index(
            "ix_kiosk_commands_pending",
            "kiosk_id",
            postgresql_where=text("acknowledged_at IS NULL"),
            sqlite_where=text("acknowledged_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(
        ForeignKey("kiosks.id", name="fk_kiosk_commands_kiosk"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    message: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # "done" or "failed"; with the kiosk's own words about it in ``outcome_detail``.
    outcome: Mapped[str | None] = mapped_column(String(200))
    outcome_detail: Mapped[str | None] = mapped_column(String(200))


class ProvisioningToken(Base):
    """A one-time token a vendor carries to a new kiosk and exchanges for its own token."""

    __tablename__ = "provisioning_tokens"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    kiosk_id: Mapped[str | None] = mapped_column(String(64))


class StaffMember(Base):
    """A staff token (hashed) and whose it is; revoked tokens stay for the audit trail."""

    __tablename__ = "staff_tokens"
    __table_args__ = (UniqueConstraint("token_sha256", name="uq_staff_tokens_token_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64))
    token_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
