"""The application receipt: right content, only masked personal data, every language."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import UTC, date, datetime

import pytest

from drivers.cards import mask_id, mask_name
from drivers.printers.layout import (
    Barcode,
    Cut,
    Feed,
    KeyValue,
    QRCode,
    Receipt,
    Separator,
    Text,
    Title,
)
from drivers.printers.textwidth import key_value_lines, wrap
from kiosk.i18n import Language
from kiosk.receipts import (
    LABELS,
    StatusStep,
    application_receipt,
    hotline_ticket,
    printer_test_page,
    queue_ticket,
    status_printout,
)

FULL_ID = "44182319900101123X"
FULL_NAME = "王小明"


def build(language: Language, submitted_at: datetime | None = None) -> Receipt:
    return application_receipt(
        number="2024-0001-ABC",
        service_name="個體工商戶設立登記",
        submitted_at=submitted_at or datetime(2024, 5, 6, 14, 3, 59),
        promised_by=date(2024, 5, 13),
        status_url="https://kiosk.example.gov.cn/s/2024-0001-ABC",
        applicant_masked_name=mask_name(FULL_NAME),
        applicant_masked_id=mask_id(FULL_ID),
        kiosk_id="K-017",
        language=language,
    )


def all_text(language: Language) -> str:
    return " ".join(
        str(value)
        for element in build(language).elements
        for value in dataclasses.asdict(element).values()
    )


@pytest.mark.parametrize("language", list(Language))
def test_only_the_masked_id_and_name_are_printed(language: Language) -> None:
    values = {e.value for e in build(language).elements if isinstance(e, KeyValue)}
    assert "4418**********123X" in values
    assert "王**" in values
    text = all_text(language)
    assert FULL_ID not in text and FULL_ID[4:-4] not in text
    assert FULL_NAME not in text


def test_every_language_has_every_label() -> None:
    assert set(LABELS) == set(Language)
    for labels in LABELS.values():
        assert all(value.strip() for value in dataclasses.asdict(labels).values())
    titles = {language: build(language).elements[0] for language in Language}
    assert titles[Language.ZH_HANT] == Title("受理回執")
    assert titles[Language.ZH_HANS] == Title("受理回执")
    assert titles[Language.EN] == Title("Application receipt")


@pytest.mark.parametrize("language", list(Language))
def test_layout_order(language: Language) -> None:
    receipt = build(language)
    kinds = [type(e) for e in receipt.elements]
    assert kinds[:3] == [Title, Text, Separator]
    assert kinds.count(KeyValue) == 7 and kinds.count(Separator) == 2
    assert kinds[-2:] == [Feed, Cut]
    qr_index = kinds.index(QRCode)
    assert receipt.elements[qr_index] == QRCode("https://kiosk.example.gov.cn/s/2024-0001-ABC")
    assert receipt.elements[qr_index + 1].text == "2024-0001-ABC"  # type: ignore[union-attr]
    assert receipt.reference == "2024-0001-ABC"


def test_dates_are_formatted_in_local_time() -> None:
    values = [e.value for e in build(Language.EN).elements if isinstance(e, KeyValue)]
    assert "2024-05-06 14:03" in values and "2024-05-13" in values
    aware = datetime(2024, 5, 6, 6, 3, tzinfo=UTC)
    local = aware.astimezone().strftime("%Y-%m-%d %H:%M")
    values = [e.value for e in build(Language.EN, aware).elements if isinstance(e, KeyValue)]
    assert local in values


# -- tickets, status printouts, the test page -------------------------------------------------

ISSUED = datetime(2026, 11, 30, 9, 15)


def every_layout(language: Language) -> list[Receipt]:
    return [
        build(language),
        queue_ticket(
            ticket="A023",
            category_name="社會保障 Social security",
            people_ahead=7,
            estimated_wait_minutes=18,
            issued_at=ISSUED,
            kiosk_id="K-017",
            language=language,
        ),
        hotline_ticket(
            number="HL20261130000042",
            category_name="投訴 complaint",
            subject="中山路路燈不亮，夜間行人看不見台階，已經一個月沒有修理。" * 2,
            submitted_at=ISSUED,
            status_url="https://kiosk.example.gov.cn/r/HL20261130000042",
            applicant_masked_name=mask_name(FULL_NAME),
            kiosk_id="K-017",
            language=language,
        ),
        status_printout(
            number="OS20261101000007",
            service_name="建設工程規劃許可證核發 Construction planning permit",
            status_name="審查中",
            promised_by=date(2026, 11, 20),
            overdue=True,
            history=(
                StatusStep(datetime(2026, 11, 1, 10, 0), "已受理"),
                StatusStep(datetime(2026, 11, 3, 15, 30), "審查中", "請補交地形圖一份。"),
            ),
            printed_at=ISSUED,
            language=language,
        ),
        printer_test_page(printer_label="tcp://192.0.2.7:9100", columns=42, language=language),
    ]


def independent_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("columns", [32, 42, 48])
@pytest.mark.parametrize("language", list(Language))
def test_every_layout_fits_every_paper(columns: int, language: Language) -> None:
    for receipt in every_layout(language):
        for element in receipt.elements:
            if isinstance(element, Title):
                lines, limit = wrap(element.text, columns // 2), columns // 2
            elif isinstance(element, Text):
                lines, limit = wrap(element.text, columns), columns
            elif isinstance(element, KeyValue):
                lines, limit = key_value_lines(element.key, element.value, columns), columns
            else:
                continue
            assert lines, element
            assert all(independent_width(line) <= limit for line in lines), (element, lines)
            joined = "".join(lines).replace(" ", "")
            original = "".join(vars(element).get(k, "") for k in ("key", "value", "text"))
            assert joined == original.replace(" ", ""), "wrapping lost characters"


@pytest.mark.parametrize("language", list(Language))
def test_no_layout_carries_unmasked_personal_data(language: Language) -> None:
    for receipt in every_layout(language):
        text = " ".join(str(v) for e in receipt.elements for v in vars(e).values())
        assert FULL_NAME not in text and FULL_ID not in text


def test_queue_ticket_shows_the_number_big_and_the_wait() -> None:
    ticket = every_layout(Language.ZH_HANT)[1]
    assert Title("A023") in ticket.elements
    assert KeyValue("預計等候", "18 分鐘") in ticket.elements
    unknown = queue_ticket(
        ticket="B001",
        category_name="稅務",
        people_ahead=0,
        estimated_wait_minutes=None,
        issued_at=ISSUED,
        kiosk_id="K-1",
        language=Language.EN,
    )
    assert KeyValue("Estimated wait", "to be announced") in unknown.elements


def test_hotline_ticket_can_be_followed_up() -> None:
    ticket = every_layout(Language.ZH_HANS)[2]
    assert QRCode("https://kiosk.example.gov.cn/r/HL20261130000042") in ticket.elements
    assert ticket.elements[0] == Title("诉求受理单")


def test_status_printout_lists_the_history_and_marks_overdue() -> None:
    printout = every_layout(Language.EN)[3]
    assert KeyValue("Promised by", "2026-11-20 (overdue)") in printout.elements
    steps = [e for e in printout.elements if isinstance(e, KeyValue) and e.key.startswith("2026")]
    assert [s.value for s in steps][:2] == ["已受理", "審查中"]
    assert Text("請補交地形圖一份。") in printout.elements


def test_test_page_has_both_scripts_a_ruler_and_codes() -> None:
    page = printer_test_page(printer_label="usb://0416:5011", columns=32, language=Language.EN)
    texts = [e.text for e in page.elements if isinstance(e, Text)]
    assert any("繁體" in t for t in texts) and any("简体" in t for t in texts)
    assert "12345678901234567890123456789012" in texts
    assert any(isinstance(e, QRCode) for e in page.elements)
    assert any(isinstance(e, Barcode) for e in page.elements)
