"""The JSON shapes of evaluations (好差評): the indicator catalog and one rating."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from server.evaluation_indicators import Tone
from server.schemas import LocalizedText, SnakeCaseName, _Strict
from server.schemas_queue import MAX_ROW_ID

NO_NUL = r"^[^\x00]*$"
COMMENT_MAX_CHARS = 500
MAX_INDICATORS = 16


class TransactionKind(StrEnum):
    APPLICATION = "application"
    QUEUE_TICKET = "queue_ticket"
    HOTLINE_REQUEST = "hotline_request"


class IndicatorView(BaseModel):
    code: str = Field(examples=["done_in_one_visit"])
    label: LocalizedText


class LevelView(BaseModel):
    level: int = Field(ge=1, le=5, description="5 very satisfied … 1 very dissatisfied")
    name: LocalizedText
    tone: Tone
    indicators_required: bool = Field(description="a rating at this level must tick one")
    indicators: list[IndicatorView]


class IndicatorCatalog(BaseModel):
    levels: list[LevelView]


class Rater(_Strict):
    """The card the kiosk read; the server keeps only a keyed hash of it."""

    document_kind: str = Field(
        min_length=1, max_length=32, pattern=NO_NUL, examples=["resident_id"]
    )
    id_number: str = Field(min_length=1, max_length=32, pattern=NO_NUL)


TransactionRef = (
    Annotated[str, Field(min_length=1, max_length=40, pattern=NO_NUL)]
    | Annotated[int, Field(ge=1, le=MAX_ROW_ID, strict=True)]
)


class EvaluationRequest(_Strict):
    transaction_kind: TransactionKind
    transaction_ref: TransactionRef = Field(
        description="an application's or hotline request's number; a queue ticket's id",
        examples=["OS20261129000001"],
    )
    level: int = Field(ge=1, le=5, strict=True)
    indicators: list[SnakeCaseName] = Field(
        default_factory=list,
        max_length=MAX_INDICATORS,
        description="codes offered for this level; levels 1 and 2 need at least one",
    )
    comment: str = Field(default="", max_length=COMMENT_MAX_CHARS, pattern=NO_NUL)
    rater: Rater | None = None


class EvaluationReceipt(BaseModel):
    id: int
    transaction_kind: TransactionKind
    transaction_ref: str
    level: int
    created_at: dt.datetime = Field(description="ISO 8601, UTC")
