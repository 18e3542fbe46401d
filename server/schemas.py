"""The JSON shapes of the HTTP contract (and of the catalog file, which uses the Service shape)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)
from typing_extensions import TypedDict

from server.keyed_hash import ACCESS_CODE_PATTERN

Language = Literal["zh-Hant", "zh-Hans", "en"]
FieldKind = Literal["text", "number", "date", "choice", "phone", "id_number"]
Category = Literal["approval", "public_service", "other"]
Theme = Literal["business", "tax", "social", "construction", "civil", "hotline"]

# A hard ceiling on any single form value, whatever the field says: a kiosk form never needs
# more, and it keeps hostile multi-megabyte values out of the database.
FORM_VALUE_MAX_CHARS = 2000
FORM_MAX_FIELDS = 64
# PostgreSQL text cannot hold NUL and no form or card has one: every string refuses it.

LocalizedText = TypedDict("LocalizedText", {"zh-Hant": str, "zh-Hans": str, "en": str})
# A kiosk's reference for something it filed from its outbox; also what a look-up accepts.
PROVISIONAL_REF_PATTERN = r"^[A-Za-z0-9-]{8,40}$"
SnakeCaseName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Choice(_Strict):
    value: str = Field(min_length=1, max_length=64)
    label: LocalizedText


class FormField(_Strict):
    name: SnakeCaseName
    kind: FieldKind
    label: LocalizedText
    required: bool
    max_length: int | None = Field(default=None, ge=1, description="text fields only")
    min: int | float | None = Field(default=None, description="number fields only")
    max: int | float | None = Field(default=None, description="number fields only")
    choices: list[Choice] = Field(default_factory=list, description="choice fields only")

    @model_validator(mode="after")
    def _choices_only_for_choice_fields(self) -> FormField:
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError("choice fields need choices, and only choice fields may have them")
        return self


class Service(_Strict):
    code: str = Field(pattern=r"^[A-Z]{2,4}-[0-9]{3}$", examples=["BR-001"])
    name: LocalizedText
    department: LocalizedText
    department_code: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")
    category: Category
    theme: Theme
    fee_cents: int = Field(ge=0, description="fee in fen (1/100 yuan); 0 when free")
    max_visits: Literal[0, 1] = Field(
        description="counter visits still needed after filing here: 0 (none) or 1"
    )
    legal_days: int = Field(ge=0, description="working days the law allows")
    promised_days: int = Field(ge=0, description="working days the hall promises")
    materials: list[LocalizedText]
    fields: list[FormField]

    @model_validator(mode="after")
    def _consistent(self) -> Service:
        if self.promised_days > self.legal_days:
            raise ValueError("promised_days must not exceed legal_days")
        names = [field.name for field in self.fields]
        if len(names) != len(set(names)):
            raise ValueError("field names must be unique within a service")
        return self


class ServiceList(BaseModel):
    services: list[Service]


class Applicant(_Strict):
    name: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00]*$")
    id_number: str = Field(min_length=1, max_length=32, pattern=r"^[^\x00]*$")
    document_kind: str = Field(
        min_length=1,
        max_length=32,
        pattern=r"^[^\x00]*$",
        examples=["resident_id"],
        description="as read from the card",
    )


class ApplicationRequest(_Strict):
    service_code: str = Field(min_length=1, max_length=32, pattern=r"^[^\x00]*$")
    language: Language
    applicant: Applicant
    form: dict[
        SnakeCaseName, Annotated[str, Field(max_length=FORM_VALUE_MAX_CHARS, pattern=r"^[^\x00]*$")]
    ] = Field(
        max_length=FORM_MAX_FIELDS,
        description="every value as a string; checked against the service's fields",
    )
    provisional_ref: str | None = Field(
        default=None,
        pattern=PROVISIONAL_REF_PATTERN,
        description="the kiosk's own reference for an item filed offline (printed on the "
        "citizen's provisional receipt); unique, and the application can be looked up by it",
    )
    access_code: str | None = Field(
        default=None,
        pattern=ACCESS_CODE_PATTERN,
        description="the receipt's access code, chosen at random by a kiosk that prints the "
        "status QR link before it can reach the server; without it the server makes one",
    )

    @model_serializer(mode="wrap")
    def _absent_code_left_out(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # The idempotency fingerprint is this dump: a body without a code must dump as it did
        # before the field existed, or a kiosk retrying across a server upgrade gets a 422.
        dumped: dict[str, Any] = handler(self)
        if self.access_code is None:
            dumped.pop("access_code", None)
        return dumped


class FieldError(BaseModel):
    field: str = Field(description='"form.<name>" for form values, else the body path')
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, sent as ``application/problem+json``."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = Field(default=None, description="validation errors only")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
