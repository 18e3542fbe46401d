"""The holiday calendar that promised dates are counted against: kept by staff, read by anyone."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from server.api.responses import NOT_FOUND, STAFF_AUTH, Responses
from server.auth import Staff
from server.context import Context
from server.holidays import delete_holiday, holidays_in_year, put_holiday
from server.schemas import Problem
from server.schemas_applications import Holiday, HolidayList, HolidayRequest

router = APIRouter(prefix="/v1", tags=["holidays"])

Day = Annotated[dt.date, Path(description="YYYY-MM-DD")]
INVALID: Responses = {422: {"model": Problem, "description": "Invalid date or body"}}
# Starlette answers 400 itself when a body cannot even be decoded as text.
INVALID_BODY: Responses = {
    400: {"model": Problem, "description": "The body is not readable JSON text"},
    **INVALID,
}


@router.get("/holidays", response_model=HolidayList, responses=INVALID)
def list_holidays(
    context: Context, year: Annotated[int, Query(ge=1, le=9999, examples=[2026])]
) -> HolidayList:
    """Public holidays and make-up working days of one year, by date."""
    return holidays_in_year(context, year)


@router.put(
    "/staff/holidays/{date}",
    response_model=Holiday,
    responses={**STAFF_AUTH, **INVALID_BODY, 409: {"model": Problem, "description": "Busy; retry"}},
)
def set_holiday(date: Day, body: HolidayRequest, context: Context, _staff: Staff) -> Holiday:
    """Make ``date`` a holiday, or a make-up working day; replaces an existing entry."""
    return put_holiday(context, date, body)


@router.delete(
    "/staff/holidays/{date}",
    status_code=204,
    response_class=Response,
    responses={**STAFF_AUTH, **NOT_FOUND, **INVALID},
)
def remove_holiday(date: Day, context: Context, _staff: Staff) -> Response:
    """Make ``date`` an ordinary day again (a weekday is worked, a weekend day is not)."""
    delete_holiday(context, date)
    return Response(status_code=204)
