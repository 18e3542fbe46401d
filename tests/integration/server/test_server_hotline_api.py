"""12345 hotline requests over HTTP: kiosks file them, citizens follow them, staff answer them."""

from __future__ import annotations

import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

HALL_TIMEZONE = ZoneInfo("Asia/Shanghai")
RECEIPT_KEYS = {"number", "category", "status", "created_at", "status_url"}
PUBLIC_KEYS = {"number", "category", "status", "created_at", "updated_at", "replies"}
PHONE = "+86 138-0013-8000"
NORMALIZED_PHONE = "+8613800138000"


def new_key() -> str:
    return uuid.uuid4().hex


def hotline_request(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "category": "consumer_complaint",
        "description": "买到的电饭煲三天就坏了，商家拒绝退换。",
        "anonymous": False,
        "contact_name": "李四",
        "contact_phone": PHONE,
        "address": "城南路12号百货商店",
        "language": "zh-Hans",
    }
    body.update(overrides)
    return {name: value for name, value in body.items() if value is not None}


def post(
    backend: RunningBackend, body: Any, key: str | None = None, token: str | None = None
) -> requests.Response:
    headers = {"Authorization": f"Bearer {token or backend.kiosk_token}"}
    headers["Idempotency-Key"] = key or new_key()
    return requests.post(
        f"{backend.url}/v1/hotline/requests", json=body, headers=headers, timeout=TIMEOUT_S
    )


def file(backend: RunningBackend, **overrides: Any) -> dict[str, Any]:
    response = post(backend, hotline_request(**overrides))
    assert response.status_code == 201, response.text
    receipt: dict[str, Any] = response.json()
    return receipt


def reply(
    backend: RunningBackend, number: str, text: str, status: str, token: str | None = None
) -> requests.Response:
    headers = {"Authorization": f"Bearer {token or backend.staff_token}"}
    return requests.post(
        f"{backend.url}/v1/staff/hotline/requests/{number}/replies",
        json={"text": text, "status": status},
        headers=headers,
        timeout=TIMEOUT_S,
    )


