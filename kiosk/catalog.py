"""The service catalog as the kiosk sees it: services, their forms, and form validation.

Parsed from the backend's ``/v1/services`` answer; validation here mirrors the server's so the
citizen hears about a mistake on the form, not after submitting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from drivers.cards.idnumbers import is_valid_gb11643
from kiosk.i18n import Language, pick

_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_PHONE = re.compile(r"\+?[0-9]{7,15}")


class FieldKind(Enum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"
    PHONE = "phone"
    ID_NUMBER = "id_number"


class FieldProblem(Enum):
    """Why a value was refused; the UI words each for the citizen."""

    REQUIRED = "required"
    TOO_LONG = "too-long"
    NOT_A_NUMBER = "not-a-number"
    OUT_OF_RANGE = "out-of-range"
    NOT_A_DATE = "not-a-date"
    NOT_A_CHOICE = "not-a-choice"
    NOT_A_PHONE = "not-a-phone"
    NOT_AN_ID_NUMBER = "not-an-id-number"


class CatalogFormatError(ValueError):
    """The backend's catalog answer does not have the shape of the contract."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class FormField:
    name: str
    kind: FieldKind
    label: Mapping[str, str]
    required: bool = True
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Choice, ...] = ()

    def label_in(self, language: Language) -> str:
        return pick(self.label, language)

    def check(self, value: str) -> FieldProblem | None:
        """None when ``value`` is acceptable for this field."""
        value = value.strip()
        if not value:
            return FieldProblem.REQUIRED if self.required else None
        if self.max_length is not None and len(value) > self.max_length:
            return FieldProblem.TOO_LONG
        return _KIND_CHECKS[self.kind](self, value)


def _check_text(_field: FormField, _value: str) -> FieldProblem | None:
    return None


def _check_number(field: FormField, value: str) -> FieldProblem | None:
    # Plain ASCII digits as the server expects; float() would also take "１０", "1e3", "nan".
    if not _PLAIN_NUMBER.fullmatch(value):
        return FieldProblem.NOT_A_NUMBER
    number = float(value)
    if field.minimum is not None and number < field.minimum:
        return FieldProblem.OUT_OF_RANGE
    if field.maximum is not None and number > field.maximum:
        return FieldProblem.OUT_OF_RANGE
    return None


def _check_date(_field: FormField, value: str) -> FieldProblem | None:
    try:
        date.fromisoformat(value)
    except ValueError:
        return FieldProblem.NOT_A_DATE
    return None if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) else FieldProblem.NOT_A_DATE


def _check_choice(field: FormField, value: str) -> FieldProblem | None:
    return (
        None
        if any(choice.value == value for choice in field.choices)
        else FieldProblem.NOT_A_CHOICE
    )


def _check_phone(_field: FormField, value: str) -> FieldProblem | None:
    return None if _PHONE.fullmatch(value) else FieldProblem.NOT_A_PHONE


def _check_id_number(_field: FormField, value: str) -> FieldProblem | None:
    return None if is_valid_gb11643(value) else FieldProblem.NOT_AN_ID_NUMBER


_KIND_CHECKS = {
    FieldKind.TEXT: _check_text,
    FieldKind.NUMBER: _check_number,
    FieldKind.DATE: _check_date,
    FieldKind.CHOICE: _check_choice,
    FieldKind.PHONE: _check_phone,
    FieldKind.ID_NUMBER: _check_id_number,
}


@dataclass(frozen=True)
class Service:
    code: str
    name: Mapping[str, str]
    department: Mapping[str, str]
    category: str
    theme: str
    legal_days: int
    promised_days: int
    materials: tuple[Mapping[str, str], ...]
    fields: tuple[FormField, ...]

    def name_in(self, language: Language) -> str:
        return pick(self.name, language)

    def department_in(self, language: Language) -> str:
        return pick(self.department, language)

    def problems(self, values: Mapping[str, str]) -> dict[str, FieldProblem]:
        """Every field whose value is not acceptable, by field name."""
        found = {}
        for field in self.fields:
            problem = field.check(values.get(field.name, ""))
            if problem is not None:
                found[field.name] = problem
        return found


def _texts(raw: Any, where: str) -> Mapping[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise CatalogFormatError(f"{where}: expected texts by language")
    return dict(raw)


def _parse_field(raw: Mapping[str, Any], where: str) -> FormField:
    try:
        kind = FieldKind(raw["kind"])
        return FormField(
            name=str(raw["name"]),
            kind=kind,
            label=_texts(raw["label"], f"{where}.label"),
            required=bool(raw.get("required", True)),
            max_length=raw.get("max_length"),
            minimum=raw.get("min"),
            maximum=raw.get("max"),
            choices=tuple(
                Choice(str(c["value"]), _texts(c["label"], f"{where}.choices"))
                for c in raw.get("choices") or ()
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise CatalogFormatError(f"{where}: {error}") from None


def parse_service(raw: Any) -> Service:
    if not isinstance(raw, dict):
        raise CatalogFormatError("service: expected an object")
    code = str(raw.get("code", "?"))
    try:
        return Service(
            code=code,
            name=_texts(raw["name"], f"{code}.name"),
            department=_texts(raw["department"], f"{code}.department"),
            category=str(raw["category"]),
            theme=str(raw["theme"]),
            legal_days=int(raw["legal_days"]),
            promised_days=int(raw["promised_days"]),
            materials=tuple(_texts(m, f"{code}.materials") for m in raw["materials"]),
            fields=tuple(
                _parse_field(f, f"{code}.fields[{i}]") for i, f in enumerate(raw["fields"])
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, CatalogFormatError):
            raise
        raise CatalogFormatError(f"service {code}: {error!r}") from None


def parse_catalog(raw: Any) -> tuple[Service, ...]:
    services = raw.get("services") if isinstance(raw, dict) else None
    if not isinstance(services, Sequence):
        raise CatalogFormatError("catalog: expected {'services': [...]}")
    return tuple(parse_service(item) for item in services)
