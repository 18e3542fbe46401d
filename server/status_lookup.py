"""The citizen's status look-ups, answered as JSON bytes built straight from one prepared read.

Look-ups by number and ID last four (the kiosk's status screen) and by receipt code (the QR
link) are the busiest requests there are. Building the answer through pydantic (a model per
timeline step, validation, ``model_dump_json``) and SQLAlchemy's result processing (dates
parsed from SQLite's text, then formatted again) cost more CPU than the rest of the request.
Here the read's rows stay as the DB-API driver returns them and the JSON is written directly:
byte for byte what ``ApplicationStatus.model_dump_json()`` writes for the same application
(same key order, strings escaped as pydantic escapes them, timestamps as ``...Z`` with
microseconds only when there are any), which tests/integration/server/
test_server_status_json.py holds to on both databases across notes of every character, any
number of steps, overdue, provisional references (and tests/unit/server/
test_status_json_text.py for every character and each form of timestamp).
"""

from __future__ import annotations

import datetime as dt
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from sqlalchemy import BindParameter, bindparam, or_, select

from server import models
from server.applications import status_link
from server.context import AppContext
from server.keyed_hash import same_secret
from server.lifecycle import is_overdue
from server.prepared_reads import PreparedRead
from server.problems import ProblemError
from server.schemas_applications import ReferenceLookup

_A = models.Application
_E = models.ApplicationEvent
# A row of the read: the application's columns, then one event's (None without events).
Row = tuple[Any, ...]
# An application's columns (a row's first ones) and its events (each row's last ones).
Found = tuple[Row, list[Row]]

_REFERENCE: BindParameter[str] = bindparam("p_reference")
# No ORDER BY: sorting a handful of rows in Python costs less than SQLite's sorter, and the
# rows of one application are found by its number whatever order they come in.
BY_REFERENCE = PreparedRead(
    select(
        _A.number,
        _A.service_code,
        _A.status,
        _A.submitted_at,
        _A.promised_by,
        _A.decided_on,
        _A.provisional_ref,
        _A.access_code,
        _A.applicant_id_number,
        _E.id.label("event_id"),
        _E.status.label("event_status"),
        _E.at.label("event_at"),
        _E.note.label("event_note"),
    )
    .outerjoin(_E, _E.application_id == _A.id)
    .where(or_(_A.number == _REFERENCE, _A.provisional_ref == _REFERENCE))
)
# Columns of a row, by place: unpacking the row would cost more on every look-up.
_ACCESS_CODE, _ID_NUMBER, _FIRST_EVENT_COLUMN = 7, 8, 9
# Events (id, status, at, note) oldest first, ties in the order they were written.
_EVENT_ORDER = itemgetter(2, 0)


def status_json_by_reference(
    context: AppContext, lookup: ReferenceLookup, today: dt.date, public_url: str
) -> bytes:
    """The status for whoever knows the number (or provisional reference) and the ID's last four.

    Unknown references and wrong last fours get the same 404, so neither can be told apart.
    """
    last4 = lookup.id_last4.upper()
    matching = [
        found
        for found in _by_reference(context, lookup.reference)
        if same_secret(last4, found[0][_ID_NUMBER].strip().upper()[-4:])
    ]
    if not matching:
        raise ProblemError(
            404,
            "unknown-application",
            "Application not found",
            "No application has this reference and these last four ID characters.",
        )
    return _number_first(matching, lookup.reference, today, public_url)


def status_json_by_code(
    context: AppContext, reference: str, code: str, today: dt.date, public_url: str
) -> bytes:
    """The status for whoever holds the receipt (its QR link carries the access code).

    ``reference`` is the number, or the provisional reference an offline kiosk printed before
    it could know the number; until that filing arrives its link finds nothing.
    """
    matching = [
        found
        for found in _by_reference(context, reference)
        if same_secret(code, found[0][_ACCESS_CODE])
    ]
    # One answer for "no such reference" and "wrong code": the reference alone reveals nothing.
    if not matching:
        raise ProblemError(
            404,
            "unknown-application",
            "Application not found",
            "No application has this number and code.",
        )
    return _number_first(matching, reference, today, public_url)


