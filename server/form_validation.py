"""Server-side check of a submitted form against the fields its service declares.

The kiosk checks the same rules before submitting; the server checks again because it cannot
trust any client. Messages never quote the rejected value: it may be personal data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from server.id_numbers import is_valid_id_number
from server.schemas import FieldError, FormField

# Plain decimal notation only: no exponent, NaN or infinity, which Decimal() would accept.
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PHONE = re.compile(r"\+?[0-9]{7,15}")


def validate_form(form: Mapping[str, str], fields: list[FormField]) -> list[FieldError]:
    """Every problem with ``form``, one error per field, in the service's field order."""
    errors: list[FieldError] = []
    declared = {field.name for field in fields}
    for field in fields:
        value = form.get(field.name, "")
        message = _check(field, value)
        if message:
            errors.append(FieldError(field=f"form.{field.name}", message=message))
    for name in sorted(set(form) - declared):
        errors.append(FieldError(field=f"form.{name}", message="This service has no such field."))
    return errors


def _check(field: FormField, value: str) -> str | None:
    if not value.strip():
        # An empty optional field is the same as an absent one.
        return "This field is required." if field.required else None
    return _CHECKS[field.kind](field, value)


def _check_text(field: FormField, value: str) -> str | None:
    if field.max_length is not None and len(value) > field.max_length:
        return f"At most {field.max_length} characters are allowed."
    return None


def _check_number(field: FormField, value: str) -> str | None:
    if not _NUMBER.fullmatch(value):
        return "Enter a number, such as 12 or 12.5."
    number = Decimal(value)
    if field.min is not None and number < Decimal(str(field.min)):
        return f"The number must be at least {field.min}."
    if field.max is not None and number > Decimal(str(field.max)):
        return f"The number must be at most {field.max}."
    return None


def _check_date(_field: FormField, value: str) -> str | None:
    # The pattern first: date.fromisoformat also accepts forms such as "20261129".
    if not _DATE.fullmatch(value):
        return "Enter a date as YYYY-MM-DD."
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "This date does not exist."
    return None


def _check_choice(field: FormField, value: str) -> str | None:
    if value not in {choice.value for choice in field.choices}:
        return "Choose one of the offered options."
    return None


def _check_phone(_field: FormField, value: str) -> str | None:
    if not _PHONE.fullmatch(value):
        return "Enter 7 to 15 digits, optionally starting with +."
    return None


def _check_id_number(_field: FormField, value: str) -> str | None:
    if not is_valid_id_number(value):
        return "Enter an 18-character resident ID number with a valid check character."
    return None


_CHECKS: dict[str, Callable[[FormField, str], str | None]] = {
    "text": _check_text,
    "number": _check_number,
    "date": _check_date,
    "choice": _check_choice,
    "phone": _check_phone,
    "id_number": _check_id_number,
}
