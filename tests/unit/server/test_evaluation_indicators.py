"""The 好差評 levels and which indicators each level accepts."""

from __future__ import annotations

from server.evaluation_indicators import LEVELS, Tone, catalog, indicator_errors, level_of

LANGUAGES = {"zh-Hant", "zh-Hans", "en"}


def codes(level: int) -> set[str]:
    return {indicator.code for indicator in level_of(level).indicators}


def test_five_levels_best_first_with_texts_in_three_languages() -> None:
    assert [level.level for level in LEVELS] == [5, 4, 3, 2, 1]
    assert level_of(5).name["zh-Hans"] == "非常满意"
    assert level_of(3).name["en"] == "Fair"
    assert level_of(1).name["zh-Hant"] == "非常不滿意"
    for level in LEVELS:
        assert set(level.name) == LANGUAGES
        assert level.indicators
        for indicator in level.indicators:
            assert set(indicator.label) == LANGUAGES
            assert all(text.strip() for text in indicator.label.values())


def test_good_levels_praise_and_bad_levels_name_problems() -> None:
    assert level_of(5).tone == level_of(4).tone == Tone.PRAISE
    assert level_of(2).tone == level_of(1).tone == Tone.PROBLEM
    assert {"done_in_one_visit", "warm_service", "efficient", "clear_guidance"} <= codes(5)
    assert {
        "multiple_visits",
        "low_efficiency",
        "poor_attitude",
        "too_many_materials",
        "not_told_at_once",
        "unclear_procedure",
    } <= codes(1)
    assert not codes(5) & codes(1)
    assert not codes(3) & (codes(5) | codes(1))


def test_only_the_bad_levels_require_an_indicator() -> None:
    assert [level.level for level in LEVELS if level.indicators_required] == [2, 1]


def test_indicators_of_the_level_are_accepted() -> None:
    assert indicator_errors(5, ["done_in_one_visit", "efficient"]) == []
    assert indicator_errors(4, []) == []
    assert indicator_errors(2, ["multiple_visits"]) == []


def test_an_indicator_of_another_level_is_named() -> None:
    [error] = indicator_errors(5, ["efficient", "poor_attitude"])
    assert error.field == "indicators.1"
    assert "poor_attitude" in error.message


def test_bad_levels_without_an_indicator_are_refused() -> None:
    [error] = indicator_errors(1, [])
    assert error.field == "indicators"


def test_an_indicator_listed_twice_is_refused() -> None:
    [error] = indicator_errors(4, ["efficient", "efficient"])
    assert error.field == "indicators.1"


def test_catalog_lists_every_level_with_its_indicators() -> None:
    levels = catalog()["levels"]
    assert isinstance(levels, list)
    assert [entry["level"] for entry in levels] == [5, 4, 3, 2, 1]
    assert levels[4]["indicators_required"] is True
    assert {item["code"] for item in levels[0]["indicators"]} == codes(5)
