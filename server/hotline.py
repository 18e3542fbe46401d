"""The 12345 hotline's vocabulary: categories, statuses, where a request came from, contacts.

Everything here is fixed data and pure functions; the database side is
:mod:`server.hotline_store`. The categories are kept in code, not in a table: they are the
national 12345 categories, and the kiosk, the Open311 face and the statistics all key on
their codes, so changing them is a code change anyway.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from server.schemas import FieldError, LocalizedText

NUMBER_PREFIX = "RX"
DAILY_SEQUENCE_DIGITS = 6
# Who answers: the 12345 hotline office routes each request to the department concerned.
AGENCY_RESPONSIBLE = "12345"


class HotlineCategory(StrEnum):
    CONSULTATION = "consultation"
    SUGGESTION = "suggestion"
    APPEAL = "appeal"
    CONSUMER_COMPLAINT = "consumer_complaint"
    ECONOMIC_VIOLATION_REPORT = "economic_violation_report"
    ADMINISTRATIVE_COMPLAINT = "administrative_complaint"
    PRAISE = "praise"


@dataclass(frozen=True)
class CategoryInfo:
    name: LocalizedText
    description: LocalizedText
    # Comma-separated, as Open311's ``keywords`` wants them.
    keywords: LocalizedText
    # Complaints and appeals need a way to answer the citizen; a suggestion, a tip-off about
    # an economic violation or praise is worth having without one (and tip-offs often need
    # anonymity to be made at all).
    anonymous_allowed: bool


def _text(zh_hant: str, zh_hans: str, en: str) -> LocalizedText:
    return {"zh-Hant": zh_hant, "zh-Hans": zh_hans, "en": en}


CATEGORIES: dict[HotlineCategory, CategoryInfo] = {
    HotlineCategory.CONSULTATION: CategoryInfo(
        name=_text("諮詢", "咨询", "Consultation"),
        description=_text(
            "諮詢政策、辦事流程或公共服務。",
            "咨询政策、办事流程或公共服务。",
            "Ask about policies, procedures or public services.",
        ),
        keywords=_text("政策, 辦事, 諮詢", "政策, 办事, 咨询", "question, policy, procedure"),
        anonymous_allowed=False,
    ),
    HotlineCategory.SUGGESTION: CategoryInfo(
        name=_text("建議", "建议", "Suggestion"),
        description=_text(
            "對公共服務或政府工作提出意見建議。",
            "对公共服务或政府工作提出意见建议。",
            "Suggest an improvement to public services or to the government's work.",
        ),
        keywords=_text("建議, 意見", "建议, 意见", "suggestion, idea, improvement"),
        anonymous_allowed=True,
    ),
    HotlineCategory.APPEAL: CategoryInfo(
        name=_text("求助", "求助", "Request for help"),
        description=_text(
            "遇到困難，請求政府部門幫助解決。",
            "遇到困难，请求政府部门帮助解决。",
            "Ask a government department for help with a difficulty.",
        ),
        keywords=_text("求助, 困難", "求助, 困难", "help, difficulty, appeal"),
        anonymous_allowed=False,
    ),
    HotlineCategory.CONSUMER_COMPLAINT: CategoryInfo(
        name=_text("消費投訴", "消费投诉", "Consumer complaint"),
        description=_text(
            "對購買的商品或服務進行投訴。",
            "对购买的商品或服务进行投诉。",
            "Complain about goods or services you bought.",
        ),
        keywords=_text("消費, 商品, 退款", "消费, 商品, 退款", "consumer, goods, refund"),
        anonymous_allowed=False,
    ),
    HotlineCategory.ECONOMIC_VIOLATION_REPORT: CategoryInfo(
        name=_text("經濟違法舉報", "经济违法举报", "Report of an economic violation"),
        description=_text(
            "舉報無照經營、假冒偽劣、虛假宣傳等經濟違法行為。",
            "举报无照经营、假冒伪劣、虚假宣传等经济违法行为。",
            "Report unlicensed business, counterfeit goods, false advertising or other "
            "economic violations.",
        ),
        keywords=_text(
            "舉報, 無照經營, 假冒偽劣",
            "举报, 无照经营, 假冒伪劣",
            "report, unlicensed, counterfeit",
        ),
        anonymous_allowed=True,
    ),
    HotlineCategory.ADMINISTRATIVE_COMPLAINT: CategoryInfo(
        name=_text("行政投訴", "行政投诉", "Administrative complaint"),
        description=_text(
            "對政府部門及其工作人員的作風或行為進行投訴。",
            "对政府部门及其工作人员的作风或行为进行投诉。",
            "Complain about how a government department or its staff acted.",
        ),
        keywords=_text("投訴, 政府部門", "投诉, 政府部门", "complaint, department, staff"),
        anonymous_allowed=False,
    ),
    HotlineCategory.PRAISE: CategoryInfo(
        name=_text("表揚", "表扬", "Praise"),
        description=_text(
            "對政府部門或工作人員的優質服務進行表揚。",
            "对政府部门或工作人员的优质服务进行表扬。",
            "Praise a department or a member of staff for good service.",
        ),
        keywords=_text("表揚, 感謝", "表扬, 感谢", "praise, thanks"),
        anonymous_allowed=True,
    ),
}


class HotlineStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


# Staff move a request forward with each reply; further replies while it is in progress keep
# it there. A closed request is final: a citizen with more to say files a new one.
NEXT_STATUSES: dict[HotlineStatus, frozenset[HotlineStatus]] = {
    HotlineStatus.OPEN: frozenset({HotlineStatus.IN_PROGRESS, HotlineStatus.CLOSED}),
    HotlineStatus.IN_PROGRESS: frozenset({HotlineStatus.IN_PROGRESS, HotlineStatus.CLOSED}),
    HotlineStatus.CLOSED: frozenset(),
}


def may_move(current: HotlineStatus, new: HotlineStatus) -> bool:
    return new in NEXT_STATUSES[current]


class Source(StrEnum):
    KIOSK = "kiosk"
    OPEN311 = "open311"


_PHONE_SEPARATORS = re.compile(r"[\s\-()]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Area code 010, 02x or a four-digit 0xxx, then a 7- or 8-digit subscriber number that does
# not start with 0 or 1.
_LANDLINE = re.compile(r"0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}")


def normalize_phone(text: str) -> str | None:
    """A mainland China mobile or landline number as ``+86`` and its digits; None if not one.

    Accepts the usual ways of writing them: ``138 0013 8000``, ``+86 138-0013-8000``,
    ``0086 13800138000``, ``010-62345678``, ``(0755) 2345678``, ``+86 10 6234 5678``.
    """
    # NFKC: a Chinese input method may type full-width digits and brackets.
    compact = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    for country_prefix in ("+86", "0086"):
        if compact.startswith(country_prefix):
            national = compact[len(country_prefix) :]
            # Internationally a landline drops its trunk 0: +86 10 ... is 010 ...
            if not national.startswith(("0", "1")) or national.startswith("10"):
                national = "0" + national
            break
    else:
        national = compact
    if _MOBILE.fullmatch(national) or _LANDLINE.fullmatch(national):
        return "+86" + national.removeprefix("0")
    return None


@dataclass(frozen=True)
class Contact:
    """Who to answer, or nobody (anonymous); ``phone`` already normalised."""

    anonymous: bool
    name: str | None = None
    phone: str | None = None


def check_contact(
    category: HotlineCategory,
    anonymous: bool,
    name: str | None,
    phone: str | None,
    *,
    phone_field: str = "contact_phone",
    name_field: str = "contact_name",
) -> tuple[Contact | None, list[FieldError]]:
    """The contact to store, or the reasons it cannot be; messages never quote the values."""
    if anonymous:
        errors = []
        if not CATEGORIES[category].anonymous_allowed:
            errors.append(
                FieldError(
                    field="anonymous",
                    message="This category needs a contact to be answered; it cannot be anonymous.",
                )
            )
        for field, value in ((name_field, name), (phone_field, phone)):
            if value is not None:
                errors.append(
                    FieldError(field=field, message="An anonymous request keeps no contact.")
                )
        return (None, errors) if errors else (Contact(anonymous=True), [])
    if phone is None:
        return None, [
            FieldError(field=phone_field, message="A phone number is needed to answer you.")
        ]
    normalized = normalize_phone(phone)
    if normalized is None:
        return None, [
            FieldError(
                field=phone_field,
                message="Enter a mainland China mobile number (11 digits starting with 1) or "
                "a landline with its area code, optionally after +86.",
            )
        ]
    return Contact(
        anonymous=False, name=(name.strip() or None) if name else None, phone=normalized
    ), []


def seed_demo(session: Session) -> None:
    """Nothing to seed: the categories are fixed data in :data:`CATEGORIES`."""
