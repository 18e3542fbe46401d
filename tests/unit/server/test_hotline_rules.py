"""The hotline's fixed rules and the Open311 mapping, without a server."""

from __future__ import annotations

import datetime as dt

import pytest

from server.hotline import (
    CATEGORIES,
    NEXT_STATUSES,
    HotlineCategory,
    HotlineStatus,
    check_contact,
    may_move,
    normalize_phone,
)
from server.open311 import (
    arguments_from_form,
    arguments_from_json,
    check_new_request,
    contact_name,
    service_definition,
    service_list,
)
from server.open311_requests import MAX_SPAN, open311_view, parse_request_query, parse_w3c_datetime
from server.problems import ProblemError

NOW = dt.datetime(2026, 11, 29, 4, 0, tzinfo=dt.UTC)


def test_every_category_is_described_in_three_languages() -> None:
    assert set(CATEGORIES) == set(HotlineCategory)
    for info in CATEGORIES.values():
        for text in (info.name, info.description, info.keywords):
            assert set(text) == {"zh-Hant", "zh-Hans", "en"}
            assert all(value.strip() for value in text.values())


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("13800138000", "+8613800138000"),
        ("138 0013 8000", "+8613800138000"),
        ("+86 138-0013-8000", "+8613800138000"),
        ("0086 19912345678", "+8619912345678"),
        ("010-62345678", "+861062345678"),
        ("(021) 6234 5678", "+862162345678"),
        ("0755-2345678", "+867552345678"),
        ("+86 10 6234 5678", "+861062345678"),
        ("+86 (0)755 2345678", "+867552345678"),
        ("+86 0755 2345678", "+867552345678"),
        ("12800138000", None),
        ("1380013800", None),
        ("138001380001", None),
        ("010-12345678", None),
        ("62345678", None),
        ("+1 212 555 0100", None),
        ("+8613800138000x", None),
        ("１３８ ００１３ ８０００", "+8613800138000"),
        ("", None),
    ],
)
def test_phone_numbers_are_normalised_or_refused(written: str, normalized: str | None) -> None:
    assert normalize_phone(written) == normalized


def test_a_contact_needs_a_phone_unless_anonymous() -> None:
    contact, errors = check_contact(HotlineCategory.APPEAL, False, " 王五 ", "13700137000")
    assert errors == []
    assert contact is not None
    assert (contact.anonymous, contact.name, contact.phone) == (False, "王五", "+8613700137000")

    contact, errors = check_contact(HotlineCategory.APPEAL, False, "王五", None)
    assert contact is None and [error.field for error in errors] == ["contact_phone"]

    contact, errors = check_contact(HotlineCategory.APPEAL, True, None, None)
    assert contact is None and [error.field for error in errors] == ["anonymous"]

    contact, errors = check_contact(HotlineCategory.PRAISE, True, None, None)
    assert contact is not None and contact.anonymous and errors == []

    contact, errors = check_contact(HotlineCategory.PRAISE, True, "王五", "13700137000")
    assert contact is None
    assert [error.field for error in errors] == ["contact_name", "contact_phone"]


def test_the_error_messages_never_quote_the_phone() -> None:
    _contact, errors = check_contact(HotlineCategory.APPEAL, False, None, "555-13700137000")
    assert errors and all("13700137000" not in error.message for error in errors)


def test_statuses_only_move_forward() -> None:
    assert set(NEXT_STATUSES) == set(HotlineStatus)
    assert may_move(HotlineStatus.OPEN, HotlineStatus.IN_PROGRESS)
    assert may_move(HotlineStatus.OPEN, HotlineStatus.CLOSED)
    assert may_move(HotlineStatus.IN_PROGRESS, HotlineStatus.IN_PROGRESS)
    assert may_move(HotlineStatus.IN_PROGRESS, HotlineStatus.CLOSED)
    assert not may_move(HotlineStatus.IN_PROGRESS, HotlineStatus.OPEN)
    for status in HotlineStatus:
        assert not may_move(HotlineStatus.CLOSED, status)


def test_services_follow_the_locale() -> None:
    names = {item["service_code"]: item["service_name"] for item in service_list("zh-Hant")}
    assert names["praise"] == "表揚"
    assert service_definition("praise") == {"service_code": "praise", "attributes": []}
    with pytest.raises(ProblemError) as raised:
        service_definition("pothole")
    assert raised.value.status == 404


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        ("三", "张", "张三"),
        ("John", "Smith", "John Smith"),
        ("John", None, "John"),
        (None, " 张 ", "张"),
        ("  ", None, None),
        (None, None, None),
        ("Wei", "张", "Wei 张"),
    ],
)
def test_open311_names_become_one_contact_name(
    first: str | None, last: str | None, name: str | None
) -> None:
    assert contact_name(first, last) == name


def test_form_and_json_arguments_drop_empty_values() -> None:
    assert arguments_from_form([("lat", ""), ("phone", "1")]) == {"phone": "1"}
    assert arguments_from_json({"lat": None, "long": "", "phone": "1"}) == {"phone": "1"}
    with pytest.raises(ProblemError):
        arguments_from_form([("phone", "1"), ("phone", "2")])
    with pytest.raises(ProblemError):
        arguments_from_json(["phone"])


