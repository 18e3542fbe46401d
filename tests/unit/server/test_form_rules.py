"""Form rules without HTTP: edge values of each field kind."""

from __future__ import annotations

import pytest

from server.form_validation import validate_form
from server.schemas import FormField

LABEL = {"zh-Hant": "欄位", "zh-Hans": "栏位", "en": "Field"}


def field(kind: str, **extra: object) -> FormField:
    return FormField.model_validate(
        {"name": "value", "kind": kind, "label": LABEL, "required": True, **extra}
    )


def messages(kind_field: FormField, value: str) -> list[str]:
    return [error.message for error in validate_form({"value": value}, [kind_field])]


@pytest.mark.parametrize(
    ("rules", "value", "ok"),
    [
        (field("number", min=0, max=10), "0", True),
        (field("number", min=0, max=10), "10.0", True),
        (field("number", min=0, max=10), "10.01", False),
        (field("number", min=0.5), "0.49", False),
        (field("number"), "-3.25", True),
        (field("number"), " 3", False),
        (field("number"), "Infinity", False),
        (field("text", max_length=3), "一二三", True),
        (field("text", max_length=3), "一二三四", False),
        (field("date"), "2028-02-29", True),
        (field("date"), "2027-02-29", False),
        (field("phone"), "+861380013800", True),
        (field("phone"), "1234567", True),
        (field("phone"), "123456", False),
        (field("phone"), "+1234567890123456", False),
        (field("phone"), "++1234567", False),
        (field("id_number"), "11010519491231002X", True),
        (field("id_number"), "110105194912310021", False),
    ],
)
def test_edge_values(rules: FormField, value: str, ok: bool) -> None:
    assert (messages(rules, value) == []) is ok


def test_choice_accepts_only_offered_values() -> None:
    rules = field("choice", choices=[{"value": "a", "label": LABEL}])

    assert messages(rules, "a") == []
    assert messages(rules, "A") != []


def test_optional_empty_field_is_fine_but_required_is_not() -> None:
    optional = FormField.model_validate(
        {"name": "value", "kind": "date", "label": LABEL, "required": False}
    )

    assert validate_form({}, [optional]) == []
    assert validate_form({"value": ""}, [optional]) == []
    assert [e.field for e in validate_form({}, [field("date")])] == ["form.value"]


def test_choices_are_required_exactly_for_choice_fields() -> None:
    with pytest.raises(ValueError, match="choice"):
        field("choice")
    with pytest.raises(ValueError, match="choice"):
        field("text", choices=[{"value": "a", "label": LABEL}])
