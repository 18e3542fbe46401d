"""Requests the server integration tests send."""

from __future__ import annotations

from typing import Any

# GB 11643's own worked example; its check character is X.
VALID_ID_NUMBER = "11010519491231002X"
TIMEOUT_S = 10


def individual_business_request(**form_overrides: str) -> dict[str, Any]:
    """A valid request for BR-001 of the demo catalog; ``form_overrides`` replace values."""
    form = {
        "business_name": "城南便利店",
        "organization_form": "individual",
        "business_scope": "日用百货零售",
        "capital_10k_yuan": "5",
        "premises_address": "城南路12号",
        "contact_phone": "+8613800138000",
    }
    form.update(form_overrides)
    return {
        "service_code": "BR-001",
        "kiosk_id": "hall-1-kiosk-03",
        "language": "zh-Hans",
        "applicant": {
            "name": "张三",
            "id_number": VALID_ID_NUMBER,
            "document_kind": "resident_id",
        },
        "form": form,
    }