def _by_reference(context: AppContext, reference: str) -> list[Found]:
    """The applications numbered ``reference`` or filed under it as provisional reference (at
    most one of each), each with its events oldest first. One prepared query on the event
    loop (:meth:`server.context.AppContext.fetch`)."""
    found: dict[str, Found] = {}
    for row in context.fetch(BY_REFERENCE, p_reference=reference):
        application = found.get(row[0])
        if application is None:
            application = found[row[0]] = (row, [])
        if row[_FIRST_EVENT_COLUMN] is not None:
            application[1].append(row[_FIRST_EVENT_COLUMN:])
    for _row, events in found.values():
        if len(events) > 1:
            events.sort(key=_EVENT_ORDER)
    return list(found.values())


def _number_first(matching: list[Found], reference: str, today: dt.date, public_url: str) -> bytes:
    # A number wins over a provisional reference that happens to be spelled the same.
    row, events = matching[0]
    if len(matching) > 1:
        row, events = min(matching, key=lambda found: found[0][0] != reference)
    return status_json(row, events, today, public_url)


def status_json(row: Row, events: list[Row], today: dt.date, public_url: str) -> bytes:
    """``ApplicationStatus`` as ``model_dump_json`` writes it, from a row of
    :data:`BY_REFERENCE` and that application's events (each ``(id, status, at, note)``)."""
    number, service_code, status, submitted_at, promised_by, decided_on, provisional_ref = row[:7]
    promised = _date(promised_by)
    overdue = is_overdue(promised, None if decided_on is None else _date(decided_on), today)
    timeline = ",".join(
        [
            f'{{"status":{_string(step)},"at":"{_timestamp(at)}","note":{_string(note)}}}'
            for _id, step, at, note in events
        ]
    )
    link = status_link(public_url, number, row[_ACCESS_CODE])
    return (
        f'{{"number":{_string(number)},"service_code":{_string(service_code)},'
        f'"status":{_string(status)},"submitted_at":"{_timestamp(submitted_at)}",'
        f'"promised_by":"{_date_text(promised_by, promised)}",'
        f'"overdue":{"true" if overdue else "false"},'
        f'"provisional_ref":{"null" if provisional_ref is None else _string(provisional_ref)},'
        f'"status_url":{_string(link)},"timeline":[{timeline}]}}'
    ).encode()


# A JSON string as pydantic writes it: quotes, backslashes and control characters escaped,
# everything else as UTF-8 (the C encoder of the json module does exactly that).
_string = encode_basestring
# What SQLAlchemy stores in SQLite, where dates and timestamps are text: 2026-11-30, and
# 2026-11-30 08:39:25.000000 for a naive UTC timestamp. They are written out from the text:
# datetime's own isoformat costs more CPU than the rest of the answer.
_DATE_CHARS = 10
_TIMESTAMP_CHARS = 26


def _date(value: str | dt.date) -> dt.date:
    # SQLite hands dates back as the ISO text SQLAlchemy stored; PostgreSQL's driver as dates.
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _date_text(value: str | dt.date, parsed: dt.date) -> str:
    """A date as pydantic writes it: ``2026-11-30`` (``parsed``: ``_date(value)``)."""
    if isinstance(value, str) and len(value) == _DATE_CHARS:
        return value
    return parsed.isoformat()


def _timestamp(value: str | dt.datetime) -> str:
    """A UTC timestamp as pydantic writes an aware one: ``2026-11-30T08:39:25Z``, with six
    digits of microseconds before the Z only when there are any.

    SQLite hands :class:`server.models.UtcDateTime` back as the naive UTC text SQLAlchemy
    stored; PostgreSQL's driver as aware datetimes in the session's time zone.
    """
    if isinstance(value, str):
        if len(value) == _TIMESTAMP_CHARS:
            return value.replace(" ", "T", 1).removesuffix(".000000") + "Z"
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat() + "Z"
