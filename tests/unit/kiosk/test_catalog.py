from __future__ import annotations

import pytest

from kiosk.catalog import (
    CatalogFormatError,
    Choice,
    FieldKind,
    FieldProblem,
    FormField,
    parse_catalog,
)
from kiosk.i18n import Language, pick


def field(kind: FieldKind, **extra: object) -> FormField:
    return FormField("f", kind, {"en": "F"}, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "extra", "value", "problem"),
    [
        (FieldKind.TEXT, {}, "", FieldProblem.REQUIRED),
        (FieldKind.TEXT, {"max_length": 3}, "abcd", FieldProblem.TOO_LONG),
        (FieldKind.TEXT, {}, "<script>alert(1)</script>'; DROP TABLE x;--", None),
        (FieldKind.NUMBER, {}, "twelve", FieldProblem.NOT_A_NUMBER),
        (FieldKind.NUMBER, {"minimum": 1, "maximum": 9}, "10", FieldProblem.OUT_OF_RANGE),
        (FieldKind.NUMBER, {"minimum": 1, "maximum": 9}, "9", None),
        (FieldKind.DATE, {}, "2026-02-30", FieldProblem.NOT_A_DATE),
        (FieldKind.DATE, {}, "20261201", FieldProblem.NOT_A_DATE),
        (FieldKind.DATE, {}, "2026-12-01", None),
        (FieldKind.PHONE, {}, "138-0013", FieldProblem.NOT_A_PHONE),
        (FieldKind.PHONE, {}, "+8613800138000", None),
        (FieldKind.ID_NUMBER, {}, "110105194912310021", FieldProblem.NOT_AN_ID_NUMBER),
        (FieldKind.ID_NUMBER, {}, "11010519491231002x", None),
        (
            FieldKind.CHOICE,
            {"choices": (Choice("a", {"en": "A"}),)},
            "b",
            FieldProblem.NOT_A_CHOICE,
        ),
        (FieldKind.CHOICE, {"choices": (Choice("a", {"en": "A"}),)}, "a", None),
    ],
)
def test_field_checks(
    kind: FieldKind, extra: dict[str, object], value: str, problem: FieldProblem | None
) -> None:
    assert field(kind, **extra).check(value) is problem


def test_optional_field_may_stay_empty() -> None:
    assert field(FieldKind.PHONE, required=False).check("  ") is None


@pytest.mark.parametrize(
    "answer",
    [None, [], {"services": "x"}, {"services": [{"code": "A"}]}, {"services": [1]}],
)
def test_malformed_catalog_answers_raise_a_clear_error(answer: object) -> None:
    with pytest.raises(CatalogFormatError):
        parse_catalog(answer)


def test_language_fallback() -> None:
    texts = {"zh-Hans": "营业执照", "en": "Business licence"}
    assert pick(texts, Language.ZH_HANT) == "营业执照"
    assert pick(texts, Language.EN) == "Business licence"
    assert pick({}, Language.EN) == ""


@pytest.mark.parametrize("value", ["１０", "1e3", "nan", "1_0", " 5"])
def test_numbers_are_plain_ascii_like_the_server_wants(value: str) -> None:
    assert field(FieldKind.NUMBER).check(value) in (
        FieldProblem.NOT_A_NUMBER,
        None if value == " 5" else FieldProblem.NOT_A_NUMBER,
    )


@pytest.mark.parametrize("value", ["１３８００１３８０００", "13８00138000"])
def test_full_width_digits_are_not_a_phone_number(value: str) -> None:
    assert field(FieldKind.PHONE).check(value) is FieldProblem.NOT_A_PHONE
