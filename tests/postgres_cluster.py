"""A throwaway PostgreSQL cluster for the tests (Debian's ``postgresql`` package, run as root).

``initdb`` refuses to run as root, so the cluster belongs to the ``postgres`` user; the server
runs in the foreground as a child of the test process and is stopped by its PID.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"
URL_VARIABLE = "ONESTOP_TEST_POSTGRES_URL"
_READY_TIMEOUT_S = 30.0


class PostgresUnavailable(RuntimeError):
    pass


def _bin_dir() -> Path:
    candidates = sorted(Path("/").glob(POSTGRES_BIN_GLOB.lstrip("/")))
    servers = [path for path in candidates if (path / "postgres").exists()]
    if not servers:
        raise PostgresUnavailable(
            "PostgreSQL's server is not installed; scripts/bootstrap.sh installs the "
            "'postgresql' package"
        )
    return servers[-1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a server URL (``postgresql+psycopg://postgres@127.0.0.1:PORT``) for the block.

    With ``ONESTOP_TEST_POSTGRES_URL`` set, that server is used and nothing is started.
    """
    existing = os.environ.get(URL_VARIABLE)
    if existing:
        yield existing.rstrip("/")
        return
    if os.geteuid() != 0:
        raise PostgresUnavailable(
            f"starting a PostgreSQL cluster needs root; or set {URL_VARIABLE} to a server"
        )
    bin_dir = _bin_dir()
    workdir = Path(tempfile.mkdtemp(prefix="onestop-pg-"))
    shutil.chown(workdir, "postgres", "postgres")
    port = _free_port()
    process: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(bin_dir / "initdb"),
                "-D",
                str(workdir / "data"),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        with (workdir / "log").open("wb") as log:
            process = subprocess.Popen(
                [
                    "setpriv",
                    "--reuid=postgres",
                    "--regid=postgres",
                    "--init-groups",
                    "--",
                    str(bin_dir / "postgres"),
                    "-D",
                    str(workdir / "data"),
                    "-k",
                    str(workdir),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-p",
                    str(port),
                    "-c",
                    "fsync=off",
                    "-c",
                    "max_connections=300",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + _READY_TIMEOUT_S
        while subprocess.run(
            [str(bin_dir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)], check=False
        ).returncode:
            if process.poll() is not None or time.monotonic() > deadline:
                raise PostgresUnavailable(
                    "PostgreSQL did not start:\n" + (workdir / "log").read_text(errors="replace")
                )
            time.sleep(0.1)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        if process is not None and process.poll() is None:
            # SIGINT is PostgreSQL's "fast shutdown": end sessions, checkpoint, exit.
            os.kill(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = f"onestop_{uuid.uuid4().hex[:12]}"
    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{plain}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"
