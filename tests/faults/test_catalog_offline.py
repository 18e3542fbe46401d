"""The catalog through ETag/304 while online, and from the kept copy when the network fails."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.api import BackendUnreachable
from kiosk.catalog_cache import CatalogCache, CatalogSource
from tests.faults.fault_peers import Fault, FaultyProxy, Misbehaviour, closed_port
from tests.faults.kiosk_client import FAST_RETRY, make_client
from tests.support import RunningBackend


class SteppingClock:
    """A clock that moves a minute on every reading, so each fetch has its own time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_online_the_catalog_is_fetched_once_then_confirmed_by_etag(
    backend: RunningBackend, proxy: FaultyProxy, tmp_path: Path
) -> None:
    cache = CatalogCache(tmp_path / "catalog.json")
    source = CatalogSource(make_client(proxy.url), cache, clock=SteppingClock())
    first, second = source.services(), source.services()
    assert proxy.statuses == [200, 304]
    assert not first.from_cache and not second.from_cache
    assert second.services == first.services and len(first.services) >= 20
    assert second.fetched_at > first.fetched_at, "a 304 confirms the catalog as of now"
    kept = cache.load()
    assert kept is not None and kept.etag and kept.fetched_at == second.fetched_at
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.json"], "no temporary file left"


@pytest.mark.parametrize(
    "outage",
    [
        Misbehaviour(Fault.CUT, FAST_RETRY.attempts),
        Misbehaviour(Fault.SERVER_ERROR, FAST_RETRY.attempts),
        Misbehaviour(Fault.MALFORMED_JSON),
    ],
    ids=["connection-cut", "500s", "malformed-json"],
)
def test_offline_the_kept_catalog_is_shown_marked_as_such(
    outage: Misbehaviour, backend: RunningBackend, proxy: FaultyProxy, tmp_path: Path
) -> None:
    cache = CatalogCache(tmp_path / "catalog.json")
    online = CatalogSource(make_client(proxy.url), cache).services()
    before = (tmp_path / "catalog.json").read_bytes()
    proxy.misbehave(outage)
    offline = CatalogSource(make_client(proxy.url), cache).services()  # as after a restart
    assert offline.from_cache
    assert offline.services == online.services
    assert offline.fetched_at == online.fetched_at
    assert (tmp_path / "catalog.json").read_bytes() == before, "a bad answer replaced nothing"


def test_a_backend_down_since_start_up_still_shows_the_kept_catalog(
    backend: RunningBackend, tmp_path: Path
) -> None:
    cache = CatalogCache(tmp_path / "catalog.json")
    online = CatalogSource(make_client(backend.url), cache).services()
    down = CatalogSource(make_client(f"http://127.0.0.1:{closed_port()}"), cache)
    offline = down.services()
    assert offline.from_cache and offline.services == online.services


def test_offline_with_nothing_kept_the_clients_error_comes_through(tmp_path: Path) -> None:
    source = CatalogSource(
        make_client(f"http://127.0.0.1:{closed_port()}"), CatalogCache(tmp_path / "c.json")
    )
    with pytest.raises(BackendUnreachable):
        source.services()


def test_a_corrupt_cache_is_ignored_with_a_log_line_and_replaced(
    backend: RunningBackend, proxy: FaultyProxy, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "catalog.json"
    path.write_bytes(b'{"format": 1, "etag": "\\"abc\\"", "fetched_at": "2026-')
    with caplog.at_level(logging.WARNING, logger="kiosk.catalog_cache"):
        view = CatalogSource(make_client(proxy.url), CatalogCache(path)).services()
    assert not view.from_cache and len(view.services) >= 20
    assert any("unreadable" in record.getMessage() for record in caplog.records)
    assert proxy.statuses == [200], "no stale ETag was sent"
    assert CatalogCache(path).load() is not None


def test_a_cache_that_cannot_be_written_costs_nothing_online(
    backend: RunningBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "not-a-directory").write_text("")
    cache = CatalogCache(tmp_path / "not-a-directory" / "catalog.json")
    with caplog.at_level(logging.WARNING, logger="kiosk.catalog_cache"):
        view = CatalogSource(make_client(backend.url), cache).services()
    assert not view.from_cache and len(view.services) >= 20
    assert any("not written" in record.getMessage() for record in caplog.records)
