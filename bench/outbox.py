"""Filing through the outbox: submit → "submitted" latency, draining after an outage, kills.

    .venv/bin/python bench/outbox.py [--quick] [--filings N] [--drain N] [--kills N] [--seed N]

The kiosk's real core (kiosk.app.build_kiosk from a config file, file:// printer through a child
process per receipt) against the reference backend (SQLite) started as a process on a loopback
port. Each figure stands next to a bare POST /v1/applications through the kiosk's own client,
measured in the same run. Prints Markdown tables (stdout) and progress (stderr); see
bench/README.md. Exits 0 whatever the figures are; exits 1 when the backend or the kiosk core
does not start, or the backend refuses the bench's applications.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import random
import socket
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TypeVar

# As in bench/server.py: run as a script, this folder would come first on sys.path (where
# server.py hides the `server` package); the repository root goes there instead, for the tests'
# kill harness, which is not installed.
_REPOSITORY = Path(__file__).resolve().parents[1]
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _REPOSITORY / "bench"]
sys.path.insert(0, str(_REPOSITORY))

from drivers.cards.simulated import DEMO_IDENTITY  # noqa: E402
from kiosk.api import ApplicationDraft, BackendError  # noqa: E402
from kiosk.app import Kiosk, build_kiosk  # noqa: E402
from kiosk.backend_process import BackendProcess, BackendStartError  # noqa: E402
from kiosk.config import ConfigError, load_config  # noqa: E402
from kiosk.desk import ApplicationRefused  # noqa: E402
from kiosk.i18n import Language  # noqa: E402
from kiosk.logs import PersonalDataRedactor  # noqa: E402
from kiosk.outbox import OutboxError, OutboxKind, new_access_code, new_provisional_ref  # noqa: E402
from kiosk.receipts import application_receipt  # noqa: E402
from kiosk.session import new_draft  # noqa: E402
from tests.faults.fault_peers import FaultyProxy  # noqa: E402
from tests.faults.kiosk_submitter import FORM, SERVICE_CODE  # noqa: E402
from tests.faults.test_kill_harness import ANSWER_DELAY_S, run_kills, write_config  # noqa: E402
from tests.support import RunningBackend  # noqa: E402

T = TypeVar("T")
DEFAULTS = {"filings": 200, "drain": 1_000, "kills": 200}
QUICK = {"filings": 20, "drain": 100, "kills": 10}
KIOSK_ID = "bench-outbox-kiosk"
# The limiter has tests of its own; here one kiosk files thousands of applications.
SERVER_FLAGS = ("--kiosk-rate", "1000/1000", "--public-rate", "100000/100000")
DRAIN_DEADLINE_S = 900.0
IDLE_FLUSHES = 10  # flushes in a row that send nothing: the backend is gone, stop waiting
CREATE_PATH = "/v1/applications"
PER_KIOSK = "SELECT provisional_ref, count(*) FROM applications WHERE kiosk_id = ? GROUP BY 1"


class BenchFailed(Exception):
    pass


class Network(Enum):
    ONLINE = "online"
    OFFLINE = "offline"


class Step(Enum):
    FILE = 'desk.file: Submit → "submitted" (put, send, receipt printed)'
    PUT = "outbox.put alone (seal + durable write)"
    SEND = "forwarder.send_now alone (one try)"
    PRINT = "receipt printed alone (IsolatedPrinter, child process)"
    BARE = "reference: bare POST /v1/applications (post_idempotent)"


@dataclass
class Latency:
    samples: dict[tuple[Network, Step], list[float]] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)

    def timed(self, network: Network, step: Step, action: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = action()
        elapsed_ms = (time.perf_counter() - started) * 1000
        self.samples.setdefault((network, step), []).append(elapsed_ms)
        return result


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _draft() -> ApplicationDraft:
    return new_draft(
        KIOSK_ID,
        service_code=SERVICE_CODE,
        language=Language.ZH_HANT,
        applicant_name=DEMO_IDENTITY.name,
        applicant_id_number=DEMO_IDENTITY.id_number,
        document_kind=DEMO_IDENTITY.kind.value,
        form=FORM,
    )


@contextmanager
def _closed_port() -> Iterator[str]:
    """A loopback URL whose port is bound but not listening: every connection is refused at
    once (a network that is down, not a slow one), and nothing else can take the port."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    try:
        yield f"http://127.0.0.1:{holder.getsockname()[1]}"
    finally:
        holder.close()