def staff_get(backend: RunningBackend, number: str) -> dict[str, Any]:
    response = requests.get(
        f"{backend.url}/v1/staff/hotline/requests/{number}",
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 200, response.text
    view: dict[str, Any] = response.json()
    return view


def field_errors(response: requests.Response) -> set[str]:
    assert response.headers["content-type"].startswith("application/problem+json")
    return {error["field"] for error in response.json().get("errors", [])}


def test_categories_are_the_seven_of_12345_in_three_languages(backend: RunningBackend) -> None:
    response = requests.get(f"{backend.url}/v1/hotline/categories", timeout=TIMEOUT_S)

    assert response.status_code == 200
    categories = {item["code"]: item for item in response.json()["categories"]}
    assert list(categories) == [
        "consultation",
        "suggestion",
        "appeal",
        "consumer_complaint",
        "economic_violation_report",
        "administrative_complaint",
        "praise",
    ]
    assert categories["consumer_complaint"]["name"] == {
        "zh-Hant": "消費投訴",
        "zh-Hans": "消费投诉",
        "en": "Consumer complaint",
    }
    assert categories["economic_violation_report"]["name"]["zh-Hans"] == "经济违法举报"
    anonymous = {code for code, item in categories.items() if item["anonymous_allowed"]}
    assert anonymous == {"suggestion", "economic_violation_report", "praise"}


def test_create_stores_the_request_with_a_normalised_phone(backend: RunningBackend) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    receipt = file(backend)

    assert set(receipt) == RECEIPT_KEYS
    assert receipt["status"] == "open"
    assert receipt["category"] == "consumer_complaint"
    created_at = dt.datetime.fromisoformat(receipt["created_at"])
    assert created_at.utcoffset() == dt.timedelta(0)
    assert before <= created_at <= dt.datetime.now(dt.UTC)
    number = receipt["number"]
    hall_day = created_at.astimezone(HALL_TIMEZONE)
    assert number.startswith(f"RX{hall_day:%Y%m%d}") and len(number) == 16
    assert receipt["status_url"].startswith(f"{backend.url}/v1/hotline/requests/{number}?code=")
    [row] = backend.rows(
        "SELECT source, kiosk_id, contact_name, contact_phone, anonymous, address, status "
        "FROM hotline_requests WHERE number = ?",
        number,
    )
    assert row[:4] == ("kiosk", backend.kiosk_id, "李四", NORMALIZED_PHONE)
    assert not row[4]
    assert row[5:] == ("城南路12号百货商店", "open")


def test_numbers_follow_a_daily_sequence(backend: RunningBackend) -> None:
    first = file(backend)["number"]
    second = file(backend)["number"]

    assert first[:10] == second[:10]
    assert int(second[10:]) > int(first[10:])


def test_a_repeated_key_replays_and_a_changed_body_is_refused(backend: RunningBackend) -> None:
    key = new_key()
    body = hotline_request()
    first = post(backend, body, key)
    again = post(backend, body, key)
    changed = post(backend, hotline_request(description="另一件事"), key)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert changed.status_code == 422
    count = backend.rows(
        "SELECT count(*) FROM hotline_requests WHERE number = ?", first.json()["number"]
    )
    assert count == [(1,)]


def test_create_needs_a_kiosk_token_and_a_key(backend: RunningBackend) -> None:
    url = f"{backend.url}/v1/hotline/requests"
    no_token = requests.post(
        url, json=hotline_request(), headers={"Idempotency-Key": new_key()}, timeout=TIMEOUT_S
    )
    staff_token = post(backend, hotline_request(), token=backend.staff_token)
    no_key = requests.post(
        url, json=hotline_request(), headers=backend.kiosk_headers(), timeout=TIMEOUT_S
    )

    assert no_token.status_code == 401
    assert staff_token.status_code == 401
    assert no_key.status_code == 400


@pytest.mark.parametrize("category", ["suggestion", "economic_violation_report", "praise"])
def test_anonymous_requests_keep_no_contact(backend: RunningBackend, category: str) -> None:
    receipt = file(
        backend, category=category, anonymous=True, contact_name=None, contact_phone=None
    )

    [row] = backend.rows(
        "SELECT anonymous, contact_name, contact_phone FROM hotline_requests WHERE number = ?",
        receipt["number"],
    )
    assert row[0] and row[1:] == (None, None)


@pytest.mark.parametrize(
    "category", ["consultation", "appeal", "consumer_complaint", "administrative_complaint"]
)
def test_complaints_and_appeals_cannot_be_anonymous(backend: RunningBackend, category: str) -> None:
    response = post(
        backend,
        hotline_request(category=category, anonymous=True, contact_name=None, contact_phone=None),
    )

    assert response.status_code == 422
    assert field_errors(response) == {"anonymous"}


@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"category": "praise", "anonymous": True}, {"contact_name", "contact_phone"}),
        (
            {"category": "praise", "anonymous": True, "contact_name": None},
            {"contact_phone"},
        ),
        ({"contact_phone": None}, {"contact_phone"}),
        ({"contact_phone": "12345"}, {"contact_phone"}),
        ({"contact_phone": "+1 212 555 0100"}, {"contact_phone"}),
        ({"contact_phone": "138001380001"}, {"contact_phone"}),
        ({"description": ""}, {"description"}),
        ({"description": "   \n "}, {"description"}),
        ({"description": "长" * 1001}, {"description"}),
        ({"description": "a\x00b"}, {"description"}),
        ({"category": "gossip"}, {"category"}),
        ({"language": "fr"}, {"language"}),
        ({"provisional_ref": "short"}, {"provisional_ref"}),
        ({"provisional_ref": "has spaces in it"}, {"provisional_ref"}),
        ({"address": "x" * 301}, {"address"}),
        ({"unexpected": "field"}, {"unexpected"}),
    ],
)
def test_invalid_requests_are_refused_field_by_field(
    backend: RunningBackend, overrides: dict[str, Any], fields: set[str]
) -> None:
    response = post(backend, hotline_request(**overrides))

    assert response.status_code == 422, response.text
    assert field_errors(response) == fields
    assert "13800138000" not in response.text


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("13800138000", "+8613800138000"),
        ("0086 139 1234 5678", "+8613912345678"),
        ("010-62345678", "+861062345678"),
        ("(0755) 2345678", "+867552345678"),
        ("+86 21 6234 5678", "+862162345678"),
    ],
)
def test_mobile_and_landline_numbers_are_accepted(
    backend: RunningBackend, written: str, stored: str
) -> None:
    receipt = file(backend, contact_phone=written, contact_name=None)

    rows = backend.rows(
        "SELECT contact_phone, contact_name FROM hotline_requests WHERE number = ?",
        receipt["number"],
    )
    assert rows == [(stored, None)]


