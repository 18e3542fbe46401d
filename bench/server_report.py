"""What bench/server.py measured, and the Markdown it prints about it."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.loadgen import LoadResult
from server.schemas_kiosks import HEARTBEAT_S

# Goals from issue 5 (informative: the script never fails on them).
LOOKUP_P99_GOAL_MS = 50.0  # at 50 concurrent clients, on SQLite
HEARTBEAT_P99_GOAL_MS = 100.0  # at the 20,000-kiosk rate, on PostgreSQL
FILING_CLIENTS = 8  # connections filing the look-ups' applications at once
HELD_FRACTION = 0.99  # "held": at least this share of the scheduled rate answered 2xx, no error


@dataclass(frozen=True)
class Options:
    clients: int
    duration_s: float
    heartbeat_duration_s: float
    kiosks: int
    applications: int
    warmup_s: float
    quick: bool
    heartbeats: bool = True  # False: --lookups-only

    @property
    def heartbeat_rate(self) -> float:
        return self.kiosks / HEARTBEAT_S


@dataclass(frozen=True)
class Setup:
    database: str
    workers: int

    @property
    def label(self) -> str:
        return f"{self.database}, {self.workers} worker{'s' if self.workers > 1 else ''}"

    @property
    def slug(self) -> str:
        return f"{self.database}-{self.workers}w"


@dataclass(frozen=True)
class Measured:
    load: LoadResult
    server_cpu: float  # percent of one core, over the measured window
    database_cpu: float  # the PostgreSQL cluster's processes; SQLite runs inside the server
    server_cpu_s: float  # CPU seconds of the server's processes over the window
    # Keep-alive connections each server process held, sampled early in a closed loop (the
    # kernel hands a worker whatever it accepts, so the split varies); () when not sampled.
    connections: tuple[int, ...] = ()

    @property
    def generator_cpu(self) -> float:
        return self.load.cpu_s / self.load.elapsed_s * 100.0

    @property
    def cpu_ms_per_request(self) -> float:
        """Server (and, on SQLite, database) CPU per answered request: steadier than latency
        on a shared machine, since other processes' load mostly does not change it."""
        return self.server_cpu_s / max(self.load.samples.count, 1) * 1000.0


@dataclass(frozen=True)
class Figures:
    setup: Setup
    lookups: Measured
    lookup_reference: Measured
    heartbeats: Measured | None  # None: not measured (--lookups-only)
    heartbeat_reference: Measured | None
    filing_busy: int  # 503 busy answers while filing the look-ups' applications


def _ms(value: float) -> str:
    return f"{value:.1f}"


def _cpu(measured: Measured, setup: Setup) -> str:
    database = "–" if setup.database == "sqlite" else f"{measured.database_cpu:.0f}"
    return f"{measured.server_cpu:.0f} / {database} / {measured.generator_cpu:.0f}"


