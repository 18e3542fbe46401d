"""The hall's holiday calendar in the database: public holidays and make-up working days.

Changing the calendar moves the promised dates of applications filed afterwards; a promise
already printed on a receipt stays as it was.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import models
from server.context import AppContext
from server.problems import ProblemError
from server.schemas_applications import Holiday, HolidayList, HolidayRequest


def calendar_after(session: Session, day: dt.date) -> dict[dt.date, bool]:
    """Holiday and make-up working day entries after ``day``; the table is a few rows a year."""
    rows = session.scalars(select(models.Holiday).where(models.Holiday.date > day))
    return {row.date: row.is_workday for row in rows}


def put_holiday(context: AppContext, day: dt.date, request: HolidayRequest) -> Holiday:
    """Create or replace the entry for ``day``."""
    for _attempt in range(2):
        with context.sessions() as session:
            row = session.get(models.Holiday, day)
            if row is None:
                row = models.Holiday(date=day)
                session.add(row)
            row.is_workday = request.is_workday
            row.name = request.name
            try:
                session.commit()
            except IntegrityError:
                # Another request created the same date first; the second round replaces it.
                session.rollback()
                continue
            return Holiday(date=day, is_workday=row.is_workday, name=row.name)
    raise ProblemError(409, "busy", "Calendar busy", "The date was changed meanwhile; retry.")


def delete_holiday(context: AppContext, day: dt.date) -> None:
    with context.sessions() as session:
        row = session.get(models.Holiday, day)
        if row is None:
            raise ProblemError(
                404, "unknown-holiday", "Date not in the calendar", "This date is an ordinary day."
            )
        session.delete(row)
        session.commit()


def holidays_in_year(context: AppContext, year: int) -> HolidayList:
    with context.sessions() as session:
        rows = session.scalars(
            select(models.Holiday)
            .where(
                models.Holiday.date >= dt.date(year, 1, 1),
                models.Holiday.date <= dt.date(year, 12, 31),
            )
            .order_by(models.Holiday.date)
        )
        return HolidayList(
            year=year,
            holidays=[Holiday(date=r.date, is_workday=r.is_workday, name=r.name) for r in rows],
        )
