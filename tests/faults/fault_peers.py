"""Peers on 127.0.0.1 that misbehave as real networks and servers do, for kiosk/api.py.

``FaultyProxy`` stands in front of the real backend and, request by request, follows a plan:
pass the answer on, cut it after some bytes, hold it past the client's patience, replace it with
a 500 or with broken JSON (the backend has done the work by then: only the answer is lost), or
answer 429/503 with ``Retry-After`` itself. It can speak TLS with a certificate from
``make_tls_material``, whose CA no system trusts.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections import deque
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

MAX_REQUEST_BYTES = 1 << 20


class Fault(Enum):
    PASS = "pass"
    CUT = "cut"  # forwarded; only the first ``cut_after`` bytes of the answer arrive
    STALL = "stall"  # forwarded; the answer never arrives, the connection stays open
    SERVER_ERROR = "500"  # forwarded; a 500 arrives instead of the answer
    MALFORMED_JSON = "malformed-json"  # forwarded; 200 with JSON cut short arrives instead
    WRONG_SHAPE = "wrong-shape"  # forwarded; 200 with valid JSON the contract never promised
    TOO_MANY = "429"  # not forwarded: 429 with Retry-After
    UNAVAILABLE = "503"  # not forwarded: 503 with Retry-After


@dataclass(frozen=True)
class Misbehaviour:
    fault: Fault
    times: int = 1  # how many requests in a row get it
    cut_after: int = 0  # CUT: bytes that get through; negative: all but that many
    retry_after: str = ""  # TOO_MANY / UNAVAILABLE: the header's value ("" leaves it out)


def _head_with_close(head: bytes) -> bytes:
    """One request or answer per connection, so each attempt of the client meets the plan."""
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"])


def _answer(status: str, body: bytes, *headers: str) -> bytes:
    head = [f"HTTP/1.1 {status}", "Content-Type: application/json", *headers]
    head.append(f"Content-Length: {len(body)}")
    return _head_with_close("\r\n".join(head).encode()) + b"\r\n\r\n" + body


def _status_of(answer: bytes) -> int:
    parts = answer.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


class FaultyProxy:
    """HTTP (or HTTPS with ``tls``) on a loopback port in front of ``upstream_port``."""

    def __init__(
        self,
        upstream_port: int,
        *,
        tls: ssl.SSLContext | None = None,
        stall_s: float = 30,
        answer_delay_s: float = 0.0,
    ) -> None:
        self.upstream_port = upstream_port
        self.stall_s = stall_s
        # A slow link: every forwarded answer is held this long after the backend gave it.
        self.answer_delay_s = answer_delay_s
        self.connections = 0  # accepted, TLS handshake or not
        self.requests_seen = 0  # complete requests read from the client
        self.forwarded = 0  # requests the backend received
        self.statuses: list[int] = []  # status of every answer sent, whole or in part
        self._tls = tls
        self._plan: deque[Misbehaviour] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._workers: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://127.0.0.1:{self.port}"

    def misbehave(self, *plan: Misbehaviour) -> None:
        """The next requests meet ``plan`` in order; every one after it passes."""
        with self._lock:
            self._plan = deque(plan)

    def clear(self) -> None:
        self.misbehave()

    def _next_fault(self) -> Misbehaviour:
        with self._lock:
            self.requests_seen += 1
            while self._plan and self._plan[0].times <= 0:
                self._plan.popleft()
            if not self._plan:
                return Misbehaviour(Fault.PASS)
            step = self._plan.popleft()
            if step.times > 1:
                self._plan.appendleft(
                    Misbehaviour(step.fault, step.times - 1, step.cut_after, step.retry_after)
                )
            return step

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            worker = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._workers.append(worker)
            worker.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            if self._tls is not None:
                conn = self._tls.wrap_socket(conn, server_side=True)
            request = self._read_request(conn)
            if request:
                self._handle(conn, request, self._next_fault())
        except (OSError, ssl.SSLError):
            pass  # the client refused our certificate, or went away: both are the test's point
        finally:
            conn.close()

    def _handle(self, conn: socket.socket, request: bytes, step: Misbehaviour) -> None:
        if step.fault in (Fault.TOO_MANY, Fault.UNAVAILABLE):
            status = "429 Too Many Requests" if step.fault is Fault.TOO_MANY else "503 Unavailable"
            extra = (f"Retry-After: {step.retry_after}",) if step.retry_after else ()
            body = b'{"type":"about:blank","title":"Slow down","status":0,"detail":"later"}'
            self._send(conn, _answer(status, body, *extra))
            return
        answer = self._forward(request)
        if self.answer_delay_s:
            self._stop.wait(self.answer_delay_s)
        if step.fault is Fault.PASS:
            self._send(conn, answer)
        elif step.fault is Fault.CUT:
            self._send(conn, answer[: step.cut_after] if step.cut_after else b"")
            conn.shutdown(socket.SHUT_RDWR)
        elif step.fault is Fault.STALL:
            self._stop.wait(self.stall_s)
        elif step.fault is Fault.SERVER_ERROR:
            body = b'{"type":"about:blank","title":"Internal Server Error","status":500}'
            self._send(conn, _answer("500 Internal Server Error", body))
        elif step.fault is Fault.MALFORMED_JSON:
            self._send(conn, _answer("200 OK", b'{"services": [{"code": "BR-001", "name": '))
        elif step.fault is Fault.WRONG_SHAPE:
            self._send(conn, _answer("200 OK", b'{"services": [{"code": 7}], "number": null}'))

    def _send(self, conn: socket.socket, data: bytes) -> None:
        if data:
            self.statuses.append(_status_of(data))
            conn.sendall(data)

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=10) as upstream:
            upstream.sendall(request)
            self.forwarded += 1
            answer = b"".join(iter(lambda: upstream.recv(65536), b""))
        head, _, body = answer.partition(b"\r\n\r\n")
        return _head_with_close(head) + b"\r\n\r\n" + body

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk or len(data) > MAX_REQUEST_BYTES:
                return b""
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = min(int(line.split(b":", 1)[1]), MAX_REQUEST_BYTES)
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return b""
            body += chunk
        return _head_with_close(head) + b"\r\n\r\n" + body

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()
        for worker in self._workers:
            worker.join(5)


def closed_port() -> int:
    """A loopback port nobody listens on (just released by the kernel)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class TlsMaterial:
    ca_file: Path  # what a client must trust
    cert_file: Path  # the server's certificate, then the CA's
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_tls_material(directory: Path, host: str) -> TlsMaterial:
    """A fresh private CA and a server certificate for ``host`` (a name or an IP address)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    server_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OneStop test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    try:
        alt_name: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        alt_name = x509.DNSName(host)
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
        .issuer_name(ca_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([alt_name]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    material = TlsMaterial(
        directory / f"{host}-ca.pem", directory / f"{host}.pem", directory / f"{host}.key"
    )
    material.ca_file.write_bytes(ca_cert.public_bytes(pem))
    material.cert_file.write_bytes(server_cert.public_bytes(pem) + ca_cert.public_bytes(pem))
    material.key_file.write_bytes(
        server_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return material
