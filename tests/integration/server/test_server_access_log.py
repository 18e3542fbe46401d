"""``--access-log {all,errors,off}`` (or ONESTOP_SERVER_ACCESS_LOG) on a real backend process.

Which lines an answer leaves in the log does not depend on the database: SQLite only.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.support import start_backend

# The first request may wait for a worker process to finish starting.
FIRST_ANSWER_S = 60
OK_LINE = re.compile(r'INFO uvicorn\.access: 127\.0\.0\.1:\d+ - "GET /v1/health HTTP/1\.1" 200$')
MISSING_LINE = re.compile(
    r'INFO uvicorn\.access: 127\.0\.0\.1:\d+ - "GET /v1/no-such-thing\?page=… HTTP/1\.1" 404$'
)


@pytest.mark.parametrize(
    ("arguments", "environment", "expected"),
    [
        ((), None, {200, 404}),
        (("--access-log", "all"), None, {200, 404}),
        (("--access-log", "errors"), None, {404}),
        (("--access-log", "off"), None, set()),
        (("--workers", "2"), "errors", {404}),
        (("--workers", "2", "--access-log", "off"), None, set()),
        # The command line wins over the environment.
        (("--workers", "2", "--access-log", "all"), "off", {200, 404}),
    ],
    ids=[
        "default-all",
        "all",
        "errors",
        "off",
        "workers-errors-from-environment",
        "workers-off",
        "workers-all-over-environment",
    ],
)
def test_access_lines_follow_the_setting(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    arguments: tuple[str, ...],
    environment: str | None,
    expected: set[int],
) -> None:
    if environment is not None:
        monkeypatch.setenv("ONESTOP_SERVER_ACCESS_LOG", environment)
    process, backend = start_backend(f"sqlite:///{tmp_path}/db.sqlite3", *arguments)
    try:
        ok = requests.get(f"{backend.url}/v1/health", timeout=FIRST_ANSWER_S)
        missing = requests.get(
            f"{backend.url}/v1/no-such-thing", params={"page": "2"}, timeout=FIRST_ANSWER_S
        )
        # Each line is written before its answer is sent: what is not there now never will be.
        lines = process.log_text().splitlines()
    finally:
        process.stop()
    assert (ok.status_code, missing.status_code) == (200, 404)
    logged = {200} if any(OK_LINE.search(line) for line in lines) else set()
    logged |= {404} if any(MISSING_LINE.search(line) for line in lines) else set()
    assert logged == expected, "\n".join(lines)
    assert sum("uvicorn.access" in line for line in lines) == len(expected)
    for answer in (ok, missing):
        # No "server: uvicorn" telling a scanner what runs here; HTTP requires the date.
        assert "server" not in answer.headers
        assert "date" in answer.headers


@pytest.mark.parametrize("workers", ["1", "2"])
def test_query_values_never_reach_the_log(tmp_path: Path, workers: str) -> None:
    process, backend = start_backend(f"sqlite:///{tmp_path}/db.sqlite3", "--workers", workers)
    secret = "K7Q2ZP9X"  # a receipt's access code, which opens the citizen's application
    try:
        answer = requests.get(
            f"{backend.url}/v1/applications/OS2026113000001",
            params={"code": secret, "lang": "en"},
            timeout=FIRST_ANSWER_S,
        )
        lines = process.log_text().splitlines()
    finally:
        process.stop()
    target = r"/v1/applications/OS2026113000001\?code=…&lang=…"
    assert any(
        re.search(rf'"GET {target} HTTP/1\.1" {answer.status_code}$', line) for line in lines
    ), "\n".join(lines)
    assert not [line for line in lines if secret in line or "lang=en" in line]


def test_an_unknown_setting_in_the_environment_is_refused(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "server", "--port", "0"]
    command += ["--database", f"sqlite:///{tmp_path}/db.sqlite3"]
    finished = subprocess.run(
        command,
        env={**os.environ, "ONESTOP_SERVER_ACCESS_LOG": "verbose"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert finished.returncode == 2
    assert "expected all, errors or off, not 'verbose'" in finished.stderr
