"""kiosk/api.py against the real backend (the network's faults are in tests/faults)."""

from __future__ import annotations

import pytest

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.api import (
    ApplicationDraft,
    BackendClient,
    BackendRejected,
    RetryPolicy,
)
from kiosk.i18n import Language
from tests.support import RunningBackend

FAST_RETRY = RetryPolicy(attempts=3, first_delay_s=0.01, max_delay_s=0.02)
HOTLINE_FORM = {"subject": "路燈不亮", "content": "中山路 3 號前", "contact_phone": "13800138000"}


def draft(**changes: object) -> ApplicationDraft:
    values: dict[str, object] = {
        "service_code": "HL-002",
        "language": Language.ZH_HANT,
        "applicant_name": DEMO_IDENTITY.name,
        "applicant_id_number": DEMO_IDENTITY.id_number,
        "document_kind": DEMO_IDENTITY.kind.value,
        "form": HOTLINE_FORM,
    }
    values.update(changes)
    return ApplicationDraft(**values)  # type: ignore[arg-type]


def client(url: str, token: str = "", **options: float) -> BackendClient:
    return BackendClient(
        url,
        token=token,
        connect_timeout_s=options.get("connect", 1.0),
        read_timeout_s=options.get("read", 3.0),
        retry=FAST_RETRY,
    )


def test_catalog_arrives_parsed_in_three_languages(backend: RunningBackend) -> None:
    services = client(backend.url, backend.kiosk_token).services()
    assert len(services) >= 20
    assert all(set(s.name) >= {"zh-Hant", "zh-Hans", "en"} for s in services)


def test_submitting_twice_with_one_key_files_once(backend: RunningBackend) -> None:
    api, one = client(backend.url, backend.kiosk_token), draft()
    first = api.submit_application(one)
    again = api.submit_application(one)
    assert again == first
    assert backend.rows("SELECT count(*) FROM applications WHERE number = ?", first.number) == [
        (1,)
    ]
    assert api.lookup(first.number, DEMO_IDENTITY.id_number[-4:]) == first


def test_rejection_carries_the_servers_field_errors(backend: RunningBackend) -> None:
    with pytest.raises(BackendRejected) as caught:
        client(backend.url, backend.kiosk_token).submit_application(draft(form={"subject": "x"}))
    assert caught.value.status == 422
    assert any("content" in name for name in caught.value.field_errors)
    with pytest.raises(BackendRejected) as missing:
        client(backend.url, backend.kiosk_token).service("NO-SUCH")
    assert missing.value.status == 404


def test_the_catalog_is_fetched_again_only_when_it_changed(backend: RunningBackend) -> None:
    api = client(backend.url)
    first = api.services_conditional(None)
    assert not first.not_modified and first.etag and len(first.services) >= 20
    assert first.document["services"][0]["code"] == first.services[0].code
    unchanged = api.services_conditional(first.etag)
    assert unchanged.not_modified and unchanged.etag == first.etag and not unchanged.services
    stale = api.services_conditional('"an-etag-from-an-older-catalog"')
    assert not stale.not_modified and stale.services == first.services


def test_health_answers(backend: RunningBackend) -> None:
    assert client(backend.url).health()
