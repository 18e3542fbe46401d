"""Issue 6's network faults, through the real client to the real backend.

For every fault: the right typed error, in bounded time (a hang guard derived from the configured
timeouts and retries), and for a creation, exactly one application on the server once the fault
clears and the outbox repeats the call with the same key.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.api import (
    BackendAnswerInvalid,
    BackendClient,
    BackendConnectionLost,
    BackendError,
    BackendNameNotResolved,
    BackendRejected,
    BackendTimedOut,
    BackendUnreachable,
)
from tests.faults.conftest import backend_port
from tests.faults.fault_peers import Fault, FaultyProxy, Misbehaviour, closed_port
from tests.faults.kiosk_client import (
    FAST_RETRY,
    SLACK_S,
    Filing,
    make_client,
    new_filing,
    worst_case_s,
)
from tests.support import RunningBackend

ATTEMPTS = FAST_RETRY.attempts

# fault kept up for every attempt → (the error it must become, whether the call is retried)
PERSISTENT_FAULTS: dict[str, tuple[Misbehaviour, type[BackendError], bool]] = {
    "cut-before-any-answer": (
        Misbehaviour(Fault.CUT, ATTEMPTS, cut_after=0),
        BackendConnectionLost,
        True,
    ),
    "cut-in-the-status-line": (
        Misbehaviour(Fault.CUT, ATTEMPTS, cut_after=5),
        BackendConnectionLost,
        True,
    ),
    "cut-in-the-headers": (
        Misbehaviour(Fault.CUT, ATTEMPTS, cut_after=40),
        BackendConnectionLost,
        True,
    ),
    "cut-in-the-body": (
        Misbehaviour(Fault.CUT, ATTEMPTS, cut_after=-8),
        BackendConnectionLost,
        True,
    ),
    "slow-past-the-read-timeout": (Misbehaviour(Fault.STALL, ATTEMPTS), BackendTimedOut, True),
    "answering-500s": (Misbehaviour(Fault.SERVER_ERROR, ATTEMPTS), BackendRejected, True),
    "malformed-json-with-200": (
        Misbehaviour(Fault.MALFORMED_JSON, ATTEMPTS),
        BackendAnswerInvalid,
        False,  # an answer arrived whole: repeating the call would not mend it
    ),
}


def fails_in_time(call: Callable[[], Any], expected: type[BackendError]) -> BackendError:
    started = time.monotonic()
    with pytest.raises(expected) as caught:
        call()
    elapsed = time.monotonic() - started
    assert elapsed < worst_case_s() + SLACK_S, f"took {elapsed:.1f} s"
    return caught.value


def file_exactly_once_after(
    fault_clears: BackendClient, filing: Filing, backend: RunningBackend
) -> None:
    """The outbox's later attempt, with the key it stored before the first one."""
    answer = fault_clears.post_idempotent("/v1/applications", filing.body, filing.key)
    assert answer["provisional_ref"] == filing.ref
    again = fault_clears.post_idempotent("/v1/applications", filing.body, filing.key)
    assert again["number"] == answer["number"]
    assert filing.rows_on(backend) == 1


@pytest.mark.parametrize("fault", list(PERSISTENT_FAULTS), ids=list(PERSISTENT_FAULTS))
def test_a_read_meets_the_fault_and_fails_with_its_type(
    fault: str, backend: RunningBackend, proxy: FaultyProxy
) -> None:
    misbehaviour, expected, retried = PERSISTENT_FAULTS[fault]
    proxy.misbehave(misbehaviour)
    fails_in_time(make_client(proxy.url, backend.kiosk_token).services, expected)
    assert proxy.requests_seen == (ATTEMPTS if retried else 1)


@pytest.mark.parametrize("fault", list(PERSISTENT_FAULTS), ids=list(PERSISTENT_FAULTS))
def test_a_creation_whose_answers_are_lost_is_filed_once_when_the_fault_clears(
    fault: str, backend: RunningBackend, proxy: FaultyProxy
) -> None:
    misbehaviour, expected, retried = PERSISTENT_FAULTS[fault]
    client, filing = make_client(proxy.url, backend.kiosk_token), new_filing()
    proxy.misbehave(misbehaviour)
    fails_in_time(
        lambda: client.post_idempotent("/v1/applications", filing.body, filing.key), expected
    )
    attempts = ATTEMPTS if retried else 1
    assert proxy.forwarded == attempts, "every attempt reached the backend"
    assert filing.rows_on(backend) == 1, "the backend did the work; only the answers were lost"
    proxy.clear()
    file_exactly_once_after(client, filing, backend)
    assert proxy.forwarded == attempts + 2


@pytest.mark.parametrize(
    "misbehaviour",
    [
        Misbehaviour(Fault.CUT, ATTEMPTS - 1, cut_after=-8),
        Misbehaviour(Fault.SERVER_ERROR, ATTEMPTS - 1),
        Misbehaviour(Fault.STALL, 1),
    ],
    ids=["cut-twice", "500-twice", "slow-once"],
)
def test_a_passing_fault_is_ridden_out_within_one_call(
    misbehaviour: Misbehaviour, backend: RunningBackend, proxy: FaultyProxy
) -> None:
    client, filing = make_client(proxy.url, backend.kiosk_token), new_filing()
    proxy.misbehave(misbehaviour)
    answer = client.post_idempotent("/v1/applications", filing.body, filing.key)
    assert answer["provisional_ref"] == filing.ref
    assert proxy.requests_seen == misbehaviour.times + 1
    assert filing.rows_on(backend) == 1


def test_a_backend_that_is_down_is_unreachable_and_files_once_when_back(
    backend: RunningBackend,
) -> None:
    down, filing = (
        make_client(f"http://127.0.0.1:{closed_port()}", backend.kiosk_token),
        new_filing(),
    )
    error = fails_in_time(down.services, BackendUnreachable)
    assert type(error) is BackendUnreachable
    fails_in_time(
        lambda: down.post_idempotent("/v1/applications", filing.body, filing.key),
        BackendUnreachable,
    )
    assert filing.rows_on(backend) == 0
    file_exactly_once_after(make_client(backend.url, backend.kiosk_token), filing, backend)


def test_a_name_that_does_not_resolve_has_its_own_error(backend: RunningBackend) -> None:
    # RFC 6761: names under .invalid never resolve, on any resolver.
    nowhere = make_client(f"http://onestop-backend.invalid:{backend_port(backend)}")
    error = fails_in_time(nowhere.services, BackendNameNotResolved)
    assert isinstance(error, BackendUnreachable), "callers that only know 'unreachable' still work"
    filing = new_filing()
    fails_in_time(
        lambda: nowhere.post_idempotent("/v1/applications", filing.body, filing.key),
        BackendNameNotResolved,
    )
    file_exactly_once_after(make_client(backend.url, backend.kiosk_token), filing, backend)


def test_valid_json_of_the_wrong_shape_is_an_invalid_answer(
    backend: RunningBackend, proxy: FaultyProxy
) -> None:
    client = make_client(proxy.url, backend.kiosk_token)
    proxy.misbehave(Misbehaviour(Fault.WRONG_SHAPE, ATTEMPTS))
    fails_in_time(client.services, BackendAnswerInvalid)
    assert proxy.requests_seen == 1, "a whole answer is not asked for again"
