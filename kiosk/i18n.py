"""Languages the kiosk speaks and lookup of multilingual catalog text.

Screen strings go through Qt's ``tr()`` in ``ui/``; this module covers text that arrives as data
(the service catalog) or is laid out without Qt (receipts).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Language(StrEnum):
    """A language tag as used in catalog data and configuration (BCP 47)."""

    ZH_HANT = "zh-Hant"
    ZH_HANS = "zh-Hans"
    EN = "en"


# When a catalog entry lacks the wanted language, the nearest one a reader is most likely to read.
_FALLBACKS: dict[Language, tuple[Language, ...]] = {
    Language.ZH_HANT: (Language.ZH_HANT, Language.ZH_HANS, Language.EN),
    Language.ZH_HANS: (Language.ZH_HANS, Language.ZH_HANT, Language.EN),
    Language.EN: (Language.EN, Language.ZH_HANT, Language.ZH_HANS),
}


def pick(texts: Mapping[str, str], language: Language) -> str:
    """The text in ``language``, else in the closest language present, else ``""``."""
    for candidate in _FALLBACKS[language]:
        text = texts.get(candidate.value)
        if text:
            return text
    return ""
