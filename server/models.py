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
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    false,
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
    legal_days: Mapped[int] = mapped_column(Integer)
    promised_days: Mapped[int] = mapped_column(Integer)
    materials: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    fields: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    sort_order: Mapped[int] = mapped_column(Integer, index=True)


class Application(Base):
    """A filed application; holds personal data, so it is never echoed by the public status API."""

    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("number", name="uq_applications_number"),)

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
    status: Mapped[str] = mapped_column(String(32))
    submitted_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    promised_by: Mapped[dt.date] = mapped_column(Date)


class IdempotencyRecord(Base):
    """The first answer given to a kiosk's create request, replayed for repeats of its key."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("kiosk_id", "key", name="uq_idempotency_kiosk_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(128))
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
