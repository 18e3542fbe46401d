"""kiosk/api.py against the real backend, and against the ways a real network misbehaves."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.api import (
    ApplicationDraft,
    BackendAnswerInvalid,
    BackendClient,
    BackendRejected,
    BackendTimedOut,
    BackendUnreachable,
    RetryPolicy,
)
from kiosk.i18n import Language
from tests.support import RunningBackend

FAST_RETRY = RetryPolicy(attempts=3, first_delay_s=0.01, max_delay_s=0.02)
HOTLINE_FORM = {"subject": "路燈不亮", "content": "中山路 3 號前", "contact_phone": "13800138000"}


def draft(**changes: object) -> ApplicationDraft:
    values: dict[str, object] = {
        "service_code": "HL-002",
        "language": Language.ZH_HANT,
        "applicant_name": DEMO_IDENTITY.name,
        "applicant_id_number": DEMO_IDENTITY.id_number,
        "document_kind": DEMO_IDENTITY.kind.value,
        "form": HOTLINE_FORM,
    }
    values.update(changes)
    return ApplicationDraft(**values)  # type: ignore[arg-type]


def client(url: str, token: str = "", **options: float) -> BackendClient:
    return BackendClient(
        url,
        token=token,
        connect_timeout_s=options.get("connect", 1.0),
        read_timeout_s=options.get("read", 3.0),
        retry=FAST_RETRY,
    )


def test_catalog_arrives_parsed_in_three_languages(backend: RunningBackend) -> None:
    services = client(backend.url, backend.kiosk_token).services()
    assert len(services) >= 20
    assert all(set(s.name) >= {"zh-Hant", "zh-Hans", "en"} for s in services)


def test_submitting_twice_with_one_key_files_once(backend: RunningBackend) -> None:
    api, one = client(backend.url, backend.kiosk_token), draft()
    first = api.submit_application(one)
    again = api.submit_application(one)
    assert again == first
    assert backend.rows("SELECT count(*) FROM applications WHERE number = ?", first.number) == [
        (1,)
    ]
    assert api.lookup(first.number, DEMO_IDENTITY.id_number[-4:]) == first


def test_rejection_carries_the_servers_field_errors(backend: RunningBackend) -> None:
    with pytest.raises(BackendRejected) as caught:
        client(backend.url, backend.kiosk_token).submit_application(draft(form={"subject": "x"}))
    assert caught.value.status == 422
    assert any("content" in name for name in caught.value.field_errors)
    with pytest.raises(BackendRejected) as missing:
        client(backend.url, backend.kiosk_token).service("NO-SUCH")
    assert missing.value.status == 404


@dataclass
class LossyProxy:
    """Forwards HTTP to the backend but swallows the first N answers, as a dying 4G link does.

    The backend has done the work by then; only the answer is lost.
    """

    target_port: int
    answers_to_drop: int
    listener: socket.socket = field(default_factory=socket.socket)
    requests_seen: int = 0

    def __post_init__(self) -> None:
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            with conn:
                request = self._read_request(conn)
                if not request:
                    continue
                self.requests_seen += 1
                request = request.replace(b"Connection: keep-alive", b"Connection: close")
                with socket.create_connection(("127.0.0.1", self.target_port), timeout=10) as up:
                    up.sendall(request)
                    answer = b"".join(iter(lambda: up.recv(65536), b""))
                if self.answers_to_drop > 0:
                    self.answers_to_drop -= 1
                    conn.shutdown(socket.SHUT_RDWR)  # the answer never arrives
                    continue
                conn.sendall(answer)

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes:
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return b""
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        while len(body) < length:
            body += conn.recv(65536)
        return head + b"\r\n\r\n" + body

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.listener.close()


@pytest.fixture
def lossy_proxy(backend: RunningBackend) -> Iterator[LossyProxy]:
    port = int(backend.url.rsplit(":", 1)[1])
    proxy = LossyProxy(target_port=port, answers_to_drop=1)
    yield proxy
    proxy.stop()


def test_a_lost_answer_is_retried_without_filing_twice(
    backend: RunningBackend, lossy_proxy: LossyProxy
) -> None:
    token = backend.add_kiosk("lossy-link")
    record = client(lossy_proxy.url, token).submit_application(draft())
    assert lossy_proxy.requests_seen == 2, "the first answer was lost and the call repeated"
    rows = backend.rows("SELECT number FROM applications WHERE kiosk_id = 'lossy-link'")
    assert rows == [(record.number,)]


def test_nobody_listening_is_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(BackendUnreachable):
        client(f"http://127.0.0.1:{port}").services()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers: a backend stuck on its database."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    for conn in held:
        conn.close()
    listener.close()


def test_a_silent_backend_times_out_within_the_configured_bound(silent_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(BackendTimedOut):
        client(silent_server, read=0.3).services()
    # three attempts of 0.3 s plus tiny backoff; generous slack for a loaded machine
    assert time.monotonic() - started < 5


@pytest.fixture
def garbage_server() -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(65536)
                body = b'{"services": [{"code": 7}]}'
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: " + str(len(body)).encode() + b"\r\n"
                    b"Connection: close\r\n\r\n" + body
                )

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    listener.close()


def test_an_answer_of_the_wrong_shape_is_reported_as_such(garbage_server: str) -> None:
    with pytest.raises(BackendAnswerInvalid):
        client(garbage_server).services()
