"""Queue tickets and hotline requests against the real backend: once each, whatever the retries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printers.file import FilePrinter
from kiosk.api import BackendClient
from kiosk.forwarder import ClientSender, Forwarder
from kiosk.hotline_categories import NATIONAL_CATEGORIES, HotlineCategorySource
from kiosk.hotline_desk import HotlineDesk, HotlineEntry, new_draft
from kiosk.i18n import Language
from kiosk.outbox import Outbox
from kiosk.printing import ReceiptPrinting
from kiosk.session import PrintOutcome
from kiosk.spool import ReprintSpool
from kiosk.tickets import TicketDesk, TicketRequest
from tests.support import RunningBackend


@pytest.fixture
def client(backend: RunningBackend) -> Iterator[BackendClient]:
    client = BackendClient(backend.url, token=backend.kiosk_token)
    yield client
    client.close()


def paper(tmp_path: Path) -> ReceiptPrinting:
    return ReceiptPrinting(FilePrinter(tmp_path / "receipts"), ReprintSpool(tmp_path / "spool"))


def test_a_ticket_request_repeated_is_one_place_in_the_queue(
    backend: RunningBackend, client: BackendClient, tmp_path: Path
) -> None:
    desk = TicketDesk(client, paper(tmp_path), kiosk_id="K-1")
    general = next(c for c in desk.categories() if c.code == "general")
    request = TicketRequest("general", Language.ZH_HANS)

    first = desk.take(request)
    again = desk.take(request)  # an answer lost on the way: the retry repeats the key

    assert again.ticket == first.ticket and first.printed is PrintOutcome.PRINTED
    assert first.ticket.people_ahead == general.waiting
    assert first.ticket.category_name == "综合受理"
    assert backend.rows(
        "SELECT count(*), min(number) FROM queue_tickets WHERE id = ?", first.ticket.id
    ) == [(1, first.ticket.number)]
    assert next(c for c in desk.categories() if c.code == "general").waiting == general.waiting + 1
    jobs = list((tmp_path / "receipts").glob("*.bin"))
    assert jobs and all(first.ticket.number.encode() in job.read_bytes() for job in jobs)


def test_the_backend_serves_the_national_categories(client: BackendClient, tmp_path: Path) -> None:
    cache = tmp_path / "hotline-categories.json"
    view = HotlineCategorySource(client, cache).categories()
    assert view.from_backend and view.categories == NATIONAL_CATEGORIES
    assert cache.exists(), "kept for filing offline"


def test_a_hotline_request_filed_online_is_there_once(
    backend: RunningBackend, client: BackendClient, tmp_path: Path
) -> None:
    with Outbox.in_directory(tmp_path / "data") as outbox:
        desk = HotlineDesk(
            HotlineCategorySource(client, tmp_path / "categories.json"),
            outbox,
            Forwarder(outbox, ClientSender(client)),
            paper(tmp_path),
            kiosk_id="K-1",
        )
        complaint = next(c for c in NATIONAL_CATEGORIES if c.code == "consumer_complaint")
        typed = HotlineEntry(complaint, "電飯煲三天就壞了", anonymous=False, phone="13800138000")
        draft = new_draft("K-1", typed, Language.ZH_HANT)
        filed = desk.file(draft)
        again = desk.file(draft)

        assert not filed.record.provisional and filed.record.number.startswith("RX")
        assert again.record == filed.record
        assert filed.record.status_url.startswith(backend.url)
        assert outbox.depth() == 0
    rows = backend.rows(
        "SELECT number, description, contact_phone, anonymous FROM hotline_requests "
        "WHERE provisional_ref = ?",
        draft.provisional_ref,
    )
    assert rows == [(filed.record.number, "電飯煲三天就壞了", "+8613800138000", 0)]
    jobs = list((tmp_path / "receipts").glob("*.bin"))
    assert jobs and all(filed.record.status_url.encode() in job.read_bytes() for job in jobs)
