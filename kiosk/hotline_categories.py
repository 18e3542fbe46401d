"""The 12345 hotline's categories: from the backend, else the last copy kept on disk, else the
national list the contract names (``HotlineCategory`` in server/openapi.json).

A hotline request can be filed offline (the outbox keeps it), so choosing its category must
work offline too, even on a kiosk that has never shown the hotline screen while connected.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.api import BackendAnswerInvalid, BackendClient, BackendError
from kiosk.i18n import Language, pick

log = logging.getLogger(__name__)

CATEGORIES_PATH = "/v1/hotline/categories"


@dataclass(frozen=True)
class HotlineCategory:
    code: str
    names: Mapping[str, str]
    descriptions: Mapping[str, str]
    # False: the request needs a contact phone so that it can be answered.
    anonymous_allowed: bool

    def name_in(self, language: Language) -> str:
        return pick(self.names, language) or self.code

    def description_in(self, language: Language) -> str:
        return pick(self.descriptions, language)


def _texts(zh_hant: str, zh_hans: str, en: str) -> dict[str, str]:
    return {"zh-Hant": zh_hant, "zh-Hans": zh_hans, "en": en}


# The national list, as the backend serves it, for a kiosk that has never reached it.
NATIONAL_CATEGORIES: tuple[HotlineCategory, ...] = (
    HotlineCategory(
        "consultation",
        _texts("諮詢", "咨询", "Consultation"),
        _texts(
            "諮詢政策、辦事流程或公共服務。",
            "咨询政策、办事流程或公共服务。",
            "Ask about policies, procedures or public services.",
        ),
        anonymous_allowed=False,
    ),
    HotlineCategory(
        "suggestion",
        _texts("建議", "建议", "Suggestion"),
        _texts(
            "對公共服務或政府工作提出意見建議。",
            "对公共服务或政府工作提出意见建议。",
            "Suggest an improvement to public services or to the government's work.",
        ),
        anonymous_allowed=True,
    ),
    HotlineCategory(
        "appeal",
        _texts("求助", "求助", "Request for help"),
        _texts(
            "遇到困難，請求政府部門幫助解決。",
            "遇到困难，请求政府部门帮助解决。",
            "Ask a government department for help with a difficulty.",
        ),
        anonymous_allowed=False,
    ),
    HotlineCategory(
        "consumer_complaint",
        _texts("消費投訴", "消费投诉", "Consumer complaint"),
        _texts(
            "對購買的商品或服務進行投訴。",
            "对购买的商品或服务进行投诉。",
            "Complain about goods or services you bought.",
        ),
        anonymous_allowed=False,
    ),
    HotlineCategory(
        "economic_violation_report",
        _texts("經濟違法舉報", "经济违法举报", "Report of an economic violation"),
        _texts(
            "舉報無照經營、假冒偽劣、虛假宣傳等經濟違法行為。",
            "举报无照经营、假冒伪劣、虚假宣传等经济违法行为。",
            "Report unlicensed business, counterfeit goods, false advertising or other "
            "economic violations.",
        ),
        anonymous_allowed=True,
    ),
    HotlineCategory(
        "administrative_complaint",
        _texts("行政投訴", "行政投诉", "Administrative complaint"),
        _texts(
            "對政府部門及其工作人員的作風或行為進行投訴。",
            "对政府部门及其工作人员的作风或行为进行投诉。",
            "Complain about how a government department or its staff acted.",
        ),
        anonymous_allowed=False,
    ),
    HotlineCategory(
        "praise",
        _texts("表揚", "表扬", "Praise"),
        _texts(
            "對政府部門或工作人員的優質服務進行表揚。",
            "对政府部门或工作人员的优质服务进行表扬。",
            "Praise a department or a member of staff for good service.",
        ),
        anonymous_allowed=True,
    ),
)


def _localized(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ValueError("not a localized text")
    return {str(key): value for key, value in raw.items()}


def parse_categories(document: Any) -> tuple[HotlineCategory, ...]:
    """``GET /v1/hotline/categories`` as categories (``BackendAnswerInvalid`` if malformed)."""
    try:
        categories = []
        for raw in document["categories"]:
            code, allowed = raw["code"], raw["anonymous_allowed"]
            if not isinstance(code, str) or not code or not isinstance(allowed, bool):
                raise ValueError("code or anonymous_allowed malformed")
            categories.append(
                HotlineCategory(
                    code, _localized(raw["name"]), _localized(raw["description"]), allowed
                )
            )
    except (KeyError, TypeError, ValueError) as error:
        raise BackendAnswerInvalid(f"hotline categories: {error!r}") from None
    if not categories:
        raise BackendAnswerInvalid("hotline categories: none")
    return tuple(categories)


@dataclass(frozen=True)
class CategoryView:
    categories: tuple[HotlineCategory, ...]
    from_backend: bool  # False: the kept copy or the national list (the backend out of reach)


class HotlineCategorySource:
    """The categories, fetched once and kept in memory and on disk (``cache_path``)."""

    def __init__(self, client: BackendClient, cache_path: Path) -> None:
        self._client = client
        self._cache_path = cache_path
        self._lock = threading.Lock()
        self._fetched: tuple[HotlineCategory, ...] | None = None

    def categories(self) -> CategoryView:
        """Never raises: offline the kept copy, or the national list, stands in."""
        with self._lock:
            if self._fetched is not None:
                return CategoryView(self._fetched, from_backend=True)
            try:
                document = self._client.get_json(CATEGORIES_PATH)
                self._fetched = parse_categories(document)
            except BackendError as error:
                log.warning("hotline categories from the kept copy: %s", type(error).__name__)
                return CategoryView(self._kept() or NATIONAL_CATEGORIES, from_backend=False)
            self._keep(document)
            return CategoryView(self._fetched, from_backend=True)

    def _kept(self) -> tuple[HotlineCategory, ...] | None:
        try:
            return parse_categories(json.loads(self._cache_path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, BackendAnswerInvalid) as error:
            log.warning("kept hotline categories unreadable: %s", type(error).__name__)
            return None

    def _keep(self, document: Any) -> None:
        temporary = self._cache_path.with_suffix(".tmp")
        try:
            self._cache_path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8") as handle:
                json.dump(document, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self._cache_path)
        except OSError as error:  # the screen still has them; next start fetches again
            temporary.unlink(missing_ok=True)
            log.warning("hotline categories not kept: %s", error.strerror)
