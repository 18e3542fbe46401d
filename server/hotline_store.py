"""Hotline requests in the database: filing, numbering, replies, and the views of a request.

Both faces file through :func:`file_request`, so a request made at a kiosk and one made by an
Open311 client share one numbering and one table, and each face sees the other's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from server import models
from server.context import AppContext
from server.hotline import (
    DAILY_SEQUENCE_DIGITS,
    NUMBER_PREFIX,
    Contact,
    HotlineCategory,
    HotlineStatus,
    Source,
    may_move,
)
from server.keyed_hash import new_access_code, same_secret
from server.problems import ProblemError


@dataclass(frozen=True)
class NewRequest:
    """A request to file, already checked (the contact is normalised)."""

    category: HotlineCategory
    description: str
    contact: Contact
    language: str
    source: Source
    kiosk_id: str | None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    provisional_ref: str | None = None


def file_request(context: AppContext, session: Session, new: NewRequest) -> models.HotlineRequest:
    """Add the request to ``session`` (flushed, not committed).

    A race for the same daily number, or for the same provisional reference, fails on a unique
    constraint at commit; the caller starts over (see :func:`server.idempotency.create_once`).
    """
    if new.provisional_ref is not None and session.scalar(
        select(models.HotlineRequest.id).where(
            models.HotlineRequest.provisional_ref == new.provisional_ref
        )
    ):
        raise ProblemError(
            409,
            "provisional-ref-taken",
            "Provisional reference already used",
            "Another hotline request was filed with this provisional reference.",
        )
    now = context.now()
    row = models.HotlineRequest(
        number=_next_number(session, context.hall_date(now)),
        category=new.category.value,
        description=new.description,
        contact_name=new.contact.name,
        contact_phone=new.contact.phone,
        anonymous=new.contact.anonymous,
        address=new.address,
        latitude=new.latitude,
        longitude=new.longitude,
        language=new.language,
        source=new.source.value,
        kiosk_id=new.kiosk_id,
        access_code=new_access_code(),
        provisional_ref=new.provisional_ref,
        status=HotlineStatus.OPEN.value,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return row


def _next_number(session: Session, hall_date: dt.date) -> str:
    """``RX`` + YYYYMMDD + the next daily sequence; a race is caught by the unique constraint."""
    prefix = f"{NUMBER_PREFIX}{hall_date:%Y%m%d}"
    highest = session.scalar(
        select(func.max(models.HotlineRequest.number)).where(
            models.HotlineRequest.number.like(f"{prefix}%")
        )
    )
    sequence = int(highest[len(prefix) :]) + 1 if highest else 1
    if sequence >= 10**DAILY_SEQUENCE_DIGITS:
        raise ProblemError(503, "numbers-exhausted", "No numbers left", "Try again tomorrow.")
    return f"{prefix}{sequence:0{DAILY_SEQUENCE_DIGITS}d}"


def iso_utc(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def status_url(public_url: str, row: models.HotlineRequest) -> str:
    return f"{public_url}/v1/hotline/requests/{row.number}?code={row.access_code}"


def receipt_body(row: models.HotlineRequest, public_url: str) -> dict[str, Any]:
    return {
        "number": row.number,
        "category": row.category,
        "status": row.status,
        "created_at": iso_utc(row.created_at),
        "status_url": status_url(public_url, row),
    }


def replies_of(
    session: Session, request_ids: Sequence[int]
) -> dict[int, list[models.HotlineReply]]:
    """Each request's replies, oldest first, in one query."""
    replies: dict[int, list[models.HotlineReply]] = {request_id: [] for request_id in request_ids}
    if not request_ids:
        return replies
    rows = session.scalars(
        select(models.HotlineReply)
        .where(models.HotlineReply.request_id.in_(request_ids))
        .order_by(models.HotlineReply.at, models.HotlineReply.id)
    )
    for reply in rows:
        replies[reply.request_id].append(reply)
    return replies


def _not_found() -> ProblemError:
    # One answer for "no such number" and "wrong code": the number alone reveals nothing.
    return ProblemError(
        404,
        "unknown-hotline-request",
        "Hotline request not found",
        "No hotline request has this number and code.",
    )


