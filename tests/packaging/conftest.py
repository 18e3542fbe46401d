"""The .deb built by the project's own script, and a throwaway Debian root it is installed in.

Both are made once per test session. The build keeps its dependency wheels, and the Debian
root its packages, in the build cache (~/.cache/onestop-kiosk-build): a first run on a fresh
machine downloads them (minutes); later runs rebuild only the project's wheel and reinstall
the package into a fresh overlay. The time each step took is printed after the tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.debian_root import DebianRoot, base_root, package_dependencies

REPOSITORY = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPOSITORY / "packaging" / "build-deb.sh"
KIOSK_USER = "onestop-kiosk"
SERVER_USER = "onestop-kiosk-server"

_timings: dict[str, float] = {}
TIMINGS_KEY = "packaging_timings"


@dataclass(frozen=True)
class BuiltDeb:
    path: Path
    build_s: float


@pytest.fixture(scope="session")
def built_deb(tmp_path_factory: pytest.TempPathFactory) -> BuiltDeb:
    out = tmp_path_factory.mktemp("deb")
    started = time.monotonic()
    result = subprocess.run(
        [str(BUILD_SCRIPT), "--out", str(out), "--python", sys.executable],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    deb = Path(result.stdout.strip().splitlines()[-1])
    assert deb.parent == out and deb.suffix == ".deb"
    _timings["build the .deb (build-deb.sh)"] = elapsed
    return BuiltDeb(deb, elapsed)


@pytest.fixture(scope="session")
def kiosk_root(built_deb: BuiltDeb) -> Iterator[DebianRoot]:
    """A Debian 12 root with the .deb installed by apt (dependencies, postinst and all)."""
    if os.geteuid() != 0:
        pytest.fail("the packaging tests need root (debootstrap, chroot, mounts): sudo")
    started = time.monotonic()
    base = base_root(package_dependencies(built_deb.path))
    _timings["Debian root with the dependencies (cached after the first run)"] = (
        time.monotonic() - started
    )
    root = DebianRoot(base)
    try:
        started = time.monotonic()
        installed = root.install(built_deb.path)
        _timings["apt-get install of the .deb (postinst builds the venv)"] = (
            time.monotonic() - started
        )
        assert installed.returncode == 0, installed.stdout[-4000:] + installed.stderr[-4000:]
        yield root
    finally:
        root.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: hand the timings to the controller, which prints them
    (tests/conftest.py)."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None and _timings:
        workeroutput[TIMINGS_KEY] = dict(_timings)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    print_timings(terminalreporter, _timings)


def print_timings(terminalreporter: pytest.TerminalReporter, timings: dict[str, float]) -> None:
    if timings:
        terminalreporter.section("packaging timings")
        for step, seconds in timings.items():
            terminalreporter.write_line(f"{seconds:7.1f} s  {step}")
