"""A cheap HTTP/1.1 load generator for bench/server.py: asyncio protocols, keep-alive, no library.

The machine running the bench has two cores shared by the server and this generator, so every
request is encoded once, up front, and a response is parsed only as far as its status line and
length. Two ways to drive a server:

- :func:`closed_loop`: N clients on N keep-alive connections, each sending its next request as
  soon as the last answer arrived (the server's throughput at that concurrency).
- :func:`open_loop`: requests sent on a fixed schedule whatever the answers do, latency counted
  from the *scheduled* send time, so a server that stalls shows up in the figures instead of
  quietly slowing the generator down (no coordinated omission).
"""

from __future__ import annotations

import asyncio
import collections
import json
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Every timestamp: uvloop's loop.time() counts whole milliseconds, which would round every
# latency to one.
_now = time.perf_counter
# Seconds an answer may take before it counts as an error and its connection is dropped.
DEFAULT_TIMEOUT_S = 10.0
_HEAD_END = b"\r\n\r\n"


def generator_event_loop() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's loop factory when installed (the server extra installs it), else asyncio's.

    The generator shares the cores with the server it measures: every cycle it spends is one
    the server does not get, and uvloop spends fewer of them a request than asyncio does.
    """
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


class HttpProtocolError(Exception):
    """The server's answer could not be parsed as the HTTP this client speaks."""


def encode_request(
    method: str,
    path: str,
    host: str,
    *,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
) -> bytes:
    """The bytes of one request, ready to be written as many times as needed."""
    body = b"" if json_body is None else json.dumps(json_body).encode()
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if json_body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    elif method in ("POST", "PUT", "PATCH"):
        lines.append("Content-Length: 0")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class Answer:
    status: int
    body: bytes


def parse_answer(buffer: bytes | bytearray) -> tuple[Answer, int, bool] | None:
    """The first whole answer in ``buffer``: (answer, bytes it took, whether the server will
    close the connection), or None while it is still incomplete."""
    head_end = buffer.find(_HEAD_END)
    if head_end < 0:
        return None
    head = bytes(buffer[:head_end])
    if not head.startswith(b"HTTP/1.1 ") or len(head) < 12:
        raise HttpProtocolError(f"not an HTTP/1.1 status line: {head[:40]!r}")
    status = int(head[9:12])
    length = -1
    chunked = closing = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif name == b"connection" and b"close" in value.lower():
            closing = True
    start = head_end + len(_HEAD_END)
    if chunked:
        found = _chunked_body(buffer, start)
        return None if found is None else (Answer(status, found[0]), found[1], closing)
    if length < 0:
        raise HttpProtocolError("an answer without Content-Length or chunked encoding")
    if len(buffer) < start + length:
        return None
    return Answer(status, bytes(buffer[start : start + length])), start + length, closing


def _chunked_body(buffer: bytes | bytearray, position: int) -> tuple[bytes, int] | None:
    parts: list[bytes] = []
    while True:
        line_end = buffer.find(b"\r\n", position)
        if line_end < 0:
            return None
        size = int(bytes(buffer[position:line_end]).split(b";")[0], 16)
        position = line_end + 2
        if size == 0:
            # No trailers from this server: the empty line ends the answer.
            return (b"".join(parts), position + 2) if len(buffer) >= position + 2 else None
        if len(buffer) < position + size + 2:
            return None
        parts.append(bytes(buffer[position : position + size]))
        position += size + 2


class _AnswerProtocol(asyncio.Protocol):
    """Collects bytes until a whole answer is in, then hands it to the waiting exchange.

    A protocol rather than asyncio's streams: a request costs the generator a buffer append
    and one parse, not a chain of awaited reads, and the generator shares the server's cores.
    """

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.waiter: asyncio.Future[Answer] | None = None
        self.transport: asyncio.Transport | None = None
        self.lost = False
        self.closing = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        waiter = self.waiter
        if waiter is None or waiter.done():
            return
        try:
            parsed = parse_answer(self.buffer)
        except (HttpProtocolError, ValueError) as error:
            waiter.set_exception(error)
            return
        if parsed is not None:
            answer, used, closing = parsed
            del self.buffer[:used]
            self.closing = closing
            waiter.set_result(answer)

    def eof_received(self) -> bool:
        self._lost(asyncio.IncompleteReadError(bytes(self.buffer), None))
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self._lost(exc or ConnectionResetError("the server closed the connection"))

    def fail(self, error: BaseException) -> None:
        self._lost(error)

    def _lost(self, error: BaseException) -> None:
        self.lost = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(error)


