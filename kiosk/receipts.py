"""What goes on the receipts and tickets the kiosk prints. Printer backends decide the looks.

Only masked personal data is ever put on paper: callers pass masked names and ID numbers (see
``drivers.cards.mask_id``); these builders never see the full ones. The layouts are
printer-independent; the encoder wraps them to 32, 42 or 48 columns, CJK counted double.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from drivers.printers.layout import (
    Align,
    Barcode,
    Cut,
    Element,
    Feed,
    KeyValue,
    QRCode,
    Receipt,
    Separator,
    Text,
    Title,
)
from kiosk.i18n import Language
from kiosk.receipt_labels import LABELS, ReceiptLabels

__all__ = [
    "LABELS",
    "ReceiptLabels",
    "StatusStep",
    "application_receipt",
    "hotline_ticket",
    "queue_ticket",
    "status_printout",
    "printer_test_page",
]


def _local(moment: datetime) -> str:
    # An aware time is shown in the kiosk's local zone; a naive one is taken as local already.
    return f"{moment.astimezone() if moment.tzinfo else moment:%Y-%m-%d %H:%M}"


def _tracking(labels: ReceiptLabels, status_url: str, number: str) -> tuple[Element, ...]:
    """The foot of anything a citizen follows up: how to check it, the code, the number.
    Without a ``status_url`` (a hotline request kept offline) only the number."""
    return (
        Separator(),
        *((Text(labels.scan_hint, align=Align.CENTER), QRCode(status_url)) if status_url else ()),
        Text(number, align=Align.CENTER, bold=True),
        Feed(2),
        Cut(),
    )


def _tracked(
    labels: ReceiptLabels,
    *,
    title: str,
    subtitle: str,
    rows: Sequence[tuple[str, str]],
    status_url: str,
    number: str,
    note: str | None = None,
) -> Receipt:
    """Heading, key-value rows, a note if any, then how to follow the matter up (QR code and
    number)."""
    return Receipt(
        reference=number,
        elements=(
            Title(title),
            Text(subtitle, align=Align.CENTER),
            Separator(),
            *(KeyValue(key, value) for key, value in rows),
            *((Text(note),) if note else ()),
            *_tracking(labels, status_url, number),
        ),
    )


def application_receipt(
    *,
    number: str,
    service_name: str,
    submitted_at: datetime,
    promised_by: date | None,
    status_url: str,
    applicant_masked_name: str,
    applicant_masked_id: str,
    kiosk_id: str,
    language: Language,
    provisional: bool = False,
) -> Receipt:
    """The receipt a citizen takes home after filing an application.

    ``provisional``: filed while the backend was out of reach, so ``number`` is the kiosk's
    provisional reference and there is no promised date yet; the QR link resolves once the
    application has reached the hall.
    """
    labels = LABELS[language]
    rows = [
        (labels.provisional_number if provisional else labels.number, number),
        (labels.service, service_name),
        (labels.applicant, applicant_masked_name),
        (labels.id_number, applicant_masked_id),
        (labels.submitted_at, _local(submitted_at)),
    ]
    if promised_by is not None:
        rows.append((labels.promised_by, f"{promised_by:%Y-%m-%d}"))
    rows.append((labels.kiosk, kiosk_id))
    return _tracked(
        labels,
        title=labels.title,
        subtitle=labels.subtitle,
        rows=rows,
        status_url=status_url,
        number=number,
        note=labels.provisional_note if provisional else None,
    )


def queue_ticket(
    *,
    ticket: str,
    category_name: str,
    people_ahead: int,
    estimated_wait_minutes: int | None,
    issued_at: datetime,
    kiosk_id: str,
    language: Language,
) -> Receipt:
    """A queue number (取號) for a counter category; no personal data at all."""
    labels = LABELS[language]
    wait = (
        f"{estimated_wait_minutes} {labels.minutes}"
        if estimated_wait_minutes is not None
        else labels.wait_unknown
    )
    return Receipt(
        reference=ticket,
        elements=(
            Title(labels.queue_title),
            Text(category_name, align=Align.CENTER),
            Separator(),
            Title(ticket),
            KeyValue(labels.people_ahead, str(people_ahead)),
            KeyValue(labels.estimated_wait, wait),
            KeyValue(labels.issued_at, _local(issued_at)),
            KeyValue(labels.kiosk, kiosk_id),
            Separator(),
            Text(labels.queue_hint, align=Align.CENTER),
            Feed(2),
            Cut(),
        ),
    )


def hotline_ticket(
    *,
    number: str,
    category_name: str,
    subject: str,
    submitted_at: datetime,
    status_url: str,
    applicant_masked_name: str,
    kiosk_id: str,
    language: Language,
    provisional: bool = False,
) -> Receipt:
    """The receipt of a hotline-style request (12345 categories). ``provisional``: kept in the
    kiosk's outbox, ``number`` its provisional reference; ``status_url`` may then be empty."""
    labels = LABELS[language]
    rows = [
        (labels.provisional_number if provisional else labels.request_number, number),
        (labels.category, category_name),
        (labels.subject, subject),
        (labels.applicant, applicant_masked_name),
        (labels.submitted_at, _local(submitted_at)),
        (labels.kiosk, kiosk_id),
    ]
    return _tracked(
        labels,
        title=labels.hotline_title,
        subtitle=labels.hotline_subtitle,
        rows=rows,
        status_url=status_url,
        number=number,
        note=labels.hotline_provisional_note if provisional else None,
    )


