"""The client as the fault tests configure it: small timeouts, fast retries, a hang guard."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.api import BackendClient, RetryPolicy
from tests.support import RunningBackend

CONNECT_S = 0.5
READ_S = 1.0
FAST_RETRY = RetryPolicy(attempts=3, first_delay_s=0.05, max_delay_s=0.2)
# Room for a loaded machine: the guard catches hangs, it does not measure speed.
SLACK_S = 3.0


def make_client(
    url: str,
    token: str = "",
    *,
    retry: RetryPolicy = FAST_RETRY,
    ca_bundle: str = "",
) -> BackendClient:
    return BackendClient(
        url,
        token=token,
        connect_timeout_s=CONNECT_S,
        read_timeout_s=READ_S,
        ca_bundle=ca_bundle,
        retry=retry,
    )


def worst_case_s(retry: RetryPolicy = FAST_RETRY) -> float:
    """The longest a call may take: every attempt times out, every pause is the longest."""
    return retry.attempts * (CONNECT_S + READ_S) + (retry.attempts - 1) * retry.max_delay_s


@dataclass(frozen=True)
class Filing:
    """One application as the outbox would send it: body, idempotency key, provisional ref."""

    body: dict[str, Any]
    key: str
    ref: str

    def rows_on(self, backend: RunningBackend) -> int:
        found = backend.rows(
            "SELECT count(*) FROM applications WHERE provisional_ref = ?", self.ref
        )
        return int(found[0][0])


def new_filing() -> Filing:
    ref = f"KX-{uuid.uuid4().hex[:16]}"
    body = {
        "service_code": "HL-002",
        "language": "zh-Hant",
        "applicant": {
            "name": DEMO_IDENTITY.name,
            "id_number": DEMO_IDENTITY.id_number,
            "document_kind": DEMO_IDENTITY.kind.value,
        },
        "form": {"subject": "路燈不亮", "content": "中山路 3 號前", "contact_phone": "13800138000"},
        "provisional_ref": ref,
    }
    return Filing(body, uuid.uuid4().hex, ref)
