"""The five 好差評 levels and the indicators a citizen may tick for each (no database).

After the practice of China's government-service 好差评 system: a good rating offers praise
indicators, a middling one points at what could be better, a bad one names the problem, and
a bad rating must name at least one, so that the department knows what to put right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from server.schemas import FieldError

Texts = dict[str, str]


class Tone(StrEnum):
    PRAISE = "praise"
    IMPROVEMENT = "improvement"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Texts


@dataclass(frozen=True)
class Level:
    level: int
    name: Texts
    tone: Tone
    indicators_required: bool
    indicators: tuple[Indicator, ...]


def _indicator(code: str, hant: str, hans: str, en: str) -> Indicator:
    return Indicator(code, {"zh-Hant": hant, "zh-Hans": hans, "en": en})


PRAISE = (
    _indicator("done_in_one_visit", "一次辦成", "一次办成", "Done in one visit"),
    _indicator("warm_service", "服務熱情", "服务热情", "Friendly, attentive service"),
    _indicator("efficient", "辦事高效", "办事高效", "Quick and efficient"),
    _indicator("clear_guidance", "指引清楚", "指引清楚", "Clear guidance"),
    _indicator("simple_procedure", "流程簡便", "流程简便", "Simple procedure"),
    _indicator("few_materials", "材料精簡", "材料精简", "Few documents needed"),
)
IMPROVEMENT = (
    _indicator("long_wait", "等候時間較長", "等候时间较长", "Rather long wait"),
    _indicator(
        "guidance_could_be_clearer", "指引有待改進", "指引有待改进", "Guidance could be clearer"
    ),
    _indicator(
        "procedure_could_be_simpler", "流程有待簡化", "流程有待简化", "Procedure could be simpler"
    ),
    _indicator(
        "facilities_could_be_better", "設施有待完善", "设施有待完善", "Facilities could be better"
    ),
)
PROBLEMS = (
    _indicator("multiple_visits", "多次跑動", "多次跑动", "Had to come several times"),
    _indicator("low_efficiency", "辦事效率低", "办事效率低", "Slow handling"),
    _indicator("poor_attitude", "服務態度差", "服务态度差", "Unfriendly service"),
    _indicator("too_many_materials", "材料要求多", "材料要求多", "Too many documents required"),
    _indicator(
        "not_told_at_once",
        "未一次性告知",
        "未一次性告知",
        "Requirements not explained all at once",
    ),
    _indicator("unclear_procedure", "流程不清", "流程不清", "Unclear procedure"),
)

LEVELS: tuple[Level, ...] = (
    Level(
        5,
        {"zh-Hant": "非常滿意", "zh-Hans": "非常满意", "en": "Very satisfied"},
        Tone.PRAISE,
        False,
        PRAISE,
    ),
    Level(4, {"zh-Hant": "滿意", "zh-Hans": "满意", "en": "Satisfied"}, Tone.PRAISE, False, PRAISE),
    Level(
        3,
        {"zh-Hant": "基本滿意", "zh-Hans": "基本满意", "en": "Fair"},
        Tone.IMPROVEMENT,
        False,
        IMPROVEMENT,
    ),
    Level(
        2,
        {"zh-Hant": "不滿意", "zh-Hans": "不满意", "en": "Dissatisfied"},
        Tone.PROBLEM,
        True,
        PROBLEMS,
    ),
    Level(
        1,
        {"zh-Hant": "非常不滿意", "zh-Hans": "非常不满意", "en": "Very dissatisfied"},
        Tone.PROBLEM,
        True,
        PROBLEMS,
    ),
)
_BY_LEVEL = {level.level: level for level in LEVELS}


def level_of(level: int) -> Level:
    """The level's definition; ``KeyError`` outside 1-5 (the request schema keeps it inside)."""
    return _BY_LEVEL[level]


def indicator_errors(level: int, codes: Sequence[str]) -> list[FieldError]:
    """What is wrong with ticking ``codes`` at ``level``; empty when it is acceptable."""
    definition = level_of(level)
    offered = {indicator.code for indicator in definition.indicators}
    errors: list[FieldError] = []
    seen: set[str] = set()
    for position, code in enumerate(codes):
        where = f"indicators.{position}"
        if code not in offered:
            errors.append(
                FieldError(field=where, message=f"'{code}' is not an indicator of level {level}")
            )
        elif code in seen:
            errors.append(FieldError(field=where, message=f"'{code}' is listed twice"))
        seen.add(code)
    if definition.indicators_required and not codes:
        errors.append(
            FieldError(
                field="indicators",
                message=f"level {level} needs at least one indicator saying what went wrong",
            )
        )
    return errors


def catalog() -> dict[str, object]:
    """The levels as the API shows them, best first."""
    return {
        "levels": [
            {
                "level": level.level,
                "name": level.name,
                "tone": level.tone,
                "indicators_required": level.indicators_required,
                "indicators": [
                    {"code": indicator.code, "label": indicator.label}
                    for indicator in level.indicators
                ],
            }
            for level in LEVELS
        ]
    }
