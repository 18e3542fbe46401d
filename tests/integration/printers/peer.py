"""A TCP peer on loopback that behaves like a network receipt printer."""

from __future__ import annotations

import socket
import struct
import threading
import time

READY = {1: 0x12, 2: 0x12, 4: 0x12}  # DLE EOT 1, 2, 4: online, no error, paper present
PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x72}  # offline, stopped by paper end, paper end sensor
PAPER_NEAR_END = {1: 0x12, 2: 0x12, 4: 0x1E}


class PrinterPeer:
    """Accepts connections, answers ``DLE EOT n`` with ``replies[n]`` (silent when absent), and
    keeps every other byte a connection sent as that connection's job."""

    def __init__(
        self,
        replies: dict[int, int | bytes] | None = None,
        *,
        reset_after_status: bool = False,
        reply_delay_s: float = 0.0,
    ) -> None:
        self.replies = replies or {}
        self.reset_after_status = reset_after_status
        self.reply_delay_s = reply_delay_s  # a printer busy with its mechanics answers late
        self.jobs: list[bytes] = []
        self.queries: list[int] = []
        self.closed_connections = threading.Semaphore(0)
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            with connection:
                self._handle(connection)
            self.closed_connections.release()

    def _handle(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        pending, job = b"", bytearray()
        while True:
            try:
                chunk = connection.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            pending += chunk
            while True:
                at = pending.find(b"\x10\x04")
                if at < 0:
                    # A trailing DLE may be the first byte of a query split across reads.
                    split = len(pending) - 1 if pending.endswith(b"\x10") else len(pending)
                    job += pending[:split]
                    pending = pending[split:]
                    break
                if len(pending) < at + 3:
                    job += pending[:at]
                    pending = pending[at:]
                    break
                job += pending[:at]
                query, pending = pending[at + 2], pending[at + 3 :]
                self.queries.append(query)
                reply = self.replies.get(query)
                if reply is not None:
                    time.sleep(self.reply_delay_s)
                    connection.sendall(bytes([reply]) if isinstance(reply, int) else reply)
                if self.reset_after_status and len(self.queries) >= 3:
                    # SO_LINGER on, 0 s: close with a reset, like a printer losing power.
                    linger = struct.pack("ii", 1, 0)
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    self.jobs.append(bytes(job))
                    return
        self.jobs.append(bytes(job + pending))

    def wait_for_connection_end(self) -> None:
        assert self.closed_connections.acquire(timeout=5)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._server.close()
