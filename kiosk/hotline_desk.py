"""Hotline requests (12345): checking what the citizen typed, filing it through the outbox,
and printing its ticket.

Filing is the application's rule (kiosk/desk.py): the request is written to the outbox, sealed,
with its idempotency key and provisional reference, before the first try to send it; then one
try now. Offline the citizen still leaves with a ticket carrying the provisional reference, and
the forwarder delivers the request later, exactly once.

The checks mirror the contract (``HotlineRequestInput`` in server/openapi.json), counting as the
backend counts (code points), so the citizen hears of a problem beside the field instead of a
refusal after sending. These calls block (disk, network, printer): a worker thread runs them.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from drivers.cards.identity import mask_name
from kiosk.forwarder import Forwarder
from kiosk.hotline_categories import CategoryView, HotlineCategory, HotlineCategorySource
from kiosk.i18n import Language
from kiosk.outbox import (
    Outbox,
    OutboxConflict,
    OutboxItem,
    OutboxKind,
    OutboxState,
    new_provisional_ref,
)
from kiosk.printing import ReceiptPrinting
from kiosk.receipt_labels import LABELS
from kiosk.receipts import hotline_ticket
from kiosk.session import PrintOutcome

log = logging.getLogger(__name__)

# HotlineRequestInput in server/openapi.json (a unit test holds them to it).
DESCRIPTION_MAX_CHARS = 1000
CONTACT_NAME_MAX_CHARS = 100
# If the forwarder's thread is sending this very item, how long to wait for that attempt.
SEND_NOW_WAIT_S = 30.0

# Bidirectional overrides and isolates reorder what staff would read ("Trojan source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_PHONE_SEPARATORS = re.compile(r"[\s\-()]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Area code 010, 02x or a four-digit 0xxx, then 7 or 8 digits not starting with 0 or 1.
_LANDLINE = re.compile(r"0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}")


def clean_text(text: str) -> str:
    """What is sent of a typed or pasted text: line breaks kept (as ``\\n``), tabs as spaces,
    control characters, stray surrogates and bidirectional overrides dropped, ends trimmed.
    Emoji and every script pass unchanged."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n").replace("\t", " ")
    kept = (
        char
        for char in text
        if char == "\n"
        or (unicodedata.category(char) not in ("Cc", "Cs") and char not in _BIDI_CONTROLS)
    )
    return "".join(kept).strip()


def description_length(text: str) -> int:
    """Characters as the backend counts them (code points), of what would be sent."""
    return len(clean_text(text))


def normalize_phone(text: str) -> str | None:
    """A mainland China mobile or landline number as ``+86`` and its digits; None if not one.

    The backend's rule (the contract's ``contact_phone``): spaces, hyphens and brackets
    allowed, an optional +86 or 0086, full-width digits from a Chinese input method too.
    """
    compact = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    for country_prefix in ("+86", "0086"):
        if compact.startswith(country_prefix):
            national = compact[len(country_prefix) :]
            # Internationally a landline drops its trunk 0: +86 10 ... is 010 ...
            if not national.startswith(("0", "1")) or national.startswith("10"):
                national = "0" + national
            break
    else:
        national = compact
    if _MOBILE.fullmatch(national) or _LANDLINE.fullmatch(national):
        return "+86" + national.removeprefix("0")
    return None


def mask_phone(phone: str) -> str:
    """``138****8000``: the first three and last four digits of the national number."""
    digits = phone.removeprefix("+86")
    if len(digits) < 8:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


class HotlineProblem(Enum):
    DESCRIPTION_MISSING = "description-missing"
    DESCRIPTION_TOO_LONG = "description-too-long"
    PHONE_MISSING = "phone-missing"
    PHONE_INVALID = "phone-invalid"
    NAME_TOO_LONG = "name-too-long"


class HotlineField(Enum):
    DESCRIPTION = "description"
    PHONE = "phone"
    NAME = "name"


@dataclass(frozen=True)
class HotlineEntry:
    """What the citizen put on the screen, as typed."""

    category: HotlineCategory
    description: str
    anonymous: bool
    phone: str = ""
    name: str = ""  # typed, or the card's


def problems(entry: HotlineEntry) -> dict[HotlineField, HotlineProblem]:
    """What stops the entry from being filed, by field; empty when it can be."""
    found: dict[HotlineField, HotlineProblem] = {}
    length = description_length(entry.description)
    if length == 0:
        found[HotlineField.DESCRIPTION] = HotlineProblem.DESCRIPTION_MISSING
    elif length > DESCRIPTION_MAX_CHARS:
        found[HotlineField.DESCRIPTION] = HotlineProblem.DESCRIPTION_TOO_LONG
    if entry.anonymous and entry.category.anonymous_allowed:
        return found
    if not clean_text(entry.phone):
        found[HotlineField.PHONE] = HotlineProblem.PHONE_MISSING
    elif normalize_phone(clean_text(entry.phone)) is None:
        found[HotlineField.PHONE] = HotlineProblem.PHONE_INVALID
    if len(clean_text(entry.name).replace("\n", " ")) > CONTACT_NAME_MAX_CHARS:
        found[HotlineField.NAME] = HotlineProblem.NAME_TOO_LONG
    return found