@contextmanager
def _kiosk(directory: Path, backend: RunningBackend) -> Iterator[Kiosk]:
    """The core as the kiosk builds it, from the kill harness's config. The forwarder's thread
    is not started, so nothing but the measured calls touches the outbox."""
    directory.mkdir(parents=True)
    kiosk = build_kiosk(load_config(write_config(directory, backend)), PersonalDataRedactor())
    try:
        yield kiosk
    finally:
        kiosk.close()


def _put(kiosk: Kiosk, draft: ApplicationDraft) -> int:
    return kiosk.outbox.put(
        OutboxKind.APPLICATION,
        idempotency_key=draft.idempotency_key,
        provisional_ref=draft.provisional_ref,
        payload=draft.body(),
    ).id


def _percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


# --- 1: submit → "submitted" -------------------------------------------------------------


def measure_latency(kiosk: Kiosk, filings: int, offline_url: str) -> Latency:
    service = kiosk.client.service(SERVICE_CODE)
    receipt = application_receipt(
        number="OS20261129000001",
        service_name=service.name_in(Language.ZH_HANT),
        submitted_at=datetime.now().astimezone(),
        promised_by=None,
        status_url=f"{kiosk.config.backend.url}/v1/applications/OS20261129000001",
        applicant_masked_name=DEMO_IDENTITY.masked_name(),
        applicant_masked_id=DEMO_IDENTITY.masked_id(),
        kiosk_id=KIOSK_ID,
        language=Language.ZH_HANT,
    )
    figures = Latency()

    def file(network: Network) -> None:
        filed = figures.timed(
            network, Step.FILE, lambda: kiosk.desk.file(_draft(), service, DEMO_IDENTITY)
        )
        sent = "provisional" if filed.record.provisional else "sent"
        figures.outcomes[f"{network.value} desk.file {sent}"] += 1
        figures.outcomes[f"receipt {filed.printed.value}"] += 1

    def put_then_send(network: Network) -> None:
        item_id = figures.timed(network, Step.PUT, lambda: _put(kiosk, _draft()))
        item = figures.timed(network, Step.SEND, lambda: kiosk.forwarder.send_now(item_id))
        figures.outcomes[f"{network.value} send_now {item.state.value}"] += 1

    def print_alone(network: Network) -> None:
        figures.timed(network, Step.PRINT, lambda: kiosk.printer.print(receipt))

    def bare(network: Network) -> None:
        draft = _draft()
        post = kiosk.sender_client.post_idempotent
        figures.timed(
            network, Step.BARE, lambda: post(CREATE_PATH, draft.body(), draft.idempotency_key)
        )

    online_url = kiosk.sender_client.base_url
    rounds = {
        Network.ONLINE: [file, put_then_send, print_alone, bare],
        Network.OFFLINE: [file, put_then_send],
    }
    for network, steps in rounds.items():
        kiosk.sender_client.base_url = online_url if network is Network.ONLINE else offline_url
        _progress(f"[latency] {filings} {network.value} rounds of {len(steps)} steps")
        for index in range(filings):
            # Each step leads in turn, so none always runs right after the printer's child.
            for step in steps[index % len(steps) :] + steps[: index % len(steps)]:
                step(network)
            if (index + 1) % max(1, filings // 4) == 0:
                _progress(f"  {index + 1}/{filings}")
    kiosk.sender_client.base_url = online_url
    return figures


def latency_table(figures: Latency, filings: int) -> list[str]:
    reference = _percentile(figures.samples[Network.ONLINE, Step.BARE], 0.5)
    lines = [
        f'### Submit → "submitted": ms over {filings} filings per row, steps interleaved',
        "",
        "| step | online p50 | p95 | max | p50 ÷ bare POST p50 | offline p50 | p95 | max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for step in Step:
        cells = []
        for network in Network:
            samples = figures.samples.get((network, step))
            ratio = f"{_percentile(samples, 0.5) / reference:.1f}x" if samples else "–"
            if samples:
                points = (_percentile(samples, 0.5), _percentile(samples, 0.95), max(samples))
                cells += [f"{point:.1f}" for point in points]
            else:
                cells += ["–"] * 3
            cells += [ratio] if network is Network.ONLINE else []
        lines.append(f"| {step.value} | {' | '.join(cells)} |")
    outcomes = ", ".join(f"{what}: {n}" for what, n in sorted(figures.outcomes.items()))
    return [*lines, "", f"Outcomes: {outcomes}."]


# --- 2: drain after an outage --------------------------------------------------------------


def measure_drain(kiosk: Kiosk, backend: RunningBackend, count: int, offline_url: str) -> list[str]:
    """The drain's table: queue ``count`` offline, send the same directly, then flush."""
    online_url, kiosk.sender_client.base_url = kiosk.sender_client.base_url, offline_url
    drafts = [_draft() for _ in range(count)]
    _progress(f"[drain] queueing {count} applications while offline")
    started = time.perf_counter()
    for draft in drafts:
        _put(kiosk, draft)
    queue_s = time.perf_counter() - started
    kiosk.sender_client.base_url = online_url
    # The same applications under fresh keys and references (the server refuses a reference
    # twice), straight through the client: the floor the drain stands beside.
    _progress(f"[drain] reference: {count} sent directly with post_idempotent")
    started = time.perf_counter()
    for draft in drafts:
        direct = replace(
            draft,
            idempotency_key=uuid.uuid4().hex,
            provisional_ref=new_provisional_ref(KIOSK_ID),
            access_code=new_access_code(),
        )
        kiosk.sender_client.post_idempotent(CREATE_PATH, direct.body(), direct.idempotency_key)
    direct_s = time.perf_counter() - started
    _progress(f"[drain] network back: forwarder.flush until the outbox is empty ({count})")
    flushes = idle = 0
    started = time.perf_counter()
    deadline = time.monotonic() + DRAIN_DEADLINE_S
    while kiosk.outbox.depth() and time.monotonic() < deadline and idle < IDLE_FLUSHES:
        flushes += 1
        report = kiosk.forwarder.flush(timeout_s=max(1.0, deadline - time.monotonic()))
        idle = 0 if report.sent else idle + 1
        if idle:
            _progress(f"  flush {flushes} sent nothing: {report.stopped_by}")
            time.sleep(0.5)
    drain_s = time.perf_counter() - started
    on_server: dict[str, int] = dict(backend.rows(PER_KIOSK, KIOSK_ID))
    copies = [on_server.get(draft.provisional_ref, 0) for draft in drafts]

    def row(what: str, seconds: float, ratio: str) -> str:
        return f"| {what} | {count:,} | {seconds:.1f} | {count / seconds:.0f} | {ratio} |"

    return [
        f"### Drain after an outage: {count:,} applications",
        "",
        "| path | items | seconds | items/s | rate ÷ reference rate |",
        "|---|---:|---:|---:|---:|",
        row("queued offline: outbox.put in a loop", queue_s, "–"),
        row(
            f"drained: forwarder.flush until depth 0 ({flushes} × flush)",
            drain_s,
            f"{direct_s / drain_s:.2f}x",
        ),
        row("reference: the same sent directly, post_idempotent in a loop", direct_s, "1x"),
        "",
        f"On the server once: {copies.count(1):,}/{count:,}; doubled: "
        f"{sum(n > 1 for n in copies)}; left in the outbox: {kiosk.outbox.depth()}.",
    ]


# --- 3: kills --------------------------------------------------------------------------------


def measure_kills(scratch: Path, kills: int, seed: int) -> list[str]:
    """tests/faults/test_kill_harness.py with more kills: its own backend behind the slow link.
    The kills' table."""
    with BackendProcess(
        f"sqlite:///{scratch / 'kills.sqlite3'}", enroll_kiosk=KIOSK_ID, extra_args=SERVER_FLAGS
    ) as process:
        backend = RunningBackend(process.url, process.database_url, KIOSK_ID, process.kiosk_token)
        proxy = FaultyProxy(int(process.url.rsplit(":", 1)[1]), answer_delay_s=ANSWER_DELAY_S)
        try:
            (scratch / "kills").mkdir()
            config = write_config(scratch / "kills", backend, proxy.url)
            _progress(f"[kills] {kills} SIGKILLs at random moments, seed {seed}")
            started = time.monotonic()
            try:
                transcript = run_kills(config, kills, random.Random(seed))
            except AssertionError:  # the last run did not empty the outbox: a figure, too
                transcript = None
            minutes = (time.monotonic() - started) / 60
        finally:
            proxy.stop()
        on_server: dict[str, int] = dict(backend.rows(PER_KIOSK, KIOSK_ID))
    doubles = sum(n > 1 for n in on_server.values())
    if transcript is None:
        shown = attempted = lost = unknown = "?"
        verdict = "NOT MET: the last run did not empty the outbox (the transcript is lost)"
    else:
        if kills >= 10 and not transcript.attempted:
            raise BenchFailed("the kill harness's kiosk process never filed anything")
        shown, attempted = f"{len(transcript.shown):,}", f"{len(transcript.attempted):,}"
        missing = sum(on_server.get(ref, 0) == 0 for ref in set(transcript.shown))
        strangers = len(set(on_server) - transcript.attempted)
        lost, unknown = str(missing), str(strangers)
        verdict = "met" if doubles == missing == strangers == 0 else "NOT MET"
    return [
        f"### Kills: SIGKILL at random moments, answers held {ANSWER_DELAY_S:g} s by a slow link",
        "",
        "| kills | seed | filings shown | attempted | on the server | doubles (must be 0) "
        "| lost (must be 0) | on the server, never attempted (must be 0) | minutes |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {kills} | {seed} | {shown} | {attempted} | {len(on_server):,} | {doubles} | {lost} "
        f"| {unknown} | {minutes:.1f} |",
        "",
        f"Exactly once: {verdict}.",
    ]


# --- command line --------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="filing through the kiosk's outbox")
    add = parser.add_argument
    add("--quick", action="store_true", help="20 filings, 100 drained, 10 kills")
    add("--filings", type=int, help=f"filings per latency row (default {DEFAULTS['filings']})")
    add("--drain", type=int, help=f"applications queued offline (default {DEFAULTS['drain']})")
    add("--kills", type=int, help=f"SIGKILLs, 0 to skip them (default {DEFAULTS['kills']})")
    add("--seed", type=int, help="the kills' random seed (default: a fresh one, printed)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else DEFAULTS
    filings, drain, kills = (
        sizes[name] if getattr(args, name) is None else getattr(args, name)
        for name in ("filings", "drain", "kills")
    )
    if min(filings, drain) < 1 or kills < 0:
        parser.error("--filings and --drain must be positive, --kills 0 or more")
    seed = args.seed or random.SystemRandom().randrange(1, 10**6)
    # The forwarder's warning for each item not sent offline would bury the progress lines.
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    os.chdir(_REPOSITORY)  # the printer's and the kill harness's children run `python -m ...`
    load = os.getloadavg()[0]
    try:
        with tempfile.TemporaryDirectory(prefix="onestop-outbox-bench-") as scratch_name:
            scratch = Path(scratch_name)
            with (
                BackendProcess(
                    f"sqlite:///{scratch / 'backend.sqlite3'}",
                    enroll_kiosk=KIOSK_ID,
                    extra_args=SERVER_FLAGS,
                ) as process,
                _closed_port() as offline_url,
            ):
                url, token = process.url, process.kiosk_token
                backend = RunningBackend(url, process.database_url, KIOSK_ID, token)
                with _kiosk(scratch / "latency", backend) as kiosk:
                    latency = measure_latency(kiosk, filings, offline_url)
                with _kiosk(scratch / "drain", backend) as kiosk:
                    drained = measure_drain(kiosk, backend, drain, offline_url)
            killed = measure_kills(scratch, kills, seed) if kills else []
    except BackendStartError as failure:
        print(f"bench/outbox.py: the backend did not start: {failure}", file=sys.stderr)
        return 1
    except (ConfigError, OutboxError, BenchFailed) as failure:
        print(f"bench/outbox.py: {failure}", file=sys.stderr)
        return 1
    except (ApplicationRefused, BackendError) as failure:
        print(f"bench/outbox.py: the backend refused a filing: {failure!r}", file=sys.stderr)
        return 1
    machine = (
        f"Machine: nproc {len(os.sched_getaffinity(0))}, load average {load:.2f} before the run, "
        f"Python {sys.version.split()[0]}; backend on SQLite (WAL) sharing the cores."
    )
    quick = " Quick run: small numbers, figures indicative only." if args.quick else ""
    tables = [latency_table(latency, filings), drained, killed]
    print("\n\n".join([machine + quick, *("\n".join(table) for table in tables if table)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
