"""A receipt printer on the network (raw TCP, port 9100: "JetDirect"/"AppSocket").

A plain socket, not ``escpos.printer.Network``: that class opens one connection when built and
uses a single timeout (60 s by default) for connecting and for every status read, treats an
empty paper reply as "ok" and never checks the reply form. Here each job and each status query
opens its own connection, so a printer that was power-cycled is simply reached again
(python-escpos #437, #459), and status has a hard 2 s budget. The bytes still come from
python-escpos, through ``escpos_encoder``.
"""

from __future__ import annotations

import socket
import threading
import time

from drivers.printers.base import Printer, PrinterStatus, PrinterUnavailable, PrintFailed
from drivers.printers.layout import Receipt
from drivers.printers.profile import DEFAULT_OPTIONS, PrinterOptions
from drivers.printers.status_bytes import ask_in_turn, describe_problem

DEFAULT_PORT = 9100
STATUS_BUDGET_S = 1.8  # status() promises 2 s; keep a margin for connect and close
_REPLY_TIMEOUT_S = 0.5  # a printer answers in milliseconds; one silent query must not eat all
# A host name IDNA cannot encode (an empty label, as in "printer..lan") makes create_connection
# raise UnicodeError, not OSError, before any lookup: no printer answers at such a name either.
_CONNECT_ERRORS = (OSError, UnicodeError)


class NetworkPrinter(Printer):
    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        options: PrinterOptions = DEFAULT_OPTIONS,
        timeout_s: float = 5,
    ) -> None:
        self.host = host
        self.port = port
        self.options = options
        self.timeout_s = timeout_s
        # Many network printers serve one connection at a time: a health check must not
        # collide with a job.
        self._lock = threading.Lock()

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def status(self) -> PrinterStatus:
        deadline = time.monotonic() + STATUS_BUDGET_S
        with self._lock:
            try:
                connection = socket.create_connection(
                    (self.host, self.port), timeout=min(self.timeout_s, STATUS_BUDGET_S)
                )
            except _CONNECT_ERRORS:
                return PrinterStatus(online=False)  # nobody answers at that address
            with connection:
                return _query_status(connection, deadline)

    def print(self, receipt: Receipt) -> None:
        from drivers.printers.escpos_encoder import encode  # escpos is slow to import

        data = encode(receipt, *self.options.for_encoder())
        with self._lock:
            try:
                connection = socket.create_connection((self.host, self.port), self.timeout_s)
            except _CONNECT_ERRORS as error:
                raise PrinterUnavailable(f"printer {self.address} unreachable: {error}") from error
            with connection:
                # Ask first: a printer without paper would otherwise swallow the job silently.
                status = _query_status(connection, time.monotonic() + STATUS_BUDGET_S)
                if not status.can_print:
                    raise PrinterUnavailable(
                        f"printer {self.address} is {describe_problem(status)}"
                    )
                try:
                    connection.settimeout(self.timeout_s)
                    connection.sendall(data)
                    connection.shutdown(socket.SHUT_WR)
                except OSError as error:
                    raise PrintFailed(f"printer {self.address} dropped the job: {error}") from error


def _query_status(connection: socket.socket, deadline: float) -> PrinterStatus:
    return ask_in_turn(lambda query: _ask(connection, query, deadline))


def _ask(connection: socket.socket, query: bytes, deadline: float) -> int | None:
    """Send one ``DLE EOT n`` and return the reply byte, or None if none came in time."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return None
    try:
        _discard_late_replies(connection)
        connection.settimeout(min(remaining, _REPLY_TIMEOUT_S))
        connection.sendall(query)
        reply = connection.recv(16)
    except OSError:  # includes TimeoutError
        return None
    return reply[0] if reply else None


def _discard_late_replies(connection: socket.socket) -> None:
    """Drop bytes still queued (a late answer to a query that timed out) so replies stay paired."""
    connection.setblocking(False)
    try:
        while connection.recv(64):
            pass
    except (BlockingIOError, InterruptedError):
        pass
    finally:
        connection.setblocking(True)
