"""The JSON shapes of the queue: categories, tickets, and the staff's view of the hall."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from server.queue_rules import TicketStatus
from server.schemas import Language, LocalizedText, _Strict

CATEGORY_CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,31}$"
CategoryCode = Annotated[
    str, Field(pattern=CATEGORY_CODE_PATTERN, max_length=32, examples=["general"])
]
# PostgreSQL's INTEGER: a larger id cannot exist, and must not reach the database as a query.
MAX_ROW_ID = 2**31 - 1


class QueueCategory(BaseModel):
    code: str = Field(examples=["general"])
    prefix: str = Field(examples=["A"], description="the letter ticket numbers start with")
    name: LocalizedText
    waiting: int = Field(description="tickets of today still waiting to be called")
    estimated_wait_minutes: int = Field(description="for a ticket taken now")


class QueueCategoryList(BaseModel):
    day: dt.date = Field(description="the hall's date, which ticket numbers restart with")
    categories: list[QueueCategory]


class TicketRequest(_Strict):
    category: CategoryCode
    language: Language


class Ticket(BaseModel):
    id: int
    number: str = Field(examples=["A023"])
    category: str
    category_name: str = Field(description="in the language the ticket was taken in")
    language: Language
    day: dt.date
    status: TicketStatus
    counter: str | None = Field(description="where the citizen is called to; once called")
    people_ahead: int = Field(description="waiting tickets of the category before this one")
    estimated_wait_minutes: int
    issued_at: dt.datetime = Field(description="ISO 8601, UTC")
    called_at: dt.datetime | None


class CallNextRequest(_Strict):
    counter: str = Field(
        min_length=1,
        max_length=32,
        # Something visible to show on the hall's display; no NUL (PostgreSQL text refuses it).
        pattern=r"^[^\x00]*[^\x00\s][^\x00]*$",
        examples=["窗口3"],
    )


class OutcomeRequest(_Strict):
    outcome: Literal["served", "absent"]


class StaffQueueCategory(BaseModel):
    code: str
    prefix: str
    name: LocalizedText
    waiting: int
    called: int = Field(description="called and not yet marked served or absent")
    served_today: int
    absent_today: int
    average_service_minutes: float | None = Field(
        description="mean time at the counter of today's served tickets; null without any"
    )
    estimated_wait_minutes: int = Field(description="for a ticket taken now")


class StaffQueueOverview(BaseModel):
    day: dt.date
    categories: list[StaffQueueCategory]