def test_a_new_open311_request_maps_onto_a_hotline_request() -> None:
    filing = check_new_request(
        {
            "service_code": "consumer_complaint",
            "address_string": "解放路8号",
            "first_name": "五",
            "last_name": "王",
            "phone": "137 0013 7000",
            "description": "过期牛奶",
            "email": "a@example.com",
            "account_id": "7",
        },
        "open311-client",
    )

    new = filing.request
    assert new.category is HotlineCategory.CONSUMER_COMPLAINT
    assert (new.contact.name, new.contact.phone) == ("王五", "+8613700137000")
    assert new.address == "解放路8号" and new.latitude is None
    assert new.source.value == "open311" and new.kiosk_id == "open311-client"
    assert filing.account_id == "7"


@pytest.mark.parametrize(
    ("arguments", "status"),
    [
        ({"description": "x", "address_string": "y", "phone": "13700137000"}, 400),
        ({"service_code": "pothole", "description": "x", "address_string": "y"}, 404),
        ({"service_code": 7, "description": "x", "address_string": "y"}, 400),
        ({"service_code": "praise", "description": "x"}, 400),
        ({"service_code": "praise", "description": "x", "lat": "1"}, 400),
        (
            {
                "service_code": "praise",
                "description": "x",
                "lat": "1",
                "long": "1",
                "media_url": "u",
            },
            400,
        ),
    ],
)
def test_unacceptable_open311_arguments(arguments: dict[str, object], status: int) -> None:
    with pytest.raises(ProblemError) as raised:
        check_new_request(arguments, "client")
    assert raised.value.status == status


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-11-29T12:00:00+08:00", dt.datetime(2026, 11, 29, 4, 0, tzinfo=dt.UTC)),
        ("2026-11-29T12:00:00 08:00", dt.datetime(2026, 11, 29, 4, 0, tzinfo=dt.UTC)),
        ("2026-11-28T23:00:00-05:00", dt.datetime(2026, 11, 29, 4, 0, tzinfo=dt.UTC)),
        ("2026-11-29T04:00:00Z", dt.datetime(2026, 11, 29, 4, 0, tzinfo=dt.UTC)),
        ("2026-11-29T04:00Z", dt.datetime(2026, 11, 29, 4, 0, tzinfo=dt.UTC)),
        ("2026-11-29T04:00:00.250Z", dt.datetime(2026, 11, 29, 4, 0, 0, 250000, tzinfo=dt.UTC)),
    ],
)
def test_w3c_datetimes_with_offsets_are_read(text: str, moment: dt.datetime) -> None:
    assert parse_w3c_datetime(text, "start_date") == moment


@pytest.mark.parametrize(
    "text",
    ["2026-11-29", "2026-11-29T04:00:00", "2026-13-01T00:00:00Z", "20261129T040000Z", "now"],
)
def test_datetimes_without_an_offset_or_invalid_are_refused(text: str) -> None:
    with pytest.raises(ProblemError) as raised:
        parse_w3c_datetime(text, "start_date")
    assert raised.value.status == 400
    assert raised.value.errors[0].field == "start_date"


def query(**arguments: str | None) -> object:
    chosen: dict[str, str | None] = {
        "service_request_id": None,
        "service_code": None,
        "start_date": None,
        "end_date": None,
        "status": None,
    }
    chosen.update(arguments)
    return parse_request_query(NOW, **chosen)


def test_the_default_window_is_the_last_90_days() -> None:
    chosen = parse_request_query(
        NOW, service_request_id=None, service_code=None, start_date=None, end_date=None, status=None
    )
    assert (chosen.start, chosen.end) == (NOW - MAX_SPAN, NOW)

    from_start = parse_request_query(
        NOW,
        service_request_id=None,
        service_code=None,
        start_date="2026-01-01T00:00:00Z",
        end_date=None,
        status="open,closed",
    )
    assert from_start.end == dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + MAX_SPAN
    assert set(from_start.statuses) == set(HotlineStatus)


def test_ids_override_every_other_filter() -> None:
    chosen = parse_request_query(
        NOW,
        service_request_id="RX1, RX2,,",
        service_code="nonsense",
        start_date="nonsense",
        end_date=None,
        status="nonsense",
    )
    assert chosen.ids == ["RX1", "RX2"]
    assert (chosen.categories, chosen.start, chosen.end, chosen.statuses) == ([], None, None, [])


@pytest.mark.parametrize(
    "arguments",
    [
        {"status": "pending"},
        {"service_code": "praise,pothole"},
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-04-02T00:00:01Z"},
        {"start_date": "2026-01-02T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
        {"service_request_id": ",".join(["RX1"] * 101)},
    ],
)
def test_bad_query_arguments(arguments: dict[str, str]) -> None:
    with pytest.raises(ProblemError) as raised:
        query(**arguments)
    assert raised.value.status == 400


def test_the_public_view_has_no_description_or_contact() -> None:
    from server import models

    row = models.HotlineRequest(
        number="RX20261129000001",
        category="appeal",
        description="秘密",
        contact_name="张三",
        contact_phone="+8613800138000",
        anonymous=False,
        address="人民路",
        latitude=None,
        longitude=None,
        status="in_progress",
        created_at=NOW,
        updated_at=NOW,
    )

    view = open311_view(row, "已派单", "en")

    assert view["status"] == "open"
    assert view["status_notes"] == "已派单"
    assert view["requested_datetime"] == "2026-11-29T04:00:00Z"
    assert "秘密" not in repr(view) and "张三" not in repr(view) and "138" not in repr(view)
