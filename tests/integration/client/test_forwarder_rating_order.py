"""A rating kept offline goes after the filing it rates: against the real backend.

An application or hotline request filed offline is rated by its provisional reference. The
backend knows that reference only once the filing has arrived, so the forwarder must never
deliver the rating first (the backend would answer "not found" and the rating would be lost),
and must settle the rating, not retry it for ever, when the filing itself is refused for good.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.forwarder import ClientSender, Forwarder
from kiosk.outbox import Outbox, OutboxItem, OutboxKind, OutboxState
from kiosk.outbox import new_provisional_ref as new_ref
from tests.integration.client.test_forwarder import (
    QUICK,
    CountingSender,
    client,
    filed_once,
    put_application,
    wait_until,
)
from tests.support import RunningBackend
from tests.ui.test_screens import closed_port_url

ID_NUMBER = "11010519491231002X"
COMMENT = "窗口阿姨很耐心"
HOTLINE_DESCRIPTION = "社保卡补办要带什么材料？"
TABLES = {OutboxKind.APPLICATION: "applications", OutboxKind.HOTLINE: "hotline_requests"}
RATED_KINDS = {OutboxKind.APPLICATION: "application", OutboxKind.HOTLINE: "hotline_request"}


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox.in_directory(tmp_path) as opened:
        yield opened


def put_hotline(outbox: Outbox) -> OutboxItem:
    ref = new_ref("rating-order-test")
    return outbox.put(
        OutboxKind.HOTLINE,
        idempotency_key=f"hotline-{ref}",
        provisional_ref=ref,
        payload={
            "category": "consultation",
            "language": "zh-Hans",
            "description": HOTLINE_DESCRIPTION,
            "contact_name": "李四",
            "contact_phone": "13800138000",
            "anonymous": False,
            "provisional_ref": ref,
        },
    )


def put_filing(outbox: Outbox, kind: OutboxKind) -> OutboxItem:
    return put_application(outbox) if kind is OutboxKind.APPLICATION else put_hotline(outbox)


def put_rating(outbox: Outbox, filing: OutboxItem) -> OutboxItem:
    """A rating of ``filing`` by the provisional reference its receipt or ticket carried."""
    return outbox.put(
        OutboxKind.EVALUATION,
        idempotency_key=uuid.uuid4().hex,
        provisional_ref=new_ref("rating-order-test"),
        payload={
            "transaction_kind": RATED_KINDS[filing.kind],
            "transaction_ref": filing.provisional_ref,
            "level": 2,
            "indicators": ["low_efficiency"],
            "comment": COMMENT,
            "rater": {"document_kind": "resident_id", "id_number": ID_NUMBER},
        },
    )


def ratings_of(backend: RunningBackend, number: str) -> list[tuple[int, str]]:
    rows = backend.rows("SELECT level, comment FROM evaluations WHERE transaction_ref = ?", number)
    return [(int(level), str(comment)) for level, comment in rows]


@pytest.mark.parametrize("kind", [OutboxKind.APPLICATION, OutboxKind.HOTLINE])
def test_rated_offline_then_online_the_filing_goes_first_and_the_rating_is_kept(
    backend: RunningBackend, outbox: Outbox, kind: OutboxKind
) -> None:
    """The rating screen's own try (send_now) as the network comes back: it must not reach the
    backend before the filing that waits in the outbox behind its backoff."""
    sending = client(closed_port_url(), backend.kiosk_token)
    sender = CountingSender(ClientSender(sending))
    forwarder = Forwarder(outbox, sender, backoff=QUICK)
    filing = put_filing(outbox, kind)
    assert forwarder.send_now(filing.id).state is OutboxState.PENDING  # offline: kept
    rating = put_rating(outbox, filing)
    assert forwarder.send_now(rating.id).state is OutboxState.PENDING

    sending.base_url = backend.url  # the network is back as the citizen taps "send"
    rated = forwarder.send_now(rating.id)

    assert rated.state is OutboxState.SENT, rated.last_error
    delivered = outbox.get(filing.id)
    assert delivered.state is OutboxState.SENT
    number = filed_once(backend, TABLES[kind], filing.provisional_ref)
    assert delivered.official_number == number
    assert ratings_of(backend, number) == [(2, COMMENT)]
    assert forwarder.flush(10).attempted == ()  # nothing left, nothing sent twice
    assert ratings_of(backend, number) == [(2, COMMENT)]


def test_the_forwarder_holds_a_rating_back_while_its_filing_waits_out_a_backoff(
    backend: RunningBackend, tmp_path: Path
) -> None:
    """The background thread, once the backend is back (a new citizen's filing went through
    and lifted the hold): the rating is due, its hotline request is not yet. Across a restart
    both still arrive exactly once, the rating after the request."""
    data = tmp_path / "kiosk"
    with Outbox.in_directory(data) as outbox:
        filing = put_hotline(outbox)
        outbox.note_failure(filing.id, "BackendUnreachable", filing.created_at + 3600)
        rating = put_rating(outbox, filing)
        sender = CountingSender(ClientSender(client(backend.url, backend.kiosk_token)))
        forwarder = Forwarder(outbox, sender, backoff=QUICK, idle_poll_s=0.2)
        forwarder.start()
        try:
            wait_until(lambda: outbox.get(rating.id).last_error is not None)
            held = outbox.get(rating.id)
            assert held.state is OutboxState.PENDING and held.attempts == 0
            assert held.last_error == f"waits for the hotline {filing.provisional_ref} it rates"
            # it looks again now and then, and goes on waiting
            wait_until(lambda: outbox.get(rating.id).next_attempt_at > held.next_attempt_at)
            assert outbox.get(rating.id).attempts == 0 and sender.calls[rating.id] == 0
        finally:
            assert forwarder.stop(10)

    with Outbox.in_directory(data) as outbox:  # the kiosk restarts; staff flush the outbox
        sender = CountingSender(ClientSender(client(backend.url, backend.kiosk_token)))
        report = Forwarder(outbox, sender, backoff=QUICK).flush(30)
        assert (report.sent, report.rejected, report.pending) == (2, 0, 0)
        assert [item.id for item in report.attempted] == [filing.id, rating.id]
        assert set(sender.calls.values()) == {1}
    number = filed_once(backend, "hotline_requests", filing.provisional_ref)
    assert ratings_of(backend, number) == [(2, COMMENT)]


def test_the_thread_sends_the_rating_as_soon_as_its_filing_is_through(
    backend: RunningBackend, outbox: Outbox
) -> None:
    filing = put_application(outbox)
    outbox.note_failure(filing.id, "BackendUnreachable", filing.created_at + 3600)
    rating = put_rating(outbox, filing)
    sending = ClientSender(client(backend.url, backend.kiosk_token))
    forwarder = Forwarder(outbox, sending, backoff=QUICK, idle_poll_s=0.5)
    forwarder.start()
    try:
        wait_until(lambda: outbox.get(rating.id).last_error is not None)
        assert forwarder.send_now(filing.id).state is OutboxState.SENT  # e.g. `outbox flush`
        wait_until(lambda: outbox.depth() == 0, timeout_s=10)
    finally:
        assert forwarder.stop(10)
    number = filed_once(backend, "applications", filing.provisional_ref)
    assert outbox.get(rating.id).state is OutboxState.SENT
    assert ratings_of(backend, number) == [(2, COMMENT)]


@pytest.mark.parametrize("through", ["flush", "send_now"])
def test_a_rating_of_a_filing_refused_for_good_is_settled_without_being_sent(
    backend: RunningBackend, outbox: Outbox, caplog: pytest.LogCaptureFixture, through: str
) -> None:
    sending = client(closed_port_url(), backend.kiosk_token)
    sender = CountingSender(ClientSender(sending))
    forwarder = Forwarder(outbox, sender, backoff=QUICK)
    refused = put_application(outbox, "NO-SUCH-SERVICE")
    rating = put_rating(outbox, refused)
    forwarder.flush(5)  # offline: both kept
    sending.base_url = backend.url

    with caplog.at_level(logging.DEBUG, logger="kiosk"):
        if through == "flush":
            report = forwarder.flush(30)
            assert (report.sent, report.rejected, report.pending) == (0, 2, 0)
        else:
            assert forwarder.send_now(rating.id).state is OutboxState.REJECTED

    assert outbox.get(refused.id).state is OutboxState.REJECTED
    settled = outbox.get(rating.id)
    assert settled.state is OutboxState.REJECTED and outbox.depth() == 0
    assert sender.calls[rating.id] == 0, "the backend cannot know what it rates: not sent"
    assert settled.last_error is not None and refused.provisional_ref in settled.last_error
    lines = [record.getMessage() for record in caplog.records]
    said = [line for line in lines if rating.provisional_ref in line]
    assert said and any(refused.provisional_ref in line for line in said), lines
    for line in lines:
        assert ID_NUMBER not in line and COMMENT not in line and "王小明" not in line
    assert backend.rows(
        "SELECT count(*) FROM evaluations WHERE transaction_ref = ?", refused.provisional_ref
    ) == [(0,)]


def test_a_provisional_reference_this_kiosk_never_filed_is_refused_once(
    backend: RunningBackend, outbox: Outbox
) -> None:
    """Nothing in this outbox is on its way under that reference: the backend's "not known
    yet" is final here, not a reason to try again for ever."""
    sender = CountingSender(ClientSender(client(backend.url, backend.kiosk_token)))
    forwarder = Forwarder(outbox, sender, backoff=QUICK)
    stranger = OutboxItem(
        id=0,
        kind=OutboxKind.HOTLINE,
        idempotency_key="never-filed",
        provisional_ref=new_ref("another-kiosk"),
        created_at=0.0,
        state=OutboxState.PENDING,
        attempts=0,
        next_attempt_at=0.0,
        official_number=None,
        last_error=None,
        status_url=None,
        settled_at=None,
    )
    rating = put_rating(outbox, stranger)
    settled = forwarder.send_now(rating.id)
    assert settled.state is OutboxState.REJECTED
    assert settled.last_error == "BackendRejected 404 Transaction not known yet"
    assert sender.calls[rating.id] == 1
    assert forwarder.flush(5).attempted == ()  # settled: not tried again
