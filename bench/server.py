"""The reference backend under load: status look-ups, and a province's kiosk heartbeats.

    .venv/bin/python bench/server.py [--quick] [--databases sqlite,postgresql] [--workers 1,2]
        [--duration S] [--heartbeat-duration S] [--kiosks N] [--lookups-only] [--profile DIR]

Each figure stands next to GET /v1/health (a bare FastAPI endpoint, no database) measured on
the same server, the same way, in the same run. Prints Markdown tables (stdout) and progress
(stderr); see bench/README.md for how to read them. Exits 0 whatever the figures are; exits 1
when the backend or the PostgreSQL cluster does not start, or filing the applications fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Run as a script, this file's folder comes first on sys.path, and this file's own name would
# hide the `server` package. The repository root goes there instead: it holds the server, this
# bench's other modules and the tests' PostgreSQL harness (the tests are not installed).
_REPOSITORY = Path(__file__).resolve().parents[1]
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _REPOSITORY / "bench"]
sys.path.insert(0, str(_REPOSITORY))

from bench.loadgen import (  # noqa: E402
    LoadResult,
    closed_loop,
    encode_request,
    generator_event_loop,
    open_loop,
)
from bench.server_data import (  # noqa: E402
    BenchFailed,
    file_applications,
    heartbeat_requests,
    lookup_requests,
    register_kiosks,
)
from bench.server_probes import (  # noqa: E402
    ProbeError,
    Profiler,
    connections_per_process,
    cpu_split,
)
from bench.server_report import (  # noqa: E402
    Figures,
    Measured,
    Options,
    Setup,
    machine_line,
    report,
)
from kiosk.backend_process import BackendProcess, BackendStartError  # noqa: E402
from server.schemas_kiosks import HEARTBEAT_S  # noqa: E402
from tests.postgres_cluster import PostgresUnavailable, create_database, postgres_server  # noqa: E402

DATABASES = ("sqlite", "postgresql")
DEFAULT_WORKERS = {"sqlite": (1, 2), "postgresql": (2,)}
DEFAULT_CLIENTS = 50
DEFAULT_DURATION_S = 15.0
DEFAULT_KIOSKS = 20_000
DEFAULT_APPLICATIONS = 1_000
WARMUP_S = 3.0
CONNECTIONS_SAMPLED_AFTER_S = 0.5
READY_TIMEOUT_S = 120.0
FILING_KIOSK = "bench-filing-kiosk"
# Lifted so that the bench measures the server, not its limiter: every look-up comes from
# 127.0.0.1, and one kiosk files all the applications. The access log as packaged
# (packaging/server.env): a line for each failed answer only.
SERVER_FLAGS = (
    "--kiosk-rate",
    "1000/1000",
    "--public-rate",
    "100000/100000",
    "--access-log",
    "errors",
)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- one server, four measurements ---------------------------------------------------------


class _Run:
    """The measurements on one running backend."""

    def __init__(
        self, backend: BackendProcess, setup: Setup, options: Options, profiler: Profiler | None
    ) -> None:
        address = urlsplit(backend.url)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
        self.backend = backend
        self.setup = setup
        self.options = options
        self.profiler = profiler

    def _closed(self, requests: list[bytes], seconds: float) -> Coroutine[Any, Any, LoadResult]:
        return closed_loop(
            self.host, self.port, requests, clients=self.options.clients, duration_s=seconds
        )

    def _open(
        self, requests: list[bytes], seconds: float | None = None
    ) -> Coroutine[Any, Any, LoadResult]:
        rate = self.options.heartbeat_rate
        duration_s = self.options.heartbeat_duration_s if seconds is None else seconds
        return open_loop(self.host, self.port, requests, rate=rate, duration_s=duration_s)

    async def _measured(
        self, what: str, run: Coroutine[Any, Any, LoadResult], *, count_connections: bool = False
    ) -> Measured:
        _progress(f"[{self.setup.label}] {what}")
        server_pid = self.backend.pid or 0
        with Profiler.sampling(self.profiler, server_pid, f"{self.setup.slug}-{what}"):
            server_before, database_before = cpu_split(server_pid)
            started = time.monotonic()
            measuring = asyncio.ensure_future(run)
            connections: tuple[int, ...] = ()
            if count_connections:
                # The closed loop opens its connections at once, first thing.
                await asyncio.sleep(CONNECTIONS_SAMPLED_AFTER_S)
                connections = connections_per_process(server_pid, self.port)
            load = await measuring
            wall = time.monotonic() - started
            server_after, database_after = cpu_split(server_pid)
        measured = Measured(
            load,
            (server_after - server_before) / wall * 100.0,
            (database_after - database_before) / wall * 100.0,
            server_after - server_before,
            connections,
        )
        if load.samples.errors:
            statuses = load.samples.error_statuses.items()
            listed = ", ".join(f"{status or 'no answer'}: {n}" for status, n in statuses)
            # The access log says nothing about failures; warnings and tracebacks might.
            lines = self.backend.log_text().splitlines()
            tail = "\n".join([line for line in lines if "uvicorn.access" not in line][-10:])
            _progress(f"  {load.samples.errors} errors ({listed}); server warnings:\n{tail}")
        return measured

    async def all(self, tokens: Sequence[str]) -> Figures:
        options, label = self.options, self.setup.label
        _progress(f"[{label}] filing {options.applications} applications")
        numbers, busy = await file_applications(
            self.host, self.port, self.backend.kiosk_token, options.applications
        )
        if busy:
            _progress(f"[{label}] filing met {busy} answers 503 busy (retried)")
        lookups = lookup_requests(self.host, numbers)
        health = [encode_request("GET", "/v1/health", self.host)]
        _progress(f"[{label}] warm-up, {options.warmup_s:g} s of each")
        await self._closed(health, options.warmup_s)
        await self._closed(lookups, options.warmup_s)
        clients = f"closed loop, {options.clients} clients"
        lookup_reference = await self._measured(
            f"health {clients}", self._closed(health, options.duration_s), count_connections=True
        )
        measured_lookups = await self._measured(
            f"look-ups {clients}", self._closed(lookups, options.duration_s), count_connections=True
        )
        if not options.heartbeats:
            return Figures(self.setup, measured_lookups, lookup_reference, None, None, busy)
        rate = f"open loop at {options.heartbeat_rate:.0f}/s"
        beats = heartbeat_requests(self.host, tokens)
        _progress(f"[{label}] warm-up, {options.warmup_s:g} s of each at the heartbeat rate")
        await self._open(health, options.warmup_s)
        # From the end of the list: the measured heartbeats start with kiosks not yet heard.
        await self._open(beats[::-1], options.warmup_s)
        heartbeat_reference = await self._measured(f"health {rate}", self._open(health))
        heartbeats = await self._measured(f"heartbeats {rate}", self._open(beats))
        return Figures(
            self.setup, measured_lookups, lookup_reference, heartbeats, heartbeat_reference, busy
        )


def _measure(
    setup: Setup, database_url: str, options: Options, profiler: Profiler | None
) -> Figures:
    # The province's kiosks are registered when the server starts, as after a restart.
    started = time.monotonic()
    tokens = register_kiosks(database_url, options.kiosks if options.heartbeats else 0)
    _progress(
        f"[{setup.label}] {options.kiosks} kiosks registered in "
        f"{time.monotonic() - started:.1f} s; starting the backend"
    )
    with (
        BackendProcess(
            database_url,
            enroll_kiosk=FILING_KIOSK,
            extra_args=("--workers", str(setup.workers), *SERVER_FLAGS),
            ready_timeout_s=READY_TIMEOUT_S,
        ) as backend,
        asyncio.Runner(loop_factory=generator_event_loop()) as runner,
    ):
        return runner.run(_Run(backend, setup, options, profiler).all(tokens))


@contextmanager
def _database_urls(database: str, scratch: Path) -> Iterator[Callable[[Setup], str]]:
    """A function giving each setup a fresh, empty database of kind ``database``."""
    if database == "sqlite":
        yield lambda setup: f"sqlite:///{scratch}/bench-{setup.slug}.sqlite3"
        return
    _progress("starting a throwaway PostgreSQL cluster")
    with postgres_server() as server_url:
        yield lambda _setup: create_database(server_url)


# --- command line ----------------------------------------------------------------------------


def _databases(text: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    if not names or set(names) - set(DATABASES):
        raise argparse.ArgumentTypeError(f"a comma-separated list of {', '.join(DATABASES)}")
    return names


def _worker_counts(text: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        counts = ()
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("a comma-separated list of worker counts, e.g. 1,2")
    return counts


def _positive(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive (got {text})")
        return value

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="the reference backend under load: look-ups and heartbeats vs /v1/health"
    )
    add = parser.add_argument
    add("--databases", type=_databases, default=DATABASES, help="default: sqlite,postgresql")
    add(
        "--workers",
        type=_worker_counts,
        help="uvicorn worker counts to run on each database (default: 1,2 on SQLite, "
        "2 on PostgreSQL)",
    )
    add(
        "--duration",
        type=_positive(float),
        help=f"seconds of each closed-loop measurement (default {DEFAULT_DURATION_S:g})",
    )
    add(
        "--heartbeat-duration",
        type=_positive(float),
        help=f"seconds of each open-loop measurement (default {HEARTBEAT_S}: every kiosk once)",
    )
    add(
        "--kiosks",
        type=_positive(int),
        default=DEFAULT_KIOSKS,
        help=f"kiosks heartbeating every {HEARTBEAT_S} s (default {DEFAULT_KIOSKS})",
    )
    add(
        "--clients",
        type=_positive(int),
        default=DEFAULT_CLIENTS,
        help=f"concurrent look-up clients (default {DEFAULT_CLIENTS})",
    )
    add(
        "--applications",
        type=_positive(int),
        help=f"applications filed for the look-ups (default {DEFAULT_APPLICATIONS})",
    )
    add("--quick", action="store_true", help="short windows, for a smoke check")
    add(
        "--lookups-only",
        action="store_true",
        help="measure the look-ups (and /v1/health beside them) only: no heartbeats, and no "
        "kiosks registered for them",
    )
    add(
        "--profile",
        type=Path,
        metavar="DIR",
        help="sample the server with py-spy (on PATH) during each measurement; "
        "collapsed stacks go to DIR, the hottest functions to stderr (slows the server)",
    )
    return parser


def _options(args: argparse.Namespace) -> Options:
    def chosen(value: Any, full: float, quick: float) -> float:
        return float(value) if value is not None else (quick if args.quick else full)

    return Options(
        clients=args.clients,
        duration_s=chosen(args.duration, DEFAULT_DURATION_S, 3.0),
        heartbeat_duration_s=chosen(args.heartbeat_duration, HEARTBEAT_S, 5.0),
        kiosks=args.kiosks,
        applications=int(chosen(args.applications, DEFAULT_APPLICATIONS, 200)),
        warmup_s=1.0 if args.quick else WARMUP_S,
        quick=args.quick,
        heartbeats=not args.lookups_only,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    options = _options(args)
    machine = machine_line(os.getloadavg()[0])
    figures: list[Figures] = []
    try:
        profiler = Profiler.find(args.profile) if args.profile else None
        with tempfile.TemporaryDirectory(prefix="onestop-server-bench-") as scratch:
            for database in args.databases:
                with _database_urls(database, Path(scratch)) as database_url:
                    for workers in args.workers or DEFAULT_WORKERS[database]:
                        setup = Setup(database, workers)
                        figures.append(_measure(setup, database_url(setup), options, profiler))
    except BackendStartError as failure:
        print(f"bench/server.py: the backend did not start: {failure}", file=sys.stderr)
        return 1
    except (PostgresUnavailable, BenchFailed, ProbeError) as failure:
        print(f"bench/server.py: {failure}", file=sys.stderr)
        return 1
    print(report(figures, options, machine))
    return 0


if __name__ == "__main__":
    sys.exit(main())
