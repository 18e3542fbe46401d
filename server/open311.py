"""The 12345 hotline as an Open311 GeoReport v2 endpoint (JSON only).

Specification: GeoReport v2, http://wiki.open311.org/GeoReport_v2 (frozen). What is
implemented, under ``/open311/v2``:

- ``GET services.json`` -- ``service_code``, ``service_name``, ``description``, ``metadata``
  (always false: no service has extra attributes), ``type`` ("realtime": the number is
  given at once, so no ``token`` method), ``keywords``, ``group`` ("12345"). One service per
  hotline category; names in ``?locale=`` zh-Hant, zh-Hans or en (default en; an extension).
- ``GET services/{service_code}.json`` -- ``service_code`` and ``attributes`` (empty).
- ``POST requests.json`` -- form-encoded as the specification shows, or a JSON object.
  Arguments: ``api_key`` (required: a kiosk token; the Open311 client is registered like a
  kiosk and rate limited like one), ``jurisdiction_id`` (ignored: one jurisdiction),
  ``service_code``, ``lat`` + ``long`` or ``address_string`` (one of them required),
  ``first_name`` / ``last_name`` (the contact name), ``phone``, ``description`` (required
  here, up to 4,000 characters as the specification allows), ``account_id`` (echoed in the
  answer, not stored), ``email`` and ``device_id`` (accepted and dropped: the hotline
  answers by phone and keeps no more personal data than it needs). ``address_id``,
  ``media_url`` and ``attribute[...]`` are refused (no address registry, no media, no
  attributes). Without ``phone`` the request is anonymous, which only some categories allow.
  Answer (201): ``[{service_request_id, service_notice, account_id}]``. Open311 has no
  idempotency key, so a repeated POST files a second request.
- ``GET requests.json`` -- filters ``service_request_id`` (comma list; overrides the others),
  ``service_code`` (comma list), ``start_date`` / ``end_date`` (W3C/ISO 8601 with ``Z`` or an
  offset; at most 90 days apart; without them the last 90 days), ``status`` (open, closed;
  comma list). At most 1,000 requests, newest first.
- ``GET requests/{service_request_id}.json`` -- a one-element list.

A request's fields: ``service_request_id`` (the hotline number, the same one a kiosk
receipt shows), ``status`` (open or closed; our ``in_progress`` counts as open),
``status_notes`` (the latest staff reply, so staff write replies as public notes),
``service_name``, ``service_code``, ``requested_datetime``, ``updated_datetime`` (UTC, ``Z``),
``agency_responsible`` ("12345"), ``address`` (only the place the citizen gave), ``lat``,
``long``.

Services and filing are here; reading (the GET requests filters and the public view of a
request) is in :mod:`server.open311_requests`.

Deviations, on purpose:

- ``description`` is NOT returned by the GET methods, nor any contact data: citizen-written
  text may identify the citizen, and these answers are public. Staff see everything through
  ``/v1/staff/hotline/requests``.
- Errors are RFC 9457 problem documents (``application/problem+json``) as everywhere in this
  API, not Open311's ``[{code, description}]`` list; the status codes are the specification's:
  400 for a missing or invalid argument, 404 for an unknown ``service_code`` or request.
- XML is not offered (the specification makes it required); paths end in ``.json`` only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from server.context import AppContext
from server.hotline import (
    CATEGORIES,
    Contact,
    HotlineCategory,
    Source,
    check_contact,
)
from server.hotline_store import NewRequest, file_request
from server.idempotency import MAX_ATTEMPTS
from server.problems import ProblemError
from server.schemas import FieldError, Language
from server.schemas_hotline import Open311NewRequest

DEFAULT_LOCALE: Language = "en"
LOCALES: tuple[Language, ...] = ("zh-Hant", "zh-Hans", "en")
# Open311 requests carry no language; the hall's own is the best guess for staff.
FILING_LANGUAGE: Language = "zh-Hans"
GROUP = "12345"
SERVICE_NOTICE: dict[Language, str] = {
    "zh-Hant": "12345熱線已受理，將由相關部門辦理；請憑編號查詢進度。",
    "zh-Hans": "12345热线已受理，将由相关部门办理；请凭编号查询进度。",
    "en": "The 12345 hotline has received this request and passes it to the department "
    "concerned; follow it by its number.",
}
# The arguments the specification defines that this endpoint cannot honour.
_REFUSED_ARGUMENTS = {
    "address_id": "No address registry here: send lat and long, or address_string.",
    "media_url": "Media cannot be attached to a hotline request.",
}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def bad_argument(errors: list[FieldError], detail: str) -> ProblemError:
    return ProblemError(400, "open311-bad-argument", "Invalid Open311 argument", detail, errors)


def one_bad_argument(field: str, message: str) -> ProblemError:
    return bad_argument([FieldError(field=field, message=message)], message)


def unknown_service() -> ProblemError:
    return ProblemError(
        404, "open311-unknown-service", "service_code not found", "No service has this code."
    )


def parse_locale(text: str | None) -> Language:
    if text is None or text == "":
        return DEFAULT_LOCALE
    for locale in LOCALES:
        if text == locale:
            return locale
    raise one_bad_argument("locale", "Use zh-Hant, zh-Hans or en.")


def service_list(locale: Language) -> list[dict[str, Any]]:
    return [
        {
            "service_code": category.value,
            "service_name": info.name[locale],
            "description": info.description[locale],
            "metadata": False,
            "type": "realtime",
            "keywords": info.keywords[locale],
            "group": GROUP,
        }
        for category, info in CATEGORIES.items()
    ]


def service_category(code: str) -> HotlineCategory:
    try:
        return HotlineCategory(code)
    except ValueError:
        raise unknown_service() from None


def service_definition(code: str) -> dict[str, Any]:
    return {"service_code": service_category(code).value, "attributes": []}


# --- POST requests.json ---------------------------------------------------------------------


def arguments_from_form(items: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """Form fields as arguments; empty ones are absent, as form-posting clients mean them."""
    arguments: dict[str, Any] = {}
    for name, value in items:
        if not isinstance(value, str):
            raise one_bad_argument(name, "Files cannot be attached to a hotline request.")
        if value == "":
            continue
        if name in arguments:
            raise one_bad_argument(name, "This argument was given more than once.")
        arguments[name] = value
    return arguments


def arguments_from_json(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise one_bad_argument("body", "Send the arguments as one JSON object.")
    return {name: value for name, value in document.items() if value not in (None, "")}


def take_api_key(arguments: dict[str, Any]) -> str | None:
    """Remove and return ``api_key``: it is checked before, and apart from, the rest."""
    api_key = arguments.pop("api_key", None)
    return api_key if isinstance(api_key, str) else None


@dataclass(frozen=True)
class Filing:
    """A checked Open311 POST: what to file and what to echo."""

    request: NewRequest
    account_id: str | None


def check_new_request(arguments: Mapping[str, Any], kiosk_id: str) -> Filing:
    """The request to file from the POST arguments (``api_key`` already taken out)."""
    errors: list[FieldError] = []
    for name in sorted(arguments):
        if name in _REFUSED_ARGUMENTS:
            errors.append(FieldError(field=name, message=_REFUSED_ARGUMENTS[name]))
        elif name.startswith("attribute["):
            errors.append(FieldError(field=name, message="No service here has attributes."))
    if errors:
        raise bad_argument(errors, "Some arguments cannot be honoured.")
    code = arguments.get("service_code")
    if code is None:
        raise one_bad_argument("service_code", "service_code was not provided.")
    if not isinstance(code, str):
        raise one_bad_argument("service_code", "service_code must be a string.")
    service_category(code)
    try:
        parsed = Open311NewRequest.model_validate({"api_key": "-", **arguments})
    except ValidationError as exc:
        raise bad_argument(
            [FieldError(field=_path(error["loc"]), message=error["msg"]) for error in exc.errors()],
            "See errors for each rejected argument.",
        ) from None
    return _to_filing(parsed, kiosk_id)


def _to_filing(parsed: Open311NewRequest, kiosk_id: str) -> Filing:
    has_point = parsed.lat is not None or parsed.long is not None
    if has_point and (parsed.lat is None or parsed.long is None):
        raise one_bad_argument("lat", "Send lat and long together.")
    if not has_point and parsed.address_string is None:
        raise one_bad_argument(
            "address_string", "A location is required: lat and long, or address_string."
        )
    name = contact_name(parsed.first_name, parsed.last_name)
    category = parsed.service_code
    if parsed.phone is None:
        if not CATEGORIES[category].anonymous_allowed:
            raise one_bad_argument("phone", "This service answers by phone: phone is required.")
        if name is not None:
            raise one_bad_argument("phone", "A name is only kept together with a phone number.")
        contact = Contact(anonymous=True)
    else:
        checked, errors = check_contact(
            category, anonymous=False, name=name, phone=parsed.phone, phone_field="phone"
        )
        if checked is None:
            raise bad_argument(errors, "The phone number is not valid.")
        contact = checked
    return Filing(
        NewRequest(
            category=category,
            description=parsed.description,
            contact=contact,
            language=FILING_LANGUAGE,
            source=Source.OPEN311,
            kiosk_id=kiosk_id,
            address=parsed.address_string,
            latitude=parsed.lat,
            longitude=parsed.long,
        ),
        account_id=parsed.account_id,
    )


def contact_name(first: str | None, last: str | None) -> str | None:
    """Chinese names are written family name first and without a space: 张 + 三 is 张三."""
    parts = [part.strip() for part in (first, last) if part and part.strip()]
    if not parts:
        return None
    if all(_CJK.search(part) for part in parts):
        return "".join(reversed(parts))
    return " ".join(parts)


def _path(location: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in location) or "body"


def file_open311_request(context: AppContext, filing: Filing, locale: Language) -> dict[str, Any]:
    """File it (starting over when another request took the same number); the answer item."""
    for _attempt in range(MAX_ATTEMPTS):
        with context.sessions() as session:
            try:
                number = file_request(context, session, filing.request).number
                session.commit()
            except IntegrityError:
                session.rollback()
                continue
        return {
            "service_request_id": number,
            "service_notice": SERVICE_NOTICE[locale],
            "account_id": filing.account_id,
        }
    raise ProblemError(503, "busy", "Service busy", "Too many simultaneous requests; retry.")
