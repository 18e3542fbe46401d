"""Starting ``python -m server --workers N`` in tests and reading from /proc which of its
processes holds which socket (as bench/server_probes.py does)."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

READY_S = 60
LISTEN = "0A"  # TCP state in /proc/net/tcp
ESTABLISHED = "01"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def serving_workers(pid: int) -> list[int]:
    found = []
    for child in children_of(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue  # ended meanwhile
        if b"multiprocessing" in command and b"resource_tracker" not in command:
            found.append(child)
    return found


def wait_for_startups(
    log_text: Callable[[], str], count: int, process: subprocess.Popen[bytes] | None = None
) -> None:
    """Until ``count`` worker processes in all have logged that they finished starting up."""
    deadline = time.monotonic() + READY_S
    while log_text().count("Application startup complete") < count:
        assert process is None or process.poll() is None, log_text()
        assert time.monotonic() < deadline, log_text()
        time.sleep(0.05)


@dataclass
class Served:
    """A ``python -m server --workers N`` process started by the test, its log in a file."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 0

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for_ready_workers(self, count: int) -> list[int]:
        """The serving workers, once ``count`` workers in all have finished starting up."""
        wait_for_startups(self.log_text, count, self.process)
        return serving_workers(self.process.pid)

    def stop(self, signum: signal.Signals = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise


@contextmanager
def serving(tmp_path: Path, *args: str) -> Iterator[Served]:
    ready = tmp_path / "ready"
    log = tmp_path / "server.log"
    command = [sys.executable, "-m", "server", "--port", "0", "--ready-file", str(ready)]
    command += ["--database", f"sqlite:///{tmp_path}/db.sqlite3", "--no-demo-catalog", *args]
    with log.open("wb") as output:
        # A process group of its own: whatever a failed test leaves running (workers whose
        # parent is gone do not stop by themselves) is ended with it below.
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + READY_S
        while not (ready.exists() and ready.read_text()):
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "no ready file"
            time.sleep(0.05)
        yield Served(process, ready.read_text(), log)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def run_to_the_end(command: list[str]) -> subprocess.CompletedProcess[str]:
    """``command`` run until it exits by itself (within READY_S); whatever it started ends."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=READY_S)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def tcp_sockets(port: int, state: str) -> set[str]:
    """Inodes of the TCP sockets with local ``port`` in ``state``, IPv4 and IPv6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == state and int(fields[1].rsplit(":", 1)[1], 16) == port:
                found.add(fields[9])
    return found


def sockets_held(pid: int) -> set[str]:
    """Inodes of the sockets process ``pid`` has open."""
    links = [os.readlink(entry.path) for entry in os.scandir(f"/proc/{pid}/fd")]
    return {link[8:-1] for link in links if link.startswith("socket:[")}


def listeners_of(pid: int, port: int) -> set[str]:
    return sockets_held(pid) & tcp_sockets(port, LISTEN)


def connections(served: Served, count: int) -> list[http.client.HTTPConnection]:
    """``count`` connections opened at once, before any request is sent on them."""
    opened = []
    for _ in range(count):
        connection = http.client.HTTPConnection(served.host, served.port, timeout=READY_S)
        connection.connect()  # never refused: the kernel queues it until a worker accepts
        opened.append(connection)
    return opened


def health_on_each(opened: list[http.client.HTTPConnection]) -> list[int]:
    statuses = []
    for connection in opened:
        connection.request("GET", "/v1/health")
        answer = connection.getresponse()
        answer.read()
        statuses.append(answer.status)
    return statuses