def public_status(context: AppContext, number: str, code: str) -> dict[str, Any]:
    """The status for whoever holds the receipt: no contact data and no staff names."""
    with context.sessions() as session:
        row = session.scalar(
            select(models.HotlineRequest).where(models.HotlineRequest.number == number)
        )
        if row is None or not same_secret(code, row.access_code):
            raise _not_found()
        replies = replies_of(session, [row.id])[row.id]
        return {
            "number": row.number,
            "category": row.category,
            "status": row.status,
            "created_at": iso_utc(row.created_at),
            "updated_at": iso_utc(row.updated_at),
            "replies": [{"text": reply.text, "at": iso_utc(reply.at)} for reply in replies],
        }


def staff_view(row: models.HotlineRequest, replies: list[models.HotlineReply]) -> dict[str, Any]:
    return {
        "number": row.number,
        "category": row.category,
        "status": row.status,
        "source": row.source,
        "kiosk_id": row.kiosk_id,
        "description": row.description,
        "anonymous": row.anonymous,
        "contact_name": row.contact_name,
        "contact_phone": row.contact_phone,
        "address": row.address,
        "lat": row.latitude,
        "long": row.longitude,
        "language": row.language,
        "provisional_ref": row.provisional_ref,
        "created_at": iso_utc(row.created_at),
        "updated_at": iso_utc(row.updated_at),
        "replies": [
            {"text": reply.text, "at": iso_utc(reply.at), "staff_name": reply.staff_name}
            for reply in replies
        ],
    }


@dataclass(frozen=True)
class StaffFilter:
    status: HotlineStatus | None
    category: HotlineCategory | None
    limit: int
    offset: int


def staff_list(context: AppContext, chosen: StaffFilter) -> dict[str, Any]:
    """Newest first, with contact data and replies (staff answer the citizens)."""
    conditions: list[ColumnElement[bool]] = []
    if chosen.status is not None:
        conditions.append(models.HotlineRequest.status == chosen.status.value)
    if chosen.category is not None:
        conditions.append(models.HotlineRequest.category == chosen.category.value)
    with context.sessions() as session:
        total = session.scalar(
            select(func.count()).select_from(models.HotlineRequest).where(*conditions)
        )
        rows = list(
            session.scalars(
                select(models.HotlineRequest)
                .where(*conditions)
                .order_by(models.HotlineRequest.created_at.desc(), models.HotlineRequest.id.desc())
                .limit(chosen.limit)
                .offset(chosen.offset)
            )
        )
        replies = replies_of(session, [row.id for row in rows])
        return {
            "total": total or 0,
            "items": [staff_view(row, replies[row.id]) for row in rows],
        }


def staff_get(context: AppContext, number: str) -> dict[str, Any]:
    with context.sessions() as session:
        row = _by_number(session, number)
        return staff_view(row, replies_of(session, [row.id])[row.id])


def _by_number(session: Session, number: str) -> models.HotlineRequest:
    row = session.scalar(
        select(models.HotlineRequest).where(models.HotlineRequest.number == number)
    )
    if row is None:
        raise ProblemError(
            404, "unknown-hotline-request", "Hotline request not found", "No such number."
        )
    return row


def add_reply(
    context: AppContext, number: str, text: str, new_status: HotlineStatus, staff_name: str
) -> dict[str, Any]:
    """Add a staff reply and move the request to ``new_status``; the staff view after it.

    The status changes with a compare-and-set, so two staff replying at once cannot reopen a
    request the other just closed.
    """
    with context.sessions() as session:
        row = _by_number(session, number)
        current = HotlineStatus(row.status)
        if not may_move(current, new_status):
            raise ProblemError(
                409,
                "hotline-status-conflict",
                "Status change not allowed",
                f"A request that is {current.value} cannot be moved to {new_status.value}; "
                "a closed request takes no more replies.",
            )
        now = context.now()
        moved = session.execute(
            update(models.HotlineRequest)
            .where(
                models.HotlineRequest.id == row.id,
                models.HotlineRequest.status == current.value,
            )
            .values(status=new_status.value, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if getattr(moved, "rowcount", 0) != 1:
            session.rollback()
            raise ProblemError(
                409,
                "hotline-request-changed",
                "Request changed meanwhile",
                "Another reply changed this request's status; reload it and reply again.",
            )
        session.add(
            models.HotlineReply(request_id=row.id, text=text, staff_name=staff_name, at=now)
        )
        session.commit()
        session.refresh(row)
        return staff_view(row, replies_of(session, [row.id])[row.id])
