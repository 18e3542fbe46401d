"""The kept catalog file: round trip, atomic replacement, and every way it can be unusable."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from assets import asset_path
from kiosk.catalog import parse_catalog
from kiosk.catalog_cache import CachedCatalog, CatalogCache

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def demo_document() -> dict[str, Any]:
    return {"services": json.loads(asset_path("catalog", "demo-services.json").read_text())}


def catalog(document: Any, etag: str | None = '"v1"') -> CachedCatalog:
    return CachedCatalog(document, etag, WHEN, parse_catalog(document))


def test_what_is_saved_is_loaded_back(tmp_path: Path) -> None:
    cache = CatalogCache(tmp_path / "kept" / "catalog.json")
    saved = catalog(demo_document())
    cache.save(saved)
    assert cache.load() == saved
    assert [p.name for p in (tmp_path / "kept").iterdir()] == ["catalog.json"]


def test_no_file_is_no_catalog(tmp_path: Path) -> None:
    assert CatalogCache(tmp_path / "catalog.json").load() is None


def test_a_save_replaces_the_whole_file(tmp_path: Path) -> None:
    cache, document = CatalogCache(tmp_path / "catalog.json"), demo_document()
    cache.save(catalog(document))
    fewer = {"services": document["services"][:2]}
    cache.save(catalog(fewer, etag=None))
    loaded = cache.load()
    assert loaded is not None and loaded.etag is None and len(loaded.services) == 2


def test_a_save_that_fails_leaves_the_old_catalog(tmp_path: Path) -> None:
    cache = CatalogCache(tmp_path / "catalog.json")
    cache.save(catalog(demo_document()))
    unwritable = CachedCatalog({"services": [], "odd": {1, 2}}, '"v2"', WHEN, ())
    with pytest.raises(TypeError):
        cache.save(unwritable)
    loaded = cache.load()
    assert loaded is not None and loaded.etag == '"v1"'
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.json"]


def good_record() -> dict[str, Any]:
    return {"format": 1, "etag": '"v1"', "fetched_at": WHEN.isoformat(), "document": {}}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not utf-8",
        b'{"format": 1, "etag": ',
        b"[1, 2, 3]",
        json.dumps({**good_record(), "format": 99}).encode(),
        json.dumps({**good_record(), "etag": 7}).encode(),
        json.dumps({**good_record(), "fetched_at": "yesterday"}).encode(),
        json.dumps({**good_record(), "fetched_at": "2026-03-02T09:30:00"}).encode(),
        json.dumps({**good_record(), "document": {"services": [{"code": "X"}]}}).encode(),
        json.dumps({k: v for k, v in good_record().items() if k != "document"}).encode(),
    ],
    ids=[
        "empty",
        "not-utf8",
        "cut-short",
        "not-an-object",
        "unknown-format",
        "etag-not-text",
        "time-not-a-time",
        "time-without-zone",
        "catalog-malformed",
        "document-missing",
    ],
)
def test_an_unusable_file_is_ignored_with_a_log_line(
    content: bytes, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "catalog.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="kiosk.catalog_cache"):
        assert CatalogCache(path).load() is None
    assert len(caplog.records) == 1
    assert "ignored" in caplog.records[0].getMessage()
