"""A kiosk killed with SIGKILL at random moments, again and again, loses and doubles nothing.

A real kiosk process (tests/faults/kiosk_submitter.py: the core built from a config, no
display) files applications to the real server as fast as it can and is killed at a random
moment, then started again on the same data directory, KILLS times. Its answers come over a
slow link (a proxy holding each for a while), so that kills often land after the server
has filed an application and before the kiosk has heard so: the case that doubles
applications when a retry is not recognised as one. A last run drains the
outbox. Then every application whose "submitted" screen was shown is on the server exactly
once, and the server holds nothing the kiosk did not try to file. (One written to the outbox
but killed before its screen showed is sent too: the citizen saw no screen, the kiosk kept
its word anyway.)
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.faults.fault_peers import FaultyProxy
from tests.support import RunningBackend, running_backend

KILLS = 30
# A random moment after the process is ready (its forwarder draining what the last life left,
# then filings of about 1.1 s each over the slow link, most of it the isolated printer
# process), so kills land in every step of a filing. Start-up itself (about a second, longer
# on a loaded machine) is waited out, so the number of filings does not depend on how fast
# this machine starts.
AFTER_READY_S = (0.0, 3.0)
READY_WITHIN_S = 60.0
# How long the slow link holds each answer.
ANSWER_DELAY_S = 0.3
# Enough "submitted" screens for the check to mean something.
AT_LEAST_SHOWN = 15
SEED = int(os.environ.get("ONESTOP_KILL_SEED", "0")) or random.SystemRandom().randrange(1, 10**6)


@dataclass
class Transcript:
    attempted: set[str] = field(default_factory=set)
    shown: list[str] = field(default_factory=list)

    def read(self, output: str) -> None:
        for line in output.splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == "ATTEMPT":
                self.attempted.add(words[1])
            elif len(words) >= 2 and words[0] == "SHOWN":
                self.shown.append(words[1])


@pytest.fixture
def own_backend(tmp_path: Path) -> Iterator[RunningBackend]:
    with running_backend(f"sqlite:///{tmp_path / 'backend.sqlite3'}") as backend:
        yield backend


@pytest.fixture
def slow_link(own_backend: RunningBackend) -> Iterator[str]:
    proxy = FaultyProxy(int(own_backend.url.rsplit(":", 1)[1]), answer_delay_s=ANSWER_DELAY_S)
    try:
        yield proxy.url
    finally:
        proxy.stop()


def write_config(directory: Path, backend: RunningBackend, url: str | None = None) -> Path:
    path = directory / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "{backend.kiosk_id}"\ndata_dir = "{directory / "data"}"\n'
        f'[backend]\nurl = "{url or backend.url}"\ntoken = "{backend.kiosk_token}"\n'
        "connect_timeout_s = 1\nread_timeout_s = 5\n"
        f'[devices]\nprinter = "{(directory / "receipts").as_uri()}/"\n'
    )
    return path


def submitter(config: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.kiosk_submitter", "--config", str(config), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def run_kills(config: Path, kills: int, rng: random.Random) -> Transcript:
    transcript = Transcript()
    for _ in range(kills):
        process = submitter(config)
        wait_until_ready(process)
        time.sleep(rng.uniform(*AFTER_READY_S))
        process.send_signal(signal.SIGKILL)
        output, _ = process.communicate(timeout=30)
        transcript.read(output)
    drain = submitter(config, "--drain")
    output, _ = drain.communicate(timeout=120)
    assert drain.returncode == 0, output
    return transcript


def wait_until_ready(process: subprocess.Popen[str]) -> None:
    """Read the submitter's first line, ``READY``, a byte at a time straight from the pipe:
    a buffered read could swallow the lines after it, which ``communicate`` then never sees."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    deadline = time.monotonic() + READY_WITHIN_S
    line = b""
    while not line.endswith(b"\n") and time.monotonic() < deadline:
        readable, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        byte = os.read(fd, 1) if readable else b""
        if not byte:
            break
        line += byte
    if line.strip() != b"READY":
        process.kill()
        process.wait(timeout=30)
        raise AssertionError(f"the kiosk process did not start: {line!r}")


def test_sigkill_at_random_moments_loses_and_doubles_nothing(
    tmp_path: Path, own_backend: RunningBackend, slow_link: str
) -> None:
    rng = random.Random(SEED)
    transcript = run_kills(write_config(tmp_path, own_backend, slow_link), KILLS, rng)

    rows = own_backend.rows(
        "SELECT provisional_ref, count(*) FROM applications WHERE kiosk_id = ? "
        "GROUP BY provisional_ref",
        own_backend.kiosk_id,
    )
    on_server: dict[str, int] = dict(rows)
    assert len(set(transcript.shown)) == len(transcript.shown)
    assert [r for r in transcript.shown if on_server.get(r) != 1] == [], f"seed {SEED}"
    assert [r for r, n in on_server.items() if n != 1] == [], f"doubled (seed {SEED})"
    assert set(on_server) <= transcript.attempted, f"unknown filings (seed {SEED})"
    assert len(transcript.shown) >= AT_LEAST_SHOWN, f"too few filings (seed {SEED})"
