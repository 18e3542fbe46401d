"""The forwarder against the real backend: once, in order, through an outage and a restart."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from kiosk.api import BackendClient, RetryPolicy
from kiosk.forwarder import Backoff, ClientSender, Delivered, Forwarder
from kiosk.outbox import Outbox, OutboxItem, OutboxKind, OutboxState, PayloadGone
from kiosk.outbox import new_provisional_ref as new_ref
from tests.support import RunningBackend, start_backend

QUICK = Backoff(first_s=0.1, max_s=0.4)


def client(url: str, token: str) -> BackendClient:
    return BackendClient(
        url, token=token, connect_timeout_s=1.0, read_timeout_s=5.0, retry=RetryPolicy(attempts=1)
    )


class CountingSender:
    """The real ClientSender, counting the sends of each item (and slowed down if asked)."""

    def __init__(self, sender: ClientSender, delay_s: float = 0.0) -> None:
        self._sender = sender
        self._delay_s = delay_s
        self._lock = threading.Lock()
        self.calls: Counter[int] = Counter()

    def send(self, item: OutboxItem, payload: Mapping[str, Any]) -> Delivered:
        with self._lock:
            self.calls[item.id] += 1
        time.sleep(self._delay_s)
        return self._sender.send(item, payload)


def put_application(outbox: Outbox, service_code: str = "HL-002") -> OutboxItem:
    ref = new_ref("forwarder-test")
    body = {
        "service_code": service_code,
        "language": "zh-Hant",
        "applicant": {"name": "王小明", "id_number": "11010519491231002X", "document_kind": "x"},
        "form": {"subject": "路燈不亮", "content": "中山路 3 號前", "contact_phone": "13800138000"},
        "provisional_ref": ref,
    }
    key = f"outbox-{ref}"
    return outbox.put(
        OutboxKind.APPLICATION, idempotency_key=key, provisional_ref=ref, payload=body
    )


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox.in_directory(tmp_path) as opened:
        yield opened


def filed_once(backend: RunningBackend, table: str, ref: str) -> str:
    rows = backend.rows(f"SELECT number FROM {table} WHERE provisional_ref = ?", ref)
    assert len(rows) == 1, (ref, rows)
    return str(rows[0][0])


def test_items_arrive_once_in_order_with_their_numbers(
    backend: RunningBackend, outbox: Outbox
) -> None:
    items = [put_application(outbox) for _ in range(5)]
    sender = CountingSender(ClientSender(client(backend.url, backend.kiosk_token)))
    forwarder = Forwarder(outbox, sender, backoff=QUICK)
    forwarder.start()
    try:
        wait_until(lambda: outbox.depth() == 0)
    finally:
        assert forwarder.stop(10)
    refs = [item.provisional_ref for item in items]
    for item in items:
        sent = outbox.get(item.id)
        assert sent.state is OutboxState.SENT and sent.attempts == 0
        assert sent.official_number == filed_once(backend, "applications", item.provisional_ref)
        assert sent.status_url and sent.official_number in sent.status_url
    placeholders = ",".join("?" * len(refs))
    filed = backend.rows(
        f"SELECT provisional_ref FROM applications WHERE provisional_ref IN ({placeholders}) "
        "ORDER BY id",
        *refs,
    )
    assert [row[0] for row in filed] == refs
    assert set(sender.calls.values()) == {1}
    assert forwarder.backend_reachable is True


def test_hotline_requests_and_evaluations_go_to_their_own_routes(
    backend: RunningBackend, outbox: Outbox
) -> None:
    forwarder = Forwarder(outbox, ClientSender(client(backend.url, backend.kiosk_token)))
    application = forwarder.send_now(put_application(outbox).id)
    assert application.state is OutboxState.SENT
    ref = new_ref("forwarder-test")
    hotline = outbox.put(
        OutboxKind.HOTLINE,
        idempotency_key=f"hotline-{ref}",
        provisional_ref=ref,
        payload={
            "category": "consultation",
            "language": "zh-Hans",
            "description": "社保卡补办要带什么材料？",
            "contact_name": "李四",
            "contact_phone": "13800138000",
            "anonymous": False,
            "provisional_ref": ref,
        },
    )
    sent_hotline = forwarder.send_now(hotline.id)
    assert sent_hotline.state is OutboxState.SENT, sent_hotline.last_error
    assert sent_hotline.official_number == filed_once(backend, "hotline_requests", ref)
    assert sent_hotline.status_url
    evaluation = outbox.put(
        OutboxKind.EVALUATION,
        idempotency_key=f"evaluation-{ref}",
        provisional_ref=new_ref("forwarder-test"),
        payload={
            "transaction_kind": "application",
            "transaction_ref": application.official_number,
            "level": 5,
        },
    )
    rated = forwarder.send_now(evaluation.id)
    assert rated.state is OutboxState.SENT, rated.last_error
    rows = backend.rows(
        "SELECT id FROM evaluations WHERE transaction_ref = ?", application.official_number
    )
    assert [str(row[0]) for row in rows] == [rated.official_number]
    assert rated.status_url is None


def test_a_rejected_item_does_not_block_the_next(backend: RunningBackend, outbox: Outbox) -> None:
    refused, good = put_application(outbox, "NO-SUCH-SERVICE"), put_application(outbox)
    forwarder = Forwarder(outbox, ClientSender(client(backend.url, backend.kiosk_token)))
    report = forwarder.flush(30)
    assert (report.sent, report.rejected, report.pending, report.stopped_by) == (1, 1, 0, None)
    rejected = outbox.get(refused.id)
    assert rejected.state is OutboxState.REJECTED
    assert rejected.last_error is not None and rejected.last_error.startswith("BackendRejected 404")
    with pytest.raises(PayloadGone):
        outbox.payload(refused.id)
    assert outbox.get(good.id).state is OutboxState.SENT
    assert [item.id for item in report.attempted] == [refused.id, good.id]


def test_a_payload_altered_on_disk_is_set_aside_not_sent(
    backend: RunningBackend, outbox: Outbox
) -> None:
    altered, good = put_application(outbox), put_application(outbox)
    with contextlib.closing(sqlite3.connect(outbox.path)) as raw, raw:
        raw.execute(
            "UPDATE items SET sealed_payload = zeroblob(length(sealed_payload)) WHERE id = ?",
            (altered.id,),
        )
    report = Forwarder(outbox, ClientSender(client(backend.url, backend.kiosk_token))).flush(30)
    assert (report.sent, report.rejected, report.pending) == (1, 1, 0)
    assert outbox.get(altered.id).last_error == "PayloadUnreadable"
    assert backend.rows(
        "SELECT count(*) FROM applications WHERE provisional_ref = ?", altered.provisional_ref
    ) == [(0,)]
    filed_once(backend, "applications", good.provisional_ref)


def test_a_token_the_backend_does_not_know_keeps_every_item(
    backend: RunningBackend, outbox: Outbox
) -> None:
    """A 401 is about the kiosk, not the item: nothing may be thrown away over it."""
    items = [put_application(outbox) for _ in range(3)]
    forwarder = Forwarder(outbox, ClientSender(client(backend.url, "not-this-kiosks-token")))
    report = forwarder.flush(30)
    assert (report.sent, report.rejected, report.pending) == (0, 0, 3)
    assert report.stopped_by is not None and "401" in report.stopped_by
    assert [outbox.get(item.id).attempts for item in items] == [1, 0, 0]
    assert outbox.payload(items[2].id)["provisional_ref"] == items[2].provisional_ref


def test_send_now_and_the_thread_never_send_one_item_at_once(
    backend: RunningBackend, outbox: Outbox
) -> None:
    sender = CountingSender(ClientSender(client(backend.url, backend.kiosk_token)), delay_s=0.3)
    forwarder = Forwarder(outbox, sender, backoff=QUICK)
    forwarder.start()
    try:
        item = put_application(outbox)
        forwarder.wake()
        results: list[OutboxItem] = []
        callers = [
            threading.Thread(target=lambda: results.append(forwarder.send_now(item.id)))
            for _ in range(6)
        ]
        for caller in callers:
            caller.start()
        for caller in callers:
            caller.join(20)
    finally:
        assert forwarder.stop(10)
    assert len(results) == 6 and {r.state for r in results} == {OutboxState.SENT}
    assert len({r.official_number for r in results}) == 1
    assert sender.calls[item.id] == 1
    filed_once(backend, "applications", item.provisional_ref)


def test_a_backend_down_then_up_gets_everything_exactly_once(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    process, first = start_backend(database)
    try:
        token = first.add_kiosk("village-kiosk-07")
    finally:
        process.stop()
    url = first.url  # nothing listens here now: connections are refused
    data = tmp_path / "kiosk"

    with Outbox.in_directory(data) as outbox:
        items = [put_application(outbox) for _ in range(4)]
        forwarder = Forwarder(outbox, ClientSender(client(url, token)), backoff=QUICK)
        forwarder.start()
        try:
            wait_until(lambda: outbox.get(items[0].id).attempts >= 3)
        finally:
            assert forwarder.stop(10)
        # the first item failed and the others waited behind it instead of failing too
        assert [outbox.get(item.id).attempts for item in items[1:]] == [0, 0, 0]
        assert outbox.get(items[0].id).last_error == "BackendUnreachable"
        assert forwarder.backend_reachable is False
    # the kiosk restarts (while still offline) and takes one more
    with Outbox.in_directory(data) as outbox:
        items.append(put_application(outbox))
    port = str(urlsplit(url).port)
    process, hall = start_backend(database, "--port", port)
    try:
        with Outbox.in_directory(data) as outbox:
            sender = CountingSender(ClientSender(client(url, token)))
            forwarder = Forwarder(outbox, sender, backoff=QUICK)
            forwarder.start()
            try:
                wait_until(lambda: outbox.depth() == 0)
            finally:
                assert forwarder.stop(10)
            for item in items:
                number = filed_once(hall, "applications", item.provisional_ref)
                assert outbox.get(item.id).official_number == number
            filed = hall.rows("SELECT provisional_ref FROM applications ORDER BY id")
            assert [row[0] for row in filed] == [item.provisional_ref for item in items]
            assert set(sender.calls.values()) == {1}
    finally:
        process.stop()


def test_backoff_doubles_up_to_its_cap_with_jitter() -> None:
    backoff = Backoff(first_s=1.0, max_s=8.0)
    for failures, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0), (500, 8.0)]:
        delays = [backoff.delay(failures) for _ in range(200)]
        assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
        assert len(set(delays)) > 100
