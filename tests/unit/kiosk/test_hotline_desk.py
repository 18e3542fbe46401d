"""Hotline requests on the kiosk's side: the checks the contract makes, hostile text, and
filing offline through the real outbox (the backend at a closed loopback port)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from drivers.printers.file import FilePrinter
from kiosk.api import BackendClient, RetryPolicy
from kiosk.forwarder import ClientSender, Forwarder
from kiosk.hotline_categories import NATIONAL_CATEGORIES, HotlineCategory, HotlineCategorySource
from kiosk.hotline_desk import (
    CONTACT_NAME_MAX_CHARS,
    DESCRIPTION_MAX_CHARS,
    EntryNotReady,
    HotlineDesk,
    HotlineEntry,
    HotlineField,
    HotlineProblem,
    clean_text,
    description_length,
    mask_phone,
    new_draft,
    normalize_phone,
    problems,
)
from kiosk.i18n import Language
from kiosk.outbox import OUTBOX_FILE, Outbox, OutboxKind, OutboxState
from kiosk.printing import ReceiptPrinting
from kiosk.session import PrintOutcome
from kiosk.spool import ReprintSpool
from server import hotline as server_hotline
from server.schemas_hotline import HotlineRequestInput

ROOT = Path(__file__).resolve().parents[3]
BY_CODE = {category.code: category for category in NATIONAL_CATEGORIES}
PRAISE, COMPLAINT = BY_CODE["praise"], BY_CODE["consumer_complaint"]
HOSTILE = (
    "路燈\x00不亮\x07\r\n<script>alert(1)</script>'); DROP TABLE hotline_requests;--\t👵🏽‍🦳\u202e"
)


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def entry(category: HotlineCategory = COMPLAINT, **changes: object) -> HotlineEntry:
    fields: dict[str, object] = {
        "category": category,
        "description": "電飯煲三天就壞了",
        "anonymous": False,
        "phone": "138 0013 8000",
    }
    fields.update(changes)
    return HotlineEntry(**fields)  # type: ignore[arg-type]


# -- the contract --------------------------------------------------------------------------------


def test_limits_are_the_contracts() -> None:
    schema = json.loads((ROOT / "server" / "openapi.json").read_text())["components"]["schemas"]
    properties = schema["HotlineRequestInput"]["properties"]
    assert properties["description"]["maxLength"] == DESCRIPTION_MAX_CHARS
    assert properties["contact_name"]["anyOf"][0]["maxLength"] == CONTACT_NAME_MAX_CHARS
    codes = set(schema["HotlineCategory"]["enum"])
    assert {category.code for category in NATIONAL_CATEGORIES} == codes


def test_national_categories_allow_anonymity_as_the_backend_does() -> None:
    for code, info in server_hotline.CATEGORIES.items():
        kept = BY_CODE[code.value]
        assert kept.anonymous_allowed is info.anonymous_allowed
        assert dict(kept.names) == dict(info.name)


PHONE_LIKE = st.one_of(
    st.text(alphabet="0123456789１３８+-() ", max_size=20),
    st.from_regex(r"(\+86 ?|0086)?1[0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{3}", fullmatch=True),
    st.from_regex(r"(\+86 ?)?\(?0?(10|2[0-9]|[3-9][0-9]{2})\)?[ -]?[0-9]{6,9}", fullmatch=True),
)


@given(PHONE_LIKE)
def test_phone_check_agrees_with_the_backend(text: str) -> None:
    assert normalize_phone(text) == server_hotline.normalize_phone(text)


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "+86 138-0013-8000",
        "0086 13800138000",
        "010-62345678",
        "１３８００１３８０００",
    ],
)
def test_usual_ways_of_writing_a_number_are_accepted(typed: str) -> None:
    assert normalize_phone(typed) is not None
    assert not problems(entry(phone=typed))


@given(st.text(max_size=1200))
def test_what_the_kiosk_accepts_the_backend_accepts(text: str) -> None:
    """Counting as the backend counts: a description the kiosk lets through is never refused."""
    typed = entry(description=text)
    if problems(typed):
        assert description_length(text) == 0 or description_length(text) > DESCRIPTION_MAX_CHARS
        return
    HotlineRequestInput.model_validate(new_draft("K-1", typed, Language.EN).body())


def test_emoji_count_as_the_backend_counts_them() -> None:
    grandma = "👵🏽"  # two code points, four UTF-16 units
    text = grandma * (DESCRIPTION_MAX_CHARS // 2)
    assert description_length(text) == DESCRIPTION_MAX_CHARS
    HotlineRequestInput.model_validate(
        new_draft("K-1", entry(description=text), Language.EN).body()
    )
    over = text + "!"
    assert problems(entry(description=over)) == {
        HotlineField.DESCRIPTION: HotlineProblem.DESCRIPTION_TOO_LONG
    }
    with pytest.raises(ValidationError):
        HotlineRequestInput.model_validate(
            {**new_draft("K-1", entry(), Language.EN).body(), "description": over}
        )


# -- hostile text -------------------------------------------------------------------------------


def test_hostile_text_is_cleaned_not_refused() -> None:
    cleaned = clean_text(HOSTILE)
    assert cleaned == "路燈不亮\n<script>alert(1)</script>'); DROP TABLE hotline_requests;-- 👵🏽‍🦳"
    body = new_draft("K-1", entry(description=HOSTILE), Language.ZH_HANT).body()
    assert body["description"] == cleaned
    HotlineRequestInput.model_validate(body)


def test_blank_or_control_only_text_asks_for_a_description() -> None:
    for text in ("", "   ", "\x00\x01\n\t", "\u202e"):
        assert problems(entry(description=text))[HotlineField.DESCRIPTION] is (
            HotlineProblem.DESCRIPTION_MISSING
        )


def test_a_long_paste_is_refused_with_its_reason_and_kept() -> None:
    pasted = "路" * 4000
    typed = entry(description=pasted)
    assert problems(typed) == {HotlineField.DESCRIPTION: HotlineProblem.DESCRIPTION_TOO_LONG}
    with pytest.raises(EntryNotReady):
        new_draft("K-1", typed, Language.ZH_HANT)
    assert typed.description == pasted  # nothing cut off behind the citizen's back


# -- contact and anonymity -----------------------------------------------------------------------


def test_a_complaint_needs_a_valid_phone_even_if_anonymity_was_asked() -> None:
    assert problems(entry(phone="")) == {HotlineField.PHONE: HotlineProblem.PHONE_MISSING}
    assert problems(entry(phone="12345")) == {HotlineField.PHONE: HotlineProblem.PHONE_INVALID}
    assert problems(entry(anonymous=True, phone="")) == {
        HotlineField.PHONE: HotlineProblem.PHONE_MISSING
    }
    draft = new_draft("K-1", entry(anonymous=True), Language.ZH_HANS)
    assert draft.anonymous is False and draft.body()["contact_phone"] == "+8613800138000"


def test_anonymous_keeps_no_contact_at_all() -> None:
    draft = new_draft("K-1", entry(PRAISE, anonymous=True, phone="x", name="王小明"), Language.EN)
    body = draft.body()
    assert body["anonymous"] is True
    assert "contact_phone" not in body and "contact_name" not in body
    assert draft.masked_contact() == "Anonymous"
    HotlineRequestInput.model_validate(body)


def test_the_draft_never_shows_personal_data_in_its_repr() -> None:
    draft = new_draft("K-1", entry(name="王小明"), Language.ZH_HANT)
    assert draft.masked_contact() == "王**"
    assert "王小明" not in repr(draft) and "138" not in repr(draft) and "電飯煲" not in repr(draft)
    assert mask_phone("+8613800138000") == "138****8000"


def test_a_too_long_name_is_its_own_problem() -> None:
    typed = entry(name="王" * (CONTACT_NAME_MAX_CHARS + 1))
    assert problems(typed) == {HotlineField.NAME: HotlineProblem.NAME_TOO_LONG}


# -- offline: the outbox keeps it, the citizen gets a provisional ticket ------------------------


@pytest.fixture
def offline_desk(tmp_path: Path) -> Iterator[HotlineDesk]:
    client = BackendClient(closed_port_url(), token="t", connect_timeout_s=1, retry=RetryPolicy(1))
    with Outbox.in_directory(tmp_path / "data") as outbox:
        yield HotlineDesk(
            HotlineCategorySource(client, tmp_path / "data" / "hotline-categories.json"),
            outbox,
            Forwarder(outbox, ClientSender(client)),
            ReceiptPrinting(FilePrinter(tmp_path / "receipts"), ReprintSpool(tmp_path / "spool")),
            kiosk_id="village-07",
        )
    client.close()


def test_offline_the_national_categories_stand_in(offline_desk: HotlineDesk) -> None:
    view = offline_desk.categories()
    assert view.categories == NATIONAL_CATEGORIES and not view.from_backend


def test_offline_filing_keeps_the_request_sealed_and_prints_a_provisional_ticket(
    offline_desk: HotlineDesk, tmp_path: Path
) -> None:
    draft = new_draft("village-07", entry(description="路燈不亮", name="王小明"), Language.ZH_HANT)
    filed = offline_desk.file(draft)

    assert filed.record.provisional and filed.record.number == draft.provisional_ref
    assert filed.record.status_url == "" and filed.printed is PrintOutcome.PRINTED
    with Outbox.in_directory(tmp_path / "data") as outbox:
        (item,) = outbox.pending()
        assert item.kind is OutboxKind.HOTLINE and item.state is OutboxState.PENDING
        assert item.idempotency_key == draft.idempotency_key
        assert outbox.payload(item.id) == draft.body()
    on_disk = b"".join(path.read_bytes() for path in (tmp_path / "data").glob(f"{OUTBOX_FILE}*"))
    for secret in ("路燈不亮", "王小明", "13800138000"):
        assert secret.encode() not in on_disk, "personal fields are sealed at rest"

    (job,) = (tmp_path / "receipts").glob("*.bin")
    printed = job.read_bytes()
    assert draft.provisional_ref.encode() in printed
    assert "路燈不亮".encode() not in printed and "王小明".encode() not in printed
    assert b"\x1d(k" not in printed, "no QR code that could not resolve"


def test_a_retry_of_the_same_draft_files_nothing_twice(
    offline_desk: HotlineDesk, tmp_path: Path
) -> None:
    draft = new_draft("village-07", entry(), Language.EN)
    first = offline_desk.file(draft)
    again = offline_desk.file(draft)
    assert first.record.number == again.record.number == draft.provisional_ref
    with Outbox.in_directory(tmp_path / "data") as outbox:
        assert outbox.depth() == 1


def test_kept_categories_are_used_offline(tmp_path: Path) -> None:
    kept = tmp_path / "hotline-categories.json"
    kept.write_text(
        json.dumps(
            {
                "categories": [
                    {
                        "code": "praise",
                        "name": {"zh-Hant": "表揚", "zh-Hans": "表扬", "en": "Praise"},
                        "description": {"zh-Hant": "", "zh-Hans": "", "en": "Say thanks."},
                        "anonymous_allowed": True,
                    }
                ]
            }
        )
    )
    client = BackendClient(closed_port_url(), retry=RetryPolicy(1))
    view = HotlineCategorySource(client, kept).categories()
    assert [c.code for c in view.categories] == ["praise"] and not view.from_backend
    kept.write_text("{not json")
    assert HotlineCategorySource(client, kept).categories().categories == NATIONAL_CATEGORIES
