"""The idempotency fingerprint of an application body across the optional access code."""

from __future__ import annotations

from typing import Any

from server.idempotency import fingerprint
from server.schemas import ApplicationRequest


def body(**extra: Any) -> dict[str, Any]:
    return {
        "service_code": "BR-001",
        "language": "zh-Hans",
        "applicant": {"name": "张三", "id_number": "11010519491231002X", "document_kind": "r"},
        "form": {"business_name": "城南便利店"},
        "provisional_ref": "K01-00000001",
        **extra,
    }


def test_a_body_without_a_code_dumps_as_before_the_field_existed() -> None:
    # A kiosk retrying across a server upgrade must get its stored answer, not a 422.
    for given in (body(), body(access_code=None)):
        assert ApplicationRequest.model_validate(given).model_dump(mode="json") == body()


def test_the_code_is_part_of_the_fingerprint() -> None:
    def of(**extra: Any) -> str:
        return fingerprint("application", ApplicationRequest.model_validate(body(**extra)))

    assert of() == of(access_code=None)
    assert of(access_code="ABCDEFGHJK") == of(access_code="ABCDEFGHJK")
    assert len({of(), of(access_code="ABCDEFGHJK"), of(access_code="ABCDEFGHJM")}) == 3
