"""What goes on the receipts the kiosk prints. Printer backends decide how it looks on paper.

Only masked personal data is ever put on a receipt: the caller passes the masked name and ID
(see ``drivers.cards.mask_id``), and this module never sees the full ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from drivers.printers.layout import (
    Align,
    Cut,
    Feed,
    KeyValue,
    QRCode,
    Receipt,
    Separator,
    Text,
    Title,
)
from kiosk.i18n import Language


@dataclass(frozen=True)
class ReceiptLabels:
    title: str
    subtitle: str  # stands in for the hall name until configuration provides one
    number: str
    service: str
    applicant: str
    id_number: str
    submitted_at: str
    promised_by: str
    kiosk: str
    scan_hint: str


LABELS: dict[Language, ReceiptLabels] = {
    Language.ZH_HANT: ReceiptLabels(
        title="受理回執",
        subtitle="一站式服務",
        number="申請編號",
        service="辦理事項",
        applicant="申請人",
        id_number="證件號碼",
        submitted_at="受理時間",
        promised_by="承諾辦結日期",
        kiosk="自助終端",
        scan_hint="掃描二維碼查詢辦理進度",
    ),
    Language.ZH_HANS: ReceiptLabels(
        title="受理回执",
        subtitle="一站式服务",
        number="申请编号",
        service="办理事项",
        applicant="申请人",
        id_number="证件号码",
        submitted_at="受理时间",
        promised_by="承诺办结日期",
        kiosk="自助终端",
        scan_hint="扫描二维码查询办理进度",
    ),
    Language.EN: ReceiptLabels(
        title="Application receipt",
        subtitle="OneStop service",
        number="Application no.",
        service="Service",
        applicant="Applicant",
        id_number="ID number",
        submitted_at="Submitted",
        promised_by="Promised by",
        kiosk="Kiosk",
        scan_hint="Scan to check progress",
    ),
}


def application_receipt(
    *,
    number: str,
    service_name: str,
    submitted_at: datetime,
    promised_by: date,
    status_url: str,
    applicant_masked_name: str,
    applicant_masked_id: str,
    kiosk_id: str,
    language: Language,
) -> Receipt:
    """The receipt a citizen takes home after filing an application."""
    labels = LABELS[language]
    # An aware time is shown in the kiosk's local zone; a naive one is taken as local already.
    local_time = submitted_at.astimezone() if submitted_at.tzinfo else submitted_at
    return Receipt(
        reference=number,
        elements=(
            Title(labels.title),
            Text(labels.subtitle, align=Align.CENTER),
            Separator(),
            KeyValue(labels.number, number),
            KeyValue(labels.service, service_name),
            KeyValue(labels.applicant, applicant_masked_name),
            KeyValue(labels.id_number, applicant_masked_id),
            KeyValue(labels.submitted_at, f"{local_time:%Y-%m-%d %H:%M}"),
            KeyValue(labels.promised_by, f"{promised_by:%Y-%m-%d}"),
            KeyValue(labels.kiosk, kiosk_id),
            Separator(),
            Text(labels.scan_hint, align=Align.CENTER),
            QRCode(status_url),
            Text(number, align=Align.CENTER, bold=True),
            Feed(2),
            Cut(),
        ),
    )