@dataclass(frozen=True)
class HotlineDraft:
    """A checked request, with its idempotency key and provisional reference fixed before the
    first try (a retry repeats both). Holds personal data: never logged (see ``__repr__``)."""

    category: HotlineCategory
    language: Language
    description: str
    anonymous: bool
    contact_phone: str | None
    contact_name: str | None
    provisional_ref: str
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "category": self.category.code,
            "description": self.description,
            "anonymous": self.anonymous,
            "language": self.language.value,
            "provisional_ref": self.provisional_ref,
        }
        if not self.anonymous:
            body["contact_phone"] = self.contact_phone
            if self.contact_name:
                body["contact_name"] = self.contact_name
        return body

    def masked_contact(self) -> str:
        """Who the ticket names: a masked name, else a masked phone; or nobody."""
        if self.anonymous:
            return LABELS[self.language].anonymous
        if self.contact_name:
            return mask_name(self.contact_name)
        return mask_phone(self.contact_phone or "")

    def __repr__(self) -> str:
        return f"HotlineDraft(category={self.category.code}, ref={self.provisional_ref})"


class EntryNotReady(ValueError):
    """The entry still has problems (see :func:`problems`); nothing was made of it."""


def new_draft(kiosk_id: str, entry: HotlineEntry, language: Language) -> HotlineDraft:
    """The draft to file for a checked entry (raises ``EntryNotReady`` otherwise)."""
    if problems(entry):
        raise EntryNotReady("the hotline entry has problems")
    anonymous = entry.anonymous and entry.category.anonymous_allowed
    name = clean_text(entry.name).replace("\n", " ")
    return HotlineDraft(
        category=entry.category,
        language=language,
        description=clean_text(entry.description),
        anonymous=anonymous,
        contact_phone=None if anonymous else normalize_phone(clean_text(entry.phone)),
        contact_name=None if anonymous or not name else name,
        provisional_ref=new_provisional_ref(kiosk_id),
    )


@dataclass(frozen=True)
class HotlineRecord:
    """A filed request as its ticket shows it; ``provisional``: still in the outbox."""

    number: str
    category_code: str
    submitted_at: datetime
    status_url: str  # empty while provisional (the backend makes the access code)
    provisional: bool


@dataclass(frozen=True)
class HotlineFiled:
    record: HotlineRecord
    printed: PrintOutcome


class HotlineRefused(Exception):
    """The backend refused the request for good (the outbox keeps only that it did)."""


class HotlineDesk:
    """Files hotline requests through the outbox, so the network never decides what is lost."""

    def __init__(
        self,
        source: HotlineCategorySource,
        outbox: Outbox,
        forwarder: Forwarder,
        paper: ReceiptPrinting,
        *,
        kiosk_id: str,
    ) -> None:
        self._source = source
        self._outbox = outbox
        self._forwarder = forwarder
        self._paper = paper
        self.kiosk_id = kiosk_id

    def categories(self) -> CategoryView:
        return self._source.categories()

    def file(self, draft: HotlineDraft) -> HotlineFiled:
        """Keep the request in the outbox (raises ``OutboxError``), try to send it at once,
        then print its ticket, official or provisional. Raises ``HotlineRefused`` if the
        backend refused it. A printer problem never undoes a filing."""
        item = self._keep(draft)
        # From here the request is safe on disk whatever happens to this process.
        item = self._forwarder.send_now(item.id, wait_s=SEND_NOW_WAIT_S)
        if item.state is OutboxState.REJECTED:
            raise HotlineRefused(item.last_error or "refused")
        record = _record(item, draft)
        log.info(
            "hotline request %s filed in %s (%s)",
            record.number,
            draft.category.code,
            "provisional" if record.provisional else "sent",
        )
        try:
            receipt = hotline_ticket(
                number=record.number,
                category_name=draft.category.name_in(draft.language),
                # The category's own words: the description is the citizen's, not for paper.
                subject=draft.category.description_in(draft.language),
                submitted_at=record.submitted_at.astimezone(),
                status_url=record.status_url,
                applicant_masked_name=draft.masked_contact(),
                kiosk_id=self.kiosk_id,
                language=draft.language,
                provisional=record.provisional,
            )
        except Exception:
            log.exception("hotline ticket for %s could not be laid out", record.number)
            return HotlineFiled(record, PrintOutcome.PRINT_FAILED)
        return HotlineFiled(record, self._paper.print(receipt))

    def _keep(self, draft: HotlineDraft) -> OutboxItem:
        try:
            return self._outbox.put(
                OutboxKind.HOTLINE,
                idempotency_key=draft.idempotency_key,
                provisional_ref=draft.provisional_ref,
                payload=draft.body(),
            )
        except OutboxConflict:
            # A retry of a draft the outbox kept before something later failed: that item.
            kept = self._outbox.find(draft.provisional_ref)
            if kept is None or kept.idempotency_key != draft.idempotency_key:
                raise
            return kept


def _record(item: OutboxItem, draft: HotlineDraft) -> HotlineRecord:
    submitted_at = datetime.fromtimestamp(item.created_at, UTC)
    if item.state is OutboxState.SENT and item.official_number:
        return HotlineRecord(
            item.official_number, draft.category.code, submitted_at, item.status_url or "", False
        )
    return HotlineRecord(draft.provisional_ref, draft.category.code, submitted_at, "", True)
