"""The yearly figures a service centre reports (staff only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from server.api.responses import STAFF_AUTH
from server.auth import Staff
from server.context import Context
from server.schemas import Problem
from server.schemas_applications import YearStatistics
from server.statistics import year_statistics

router = APIRouter(prefix="/v1", tags=["statistics"])


@router.get(
    "/staff/statistics",
    response_model=YearStatistics,
    responses={**STAFF_AUTH, 422: {"model": Problem, "description": "Invalid year"}},
)
def get_statistics(
    context: Context, _staff: Staff, year: Annotated[int, Query(ge=1, le=9999, examples=[2026])]
) -> YearStatistics:
    """Received, completed, completed within the promise, overdue, evaluated, and the
    evaluation and satisfaction rates, for the year, by month and by department. Each figure
    is about the applications filed in the period (hall dates), as they stand today."""
    return year_statistics(context, year)
