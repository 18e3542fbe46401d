"""TLS in front of the real backend, with a certificate from a CA of the test's own making."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.api import BackendTlsFailed, BackendUnreachable, TlsProblem
from tests.faults.conftest import backend_port
from tests.faults.fault_peers import FaultyProxy, TlsMaterial, make_tls_material
from tests.faults.kiosk_client import SLACK_S, make_client, new_filing, worst_case_s
from tests.support import RunningBackend


@pytest.fixture(scope="module")
def right_name(tmp_path_factory: pytest.TempPathFactory) -> TlsMaterial:
    return make_tls_material(tmp_path_factory.mktemp("tls"), "127.0.0.1")


@pytest.fixture(scope="module")
def wrong_name(tmp_path_factory: pytest.TempPathFactory) -> TlsMaterial:
    return make_tls_material(tmp_path_factory.mktemp("tls"), "elsewhere.example")


@pytest.fixture
def tls_proxy(backend: RunningBackend, right_name: TlsMaterial) -> Iterator[FaultyProxy]:
    running = FaultyProxy(backend_port(backend), tls=right_name.server_context())
    yield running
    running.stop()


def test_a_certificate_from_an_untrusted_ca_is_refused_at_once(
    backend: RunningBackend, tls_proxy: FaultyProxy
) -> None:
    client, filing = make_client(tls_proxy.url, backend.kiosk_token), new_filing()
    started = time.monotonic()
    with pytest.raises(BackendTlsFailed) as caught:
        client.post_idempotent("/v1/applications", filing.body, filing.key)
    assert time.monotonic() - started < worst_case_s() + SLACK_S
    assert caught.value.problem is TlsProblem.UNTRUSTED
    assert isinstance(caught.value, BackendUnreachable)
    assert "not trusted" in str(caught.value)
    assert tls_proxy.connections == 1, "a certificate problem is not retried"
    assert tls_proxy.requests_seen == 0, "nothing was sent over the untrusted connection"
    assert filing.rows_on(backend) == 0


def test_with_the_ca_bundle_the_same_backend_works_and_files_once(
    backend: RunningBackend, tls_proxy: FaultyProxy, right_name: TlsMaterial
) -> None:
    filing = new_filing()
    with pytest.raises(BackendTlsFailed):
        make_client(tls_proxy.url, backend.kiosk_token).post_idempotent(
            "/v1/applications", filing.body, filing.key
        )
    trusting = make_client(tls_proxy.url, backend.kiosk_token, ca_bundle=str(right_name.ca_file))
    assert len(trusting.services()) >= 20
    for _ in range(2):
        answer = trusting.post_idempotent("/v1/applications", filing.body, filing.key)
        assert answer["provisional_ref"] == filing.ref
    assert filing.rows_on(backend) == 1


def test_a_trusted_certificate_for_another_host_is_refused(
    backend: RunningBackend, wrong_name: TlsMaterial
) -> None:
    proxy = FaultyProxy(backend_port(backend), tls=wrong_name.server_context())
    try:
        client = make_client(proxy.url, ca_bundle=str(wrong_name.ca_file))
        with pytest.raises(BackendTlsFailed) as caught:
            client.services()
        assert caught.value.problem is TlsProblem.NAME_MISMATCH
        assert proxy.requests_seen == 0
    finally:
        proxy.stop()


def test_a_missing_ca_bundle_is_a_tls_failure_not_a_crash(
    tls_proxy: FaultyProxy, tmp_path: Path
) -> None:
    client = make_client(tls_proxy.url, ca_bundle=str(tmp_path / "no-such-ca.pem"))
    with pytest.raises(BackendTlsFailed) as caught:
        client.health()
    assert caught.value.problem is TlsProblem.CA_BUNDLE_UNREADABLE
    assert tls_proxy.connections == 0