def test_a_provisional_reference_is_used_once(backend: RunningBackend) -> None:
    reference = f"K03-{uuid.uuid4().hex[:20]}"
    first = post(backend, hotline_request(provisional_ref=reference))
    second = post(backend, hotline_request(provisional_ref=reference))

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["type"].endswith("provisional-ref-taken")
    assert staff_get(backend, first.json()["number"])["provisional_ref"] == reference


def test_the_status_link_shows_status_and_replies_without_personal_data(
    backend: RunningBackend,
) -> None:
    receipt = file(backend)
    assert (
        reply(backend, receipt["number"], "已转市场监管局处理。", "in_progress").status_code == 201
    )

    response = requests.get(receipt["status_url"], timeout=TIMEOUT_S)

    assert response.status_code == 200
    status = response.json()
    assert set(status) == PUBLIC_KEYS
    assert status["status"] == "in_progress"
    assert [item["text"] for item in status["replies"]] == ["已转市场监管局处理。"]
    assert set(status["replies"][0]) == {"text", "at"}
    for private in ("李四", "13800138000", "电饭煲", "城南路", backend.staff_name):
        assert private not in response.text


def test_a_wrong_code_and_an_unknown_number_get_the_same_404(backend: RunningBackend) -> None:
    receipt = file(backend)
    url = f"{backend.url}/v1/hotline/requests"
    wrong_code = requests.get(
        f"{url}/{receipt['number']}", params={"code": "2222222222"}, timeout=TIMEOUT_S
    )
    unknown = requests.get(
        f"{url}/RX19990101000001", params={"code": "2222222222"}, timeout=TIMEOUT_S
    )

    assert wrong_code.status_code == unknown.status_code == 404
    assert wrong_code.json() == unknown.json()


def test_staff_see_contact_data_and_filter_the_list(backend: RunningBackend) -> None:
    complaint = file(backend, category="administrative_complaint")
    praise = file(backend, category="praise", anonymous=True, contact_name=None, contact_phone=None)
    assert reply(backend, praise["number"], "谢谢您的表扬。", "closed").status_code == 201
    url = f"{backend.url}/v1/staff/hotline/requests"

    def numbers(**params: Any) -> list[str]:
        response = requests.get(
            url, params={"limit": 200, **params}, headers=backend.staff_headers(), timeout=TIMEOUT_S
        )
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        for item in items:
            for name, value in params.items():
                if name in {"status", "category"}:
                    assert item[name] == value
        return [item["number"] for item in items]

    assert complaint["number"] in numbers(category="administrative_complaint", status="open")
    assert complaint["number"] not in numbers(status="closed")
    assert praise["number"] in numbers(category="praise", status="closed")
    view = staff_get(backend, complaint["number"])
    assert view["contact_phone"] == NORMALIZED_PHONE
    assert view["contact_name"] == "李四"
    assert view["description"].startswith("买到的电饭煲")
    assert view["source"] == "kiosk"


