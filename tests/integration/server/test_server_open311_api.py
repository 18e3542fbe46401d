"""The Open311 GeoReport v2 face: its services and filing requests the way Open311 clients do.

Form-encoded posts as the specification shows them, JSON posts too; every refusal is a problem
document naming the argument, and never quotes the citizen's data.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.integration.server.open311_test_support import (
    DESCRIPTION,
    base,
    file_open311,
    form_arguments,
    get_one,
    post_form,
    problem,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

# --- services -------------------------------------------------------------------------------


def test_services_are_the_hotline_categories(backend: RunningBackend) -> None:
    response = requests.get(f"{base(backend)}/services.json", timeout=TIMEOUT_S)

    assert response.status_code == 200
    services = response.json()
    assert [service["service_code"] for service in services] == [
        "consultation",
        "suggestion",
        "appeal",
        "consumer_complaint",
        "economic_violation_report",
        "administrative_complaint",
        "praise",
    ]
    for service in services:
        assert set(service) == {
            "service_code",
            "service_name",
            "description",
            "metadata",
            "type",
            "keywords",
            "group",
        }
        assert service["metadata"] is False
        assert service["type"] == "realtime"
        assert service["group"] == "12345"
        assert service["description"] and service["keywords"]
    assert services[3]["service_name"] == "Consumer complaint"


@pytest.mark.parametrize(
    ("locale", "name"), [("zh-Hant", "經濟違法舉報"), ("zh-Hans", "经济违法举报"), ("en", None)]
)
def test_service_names_follow_the_locale(
    backend: RunningBackend, locale: str, name: str | None
) -> None:
    response = requests.get(
        f"{base(backend)}/services.json", params={"locale": locale}, timeout=TIMEOUT_S
    )

    by_code = {service["service_code"]: service for service in response.json()}
    expected = name or "Report of an economic violation"
    assert by_code["economic_violation_report"]["service_name"] == expected


def test_an_unknown_locale_is_a_bad_argument(backend: RunningBackend) -> None:
    response = requests.get(
        f"{base(backend)}/services.json", params={"locale": "fr"}, timeout=TIMEOUT_S
    )

    assert problem(response, 400)["title"] == "Invalid Open311 argument"


def test_a_service_definition_has_no_attributes(backend: RunningBackend) -> None:
    known = requests.get(f"{base(backend)}/services/praise.json", timeout=TIMEOUT_S)
    unknown = requests.get(f"{base(backend)}/services/pothole.json", timeout=TIMEOUT_S)

    assert known.status_code == 200
    assert known.json() == {"service_code": "praise", "attributes": []}
    assert problem(unknown, 404)["title"] == "service_code not found"


# --- POST requests.json ---------------------------------------------------------------------


def test_a_form_encoded_post_files_a_request(backend: RunningBackend) -> None:
    arguments = form_arguments(backend)
    response = requests.post(
        f"{base(backend)}/requests.json",
        data=arguments,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 201, response.text
    [created] = response.json()
    assert set(created) == {"service_request_id", "service_notice", "account_id"}
    assert created["account_id"] == "acct-7"
    assert "12345" in created["service_notice"]
    number = created["service_request_id"]
    assert number.startswith("RX")
    [row] = backend.rows(
        "SELECT source, kiosk_id, category, description, contact_name, contact_phone, "
        "anonymous, address, latitude, longitude, status FROM hotline_requests WHERE number = ?",
        number,
    )
    assert row[:6] == ("open311", backend.kiosk_id, "appeal", DESCRIPTION, "张三", "+8613900139000")
    assert not row[6]
    assert row[7] == "人民路与南京路交叉口"
    assert row[8:10] == pytest.approx((31.2304, 121.4737))
    assert row[10] == "open"
    # The e-mail address and device id are accepted but kept nowhere.
    everything = backend.rows("SELECT * FROM hotline_requests WHERE number = ?", number)
    assert "citizen@example.com" not in repr(everything)
    assert "tt222111" not in repr(everything)


def test_a_json_post_files_a_request(backend: RunningBackend) -> None:
    response = requests.post(
        f"{base(backend)}/requests.json",
        json={
            "api_key": backend.kiosk_token,
            "service_code": "suggestion",
            "lat": 39.9087,
            "long": 116.3975,
            "description": "建议在公交站增加遮阳棚。",
        },
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 201, response.text
    [created] = response.json()
    assert created["account_id"] is None
    rows = backend.rows(
        "SELECT anonymous, contact_name, contact_phone, address FROM hotline_requests "
        "WHERE number = ?",
        created["service_request_id"],
    )
    assert len(rows) == 1
    assert rows[0][0] and rows[0][1:] == (None, None, None)


def test_the_service_notice_follows_the_locale(backend: RunningBackend) -> None:
    response = requests.post(
        f"{base(backend)}/requests.json",
        params={"locale": "zh-Hant"},
        data=form_arguments(backend),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 201
    assert "熱線" in response.json()[0]["service_notice"]


def test_empty_form_fields_count_as_absent(backend: RunningBackend) -> None:
    number = file_open311(
        backend, lat="", long="", email="", first_name="", last_name="", account_id=""
    )

    assert get_one(backend, number)["lat"] is None


def test_open311_has_no_idempotency_so_a_repeat_files_again(backend: RunningBackend) -> None:
    arguments = form_arguments(backend)

    first = post_form(backend, arguments)
    second = post_form(backend, arguments)

    assert first.status_code == second.status_code == 201
    assert first.json()[0]["service_request_id"] != second.json()[0]["service_request_id"]


@pytest.mark.parametrize("api_key", [None, "", "not-a-key"])
def test_the_api_key_must_be_a_registered_kiosk_token(
    backend: RunningBackend, api_key: str | None
) -> None:
    response = post_form(backend, form_arguments(backend, api_key=api_key))

    assert problem(response, 401)["title"] == "Invalid api_key"


def test_a_staff_token_is_no_api_key(backend: RunningBackend) -> None:
    response = post_form(backend, form_arguments(backend, api_key=backend.staff_token))

    problem(response, 401)


def test_an_unknown_service_code_is_404_and_a_missing_one_400(backend: RunningBackend) -> None:
    unknown = post_form(backend, form_arguments(backend, service_code="pothole"))
    missing = post_form(backend, form_arguments(backend, service_code=None))

    assert problem(unknown, 404)["title"] == "service_code not found"
    assert [error["field"] for error in problem(missing, 400)["errors"]] == ["service_code"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"lat": None, "long": None, "address_string": None}, "address_string"),
        ({"long": None}, "lat"),
        ({"lat": "91"}, "lat"),
        ({"long": "east"}, "long"),
        ({"lat": "nan"}, "lat"),
        ({"description": None}, "description"),
        ({"description": " "}, "description"),
        ({"description": "x" * 4001}, "description"),
        ({"description": "a\x00b"}, "description"),
        ({"phone": "555-0100"}, "phone"),
        ({"phone": None}, "phone"),
        ({"service_code": "praise", "phone": None}, "phone"),
        ({"media_url": "http://example.com/a.jpg"}, "media_url"),
        ({"address_id": "545483"}, "address_id"),
        ({"attribute[WHISPAWN]": "123456"}, "attribute[WHISPAWN]"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_invalid_arguments_are_400_naming_the_argument(
    backend: RunningBackend, overrides: dict[str, str | None], field: str
) -> None:
    response = post_form(backend, form_arguments(backend, **overrides))

    body = problem(response, 400)
    assert field in {error["field"] for error in body["errors"]}
    for private in ("13900139000", DESCRIPTION, "citizen@example.com"):
        assert private not in response.text


def test_anonymous_where_the_service_allows_it(backend: RunningBackend) -> None:
    number = file_open311(
        backend,
        service_code="economic_violation_report",
        phone=None,
        first_name=None,
        last_name=None,
    )

    rows = backend.rows(
        "SELECT anonymous, contact_name, contact_phone FROM hotline_requests WHERE number = ?",
        number,
    )
    assert rows[0][0] and rows[0][1:] == (None, None)


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("application/json", b"{not json", 400),
        ("application/json", b"[1, 2]", 400),
        ("application/json", b'"text"', 400),
        ("application/json", b"\xff\xfe", 400),
        ("application/xml", b"<service_request/>", 415),
        ("text/plain", b"api_key=x", 415),
        ("multipart/form-data; boundary=broken", b"--nope", 400),
    ],
)
def test_unreadable_bodies_are_refused(
    backend: RunningBackend, content_type: str, body: bytes, status: int
) -> None:
    response = requests.post(
        f"{base(backend)}/requests.json",
        data=body,
        headers={"Content-Type": content_type},
        timeout=TIMEOUT_S,
    )

    problem(response, status)


def test_files_and_repeated_arguments_are_refused(backend: RunningBackend) -> None:
    with_file = requests.post(
        f"{base(backend)}/requests.json",
        data=form_arguments(backend),
        files={"media": ("photo.jpg", b"\xff\xd8\xff", "image/jpeg")},
        timeout=TIMEOUT_S,
    )
    repeated = requests.post(
        f"{base(backend)}/requests.json",
        data=[*form_arguments(backend).items(), ("service_code", "praise")],
        timeout=TIMEOUT_S,
    )
    too_many = requests.post(
        f"{base(backend)}/requests.json",
        data={**form_arguments(backend), **{f"x{index}": "1" for index in range(100)}},
        timeout=TIMEOUT_S,
    )

    problem(with_file, 400)
    problem(repeated, 400)
    problem(too_many, 400)


def test_concurrent_posts_get_distinct_numbers(backend: RunningBackend) -> None:
    arguments = form_arguments(backend, service_code="suggestion")

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda _: post_form(backend, arguments), range(16)))

    assert [response.status_code for response in responses] == [201] * 16
    numbers = {response.json()[0]["service_request_id"] for response in responses}
    assert len(numbers) == 16
