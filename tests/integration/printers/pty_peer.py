"""A serial receipt printer played on the master side of a real pseudo-terminal.

The driver under test opens the slave path (``/dev/pts/N``) exactly as it would open
``/dev/ttyS0``; this peer reads what arrives on the master, answers ``DLE EOT n`` from a script
and keeps every other byte as printed data.
"""

from __future__ import annotations

import os
import select
import threading
import time
from pathlib import Path

_QUERY_PREFIX = b"\x10\x04"


class PtyPrinter:
    """``replies[n]`` answers ``DLE EOT n`` (silence when absent). With ``stall_after_queries``
    the printer stops reading after that many queries, as one holding the line does."""

    def __init__(
        self, replies: dict[int, int] | None = None, *, stall_after_queries: int | None = None
    ) -> None:
        self.replies = replies or {}
        self.stall_after_queries = stall_after_queries
        self.printed = bytearray()
        self.queries: list[int] = []
        self._master, self._slave = os.openpty()
        # Kept open so the master never sees EIO between the driver's open/close cycles.
        self.path = os.ttyname(self._slave)
        self._pending = b""
        self._hung_up = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            if (
                self.stall_after_queries is not None
                and len(self.queries) >= self.stall_after_queries
            ):
                time.sleep(0.02)
                continue
            readable, _, _ = select.select([self._master], [], [], 0.05)
            if not readable:
                continue
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                continue
            with self._lock:
                self._take(chunk)

    def _take(self, chunk: bytes) -> None:
        pending = self._pending + chunk
        while True:
            at = pending.find(_QUERY_PREFIX)
            if at < 0:
                # A trailing DLE may be the first byte of a query split across reads.
                keep = 1 if pending.endswith(b"\x10") else 0
                self.printed += pending[: len(pending) - keep]
                self._pending = pending[len(pending) - keep :]
                return
            if len(pending) < at + 3:
                self.printed += pending[:at]
                self._pending = pending[at:]
                return
            self.printed += pending[:at]
            query, pending = pending[at + 2], pending[at + 3 :]
            self.queries.append(query)
            reply = self.replies.get(query)
            if reply is not None:
                os.write(self._master, bytes([reply]))

    def wait_for_printed(self, size: int, timeout_s: float = 5.0) -> bytes:
        """The printed bytes once at least ``size`` arrived (or the timeout passed)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.printed) >= size:
                    break
            time.sleep(0.01)
        with self._lock:
            return bytes(self.printed)

    def descriptors_open_in(self, pid: int) -> int:
        """How many file descriptors of process ``pid`` point at the slave side."""
        count = 0
        for link in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if os.readlink(link) == self.path:
                    count += 1
            except OSError:
                continue  # closed while listing
        return count

    def hang_up(self) -> None:
        """Close the master side, as a USB-serial adapter unplugged: the driver's open port
        hangs up (writes fail, tcflush raises termios.error) and the path disappears."""
        self._stop.set()
        self._thread.join(timeout=2)
        if not self._hung_up:
            self._hung_up = True
            os.close(self._master)

    def close(self) -> None:
        self.hang_up()
        os.close(self._slave)
