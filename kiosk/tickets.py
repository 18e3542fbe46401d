"""Queue numbers (取號): the hall's counter categories, taking a ticket, printing it.

A ticket is a place in a live queue, so only the backend can give one: there is no outbox for
tickets and no provisional number. Offline the citizen is told so (the UI words the
``BackendError``). Taking a ticket carries an idempotency key fixed before the first try, so a
retry after a lost answer returns the same ticket instead of a second place in the queue.

These calls block (network, printer): the UI runs them on a worker thread.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.api import BackendAnswerInvalid, BackendClient
from kiosk.i18n import Language, pick
from kiosk.printing import ReceiptPrinting
from kiosk.receipts import queue_ticket
from kiosk.session import PrintOutcome

log = logging.getLogger(__name__)

CATEGORIES_PATH = "/v1/queue/categories"
TICKETS_PATH = "/v1/queue/tickets"


@dataclass(frozen=True)
class QueueCategory:
    """A counter category as the hall reports it now (its queue changes by the minute)."""

    code: str
    prefix: str
    names: Mapping[str, str]
    waiting: int  # tickets of today still waiting: the people ahead of a ticket taken now
    estimated_wait_minutes: int

    def name_in(self, language: Language) -> str:
        return pick(self.names, language) or self.code


@dataclass(frozen=True)
class QueueTicket:
    id: int  # the backend's row id: what a rating of this ticket refers to
    number: str  # "A023", what the hall's display calls
    category_code: str
    category_name: str  # in the language the ticket was taken in
    people_ahead: int
    estimated_wait_minutes: int
    issued_at: datetime


@dataclass(frozen=True)
class TicketRequest:
    """One citizen's wish for a ticket; its key is fixed here, before the first try."""

    category_code: str
    language: Language
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def body(self) -> dict[str, str]:
        return {"category": self.category_code, "language": self.language.value}


@dataclass(frozen=True)
class TakenTicket:
    ticket: QueueTicket
    printed: PrintOutcome


def _whole(raw: Mapping[str, Any], name: str) -> int:
    value = raw[name]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} is not a whole number")
    return value


def _text(raw: Mapping[str, Any], name: str) -> str:
    value = raw[name]
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} is not a text")
    return value


def parse_categories(document: Any) -> tuple[QueueCategory, ...]:
    """``GET /v1/queue/categories`` as categories (``BackendAnswerInvalid`` if malformed)."""
    try:
        categories = []
        for raw in document["categories"]:
            names = raw["name"]
            if not isinstance(names, dict):
                raise ValueError("name is not an object")
            categories.append(
                QueueCategory(
                    code=_text(raw, "code"),
                    prefix=_text(raw, "prefix"),
                    names={str(k): str(v) for k, v in names.items()},
                    waiting=_whole(raw, "waiting"),
                    estimated_wait_minutes=_whole(raw, "estimated_wait_minutes"),
                )
            )
        return tuple(categories)
    except (KeyError, TypeError, ValueError) as error:
        raise BackendAnswerInvalid(f"queue categories: {error!r}") from None


def parse_ticket(raw: Any) -> QueueTicket:
    """A ``Ticket`` answer (``BackendAnswerInvalid`` if malformed)."""
    try:
        issued_at = datetime.fromisoformat(_text(raw, "issued_at").replace("Z", "+00:00"))
        return QueueTicket(
            id=_whole(raw, "id"),
            number=_text(raw, "number"),
            category_code=_text(raw, "category"),
            category_name=_text(raw, "category_name"),
            people_ahead=_whole(raw, "people_ahead"),
            estimated_wait_minutes=_whole(raw, "estimated_wait_minutes"),
            issued_at=issued_at,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackendAnswerInvalid(f"queue ticket: {error!r}") from None


class TicketDesk:
    """Reads the hall's queues and takes tickets for citizens (blocking calls)."""

    def __init__(self, client: BackendClient, paper: ReceiptPrinting, *, kiosk_id: str) -> None:
        self._client = client
        self._paper = paper
        self._kiosk_id = kiosk_id

    def categories(self) -> tuple[QueueCategory, ...]:
        """The categories with their queues as they are now; raises ``BackendError``."""
        return parse_categories(self._client.get_json(CATEGORIES_PATH))

    def take(self, request: TicketRequest) -> TakenTicket:
        """Take the ticket (raises ``BackendError``; nothing is taken then, or the same ticket
        is returned to a retry of ``request``), then print it. A printer problem never undoes
        the ticket: the number is on screen."""
        answer = self._client.post_idempotent(TICKETS_PATH, request.body(), request.idempotency_key)
        ticket = parse_ticket(answer)
        log.info("queue ticket %s taken for %s", ticket.number, ticket.category_code)
        try:
            receipt = queue_ticket(
                ticket=ticket.number,
                category_name=ticket.category_name,
                people_ahead=ticket.people_ahead,
                estimated_wait_minutes=ticket.estimated_wait_minutes,
                issued_at=ticket.issued_at,
                kiosk_id=self._kiosk_id,
                language=request.language,
            )
        except Exception:
            log.exception("queue ticket %s could not be laid out", ticket.number)
            return TakenTicket(ticket, PrintOutcome.PRINT_FAILED)
        return TakenTicket(ticket, self._paper.print(receipt))
