"""The pieces of the look-ups' JSON (server/status_lookup.py) are written as pydantic writes them:
strings of every character, timestamps and dates in each form a driver hands them over."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pydantic_core
import pytest

from server.status_lookup import _date_text, _string, _timestamp

MOMENT = dt.datetime(2026, 11, 30, 8, 39, 25, tzinfo=dt.UTC)


def pydantic_text(value: object) -> str:
    """How pydantic writes ``value`` in a model's JSON, without the quotes."""
    written: str = pydantic_core.to_json(value).decode()
    return written[1:-1]


def test_strings_of_every_character_are_escaped_as_pydantic_escapes_them() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert _string(every).encode() == pydantic_core.to_json(every)
    assert _string("") == '""'


@pytest.mark.parametrize("microsecond", [0, 1, 5, 100, 120000, 999999])
def test_sqlite_timestamps_are_written_from_their_text(microsecond: int) -> None:
    moment = MOMENT.replace(microsecond=microsecond)
    # What SQLAlchemy stores in SQLite for server.models.UtcDateTime.
    stored = moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    assert _timestamp(stored) == pydantic_text(moment)


@pytest.mark.parametrize(
    "given",
    [
        "2026-11-30 08:39:25",  # written by hand, without a fraction
        "2026-11-30T08:39:25.000100",
        "2026-11-30 08:39:25.5",
        "2026-11-30 16:39:25.000000+08:00",
    ],
)
def test_timestamps_of_other_forms_are_parsed_first(given: str) -> None:
    parsed = dt.datetime.fromisoformat(given)
    expected = parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed
    assert _timestamp(given) == pydantic_text(expected.astimezone(dt.UTC))


@pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai", "America/St_Johns"])
@pytest.mark.parametrize("microsecond", [0, 7])
def test_postgresql_timestamps_are_aware_and_written_in_utc(zone: str, microsecond: int) -> None:
    moment = MOMENT.replace(microsecond=microsecond)
    assert _timestamp(moment.astimezone(ZoneInfo(zone))) == pydantic_text(moment)


@pytest.mark.parametrize("day", [dt.date(2026, 12, 7), dt.date(999, 1, 2)])
def test_dates_as_sqlite_text_and_as_dates(day: dt.date) -> None:
    assert _date_text(day, day) == pydantic_text(day)
    if day.year >= 1000:
        assert _date_text(day.isoformat(), day) == pydantic_text(day)
