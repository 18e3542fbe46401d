"""The application receipt: right content, only masked personal data, every language."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from drivers.cards import mask_id, mask_name
from drivers.printers.layout import Cut, Feed, KeyValue, QRCode, Receipt, Separator, Text, Title
from kiosk.i18n import Language
from kiosk.receipts import LABELS, application_receipt

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
