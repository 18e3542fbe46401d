"""Ratings through the outbox against the real backend: once, kept offline, refused kindly."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk.api import BackendClient, BackendUnreachable, RetryPolicy
from kiosk.forwarder import Backoff, ClientSender, Forwarder
from kiosk.i18n import Language
from kiosk.outbox import Outbox, OutboxError, OutboxKind, OutboxState
from kiosk.ratings import (
    COMMENT_MAX_LENGTH,
    IndicatorFormatError,
    IndicatorStore,
    Rater,
    Rating,
    RatingDesk,
    RatingOutcome,
    Satisfaction,
    clean_comment,
    parse_indicators,
)
from kiosk.session import Transaction, TransactionKind
from tests.integration.server.server_test_support import individual_business_request
from tests.support import RunningBackend

ID_NUMBER = "11010519491231002X"


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def client(url: str, token: str) -> BackendClient:
    return BackendClient(
        url, token=token, connect_timeout_s=1.0, read_timeout_s=5.0, retry=RetryPolicy(attempts=1)
    )


def new_application(backend: RunningBackend, **extra: Any) -> str:
    response = requests.post(
        f"{backend.url}/v1/applications",
        json={**individual_business_request(), **extra},
        headers=backend.kiosk_headers(**{"Idempotency-Key": uuid.uuid4().hex}),
        timeout=10,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["number"])


class Desk:
    """A rating desk as kiosk/app.py builds one, with the client it sends through."""

    def __init__(self, backend: RunningBackend, directory: Path) -> None:
        self.outbox = Outbox.in_directory(directory)
        self.client = client(backend.url, backend.kiosk_token)
        self.forwarder = Forwarder(
            self.outbox, ClientSender(self.client), backoff=Backoff(0.1, 0.2)
        )
        store = IndicatorStore(self.client, directory / "indicators.json")
        self.ratings = RatingDesk(self.outbox, self.forwarder, store, kiosk_id="rating-test")

    def close(self) -> None:
        self.forwarder.stop()
        self.outbox.close()
        self.client.close()


@pytest.fixture
def desk(backend: RunningBackend, tmp_path: Path) -> Iterator[Desk]:
    opened = Desk(backend, tmp_path)
    yield opened
    opened.close()


def stored(backend: RunningBackend, reference: str) -> list[tuple[Any, ...]]:
    rows = backend.rows(
        "SELECT level, indicators, comment, rater_hash FROM evaluations WHERE transaction_ref = ?",
        reference,
    )
    return [
        (level, json.loads(codes) if isinstance(codes, str) else codes, comment, bool(rater))
        for level, codes, comment, rater in rows
    ]


def test_the_backends_indicators_parse_with_five_levels(desk: Desk) -> None:
    catalog = desk.ratings.indicators()
    assert set(catalog.levels) == set(Satisfaction)
    worst = catalog.options(Satisfaction.VERY_DISSATISFIED)
    assert worst.indicators_required and worst.indicators
    assert not catalog.options(Satisfaction.VERY_SATISFIED).indicators_required
    first = catalog.options(Satisfaction.VERY_SATISFIED).indicators[0]
    assert (first.code, first.label_in(Language.ZH_HANS)) == ("done_in_one_visit", "一次办成")


@pytest.mark.parametrize(
    "document",
    [
        None,
        [],
        {"levels": "five"},
        {"levels": [{"level": 9, "indicators_required": False, "indicators": []}]},
        {"levels": [{"level": 1, "indicators_required": "yes", "indicators": []}]},
        {"levels": [{"level": 1, "indicators_required": True, "indicators": [{"code": "x"}]}]},
        {"levels": [{"level": 1, "indicators_required": True, "indicators": [{"label": {}}]}]},
    ],
)
def test_a_malformed_indicator_catalog_is_named_as_such(document: Any) -> None:
    with pytest.raises(IndicatorFormatError):
        parse_indicators(document)


def test_indicators_are_kept_on_disk_for_an_offline_start(
    desk: Desk, backend: RunningBackend, tmp_path: Path
) -> None:
    online = desk.ratings.indicators()
    cache = tmp_path / "indicators.json"
    assert cache.exists()
    offline_client = client(closed_port_url(), backend.kiosk_token)
    try:
        restarted = IndicatorStore(offline_client, cache)
        assert restarted.catalog() == online
        with pytest.raises(BackendUnreachable):
            IndicatorStore(offline_client, tmp_path / "none.json").catalog()
        cache.write_text("{not json", encoding="utf-8")
        with pytest.raises(BackendUnreachable):
            IndicatorStore(offline_client, cache).catalog()
    finally:
        offline_client.close()


def test_indicators_are_asked_for_again_after_an_hour(
    backend: RunningBackend, tmp_path: Path
) -> None:
    now = [0.0]
    reachable = client(backend.url, backend.kiosk_token)
    store = IndicatorStore(reachable, tmp_path / "i.json", clock=lambda: now[0])
    try:
        first = store.catalog()
        reachable.base_url = closed_port_url()
        assert store.catalog() is first  # within the hour: not asked
        now[0] = 3601.0
        assert store.catalog() == first  # asked, unreachable: the kept copy
    finally:
        reachable.close()


def test_comments_are_one_clean_line_within_the_limit() -> None:
    assert clean_comment("  很好\n謝謝\t!\x00\x07  ") == "很好 謝謝 !"
    assert clean_comment("a\ud800b") == "ab"
    assert clean_comment("<b>王</b>'); DROP TABLE x;--") == "<b>王</b>'); DROP TABLE x;--"
    assert len(clean_comment("字" * 4000)) == COMMENT_MAX_LENGTH
    assert clean_comment("👍🏽 好") == "👍🏽 好"


def test_a_rating_body_follows_the_contract_and_its_repr_keeps_the_citizen_out() -> None:
    rating = Rating(
        Transaction(TransactionKind.QUEUE_TICKET, "17"),
        Satisfaction.DISSATISFIED,
        indicators=("long_wait", "long_wait"),
        comment=" 等太久 ",
        rater=Rater("resident_id", ID_NUMBER),
    )
    assert rating.body() == {
        "transaction_kind": "queue_ticket",
        "transaction_ref": "17",
        "level": 2,
        "indicators": ["long_wait"],
        "comment": "等太久",
        "rater": {"document_kind": "resident_id", "id_number": ID_NUMBER},
    }
    assert "rater" not in Rating(rating.transaction, Satisfaction.FAIR).body()
    for text in (repr(rating), repr(rating.rater), str(rating)):
        assert ID_NUMBER not in text and "等太久" not in text
    assert Rating(rating.transaction, Satisfaction.FAIR).idempotency_key != rating.idempotency_key


def test_a_rating_is_recorded_once_with_the_rater_as_a_hash(
    desk: Desk, backend: RunningBackend
) -> None:
    number = new_application(backend)
    transaction = Transaction(TransactionKind.APPLICATION, number)
    rating = Rating(
        transaction,
        Satisfaction.VERY_SATISFIED,
        indicators=("efficient",),
        comment="辦得快",
        rater=Rater("resident_id", ID_NUMBER),
    )
    assert desk.ratings.submit(rating) is RatingOutcome.RECORDED
    assert stored(backend, number) == [(5, ["efficient"], "辦得快", True)]
    (item,) = desk.outbox.items(state=OutboxState.SENT)
    assert item.kind is OutboxKind.EVALUATION

    again = Rating(transaction, Satisfaction.VERY_DISSATISFIED, indicators=("poor_attitude",))
    assert desk.ratings.submit(again) is RatingOutcome.ALREADY_RATED
    assert len(stored(backend, number)) == 1
    assert desk.outbox.depth() == 0, "an already rated transaction is not retried"


def test_offline_the_rating_is_kept_and_sent_later(desk: Desk, backend: RunningBackend) -> None:
    number = new_application(backend)
    desk.client.base_url = closed_port_url()
    rating = Rating(Transaction(TransactionKind.APPLICATION, number), Satisfaction.SATISFIED)
    assert desk.ratings.submit(rating) is RatingOutcome.KEPT
    assert desk.outbox.depth() == 1 and stored(backend, number) == []

    desk.client.base_url = backend.url
    report = desk.forwarder.flush(timeout_s=20)
    assert report.sent == 1
    assert len(stored(backend, number)) == 1


def test_a_second_rating_kept_offline_is_settled_when_the_backend_says_already_rated(
    desk: Desk, backend: RunningBackend
) -> None:
    """Sent later by the forwarder (not at once): the 409 "already evaluated" ends it there
    too, instead of being retried for ever."""
    number = new_application(backend)
    transaction = Transaction(TransactionKind.APPLICATION, number)
    assert desk.ratings.submit(Rating(transaction, Satisfaction.SATISFIED)) is (
        RatingOutcome.RECORDED
    )
    desk.client.base_url = closed_port_url()
    assert desk.ratings.submit(Rating(transaction, Satisfaction.FAIR)) is RatingOutcome.KEPT

    desk.client.base_url = backend.url
    report = desk.forwarder.flush(timeout_s=20)
    assert report.rejected == 1 and desk.outbox.depth() == 0
    (refused,) = desk.outbox.items(state=OutboxState.REJECTED)
    assert "409" in (refused.last_error or "")
    assert len(stored(backend, number)) == 1


def test_an_offline_receipts_provisional_reference_rates_the_application(
    desk: Desk, backend: RunningBackend
) -> None:
    provisional = f"P-RATE-{uuid.uuid4().hex[:10].upper()}"
    number = new_application(backend, provisional_ref=provisional)
    rating = Rating(Transaction(TransactionKind.APPLICATION, provisional), Satisfaction.FAIR)
    assert desk.ratings.submit(rating) is RatingOutcome.RECORDED
    assert len(stored(backend, number)) == 1, "filed under the official number"
    by_number = Rating(Transaction(TransactionKind.APPLICATION, number), Satisfaction.FAIR)
    assert desk.ratings.submit(by_number) is RatingOutcome.ALREADY_RATED


def test_a_transaction_the_backend_does_not_know_is_refused(desk: Desk) -> None:
    rating = Rating(Transaction(TransactionKind.APPLICATION, "OS-NO-SUCH-1"), Satisfaction.FAIR)
    assert desk.ratings.submit(rating) is RatingOutcome.REFUSED
    assert desk.outbox.depth() == 0


def test_a_rating_the_outbox_cannot_keep_is_not_sent(desk: Desk, backend: RunningBackend) -> None:
    number = new_application(backend)
    desk.outbox.close()  # a failing disk
    rating = Rating(Transaction(TransactionKind.APPLICATION, number), Satisfaction.FAIR)
    with pytest.raises(OutboxError):
        desk.ratings.submit(rating)
    assert stored(backend, number) == []