def _lookup_table(figures: Sequence[Figures], options: Options) -> list[str]:
    lines = [
        f"Status look-ups: POST /v1/applications/lookup over {options.applications:,} filed "
        f"applications, {options.clients} keep-alive clients, closed loop, "
        f"{options.duration_s:g} s after {options.warmup_s:g} s of warm-up. "
        "Reference: GET /v1/health the same way.",
        "",
        "| server | look-ups/s | p50 ms | p99 ms | errors | /v1/health/s | p50 ms | p99 ms "
        "| errors | look-up / health rate | server CPU ms per look-up / per health "
        "| CPU % server / db / generator (look-ups) | connections per worker (look-ups / health) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for figure in figures:
        lookup, health = figure.lookups, figure.lookup_reference
        a, b = lookup.load.samples, health.load.samples
        lines.append(
            f"| {figure.setup.label} | {lookup.load.rate:.0f} | {_ms(a.percentile_ms(0.5))} "
            f"| {_ms(a.percentile_ms(0.99))} | {a.errors} | {health.load.rate:.0f} "
            f"| {_ms(b.percentile_ms(0.5))} | {_ms(b.percentile_ms(0.99))} | {b.errors} "
            f"| {lookup.load.rate / max(health.load.rate, 1e-9):.2f} "
            f"| {lookup.cpu_ms_per_request:.2f} / {health.cpu_ms_per_request:.2f} "
            f"| {_cpu(lookup, figure.setup)} "
            f"| {_split(lookup.connections)} / {_split(health.connections)} |"
        )
    return lines


def _split(connections: tuple[int, ...]) -> str:
    return "+".join(str(count) for count in connections) if connections else "–"


def _heartbeat_table(figures: Sequence[Figures], options: Options) -> list[str]:
    lines = [
        f"Heartbeats: POST /v1/kiosks/heartbeat, {options.kiosks:,} kiosks (each its own "
        f"token) every {HEARTBEAT_S} s = {options.heartbeat_rate:.0f}/s, open loop for "
        f"{options.heartbeat_duration_s:g} s, latency from each request's scheduled send time. "
        "Reference: GET /v1/health at the same rate.",
        "",
        "| server | heartbeats/s | p50 ms | p99 ms | max ms | errors | /v1/health/s | p50 ms "
        "| p99 ms | max ms | errors | generator lag p99 ms | server CPU ms per heartbeat / per "
        "health | CPU % server / db / generator (heartbeats) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for figure in figures:
        beat, health = figure.heartbeats, figure.heartbeat_reference
        if beat is None or health is None:
            continue
        a, b = beat.load.samples, health.load.samples
        lines.append(
            f"| {figure.setup.label} | {beat.load.rate:.0f} | {_ms(a.percentile_ms(0.5))} "
            f"| {_ms(a.percentile_ms(0.99))} | {_ms(a.max_ms())} | {a.errors} "
            f"| {health.load.rate:.0f} | {_ms(b.percentile_ms(0.5))} "
            f"| {_ms(b.percentile_ms(0.99))} | {_ms(b.max_ms())} | {b.errors} "
            f"| {_ms(beat.load.send_lag_p99_ms)} "
            f"| {beat.cpu_ms_per_request:.2f} / {health.cpu_ms_per_request:.2f} "
            f"| {_cpu(beat, figure.setup)} |"
        )
    return lines


def _verdict(met: bool) -> str:
    return "met" if met else "not met"


def _goals(figures: Sequence[Figures], options: Options) -> list[str]:
    lines: list[str] = []
    for figure in figures:
        if figure.setup.database != "sqlite":
            continue
        p99 = figure.lookups.load.samples.percentile_ms(0.99)
        errors = figure.lookups.load.samples.errors
        lines.append(
            f"Goal: look-ups p99 under {LOOKUP_P99_GOAL_MS:g} ms at {options.clients} clients "
            f"on SQLite ({figure.setup.label}): {p99:.1f} ms, {errors} errors → "
            f"{_verdict(p99 < LOOKUP_P99_GOAL_MS and errors == 0)}"
        )
    for figure in figures:
        if figure.setup.database != "postgresql" or figure.heartbeats is None:
            continue
        load = figure.heartbeats.load
        p99 = load.samples.percentile_ms(0.99)
        held = load.rate >= HELD_FRACTION * options.heartbeat_rate and load.samples.errors == 0
        lines.append(
            f"Goal: {options.heartbeat_rate:.0f}/s heartbeats held on PostgreSQL with p99 "
            f"under {HEARTBEAT_P99_GOAL_MS:g} ms ({figure.setup.label}): {load.rate:.0f}/s, "
            f"{load.samples.errors} errors, p99 {p99:.1f} ms → "
            f"{_verdict(held and p99 < HEARTBEAT_P99_GOAL_MS)}"
        )
    return lines


def machine_line(load_before: float) -> str:
    parts = [
        f"nproc {len(os.sched_getaffinity(0))}",
        f"load average {load_before:.2f} before the run",
        f"Python {platform.python_version()}",
        f"uvicorn {importlib.metadata.version('uvicorn')}",
    ]
    # uvicorn picks httptools and uvloop when installed; without them it runs h11 on asyncio.
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    parts += [f"HTTP {http} on {loop}", f"SQLite {sqlite3.sqlite_version} (WAL)"]
    postgres = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if postgres:
        parts.append(f"PostgreSQL {postgres[-1].parts[-3]} (throwaway cluster, fsync off)")
    return ", ".join(parts)


def _generator_loop() -> str:
    return "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"


def report(figures: Sequence[Figures], options: Options, machine: str) -> str:
    lines = [
        f"Machine: {machine}. Server and load generator (on {_generator_loop()}, in the bench "
        "process) share the cores; CPU % is of one core over the measured window."
        + (" Quick run: short windows, figures indicative only." if options.quick else ""),
        "",
        *_lookup_table(figures, options),
        "",
        *(
            [*_heartbeat_table(figures, options), ""]
            if any(figure.heartbeats for figure in figures)
            else []
        ),
        *_goals(figures, options),
    ]
    for figure in figures:
        if figure.filing_busy:
            lines.append(
                f"Note: filing {options.applications:,} applications from {FILING_CLIENTS} "
                f"connections at once ({figure.setup.label}) met {figure.filing_busy} answers "
                "503 busy, retried with the same Idempotency-Key."
            )
    return "\n".join(lines)
