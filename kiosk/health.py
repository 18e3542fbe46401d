"""How the kiosk's parts are doing, for the staff screens and the fleet heartbeat.

One probe gathers it all; ``collect`` blocks (the printer may take up to 2 s to answer, the
backend its timeout), so callers run it off the UI thread.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from drivers.printers.base import PaperState, Printer, PrinterStatus
from kiosk import __version__
from kiosk.api import BackendClient
from kiosk.backend_errors import BackendError
from kiosk.outbox import Outbox, OutboxError


class ReaderHealth(Enum):
    OK = "ok"
    ABSENT = "absent"  # no reader found, or it went away
    ERROR = "error"  # it answers but reading fails


class ReaderWatch:
    """What the card reader last said; the UI bridge reports to it from its events."""

    def __init__(self) -> None:
        self.health = ReaderHealth.OK
        self.detail: str | None = None

    def card_read(self) -> None:
        self.health, self.detail = ReaderHealth.OK, None

    def card_failed(self, reason: str) -> None:
        # A card pulled mid-read is the citizen's doing, not the reader's; anything the reader
        # cannot do at all (no reader, no pcscd) is reported as absent.
        absent = "no reader" in reason.lower() or "not available" in reason.lower()
        self.health = ReaderHealth.ABSENT if absent else ReaderHealth.ERROR
        self.detail = reason[:200]


_PAPER = {
    PaperState.OK: "ok",
    PaperState.NEAR_END: "near_end",
    PaperState.OUT: "out",
    PaperState.UNKNOWN: "unknown",
}


@dataclass(frozen=True)
class DeviceHealth:
    """One reading of every part. ``None``: not known (the part did not answer)."""

    version: str
    reader: ReaderHealth
    reader_detail: str | None
    printer: PrinterStatus
    backend_reachable: bool
    backend_latency_ms: int | None
    outbox_depth: int | None
    disk_free_mb: int | None
    uptime_s: int
    out_of_service: bool

    @property
    def printer_state(self) -> str:
        if self.printer.error or self.printer.cover_open:
            return "error"
        return "offline" if self.printer.online is False else "ok"

    def heartbeat_body(self) -> dict[str, Any]:
        """The body of ``POST /v1/kiosks/heartbeat`` (server/openapi.json, ``Heartbeat``)."""
        printer_detail = "cover open" if self.printer.cover_open else None
        return {
            "version": self.version,
            "card_reader": {"state": self.reader.value, "detail": self.reader_detail},
            "printer": {
                "state": self.printer_state,
                "paper": _PAPER[self.printer.paper],
                "detail": printer_detail,
            },
            "backend_latency_ms": self.backend_latency_ms,
            "outbox_depth": self.outbox_depth or 0,
            "disk_free_mb": self.disk_free_mb,
            "uptime_s": self.uptime_s,
            "out_of_service": self.out_of_service,
        }


class HealthProbe:
    def __init__(
        self,
        *,
        reader: ReaderWatch,
        printer: Printer,
        client: BackendClient,
        outbox: Outbox,
        data_dir: Path,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.reader = reader
        self._printer = printer
        self._client = client
        self._outbox = outbox
        self._data_dir = data_dir
        self._clock = clock
        self._started = clock()

    def close(self) -> None:
        self._client.close()

    def backend_latency_ms(self) -> int | None:
        """Round trip of ``GET /v1/health``; None when the backend did not answer."""
        start = self._clock()
        try:
            healthy = self._client.health()
        except BackendError:
            return None
        return round((self._clock() - start) * 1000) if healthy else None

    def outbox_depth(self) -> int | None:
        try:
            return self._outbox.depth()
        except OutboxError:
            return None

    def disk_free_mb(self) -> int | None:
        try:
            return shutil.disk_usage(self._existing(self._data_dir)).free // (1024 * 1024)
        except OSError:
            return None

    @staticmethod
    def _existing(path: Path) -> Path:
        while not path.exists() and path != path.parent:
            path = path.parent
        return path

    def collect(self, *, out_of_service: bool) -> DeviceHealth:
        latency = self.backend_latency_ms()
        return DeviceHealth(
            version=__version__,
            reader=self.reader.health,
            reader_detail=self.reader.detail,
            printer=self._printer.status(),
            backend_reachable=latency is not None,
            backend_latency_ms=latency,
            outbox_depth=self.outbox_depth(),
            disk_free_mb=self.disk_free_mb(),
            uptime_s=int(self._clock() - self._started),
            out_of_service=out_of_service,
        )
