"""Reading hotline requests through Open311: the GET requests.json filters and the public view.

See :mod:`server.open311` for what the face implements and where it deviates on purpose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from server import models
from server.context import AppContext
from server.hotline import AGENCY_RESPONSIBLE, CATEGORIES, HotlineCategory, HotlineStatus
from server.hotline_store import iso_utc
from server.open311 import one_bad_argument
from server.schemas import Language

MAX_REQUESTS = 1000
MAX_SPAN = dt.timedelta(days=90)
MAX_LISTED_IDS = 100
OPEN311_STATUS = {
    HotlineStatus.OPEN: "open",
    HotlineStatus.IN_PROGRESS: "open",
    HotlineStatus.CLOSED: "closed",
}

_W3C_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})"
)


def parse_w3c_datetime(text: str, field: str) -> dt.datetime:
    """A W3C date-time with ``Z`` or an offset, as GeoReport v2 requires.

    A ``+`` in an offset often arrives as a space (an unencoded ``+`` in a query string), and
    is read as the ``+`` it was meant to be.
    """
    candidate = text.strip()
    if len(candidate) > 6 and candidate[-6] == " ":
        candidate = candidate[:-6] + "+" + candidate[-5:]
    if _W3C_DATETIME.fullmatch(candidate):
        try:
            return dt.datetime.fromisoformat(candidate.replace("Z", "+00:00")).astimezone(dt.UTC)
        except ValueError:
            pass
    raise one_bad_argument(
        field, "Use a W3C date-time with Z or an offset, such as 2026-11-29T08:00:00+08:00."
    )


def split_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


@dataclass(frozen=True)
class RequestQuery:
    ids: list[str]
    categories: list[HotlineCategory]
    start: dt.datetime | None
    end: dt.datetime | None
    statuses: list[HotlineStatus]

    @classmethod
    def one(cls, service_request_id: str) -> RequestQuery:
        return cls([service_request_id], [], None, None, [])


def parse_request_query(
    now: dt.datetime,
    *,
    service_request_id: str | None,
    service_code: str | None,
    start_date: str | None,
    end_date: str | None,
    status: str | None,
) -> RequestQuery:
    """The GET requests.json arguments checked; the 90-day window filled in as specified."""
    ids = split_list(service_request_id)
    if len(ids) > MAX_LISTED_IDS:
        raise one_bad_argument("service_request_id", f"At most {MAX_LISTED_IDS} ids at once.")
    if ids:
        # The specification: service_request_id overrides all other arguments.
        return RequestQuery(ids, [], None, None, [])
    categories = []
    for code in split_list(service_code):
        try:
            categories.append(HotlineCategory(code))
        except ValueError:
            raise one_bad_argument("service_code", "No service has this code.") from None
    statuses: list[HotlineStatus] = []
    for name in split_list(status):
        if name == "open":
            statuses += [HotlineStatus.OPEN, HotlineStatus.IN_PROGRESS]
        elif name == "closed":
            statuses.append(HotlineStatus.CLOSED)
        else:
            raise one_bad_argument("status", "Use open or closed.")
    start = parse_w3c_datetime(start_date, "start_date") if start_date else None
    end = parse_w3c_datetime(end_date, "end_date") if end_date else None
    if start is None and end is None:
        end = now
    if start is None:
        assert end is not None
        start = end - MAX_SPAN
    if end is None:
        end = start + MAX_SPAN
    if end < start:
        raise one_bad_argument("end_date", "end_date is before start_date.")
    if end - start > MAX_SPAN:
        raise one_bad_argument("end_date", "start_date and end_date may be 90 days apart at most.")
    return RequestQuery([], categories, start, end, statuses)


def find_requests(
    context: AppContext, query: RequestQuery, locale: Language
) -> list[dict[str, Any]]:
    table = models.HotlineRequest
    conditions: list[ColumnElement[bool]] = []
    if query.ids:
        conditions.append(table.number.in_(query.ids))
    if query.categories:
        conditions.append(table.category.in_([category.value for category in query.categories]))
    if query.statuses:
        conditions.append(table.status.in_([status.value for status in query.statuses]))
    if query.start is not None:
        conditions.append(table.created_at >= query.start)
    if query.end is not None:
        conditions.append(table.created_at <= query.end)
    with context.sessions() as session:
        rows = list(
            session.scalars(
                select(table)
                .where(*conditions)
                .order_by(table.created_at.desc(), table.id.desc())
                .limit(MAX_REQUESTS)
            )
        )
        notes = _latest_replies(session, [row.id for row in rows])
        return [open311_view(row, notes.get(row.id), locale) for row in rows]


def _latest_replies(session: Session, request_ids: list[int]) -> dict[int, str]:
    if not request_ids:
        return {}
    latest = (
        select(func.max(models.HotlineReply.id))
        .where(models.HotlineReply.request_id.in_(request_ids))
        .group_by(models.HotlineReply.request_id)
    )
    rows = session.execute(
        select(models.HotlineReply.request_id, models.HotlineReply.text).where(
            models.HotlineReply.id.in_(latest)
        )
    )
    return dict(rows.tuples().all())


def open311_view(
    row: models.HotlineRequest, status_notes: str | None, locale: Language
) -> dict[str, Any]:
    """The public Open311 view: deliberately without description or contact (see above)."""
    category = HotlineCategory(row.category)
    return {
        "service_request_id": row.number,
        "status": OPEN311_STATUS[HotlineStatus(row.status)],
        "status_notes": status_notes,
        "service_name": CATEGORIES[category].name[locale],
        "service_code": category.value,
        "requested_datetime": iso_utc(row.created_at),
        "updated_datetime": iso_utc(row.updated_at),
        "agency_responsible": AGENCY_RESPONSIBLE,
        "address": row.address,
        "lat": row.latitude,
        "long": row.longitude,
    }
