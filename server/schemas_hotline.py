"""The JSON shapes of the 12345 hotline routes (``/v1``) and of its Open311 face."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from server.hotline import HotlineCategory, HotlineStatus, Source
from server.schemas import Language, LocalizedText, _Strict

# PostgreSQL text cannot hold NUL; the second form also needs one visible character.
NO_NUL = r"^[^\x00]*$"
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"
DESCRIPTION_MAX_CHARS = 1000
REPLY_MAX_CHARS = 2000
PROVISIONAL_REF_PATTERN = r"^[A-Za-z0-9-]{8,40}$"
STAFF_PAGE_MAX = 200

ContactName = Annotated[str, Field(min_length=1, max_length=100, pattern=NOT_BLANK)]
ContactPhone = Annotated[
    str,
    Field(
        min_length=1,
        max_length=32,
        pattern=NO_NUL,
        examples=["+8613800138000", "010-62345678"],
        description="a mainland China mobile number, or a landline with its area code; "
        "spaces, hyphens, brackets and a +86 or 0086 prefix are allowed",
    ),
]
Place = Annotated[
    str,
    Field(
        min_length=1,
        max_length=300,
        pattern=NOT_BLANK,
        description="where the matter is (a street, a shop), not the citizen's home: it is "
        "published through the Open311 face",
    ),
]


class HotlineCategoryInfo(BaseModel):
    code: HotlineCategory
    name: LocalizedText
    description: LocalizedText
    anonymous_allowed: bool = Field(
        description="false: the request needs a contact phone so that it can be answered"
    )


class HotlineCategoryList(BaseModel):
    categories: list[HotlineCategoryInfo]


class HotlineRequestInput(_Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "category": "consumer_complaint",
                    "description": "买到的电饭煲三天就坏了，商家拒绝退换。",
                    "anonymous": False,
                    "contact_name": "李四",
                    "contact_phone": "+8613800138000",
                    "address": "城南路12号百货商店",
                    "language": "zh-Hans",
                },
                {
                    "category": "praise",
                    "description": "窗口工作人员耐心细致。",
                    "anonymous": True,
                    "language": "zh-Hans",
                },
            ]
        },
    )

    category: HotlineCategory
    description: str = Field(min_length=1, max_length=DESCRIPTION_MAX_CHARS, pattern=NOT_BLANK)
    anonymous: bool = Field(
        description="true stores no contact at all; only some categories allow it"
    )
    contact_name: ContactName | None = Field(default=None, description="not with anonymous")
    contact_phone: ContactPhone | None = Field(
        default=None, description="required unless anonymous; not with anonymous"
    )
    address: Place | None = None
    language: Language
    provisional_ref: str | None = Field(
        default=None,
        pattern=PROVISIONAL_REF_PATTERN,
        description="the kiosk's own reference for a request it filed offline; unique",
    )


class HotlineReceipt(BaseModel):
    number: str = Field(examples=["RX20261129000001"])
    category: HotlineCategory
    status: HotlineStatus
    created_at: dt.datetime = Field(description="ISO 8601, UTC")
    status_url: str = Field(description="the public status link, with the access code")


class PublicReply(BaseModel):
    text: str
    at: dt.datetime


class HotlinePublicStatus(BaseModel):
    """What whoever holds the receipt may see: no contact data, no staff names."""

    number: str
    category: HotlineCategory
    status: HotlineStatus
    created_at: dt.datetime
    updated_at: dt.datetime
    replies: list[PublicReply]


class StaffReply(PublicReply):
    staff_name: str


class HotlineStaffView(BaseModel):
    number: str
    category: HotlineCategory
    status: HotlineStatus
    source: Source
    kiosk_id: str | None
    description: str
    anonymous: bool
    contact_name: str | None
    contact_phone: str | None
    address: str | None
    lat: float | None
    long: float | None
    language: str
    provisional_ref: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    replies: list[StaffReply]


class HotlineStaffList(BaseModel):
    total: int = Field(description="how many requests match, beyond this page too")
    items: list[HotlineStaffView]


class HotlineReplyInput(_Strict):
    text: str = Field(min_length=1, max_length=REPLY_MAX_CHARS, pattern=NOT_BLANK)
    status: Literal[HotlineStatus.IN_PROGRESS, HotlineStatus.CLOSED] = Field(
        description="the request's status after this reply"
    )


# --- Open311 GeoReport v2 -------------------------------------------------------------------


class Open311Service(BaseModel):
    service_code: HotlineCategory
    service_name: str
    description: str
    metadata: bool
    type: Literal["realtime", "batch", "blackbox"]
    keywords: str
    group: str


class Open311ServiceDefinition(BaseModel):
    service_code: HotlineCategory
    attributes: list[dict[str, str]] = Field(description="always empty: no extra attributes")


Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Open311Text = Annotated[str, Field(max_length=200, pattern=NO_NUL)]


class Open311NewRequest(_Strict):
    """POST requests.json arguments (form fields or a JSON object); empty values are absent."""

    api_key: str = Field(min_length=1, max_length=200, description="the client's kiosk token")
    jurisdiction_id: Open311Text | None = Field(default=None, description="accepted, ignored")
    service_code: HotlineCategory
    lat: Latitude | None = Field(default=None, description="WGS84; with long")
    long: Longitude | None = Field(default=None, description="WGS84; with lat")
    address_string: Place | None = Field(default=None, description="needed without lat/long")
    email: Open311Text | None = Field(default=None, description="accepted, never stored")
    device_id: Open311Text | None = Field(default=None, description="accepted, never stored")
    account_id: Open311Text | None = Field(default=None, description="echoed, not stored")
    first_name: Annotated[str, Field(max_length=50, pattern=NOT_BLANK)] | None = None
    last_name: Annotated[str, Field(max_length=50, pattern=NOT_BLANK)] | None = None
    phone: ContactPhone | None = Field(
        default=None, description="without it the request is anonymous, where allowed"
    )
    description: str = Field(min_length=1, max_length=4000, pattern=NOT_BLANK)


class Open311Created(BaseModel):
    service_request_id: str
    service_notice: str
    account_id: str | None


class Open311Request(BaseModel):
    """A service request as Open311 shows it publicly: no description, no contact."""

    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str | None = Field(description="the latest reply, if any")
    service_name: str
    service_code: HotlineCategory
    requested_datetime: dt.datetime
    updated_datetime: dt.datetime
    agency_responsible: str
    address: str | None
    lat: float | None
    long: float | None
