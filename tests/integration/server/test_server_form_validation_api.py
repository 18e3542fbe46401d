"""Server-side form validation over HTTP: bad values are 422 problems, hostile text is harmless."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests

from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    VALID_ID_NUMBER,
    assert_kiosk_only,
    individual_business_request,
)
from tests.support import RunningBackend, as_json


def post(backend: RunningBackend, body: Any) -> requests.Response:
    return requests.post(
        f"{backend.url}/v1/applications",
        json=body,
        headers=backend.kiosk_headers(**{"Idempotency-Key": uuid.uuid4().hex}),
        timeout=TIMEOUT_S,
    )


def marriage_request(**form_overrides: str) -> dict[str, Any]:
    body = individual_business_request()
    body["service_code"] = "CA-001"
    body["form"] = {
        "spouse_name": "李四",
        "spouse_id_number": "440524188001010014",
        "appointment_date": "2027-02-14",
        "time_slot": "morning",
        "contact_phone": "13800138000",
    }
    body["form"].update(form_overrides)
    return body


def error_fields(response: requests.Response) -> set[str]:
    assert response.status_code == 422, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    return {error["field"] for error in problem["errors"]}


def test_valid_marriage_appointment_is_accepted(backend: RunningBackend) -> None:
    assert post(backend, marriage_request()).status_code == 201


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("spouse_id_number", "440524188001010015"),  # wrong check character
        ("spouse_id_number", "44052418800101001"),  # 17 characters
        ("appointment_date", "2027-02-30"),
        ("appointment_date", "20270214"),
        ("appointment_date", "14/02/2027"),
        ("time_slot", "evening"),
        ("contact_phone", "12345"),
        ("contact_phone", "138-0013-8000"),
        ("spouse_name", "名" * 51),
    ],
)
def test_bad_value_is_rejected_for_its_field(
    backend: RunningBackend, field: str, value: str
) -> None:
    response = post(backend, marriage_request(**{field: value}))

    assert error_fields(response) == {f"form.{field}"}


@pytest.mark.parametrize("value", ["abc", "1e3", "NaN", "-1", "100001"])
def test_number_must_be_plain_and_in_range(backend: RunningBackend, value: str) -> None:
    response = post(backend, individual_business_request(capital_10k_yuan=value))

    assert error_fields(response) == {"form.capital_10k_yuan"}


def test_missing_required_and_unknown_fields_are_all_reported(backend: RunningBackend) -> None:
    body = individual_business_request(shoe_size="42")
    del body["form"]["business_name"]
    body["form"]["premises_address"] = "   "

    response = post(backend, body)

    assert error_fields(response) == {
        "form.business_name",
        "form.premises_address",
        "form.shoe_size",
    }


def test_error_messages_do_not_echo_personal_values(backend: RunningBackend) -> None:
    response = post(backend, marriage_request(spouse_id_number="440524188001010015"))

    assert "440524188001010015" not in response.text


def test_non_string_form_value_is_a_problem_not_a_500(backend: RunningBackend) -> None:
    body = individual_business_request()
    body["form"]["capital_10k_yuan"] = 5

    assert error_fields(post(backend, body)) == {"form.capital_10k_yuan"}


def test_malformed_envelope_uses_the_problem_shape(backend: RunningBackend) -> None:
    body = individual_business_request()
    body["language"] = "fr"
    del body["applicant"]["id_number"]

    assert error_fields(post(backend, body)) == {"language", "applicant.id_number"}


def test_broken_json_is_a_problem(backend: RunningBackend) -> None:
    response = requests.post(
        f"{backend.url}/v1/applications",
        data=b'{"service_code": ',
        headers=backend.kiosk_headers(
            **{"Idempotency-Key": uuid.uuid4().hex, "Content-Type": "application/json"}
        ),
        timeout=TIMEOUT_S,
    )

    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('x')</script>",
        "Robert'); DROP TABLE applications;--",
        '" OR 1=1 --',
        "零宽\u200b字符与表情😀",
    ],
)
def test_hostile_text_is_stored_verbatim(backend: RunningBackend, hostile: str) -> None:
    body = individual_business_request(business_scope=hostile)
    body["applicant"]["name"] = hostile[:100]

    response = post(backend, body)

    assert response.status_code == 201, response.text
    [(name, form)] = backend.rows(
        "SELECT applicant_name, form FROM applications WHERE number = ?", response.json()["number"]
    )
    assert name == hostile[:100]
    assert as_json(form)["business_scope"] == hostile


def test_ten_thousand_characters_are_refused_not_crashing(backend: RunningBackend) -> None:
    huge = "<script>" + "长" * 10_000
    before = backend.rows("SELECT count(*) FROM applications")

    assert error_fields(post(backend, individual_business_request(business_scope=huge))) == {
        "form.business_scope"
    }
    body = individual_business_request()
    body["applicant"]["name"] = huge
    assert error_fields(post(backend, body)) == {"applicant.name"}
    assert backend.rows("SELECT count(*) FROM applications") == before


def test_applicant_id_is_not_a_form_field(backend: RunningBackend) -> None:
    # The card supplies the applicant's own identity; sending it as a form value is an error.
    response = post(backend, individual_business_request(id_number=VALID_ID_NUMBER))

    assert error_fields(response) == {"form.id_number"}


def test_a_form_key_that_is_not_a_field_name_is_refused_not_a_crash(
    backend: RunningBackend,
) -> None:
    body = individual_business_request()
    body["form"]["x\udc80"] = "1"  # a lone surrogate: not even valid UTF-8
    raw = json.dumps(body).encode()  # json escapes it as \udc80, as a hostile client would send
    response = requests.post(
        f"{backend.url}/v1/applications",
        data=raw,
        headers=backend.kiosk_headers(
            **{"Idempotency-Key": uuid.uuid4().hex, "Content-Type": "application/json"}
        ),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 422


def test_nul_characters_are_refused(backend: RunningBackend) -> None:
    body = individual_business_request(business_name="城南\x00便利店")
    assert post(backend, body).status_code == 422
    body = individual_business_request()
    body["applicant"]["name"] = "张\x00三"
    assert post(backend, body).status_code == 422


def test_an_oversized_body_is_refused_early(backend: RunningBackend) -> None:
    body = individual_business_request()
    body["form"] = {f"field_{i}": "x" * 100 for i in range(5000)}  # ~600 KB
    assert post(backend, body).status_code in (413, 422)


def test_too_many_form_fields_are_refused(backend: RunningBackend) -> None:
    body = individual_business_request()
    body["form"].update({f"extra_{i}": "1" for i in range(100)})  # small body, many keys
    response = post(backend, body)
    assert response.status_code == 422
    assert len(response.content) < 20000, "the refusal does not echo every key back"


def test_forms_are_checked_only_for_kiosks(backend: RunningBackend) -> None:
    # Without a kiosk's token nothing is validated: the answer says so and nothing more.
    body = marriage_request(spouse_id_number="440524188001010015")
    assert_kiosk_only(backend, "POST", "/v1/applications", body)
    response = requests.post(
        f"{backend.url}/v1/applications",
        json=body,
        headers={"Idempotency-Key": uuid.uuid4().hex},
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 401
    assert "errors" not in response.json()