class Connection:
    """One keep-alive connection; one request at a time."""

    def __init__(self, transport: asyncio.Transport, protocol: _AnswerProtocol) -> None:
        self._transport = transport
        self._protocol = protocol
        self.reusable = True

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        loop = asyncio.get_running_loop()
        transport, protocol = await loop.create_connection(_AnswerProtocol, host, port)
        return cls(transport, protocol)

    @property
    def closed_by_peer(self) -> bool:
        return self._protocol.lost

    async def exchange(self, request: bytes) -> Answer:
        protocol = self._protocol
        if protocol.lost:
            raise ConnectionResetError("the server closed the connection")
        protocol.waiter = waiter = asyncio.get_running_loop().create_future()
        self._transport.write(request)
        try:
            answer = await waiter
        finally:
            protocol.waiter = None
        if protocol.closing:
            self.reusable = False
        return answer

    def give_up(self, error: BaseException) -> None:
        """Fail the exchange in flight with ``error`` and drop the connection."""
        self._protocol.fail(error)
        self._transport.abort()

    def close(self) -> None:
        self._transport.close()


# What a failed exchange raises: the connection is then dropped and the request counts as an
# error (the server closed it, reset it, answered garbage or took longer than the timeout).
EXCHANGE_ERRORS = (
    OSError,
    TimeoutError,
    asyncio.IncompleteReadError,
    asyncio.LimitOverrunError,
    HttpProtocolError,
    ValueError,
)


@dataclass
class Samples:
    """Latencies (seconds) of every request sent, with how many failed."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    # Statuses of the failed answers (0: no answer), to say what went wrong.
    error_statuses: collections.Counter[int] = field(default_factory=collections.Counter)

    def record(self, latency_s: float, status: int) -> None:
        self.latencies.append(latency_s)
        if not 200 <= status < 300:
            self.errors += 1
            self.error_statuses[status] += 1

    @property
    def count(self) -> int:
        return len(self.latencies)

    def percentile_ms(self, fraction: float) -> float:
        """Nearest-rank percentile: the smallest latency at least ``fraction`` of them reach."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)] * 1000.0

    def max_ms(self) -> float:
        return max(self.latencies) * 1000.0 if self.latencies else math.nan


@dataclass
class LoadResult:
    samples: Samples
    elapsed_s: float  # the measured window: requests / elapsed_s is the rate
    cpu_s: float  # this process's CPU time over the window: the generator's own cost
    ok: int  # 2xx answers
    send_lag_p99_ms: float = 0.0  # open loop: how late the generator itself sent (p99)

    @property
    def rate(self) -> float:
        return self.ok / self.elapsed_s if self.elapsed_s > 0 else 0.0


