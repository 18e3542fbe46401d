"""What the progress tests share: desks on real parts, a citizen of one test, and backends that
are down, silent or babbling (all on loopback)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from drivers.cards.identity import DocumentKind, Identity
from drivers.printers.base import Printer
from drivers.printers.file import FilePrinter
from kiosk.api import BackendClient, RetryPolicy
from kiosk.catalog_cache import CatalogCache, CatalogSource
from kiosk.desk import CatalogStore
from kiosk.outbox import Outbox, OutboxItem, OutboxKind, new_access_code, new_provisional_ref
from kiosk.progress import ProgressDesk
from kiosk.progress_memory import StatusMemory
from tests.integration.server.server_test_support import (
    file_application,
    individual_business_request,
    move,
    random_id_number,
)
from tests.support import RunningBackend

# What a hall told the citizen when accepting: shown on screen, kept only sealed on disk.
NOTE = "材料齊全，已轉審核"


def closed_port_url() -> str:
    """A loopback URL nothing listens on: the backend is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


@contextlib.contextmanager
def silent_backend() -> Iterator[str]:
    """A backend that takes connections (into the listen backlog) and never answers."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        yield f"http://127.0.0.1:{silent.getsockname()[1]}"


class GarbageHandler(BaseHTTPRequestHandler):
    """A captive portal's answer to everything."""

    def _garbage(self) -> None:
        body = b"<html>captive portal</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _garbage

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def garbage_backend() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), GarbageHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@dataclass(frozen=True)
class Citizen:
    """Someone with an ID number of their own, so one test's applications are its own."""

    id_number: str
    name: str = "林阿土"

    @classmethod
    def new(cls) -> Citizen:
        return cls(random_id_number())

    @property
    def last4(self) -> str:
        return self.id_number[-4:]

    @property
    def wrong_last4(self) -> str:
        return "0000" if self.last4 != "0000" else "1111"

    @property
    def identity(self) -> Identity:
        return Identity(kind=DocumentKind.CN_RESIDENT_ID, name=self.name, id_number=self.id_number)

    def body(self) -> dict[str, Any]:
        """An application (BR-001 of the demo catalog) by this citizen."""
        body = individual_business_request()
        body["applicant"] = {
            "name": self.name,
            "id_number": self.id_number,
            "document_kind": DocumentKind.CN_RESIDENT_ID.value,
        }
        return body

    def file(self, backend: RunningBackend) -> dict[str, Any]:
        """File an application at the backend; its receipt (number, status_url, ...)."""
        return file_application(backend, self.body())

    def file_reviewed(self, backend: RunningBackend) -> dict[str, Any]:
        """File one and let staff accept it (with :data:`NOTE`) and start reviewing it."""
        receipt = self.file(backend)
        assert move(backend, receipt["number"], "accepted", NOTE).status_code == 200
        assert move(backend, receipt["number"], "in_review").status_code == 200
        return receipt

    def put_waiting(self, outbox: Outbox) -> tuple[OutboxItem, str]:
        """An application filed at a kiosk while offline: in its outbox, not sent. The item
        and the access code its receipt's QR link carries."""
        reference, code = new_provisional_ref("test-kiosk"), new_access_code()
        body = {**self.body(), "provisional_ref": reference, "access_code": code}
        item = outbox.put(
            OutboxKind.APPLICATION,
            idempotency_key=f"key-{reference}",
            provisional_ref=reference,
            payload=body,
        )
        return item, code


@dataclass
class Kit:
    """A progress desk on real parts, and its outbox (to put what was filed offline in)."""

    desk: ProgressDesk
    outbox: Outbox


class Kits:
    """Builds desks on ``directory`` (one kiosk's data directory) and closes their outboxes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._built: list[Kit] = []

    def make(
        self,
        url: str,
        token: str = "",
        *,
        read_timeout_s: float = 5.0,
        today: Callable[[], date] = date.today,
        printer: Printer | None = None,
    ) -> Kit:
        client = BackendClient(
            url,
            token=token,
            connect_timeout_s=1.0,
            read_timeout_s=read_timeout_s,
            retry=RetryPolicy(attempts=1),
        )
        cache = CatalogCache(self.directory / "catalog.json")
        outbox = Outbox.in_directory(self.directory)
        desk = ProgressDesk(
            client,
            outbox,
            StatusMemory(self.directory),
            printer or FilePrinter(self.directory / "receipts"),
            catalog=CatalogStore(CatalogSource(client, cache)),
            catalog_cache=cache,
            today=today,
        )
        self._built.append(Kit(desk, outbox))
        return self._built[-1]

    def offline(self, **options: Any) -> Kit:
        return self.make(closed_port_url(), **options)

    def close(self) -> None:
        for kit in self._built:
            kit.outbox.close()