@dataclass(frozen=True)
class StatusStep:
    """One step of an application's history as the backend reports it, already worded."""

    at: datetime
    label: str
    note: str = ""


def status_printout(
    *,
    number: str,
    service_name: str,
    status_name: str,
    promised_by: date,
    overdue: bool,
    history: Sequence[StatusStep],
    printed_at: datetime,
    language: Language,
) -> Receipt:
    """Where an earlier application stands, for a citizen who asked at the kiosk."""
    labels = LABELS[language]
    promised = f"{promised_by:%Y-%m-%d}" + (f" ({labels.overdue})" if overdue else "")
    steps: list[Element] = []
    for step in history:
        steps.append(KeyValue(_local(step.at), step.label))
        if step.note:
            steps.append(Text(step.note))
    return Receipt(
        reference=number,
        elements=(
            Title(labels.status_title),
            Separator(),
            KeyValue(labels.number, number),
            KeyValue(labels.service, service_name),
            KeyValue(labels.current_status, status_name),
            KeyValue(labels.promised_by, promised),
            Separator(),
            Text(labels.history, bold=True),
            *steps,
            Separator(),
            KeyValue(labels.printed_at, _local(printed_at)),
            Feed(2),
            Cut(),
        ),
    )


# Samples for a vendor checking a printer: both Chinese scripts, Latin, full-width punctuation.
_TEST_SAMPLES = (
    "繁體：臺灣戶籍謄本申請、營業執照變更。",
    "简体：个体工商户设立登记、社会保障卡。",
    "Latin: OneStop Kiosk 0123456789 +-*/%",
)


def printer_test_page(*, printer_label: str, columns: int, language: Language) -> Receipt:
    """What ``kiosk printer test`` prints: scripts, a width ruler, a QR code and a barcode."""
    labels = LABELS[language]
    ruler = "".join(str(i % 10) for i in range(1, columns + 1))
    wide_ruler = "一二三四五六七八九十" * (columns // 20 + 1)
    return Receipt(
        reference="test-page",
        elements=(
            Title(labels.test_title),
            Separator(),
            KeyValue(labels.test_printer, printer_label),
            KeyValue(labels.test_columns, str(columns)),
            Separator(),
            *(Text(sample) for sample in _TEST_SAMPLES),
            Separator(),
            Text(ruler),
            Text(wide_ruler[: columns // 2]),
            QRCode("ONESTOP-KIOSK-TEST-PAGE"),
            Barcode("ONESTOP-TEST"),
            Feed(2),
            Cut(),
        ),
    )
