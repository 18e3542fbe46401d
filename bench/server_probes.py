"""Where bench/server.py's CPU goes: per process group from /proc, and py-spy samples."""

from __future__ import annotations

import collections
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PY_SPY_RATE = 100  # samples a second
_ATTACH_S = 1.0  # py-spy needs a moment to attach before the load starts
_HOT_SPOTS = 12
# Leaf frames of a thread with nothing to do (py-spy cannot always tell without pausing it).
_IDLE_LEAVES = ("Condition.wait (threading.py", "EpollSelector.select (selectors.py")
# Where a request's time goes, by a frame its stack passes through (they can overlap).
_CATEGORIES = (
    ("in the thread pool (sync endpoints and dependencies)", "WorkerThread.run (anyio/"),
    ("  of which the kiosk token check", "require_kiosk (server/auth.py"),
    ("  of which the route's own code", "(server/api/"),
    ("FastAPI's dependency solving (parameters, bodies)", "solve_dependencies (fastapi/"),
    ("FastAPI's route matching", "_match (fastapi/routing.py"),
    ("SQL statements (SQLAlchemy execute)", "do_execute (sqlalchemy/"),
    ("prepared reads (server/prepared_reads.py)", "(server/prepared_reads.py"),
    ("commits", "do_commit (sqlalchemy/"),
    ("new database connections (pool overflow)", "Pool._create_connection (sqlalchemy/"),
    ("ORM row loading", "(sqlalchemy/orm/loading.py"),
    ("access log", "(logging/__init__.py"),
    ("HTTP parsing (h11)", "(h11/"),
)
# Prefixes cut from file names in the summary.
_PATH_PREFIXES = (
    "site-packages/",
    f"{Path(__file__).resolve().parents[1]}/",
    f"python{sys.version_info.major}.{sys.version_info.minor}/",
)


class ProbeError(Exception):
    pass


def _process_table() -> dict[int, tuple[int, float]]:
    """pid → (parent pid, CPU seconds incl. its reaped children), for every process."""
    ticks = os.sysconf("SC_CLK_TCK")
    table: dict[int, tuple[int, float]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        # After "pid (comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17).
        fields = stat[stat.rindex(")") + 2 :].split()
        table[int(entry.name)] = (int(fields[1]), sum(int(v) for v in fields[11:15]) / ticks)
    return table


def _descendants(table: dict[int, tuple[int, float]], root: int) -> set[int]:
    found = {root}
    while more := {pid for pid, (parent, _) in table.items() if parent in found} - found:
        found |= more
    return found


def cpu_split(server_pid: int) -> tuple[float, float]:
    """CPU seconds so far of the server's processes, and of this process's other children
    (the PostgreSQL cluster). This process itself is the load generator."""
    table = _process_table()
    server = _descendants(table, server_pid)
    database = _descendants(table, os.getpid()) - server - {os.getpid()}
    return sum(table[p][1] for p in server), sum(table[p][1] for p in database)


def connections_per_process(server_pid: int, port: int) -> tuple[int, ...]:
    """Established TCP connections on local ``port`` held by each of the server's processes
    that holds any, most first (from /proc: which socket inodes each process has open)."""
    established: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            # sl local_address rem_address st ... inode (field 9); state 01 is ESTABLISHED.
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                established.add(fields[9])
    counts: list[int] = []
    for pid in _descendants(_process_table(), server_pid):
        try:
            links = [os.readlink(entry.path) for entry in os.scandir(f"/proc/{pid}/fd")]
        except OSError:
            continue  # ended meanwhile
        held = sum(1 for link in links if link.startswith("socket:[") and link[8:-1] in established)
        if held:
            counts.append(held)
    return tuple(sorted(counts, reverse=True))


class Profiler:
    """py-spy sampling the server (all its worker processes) during one measurement."""

    def __init__(self, py_spy: str, directory: Path) -> None:
        self.py_spy = py_spy
        self.directory = directory

    @classmethod
    def find(cls, directory: Path) -> Profiler:
        py_spy = shutil.which("py-spy")
        if py_spy is None:
            raise ProbeError("--profile needs py-spy on PATH (pip install py-spy)")
        directory.mkdir(parents=True, exist_ok=True)
        return cls(py_spy, directory)

    @staticmethod
    @contextmanager
    def sampling(profiler: Profiler | None, pid: int, name: str) -> Iterator[None]:
        """Sample ``pid`` and its children for the block (nothing when ``profiler`` is None)."""
        if profiler is None:
            yield
            return
        output = profiler.directory / (name.replace(" ", "-").replace("/", "") + ".txt")
        command = [profiler.py_spy, "record", "--pid", str(pid), "--subprocesses"]
        command += ["--format", "raw", "--function", "--nonblocking", "--output", str(output)]
        command += ["--rate", str(PY_SPY_RATE)]
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        time.sleep(_ATTACH_S)
        try:
            yield
        finally:
            # SIGINT: py-spy stops sampling and writes the file.
            os.kill(process.pid, signal.SIGINT)
            try:
                _, stderr = process.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                _, stderr = process.communicate()
        if output.exists():
            print(hot_spots(output), file=sys.stderr)
        else:
            print(f"  py-spy wrote nothing: {stderr.decode(errors='replace')}", file=sys.stderr)


def hot_spots(collapsed: Path, top: int = _HOT_SPOTS) -> str:
    """The functions most samples were in, and the share of a few kinds of work, from
    py-spy's raw output (each line ``frame;frame;...;leaf COUNT``, outermost frame first)."""
    own: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        leaf = stack.rsplit(";", 1)[-1]
        if leaf.startswith(_IDLE_LEAVES):
            continue
        total += count
        own[_short(leaf)] += count
        for label, marker in _CATEGORIES:
            if marker in stack:
                kinds[label] += count
    if not total:
        return f"  {collapsed.name}: no samples"
    lines = [f"  {collapsed.name}: {total} busy samples; % in the function itself:"]
    lines += [f"    {100 * n / total:5.1f}  {frame}" for frame, n in own.most_common(top)]
    lines.append("  % in or below:")
    lines += [f"    {100 * kinds[label] / total:5.1f}  {label}" for label, _ in _CATEGORIES]
    return "\n".join(lines)


def _short(frame: str) -> str:
    """``func (/long/path/site-packages/pkg/mod.py)`` → ``func (pkg/mod.py)``."""
    function, _, where = frame.partition(" (")
    where = where.rstrip(")")
    for prefix in _PATH_PREFIXES:
        if prefix in where:
            where = where.split(prefix, 1)[1]
    return f"{function} ({where})"
