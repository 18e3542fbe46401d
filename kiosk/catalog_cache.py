"""The last service catalog the backend sent, kept on disk so citizens can browse it offline.

The catalog is public (what a hall shows on its walls): no personal data is stored here.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.api import BackendClient, BackendError
from kiosk.catalog import CatalogFormatError, Service, parse_catalog

log = logging.getLogger(__name__)

_FORMAT = 1


@dataclass(frozen=True)
class CachedCatalog:
    document: Any  # the JSON answer as the backend sent it
    etag: str | None
    fetched_at: datetime  # when the backend last sent or confirmed (304) this catalog
    services: tuple[Service, ...]


@dataclass(frozen=True)
class CatalogView:
    """What the screens show. ``from_cache``: the backend could not be asked, so this is the
    last catalog it sent (as of ``fetched_at``) and may be out of date."""

    services: tuple[Service, ...]
    fetched_at: datetime
    from_cache: bool


class CatalogCache:
    """One JSON file, replaced atomically: a crash leaves the old catalog or the new, never half."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> CachedCatalog | None:
        """The kept catalog; ``None`` when there is none or the file is unusable (logged)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:  # ValueError: not UTF-8, or not JSON
            log.warning("catalog cache %s unreadable (%s); ignored", self.path, _kind(error))
            return None
        try:
            if raw["format"] != _FORMAT:
                raise ValueError(f"format {raw['format']!r}")
            etag = raw["etag"]
            if etag is not None and not isinstance(etag, str):
                raise TypeError("etag")
            fetched_at = datetime.fromisoformat(raw["fetched_at"])
            if fetched_at.tzinfo is None:
                raise ValueError("fetched_at without a time zone")
            services = parse_catalog(raw["document"])
        except (KeyError, TypeError, ValueError, CatalogFormatError) as error:
            log.warning("catalog cache %s malformed (%s); ignored", self.path, _kind(error))
            return None
        return CachedCatalog(raw["document"], etag, fetched_at, services)

    def save(self, catalog: CachedCatalog) -> None:
        """Keep ``catalog`` in place of whatever was kept."""
        record = {
            "format": _FORMAT,
            "etag": catalog.etag,
            "fetched_at": catalog.fetched_at.isoformat(),
            "document": catalog.document,
        }
        write_atomically(self.path, json.dumps(record, ensure_ascii=False).encode("utf-8"))


def _kind(error: Exception) -> str:
    return type(error).__name__


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    # The rename itself must reach the disk, or a power cut could bring the old name back.
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


class CatalogSource:
    """The catalog for the screens: fresh when the backend answers, the kept one when not."""

    def __init__(
        self,
        client: BackendClient,
        cache: CatalogCache,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._cache = cache
        self._clock = clock
        self._lock = threading.Lock()
        self._kept: CachedCatalog | None = None
        self._loaded = False

    def services(self) -> CatalogView:
        """Asks the backend (with the kept ETag). When it cannot answer usefully, the kept
        catalog marked ``from_cache``; with nothing kept, the client's ``BackendError``."""
        with self._lock:
            if not self._loaded:
                self._kept, self._loaded = self._cache.load(), True
            kept = self._kept
            try:
                answer = self._client.services_conditional(kept.etag if kept else None)
            except BackendError as error:
                if kept is None:
                    raise
                # The catalog is public and only shown: any failure may fall back to it.
                log.info("catalog from cache of %s: %s", kept.fetched_at.isoformat(), error)
                return CatalogView(kept.services, kept.fetched_at, from_cache=True)
            if answer.not_modified and kept is not None:
                fresh = CachedCatalog(kept.document, kept.etag, self._clock(), kept.services)
            else:
                fresh = CachedCatalog(answer.document, answer.etag, self._clock(), answer.services)
                log.info("catalog received: %d services", len(fresh.services))
            self._kept = fresh
            try:
                self._cache.save(fresh)
            except OSError as error:
                # A full or read-only disk costs only offline browsing after a restart.
                log.warning("catalog cache not written (%s)", _kind(error))
            return CatalogView(fresh.services, fresh.fetched_at, from_cache=False)