def test_the_staff_list_pages_newest_first(backend: RunningBackend) -> None:
    file(backend)
    newest = file(backend)
    url = f"{backend.url}/v1/staff/hotline/requests"
    headers = backend.staff_headers()

    first = requests.get(url, params={"limit": 1}, headers=headers, timeout=TIMEOUT_S).json()
    second = requests.get(
        url, params={"limit": 1, "offset": 1}, headers=headers, timeout=TIMEOUT_S
    ).json()

    assert first["total"] >= 2
    assert [item["number"] for item in first["items"]] == [newest["number"]]
    assert len(second["items"]) == 1 and second["items"][0]["number"] < newest["number"]


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"status": "lost"}]
)
def test_staff_list_parameters_are_checked(backend: RunningBackend, params: dict[str, Any]) -> None:
    response = requests.get(
        f"{backend.url}/v1/staff/hotline/requests",
        params=params,
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 422


def test_staff_routes_refuse_kiosk_tokens_and_no_token(backend: RunningBackend) -> None:
    number = file(backend)["number"]
    base = f"{backend.url}/v1/staff/hotline/requests"
    for token in (None, backend.kiosk_token):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        assert requests.get(base, headers=headers, timeout=TIMEOUT_S).status_code == 401
        assert (
            requests.get(f"{base}/{number}", headers=headers, timeout=TIMEOUT_S).status_code == 401
        )
    assert reply(backend, number, "hi", "closed", token=backend.kiosk_token).status_code == 401
    assert staff_get(backend, number)["status"] == "open"


def test_replies_move_the_request_open_in_progress_closed(backend: RunningBackend) -> None:
    number = file(backend)["number"]

    first = reply(backend, number, "已受理，正在联系商家。", "in_progress")
    second = reply(backend, number, "商家同意退款。", "in_progress")
    last = reply(backend, number, "已办结。", "closed")
    after_close = reply(backend, number, "补充说明。", "in_progress")
    closing_again = reply(backend, number, "再次办结。", "closed")

    assert [first.status_code, second.status_code, last.status_code] == [201, 201, 201]
    assert first.json()["status"] == "in_progress"
    assert last.json()["status"] == "closed"
    assert [item["text"] for item in last.json()["replies"]] == [
        "已受理，正在联系商家。",
        "商家同意退款。",
        "已办结。",
    ]
    assert {item["staff_name"] for item in last.json()["replies"]} == {backend.staff_name}
    assert after_close.status_code == closing_again.status_code == 409
    assert len(staff_get(backend, number)["replies"]) == 3


def test_an_open_request_can_be_closed_with_one_reply(backend: RunningBackend) -> None:
    number = file(backend, category="consultation")["number"]

    response = reply(backend, number, "办理营业执照需携带身份证。", "closed")

    assert response.status_code == 201
    assert response.json()["status"] == "closed"


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x", "status": "open"},
        {"text": "", "status": "closed"},
        {"text": "x" * 2001, "status": "closed"},
        {"text": "x"},
        {"text": "x", "status": "closed", "staff_name": "someone else"},
    ],
)
def test_invalid_replies_are_refused(backend: RunningBackend, body: dict[str, Any]) -> None:
    number = file(backend)["number"]

    response = requests.post(
        f"{backend.url}/v1/staff/hotline/requests/{number}/replies",
        json=body,
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 422
    assert staff_get(backend, number)["status"] == "open"


def test_a_reply_to_an_unknown_request_is_404(backend: RunningBackend) -> None:
    assert reply(backend, "RX19990101000001", "x", "closed").status_code == 404


def test_hostile_text_is_stored_and_returned_verbatim(backend: RunningBackend) -> None:
    hostile = "<script>alert(1)</script>'; DROP TABLE hotline_requests;-- \u202e🙂\r\n"
    receipt = file(backend, description=hostile * 10, address=hostile)
    number = receipt["number"]
    assert reply(backend, number, hostile, "in_progress").status_code == 201

    view = staff_get(backend, number)
    public = requests.get(receipt["status_url"], timeout=TIMEOUT_S)

    assert view["description"] == hostile * 10
    assert view["address"] == hostile
    assert public.headers["content-type"] == "application/json"
    assert public.json()["replies"][0]["text"] == hostile


def test_a_nul_in_a_number_or_code_is_refused_before_the_database(
    backend: RunningBackend,
) -> None:
    url = f"{backend.url}/v1"
    public = requests.get(
        f"{url}/hotline/requests/RX%00", params={"code": "22222222\x0022"}, timeout=TIMEOUT_S
    )
    staff = requests.get(
        f"{url}/staff/hotline/requests/RX%00", headers=backend.staff_headers(), timeout=TIMEOUT_S
    )
    replied = reply(backend, "RX%00", "x", "closed")

    assert public.status_code == staff.status_code == replied.status_code == 422


def test_concurrent_replies_never_reopen_a_closed_request(backend: RunningBackend) -> None:
    number = file(backend)["number"]
    wanted = ["closed" if index % 2 else "in_progress" for index in range(12)]

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(
            pool.map(lambda status: reply(backend, number, f"答复 {status}", status), wanted)
        )

    assert {response.status_code for response in responses} <= {201, 409}
    view = staff_get(backend, number)
    assert view["status"] == "closed"
    # Nothing was accepted after the closing reply.
    assert view["replies"][-1]["text"] == "答复 closed"
    assert sum(1 for item in view["replies"] if item["text"] == "答复 closed") == 1
