"""Queue tickets on the kiosk's side: reading the contract's answers, and no ticket offline."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from drivers.printers.file import FilePrinter
from kiosk.api import BackendAnswerInvalid, BackendClient, BackendUnreachable, RetryPolicy
from kiosk.i18n import Language
from kiosk.printing import ReceiptPrinting
from kiosk.spool import ReprintSpool
from kiosk.tickets import TicketDesk, TicketRequest, parse_categories, parse_ticket

CATEGORY: dict[str, Any] = {
    "code": "general",
    "prefix": "A",
    "name": {"zh-Hant": "綜合受理", "zh-Hans": "综合受理", "en": "General acceptance"},
    "waiting": 3,
    "estimated_wait_minutes": 15,
}
TICKET: dict[str, Any] = {
    "id": 41,
    "number": "A023",
    "category": "general",
    "category_name": "綜合受理",
    "language": "zh-Hant",
    "day": "2026-11-30",
    "status": "waiting",
    "counter": None,
    "people_ahead": 3,
    "estimated_wait_minutes": 15,
    "issued_at": "2026-11-30T01:15:00Z",
    "called_at": None,
}


def test_categories_are_read_with_their_queues() -> None:
    (general,) = parse_categories({"day": "2026-11-30", "categories": [CATEGORY]})
    assert (general.code, general.waiting, general.estimated_wait_minutes) == ("general", 3, 15)
    assert general.name_in(Language.ZH_HANS) == "综合受理"
    assert general.name_in(Language.EN) == "General acceptance"


@pytest.mark.parametrize(
    "broken",
    [
        {},
        {"categories": None},
        {"categories": [{**CATEGORY, "waiting": -1}]},
        {"categories": [{**CATEGORY, "waiting": True}]},
        {"categories": [{**CATEGORY, "name": "綜合"}]},
        {"categories": [{k: v for k, v in CATEGORY.items() if k != "prefix"}]},
    ],
)
def test_malformed_categories_are_an_invalid_answer(broken: Any) -> None:
    with pytest.raises(BackendAnswerInvalid):
        parse_categories(broken)


def test_a_ticket_is_read_with_its_id_and_wait() -> None:
    ticket = parse_ticket(TICKET)
    assert (ticket.id, ticket.number, ticket.people_ahead) == (41, "A023", 3)
    assert ticket.issued_at.utcoffset() is not None


@pytest.mark.parametrize(
    "change", [{"id": "41"}, {"number": ""}, {"issued_at": "soon"}, {"people_ahead": None}]
)
def test_a_malformed_ticket_is_an_invalid_answer(change: dict[str, Any]) -> None:
    with pytest.raises(BackendAnswerInvalid):
        parse_ticket({**TICKET, **change})


def test_a_request_keeps_its_key_for_every_retry() -> None:
    request = TicketRequest("general", Language.EN)
    assert request.body() == {"category": "general", "language": "en"}
    assert len(request.idempotency_key) >= 8
    assert TicketRequest("general", Language.EN).idempotency_key != request.idempotency_key


def test_offline_no_ticket_is_promised_and_nothing_printed(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    client = BackendClient(url, retry=RetryPolicy(1), connect_timeout_s=1)
    desk = TicketDesk(
        client,
        ReceiptPrinting(FilePrinter(tmp_path / "receipts"), ReprintSpool(tmp_path / "spool")),
        kiosk_id="K-1",
    )
    with pytest.raises(BackendUnreachable):
        desk.categories()
    with pytest.raises(BackendUnreachable):
        desk.take(TicketRequest("general", Language.ZH_HANT))
    assert not (tmp_path / "receipts").exists() and not (tmp_path / "spool").exists()
