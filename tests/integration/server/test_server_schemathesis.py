"""Schemathesis fuzzes the running server from its own OpenAPI document, on both databases.

It generates valid and invalid requests for every operation, with a kiosk token and a staff
token for the routes that need them, and fails on any server error or any answer whose status,
content type or body the document does not describe. ``ONESTOP_SCHEMATHESIS_EXAMPLES`` sets
the examples per operation (the test command's default is short; ``bench/fuzz.py`` runs a long
one).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.integration.server.conftest import DATABASES
from tests.support import RunningBackend, running_backend

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)
# Examples per operation; each operation also gets its schema examples and coverage cases.
DEFAULT_EXAMPLES = 20
TIMEOUT_S = 900


def _config(backend: RunningBackend, path: Path) -> Path:
    path.write_text(
        "[auth.openapi.kioskToken]\n"
        f'bearer = "{backend.kiosk_token}"\n'
        "[auth.openapi.staffToken]\n"
        f'bearer = "{backend.staff_token}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(params=DATABASES)
def fuzzed_backend(
    request: pytest.FixtureRequest, database_factory: Callable[[str], str]
) -> Iterator[RunningBackend]:
    """A backend of its own: the fuzzer revokes kiosks and fills queues at random."""
    with running_backend(database_factory(request.param)) as running:
        yield running


def test_no_input_breaks_the_server_or_its_contract(
    fuzzed_backend: RunningBackend, tmp_path: Path
) -> None:
    backend = fuzzed_backend
    examples = int(os.environ.get("ONESTOP_SCHEMATHESIS_EXAMPLES", str(DEFAULT_EXAMPLES)))
    executable = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert executable, "schemathesis is installed with the test extra"
    result = subprocess.run(
        [
            executable,
            "--config-file",
            str(_config(backend, tmp_path / "schemathesis.toml")),
            "run",
            f"{backend.url}/openapi.json",
            "--checks",
            ",".join(CHECKS),
            "--max-examples",
            str(examples),
            "--phases",
            "examples,coverage,fuzzing",
            # One worker: hypothesis parses lambda sources with ast, which CPython 3.11 can
            # fail at when two threads do it at once ("AST constructor recursion depth").
            "--workers",
            "1",
            "--request-timeout",
            "10",
            "--generation-database",
            "none",
            "--no-color",
            "--report",
            "junit",
            "--report-dir",
            str(tmp_path / "report"),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
