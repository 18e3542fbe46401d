"""Which calls the client repeats, and how long it waits: Retry-After, 4xx, one-shot POSTs."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.api import BackendConnectionLost, BackendRejected, RetryPolicy
from tests.faults.fault_peers import Fault, FaultyProxy, Misbehaviour
from tests.faults.kiosk_client import SLACK_S, make_client, new_filing
from tests.support import RunningBackend

# Backoff alone would wait at most 0.05 s: any longer pause came from Retry-After.
PATIENT = RetryPolicy(attempts=3, first_delay_s=0.01, max_delay_s=2.0)
IMPATIENT = RetryPolicy(attempts=3, first_delay_s=0.01, max_delay_s=0.3)
HINT_S = 5


@pytest.mark.parametrize("fault", [Fault.TOO_MANY, Fault.UNAVAILABLE])
def test_retry_after_in_seconds_is_waited_for(
    fault: Fault, backend: RunningBackend, proxy: FaultyProxy
) -> None:
    proxy.misbehave(Misbehaviour(fault, 1, retry_after="1"))
    client, filing = make_client(proxy.url, backend.kiosk_token, retry=PATIENT), new_filing()
    started = time.monotonic()
    answer = client.post_idempotent("/v1/applications", filing.body, filing.key)
    elapsed = time.monotonic() - started
    assert answer["provisional_ref"] == filing.ref
    assert 0.95 <= elapsed < PATIENT.max_delay_s + SLACK_S, f"waited {elapsed:.2f} s"
    assert proxy.requests_seen == 2
    assert proxy.statuses == [int(fault.value), 201]
    assert filing.rows_on(backend) == 1


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_retry_after_never_stretches_a_wait_past_the_policys_cap(
    form: str, backend: RunningBackend, proxy: FaultyProxy
) -> None:
    # A few seconds over the cap, so a client that ignored the cap fails here, not hangs.
    later = datetime.now(UTC) + timedelta(seconds=HINT_S)
    retry_after = str(HINT_S) if form == "seconds" else format_datetime(later, usegmt=True)
    attempts = IMPATIENT.attempts
    proxy.misbehave(Misbehaviour(Fault.TOO_MANY, attempts, retry_after=retry_after))
    started = time.monotonic()
    with pytest.raises(BackendRejected) as caught:
        make_client(proxy.url, backend.kiosk_token, retry=IMPATIENT).services()
    elapsed = time.monotonic() - started
    assert caught.value.status == 429
    assert proxy.requests_seen == attempts
    # Both pauses are exactly the cap: the server's hint, cut down to it.
    pauses = (attempts - 1) * IMPATIENT.max_delay_s
    assert pauses * 0.95 <= elapsed < pauses + SLACK_S, f"waited {elapsed:.2f} s"


def test_a_client_error_is_never_retried(backend: RunningBackend, proxy: FaultyProxy) -> None:
    client, filing = make_client(proxy.url, backend.kiosk_token), new_filing()
    with pytest.raises(BackendRejected) as unknown:
        client.service("NO-SUCH-SERVICE")
    assert unknown.value.status == 404
    invalid = {**filing.body, "form": {"subject": "x"}}
    with pytest.raises(BackendRejected) as refused:
        client.post_idempotent("/v1/applications", invalid, filing.key)
    assert refused.value.status == 422
    assert refused.value.field_errors
    assert proxy.requests_seen == 2, "one request for each call"


def test_a_lookup_is_a_pure_read_and_is_retried(
    backend: RunningBackend, proxy: FaultyProxy
) -> None:
    client, filing = make_client(proxy.url, backend.kiosk_token), new_filing()
    filed = client.post_idempotent("/v1/applications", filing.body, filing.key)
    proxy.misbehave(Misbehaviour(Fault.CUT, 1, cut_after=-8))
    record = client.lookup(filing.ref, DEMO_IDENTITY.id_number[-4:])
    assert record.number == filed["number"]
    assert proxy.requests_seen == 3


@pytest.mark.parametrize(
    "misbehaviour",
    [Misbehaviour(Fault.SERVER_ERROR, 3), Misbehaviour(Fault.CUT, 3, cut_after=0)],
    ids=["500", "cut"],
)
def test_a_post_without_a_key_is_sent_once(
    misbehaviour: Misbehaviour, backend: RunningBackend, proxy: FaultyProxy
) -> None:
    proxy.misbehave(misbehaviour)
    client = make_client(proxy.url, backend.kiosk_token)
    with pytest.raises((BackendRejected, BackendConnectionLost)):
        client.post_once("/v1/kiosks/heartbeat", {"version": "test"})
    assert proxy.requests_seen == 1
