"""``--workers N``: several processes serve one socket over one database, and stop together."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.integration.server.conftest import DATABASES
from tests.integration.server.server_test_support import TIMEOUT_S, individual_business_request
from tests.support import start_backend


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
    return [
        child
        for child in children_of(pid)
        if b"multiprocessing" in Path(f"/proc/{child}/cmdline").read_bytes()
        and b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
    ]


@pytest.mark.parametrize("kind", DATABASES)
def test_two_workers_file_one_application_per_key_and_stop_together(
    kind: str, database_factory: Callable[[str], str]
) -> None:
    process, backend = start_backend(database_factory(kind), "--workers", "2")
    try:
        assert process.pid is not None
        # The ready file is written once the socket listens; the workers start right after.
        deadline = time.monotonic() + 30
        while len(workers := serving_workers(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2

        key = uuid.uuid4().hex
        body = individual_business_request()

        def file(_: int) -> requests.Response:
            return requests.post(
                f"{backend.url}/v1/applications",
                json=body,
                headers=backend.kiosk_headers(**{"Idempotency-Key": key}),
                timeout=TIMEOUT_S,
            )

        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(file, range(16)))
        assert {a.status_code for a in answers} == {201}
        assert len({a.json()["number"] for a in answers}) == 1
        [(count,)] = backend.rows("SELECT count(*) FROM applications")
        assert count == 1
    finally:
        process.stop()
    assert all(not Path(f"/proc/{pid}").exists() for pid in workers)


def test_database_chores_read_the_database_from_the_environment(tmp_path: Path) -> None:
    database = tmp_path / "from-environment.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "server", "staff", "add", "clerk-7"],
        env=os.environ | {"ONESTOP_SERVER_DATABASE": f"sqlite:///{database}"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip()) >= 43
    listed = subprocess.run(
        [sys.executable, "-m", "server", "staff", "list", "--database", f"sqlite:///{database}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert listed.stdout.startswith("clerk-7\t")