async def closed_loop(
    host: str,
    port: int,
    requests: Sequence[bytes],
    *,
    clients: int,
    duration_s: float,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> LoadResult:
    """``clients`` connections, each sending the next request the moment an answer arrives.

    Client ``j`` sends requests ``j, j + clients, j + 2 * clients, ...`` (cycling through
    ``requests``) until ``duration_s`` has passed; what it started by then is measured.
    """
    connections = await asyncio.gather(*(Connection.open(host, port) for _ in range(clients)))
    samples = Samples()
    cpu_before = time.process_time()
    stop_at = _now() + duration_s
    # When each client's request in flight was sent (None: none in flight). One watchdog
    # enforces the timeout for all: a timer per request was a large part of the generator's CPU.
    sent_at: list[float | None] = [None] * clients
    current = list(connections)

    async def client(index: int, connection: Connection) -> None:
        sent = index
        while (started := _now()) < stop_at:
            status = 0
            sent_at[index] = started
            try:
                status = (await connection.exchange(requests[sent % len(requests)])).status
            except EXCHANGE_ERRORS:
                connection.reusable = False
            sent_at[index] = None
            if not connection.reusable:
                connection.close()
                connection = current[index] = await Connection.open(host, port)
            samples.record(_now() - started, status)
            sent += clients
        connection.close()

    async def watchdog() -> None:
        while True:
            await asyncio.sleep(min(timeout_s / 4, 0.5))
            now = _now()
            for index, started in enumerate(sent_at):
                if started is not None and now - started > timeout_s:
                    current[index].give_up(TimeoutError(f"no answer in {timeout_s:g} s"))

    watching = asyncio.ensure_future(watchdog())
    try:
        await asyncio.gather(*(client(j, c) for j, c in enumerate(connections)))
    finally:
        watching.cancel()
    cpu_s = time.process_time() - cpu_before
    return LoadResult(samples, duration_s, cpu_s, samples.count - samples.errors)


class _Pool:
    """Keep-alive connections handed to whichever scheduled request comes next.

    It grows when every connection is busy (a slow server gets more in flight, as it would from
    independent kiosks) up to ``limit``; past that a request waits for a free one, and that
    wait is part of its latency.
    """

    def __init__(self, host: str, port: int, limit: int) -> None:
        self._host = host
        self._port = port
        self._limit = limit
        self._idle: collections.deque[Connection] = collections.deque()
        self._waiting: collections.deque[asyncio.Future[Connection | None]] = collections.deque()
        self._open = 0
        self.peak = 0

    async def acquire(self) -> Connection:
        while self._idle:
            connection = self._idle.pop()
            if not connection.closed_by_peer:
                return connection
            self._forget(connection)
        if self._open >= self._limit:
            waiter: asyncio.Future[Connection | None] = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            try:
                handed = await waiter
            except asyncio.CancelledError:
                # Timed out just as a connection was handed over: pass it on, do not lose it.
                late = waiter.result() if waiter.done() and not waiter.cancelled() else None
                if late is not None:
                    self.release(late)
                raise
            if handed is not None:
                return handed
        # Counted before the await, so concurrent acquires cannot overshoot the limit.
        self._open += 1
        self.peak = max(self.peak, self._open)
        try:
            return await Connection.open(self._host, self._port)
        except BaseException:
            self._open -= 1
            raise

    def release(self, connection: Connection) -> None:
        if not connection.reusable:
            self.discard(connection)
            return
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(connection)
                return
        self._idle.append(connection)

    def discard(self, connection: Connection) -> None:
        self._forget(connection)
        # A waiter may now open a connection of its own in the freed slot.
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def _forget(self, connection: Connection) -> None:
        connection.close()
        self._open -= 1

    def close(self) -> None:
        while self._idle:
            self._forget(self._idle.pop())


async def open_loop(
    host: str,
    port: int,
    requests: Sequence[bytes],
    *,
    rate: float,
    duration_s: float,
    max_connections: int = 512,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> LoadResult:
    """Request ``i`` (cycling through ``requests``) is due at ``start + i / rate``, for
    ``duration_s``; its latency runs from that due time to the end of its answer."""
    pool = _Pool(host, port, max_connections)
    total = round(rate * duration_s)
    samples = Samples()
    send_lags: list[float] = []
    last_done = [0.0]

    async def send(index: int, due: float) -> None:
        send_lags.append(_now() - due)
        status = 0
        try:
            async with asyncio.timeout(timeout_s):
                connection = await pool.acquire()
                try:
                    status = (await connection.exchange(requests[index % len(requests)])).status
                except BaseException:
                    pool.discard(connection)
                    raise
                pool.release(connection)
        except EXCHANGE_ERRORS:
            pass
        done = _now()
        last_done[0] = max(last_done[0], done)
        samples.record(done - due, status)

    cpu_before = time.process_time()
    start = _now() + 0.05
    tasks: list[asyncio.Task[None]] = []
    sent = 0
    while sent < total:
        # Everything due by now goes out at once; then sleep until the next one is due.
        now = _now()
        while sent < total and start + sent / rate <= now:
            tasks.append(asyncio.create_task(send(sent, start + sent / rate)))
            sent += 1
        if sent < total:
            await asyncio.sleep(max(0.0, start + sent / rate - _now()))
    await asyncio.gather(*tasks)
    cpu_s = time.process_time() - cpu_before
    pool.close()
    ok = samples.count - samples.errors
    # Until the last answer: a server that falls behind stretches the window, lowering the rate.
    elapsed = max(last_done[0] - start, duration_s)
    lag = Samples(latencies=send_lags).percentile_ms(0.99)
    return LoadResult(samples, elapsed, cpu_s, ok, send_lag_p99_ms=lag)
