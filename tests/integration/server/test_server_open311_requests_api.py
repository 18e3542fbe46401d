"""Following hotline requests through Open311: filters, dates with offsets, the public view.

The Open311 face serves the same requests as the kiosk routes, so each face must see what the
other filed, and its public answers must never carry a citizen's description or contact.
"""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from tests.integration.server.open311_test_support import (
    DESCRIPTION,
    REQUEST_KEYS,
    base,
    file_at_kiosk,
    file_open311,
    get_one,
    get_requests,
    problem,
    staff_reply,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend


def test_a_request_filed_at_a_kiosk_is_visible_to_open311(backend: RunningBackend) -> None:
    receipt = file_at_kiosk(backend)

    item = get_one(backend, receipt["number"])

    assert set(item) == REQUEST_KEYS
    assert item["service_request_id"] == receipt["number"]
    assert item["status"] == "open"
    assert item["service_code"] == "consumer_complaint"
    assert item["service_name"] == "Consumer complaint"
    assert item["agency_responsible"] == "12345"
    assert item["address"] == "解放路8号超市"
    assert item["lat"] is None and item["long"] is None
    assert item["requested_datetime"] == receipt["created_at"]
    assert item["status_notes"] is None


def test_a_request_filed_through_open311_is_visible_to_staff_and_followed(
    backend: RunningBackend,
) -> None:
    number = file_open311(backend)
    staff = requests.get(
        f"{backend.url}/v1/staff/hotline/requests/{number}",
        headers=backend.staff_headers(),
        timeout=TIMEOUT_S,
    )
    assert staff.status_code == 200
    assert staff.json()["source"] == "open311"
    assert staff.json()["contact_phone"] == "+8613900139000"

    staff_reply(backend, number, "已派单至市政设施管理处。", "in_progress")
    in_progress = get_one(backend, number, locale="zh-Hans")
    staff_reply(backend, number, "路灯已修复。", "closed")
    closed = get_one(backend, number)

    assert in_progress["status"] == "open"
    assert in_progress["status_notes"] == "已派单至市政设施管理处。"
    assert in_progress["service_name"] == "求助"
    assert closed["status"] == "closed"
    assert closed["status_notes"] == "路灯已修复。"
    assert dt.datetime.fromisoformat(closed["updated_datetime"]) >= dt.datetime.fromisoformat(
        closed["requested_datetime"]
    )


def test_public_answers_carry_no_description_or_contact(backend: RunningBackend) -> None:
    open311_number = file_open311(backend)
    kiosk_number = file_at_kiosk(backend)["number"]
    ids = f"{open311_number},{kiosk_number}"

    listed = requests.get(
        f"{base(backend)}/requests.json", params={"service_request_id": ids}, timeout=TIMEOUT_S
    )
    single = requests.get(f"{base(backend)}/requests/{open311_number}.json", timeout=TIMEOUT_S)

    assert {item["service_request_id"] for item in listed.json()} == {open311_number, kiosk_number}
    for response in (listed, single):
        for item in response.json():
            assert set(item) == REQUEST_KEYS
        for private in (DESCRIPTION, "13900139000", "张三", "王五", "13700137000", "过期"):
            assert private not in response.text


def test_service_request_id_lists_override_other_filters(backend: RunningBackend) -> None:
    first = file_open311(backend)
    second = file_at_kiosk(backend)["number"]

    items = get_requests(
        backend,
        service_request_id=f"{first}, {second},RX19990101000001",
        service_code="praise",
        status="closed",
    )

    assert [item["service_request_id"] for item in items] == [second, first]


def test_filters_by_service_code_and_status(backend: RunningBackend) -> None:
    praise = file_open311(backend, service_code="praise")
    suggestion = file_open311(backend, service_code="suggestion")
    staff_reply(backend, suggestion, "已采纳。", "in_progress")

    praise_items = get_requests(backend, service_code="praise")
    both = get_requests(backend, service_code="praise,suggestion", status="open")
    closed = get_requests(backend, service_code="suggestion", status="closed")

    assert praise in {item["service_request_id"] for item in praise_items}
    assert {item["service_code"] for item in praise_items} == {"praise"}
    both_ids = {item["service_request_id"] for item in both}
    assert {praise, suggestion} <= both_ids
    assert {item["status"] for item in both} == {"open"}
    assert suggestion not in {item["service_request_id"] for item in closed}
    assert {item["status"] for item in closed} <= {"closed"}


def test_dates_with_offsets_select_the_window(backend: RunningBackend) -> None:
    number = file_open311(backend)
    now = dt.datetime.now(dt.UTC)
    in_shanghai = dt.timezone(dt.timedelta(hours=8))
    in_new_york = dt.timezone(dt.timedelta(hours=-5))

    def window(start: dt.datetime, end: dt.datetime) -> set[str]:
        items = get_requests(
            backend,
            start_date=start.replace(microsecond=0).isoformat(),
            end_date=end.replace(microsecond=0).isoformat(),
        )
        return {item["service_request_id"] for item in items}

    around = window(
        (now - dt.timedelta(minutes=5)).astimezone(in_shanghai),
        (now + dt.timedelta(minutes=5)).astimezone(in_new_york),
    )
    later = window(now + dt.timedelta(minutes=5), now + dt.timedelta(days=1))
    earlier = window(now - dt.timedelta(days=1), now - dt.timedelta(minutes=5))
    zulu = get_requests(
        backend, start_date=(now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    )

    assert number in around
    assert number not in later
    assert number not in earlier
    assert number in {item["service_request_id"] for item in zulu}


def test_an_unencoded_plus_in_an_offset_is_understood(backend: RunningBackend) -> None:
    number = file_open311(backend)
    start = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).astimezone(
        dt.timezone(dt.timedelta(hours=8))
    )
    # A hand-written URL: the + of +08:00 arrives as a space.
    url = f"{base(backend)}/requests.json?start_date={start.replace(microsecond=0).isoformat()}"

    response = requests.get(url, timeout=TIMEOUT_S)

    assert response.status_code == 200, response.text
    assert number in {item["service_request_id"] for item in response.json()}


def test_the_list_is_newest_first_and_at_most_1000(backend: RunningBackend) -> None:
    file_open311(backend)
    items = get_requests(backend)

    assert 1 <= len(items) <= 1000
    times = [item["requested_datetime"] for item in items]
    assert times == sorted(times, reverse=True)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start_date": "2026-11-29"}, "start_date"),
        ({"start_date": "2026-11-29T08:00:00"}, "start_date"),
        ({"end_date": "yesterday"}, "end_date"),
        ({"start_date": "2026-02-30T08:00:00Z"}, "start_date"),
        (
            {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
            "end_date",
        ),
        (
            {"start_date": "2026-06-01T00:00:00+08:00", "end_date": "2026-01-01T00:00:00Z"},
            "end_date",
        ),
        ({"status": "pending"}, "status"),
        ({"service_code": "pothole"}, "service_code"),
        ({"locale": "de"}, "locale"),
        ({"service_request_id": ",".join(["RX1"] * 101)}, "service_request_id"),
        ({"status": "x" * 101}, "status"),
    ],
)
def test_bad_filters_are_400(backend: RunningBackend, params: dict[str, str], field: str) -> None:
    response = requests.get(f"{base(backend)}/requests.json", params=params, timeout=TIMEOUT_S)

    body = problem(response, 400)
    assert field in {error["field"] for error in body["errors"]}


def test_an_unknown_request_id_is_404(backend: RunningBackend) -> None:
    response = requests.get(f"{base(backend)}/requests/RX19990101000001.json", timeout=TIMEOUT_S)

    assert problem(response, 404)["title"] == "service_request_id not found"


def test_hostile_text_travels_as_data(backend: RunningBackend) -> None:
    hostile = "<b>路口</b>'); DROP TABLE hotline_requests;-- \u202e🙂 & %00"
    number = file_open311(backend, address_string=hostile, description=hostile * 50)

    item = get_one(backend, number)

    assert item["address"] == hostile
    rows = backend.rows("SELECT description FROM hotline_requests WHERE number = ?", number)
    assert rows == [(hostile * 50,)]


def test_a_nul_in_an_id_is_a_bad_argument(backend: RunningBackend) -> None:
    by_path = requests.get(f"{base(backend)}/requests/RX%00.json", timeout=TIMEOUT_S)
    by_query = requests.get(
        f"{base(backend)}/requests.json",
        params={"service_request_id": "RX\x00"},
        timeout=TIMEOUT_S,
    )

    problem(by_path, 400)
    problem(by_query, 400)
