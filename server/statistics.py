"""The yearly figures a service centre reports, aggregated in the database.

Each figure counts the applications *received* in the period (by the hall's filing date,
``submitted_on``) and what has become of them by today, so that every rate has the same base:
of what came in that month, how much was completed, completed within the promise, is overdue,
was rated. One grouped query per report returns at most 12 rows per department; a province's
year never travels to Python row by row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields

from sqlalchemy import ColumnElement, Integer, and_, case, cast, extract, func, select

from server import models
from server.applications import hall_today, overdue_clause
from server.context import AppContext
from server.schemas_applications import DepartmentFigures, Figures, MonthFigures, YearStatistics

# The transaction kind an evaluation of an application carries (its ref is the number).
APPLICATION_TRANSACTION = "application"
# Levels run from 1 (very dissatisfied) to 5 (very satisfied); 4 and 5 count as satisfied.
SATISFIED_FROM_LEVEL = 4
RATE_DIGITS = 4

_A = models.Application
_E = models.Evaluation


@dataclass
class Counts:
    received: int = 0
    completed: int = 0
    completed_within_promise: int = 0
    overdue: int = 0
    evaluated: int = 0
    satisfied: int = 0

    def add(self, other: Counts) -> None:
        for name in _COUNT_NAMES:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, int | float]:
        return {
            **{name: getattr(self, name) for name in _COUNT_NAMES},
            "evaluation_rate": _rate(self.evaluated, self.received),
            "satisfaction_rate": _rate(self.satisfied, self.evaluated),
        }


_COUNT_NAMES = tuple(field.name for field in fields(Counts))


def _rate(part: int, whole: int) -> float:
    return round(part / whole, RATE_DIGITS) if whole else 0.0


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def year_statistics(context: AppContext, year: int) -> YearStatistics:
    today = hall_today(context)
    cells = _grouped_counts(context, year, today)
    total = Counts()
    months: dict[int, Counts] = defaultdict(Counts)
    departments: dict[str, Counts] = defaultdict(Counts)
    for (month, department), counts in cells:
        total.add(counts)
        months[month].add(counts)
        departments[department].add(counts)
    return YearStatistics(
        year=year,
        as_of=today,
        total=Figures(**total.figures()),
        by_month=[
            MonthFigures(month=month, **months.get(month, Counts()).figures())
            for month in range(1, 13)
        ],
        by_department=[
            DepartmentFigures(department_code=code, **departments[code].figures())
            for code in sorted(departments)
        ],
    )


def _grouped_counts(
    context: AppContext, year: int, today: dt.date
) -> Iterable[tuple[tuple[int, str], Counts]]:
    month = cast(extract("month", _A.submitted_on), Integer)
    completed = _A.completed_at.is_not(None)
    rated = _E.id.is_not(None)
    query = (
        select(
            month,
            _A.department_code,
            func.count(_A.id),
            _count_if(completed),
            _count_if(and_(completed, _A.decided_on <= _A.promised_by)),
            _count_if(overdue_clause(today)),
            _count_if(rated),
            _count_if(and_(rated, _E.level >= SATISFIED_FROM_LEVEL)),
        )
        .select_from(_A)
        # At most one evaluation per transaction (unique constraint), so no row is doubled.
        .outerjoin(
            _E,
            and_(_E.transaction_kind == APPLICATION_TRANSACTION, _E.transaction_ref == _A.number),
        )
        .where(_A.submitted_on >= dt.date(year, 1, 1), _A.submitted_on <= dt.date(year, 12, 31))
        .group_by(month, _A.department_code)
    )
    with context.sessions() as session:
        rows = session.execute(query).all()
    return [
        ((int(row[0]), str(row[1])), Counts(*(int(value) for value in row[2:]))) for row in rows
    ]
