"""``--workers N``: N processes, each accepting on a socket of its own, over one database.

The new tests run real ``python -m server --workers 2`` processes on loopback and read which
process holds which socket from /proc (as bench/server_probes.py does). They need nothing of
the database but its being there, so they run on SQLite only.
"""

from __future__ import annotations

import os
import signal
import socket
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
from tests.integration.server.workers_test_support import (
    ESTABLISHED,
    READY_S,
    connections,
    health_on_each,
    listeners_of,
    run_to_the_end,
    serving,
    serving_workers,
    sockets_held,
    tcp_sockets,
    wait_for_startups,
)
from tests.support import start_backend


@pytest.mark.parametrize("kind", DATABASES)
def test_two_workers_file_one_application_per_key_and_stop_together(
    kind: str, database_factory: Callable[[str], str]
) -> None:
    process, backend = start_backend(database_factory(kind), "--workers", "2")
    try:
        assert process.pid is not None
        # The ready file is written once the sockets listen; the workers start right after,
        # and a request the kernel hands to a worker still starting waits for it.
        wait_for_startups(process.log_text, 2)
        workers = serving_workers(process.pid)
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


def test_each_worker_accepts_on_a_listening_socket_of_its_own(tmp_path: Path) -> None:
    with serving(tmp_path, "--workers", "2") as served:
        workers = served.wait_for_ready_workers(2)
        assert len(workers) == 2
        parents = listeners_of(served.process.pid, served.port)
        assert len(parents) == 2
        held = [listeners_of(worker, served.port) for worker in workers]
        assert [len(sockets) for sockets in held] == [1, 1]
        assert held[0] | held[1] == parents
        assert served.stop() == 0


def test_a_burst_of_connections_is_spread_over_both_workers(tmp_path: Path) -> None:
    # The kernel picks a worker's socket by a hash of each connection's address and port, so
    # each of the 40 lands on either of 2 sockets with probability 1/2: the chance that one
    # worker gets fewer than 8 is 2 * sum(C(40, k), k=0..7) / 2**40 = 4.2e-5. On one socket
    # shared by both, the worker that wakes first accepts nearly all that wait (38 + 2 here).
    with serving(tmp_path, "--workers", "2") as served:
        workers = served.wait_for_ready_workers(2)
        # The whole burst arrives before either worker can accept any of it (well within the
        # supervisor's 5 s health check: it sees nothing).
        for worker in workers:
            os.kill(worker, signal.SIGSTOP)
        try:
            opened = connections(served, 40)
        finally:
            for worker in workers:
                os.kill(worker, signal.SIGCONT)
        try:
            assert health_on_each(opened) == [200] * 40
            established = tcp_sockets(served.port, ESTABLISHED)
            per_worker = [len(sockets_held(worker) & established) for worker in workers]
        finally:
            for connection in opened:
                connection.close()
        assert sum(per_worker) == 40
        assert min(per_worker) >= 8, per_worker
        assert served.stop() == 0


@pytest.mark.parametrize("fault", [signal.SIGKILL, signal.SIGSTOP], ids=["dies", "hangs"])
def test_a_dead_or_hung_worker_is_replaced_on_its_own_socket(
    tmp_path: Path, fault: signal.Signals
) -> None:
    with serving(tmp_path, "--workers", "2") as served:
        workers = served.wait_for_ready_workers(2)
        victim, survivor = workers
        its_socket = listeners_of(victim, served.port)
        os.kill(victim, fault)
        # Opened while the worker is dead or hung: those the kernel hashes to its socket wait
        # in that socket's queue (the parent keeps it open) until the replacement accepts them.
        opened = connections(served, 20)
        try:
            assert health_on_each(opened) == [200] * 20
        finally:
            for connection in opened:
                connection.close()
        replacements = set(served.wait_for_ready_workers(3)) - {survivor}
        assert len(replacements) == 1 and victim not in replacements
        assert listeners_of(replacements.pop(), served.port) == its_socket
        assert health_on_each(after := connections(served, 20)) == [200] * 20
        for connection in after:
            connection.close()
        assert served.stop() == 0
        assert not Path(f"/proc/{victim}").exists()


def test_sighup_replaces_each_worker_on_its_own_socket(tmp_path: Path) -> None:
    with serving(tmp_path, "--workers", "2") as served:
        before = {w: listeners_of(w, served.port) for w in served.wait_for_ready_workers(2)}
        served.process.send_signal(signal.SIGHUP)
        # uvicorn's rolling restart: each replacement is ready before its worker is retired.
        served.wait_for_ready_workers(4)
        deadline = time.monotonic() + READY_S
        while set(after := serving_workers(served.process.pid)) & set(before):
            assert time.monotonic() < deadline, served.log_text()
            time.sleep(0.05)
        assert len(after) == 2
        held = sorted(tuple(listeners_of(worker, served.port)) for worker in after)
        assert held == sorted(tuple(sockets) for sockets in before.values())
        assert health_on_each(opened := connections(served, 10)) == [200] * 10
        for connection in opened:
            connection.close()
        assert served.stop() == 0


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_ends_every_worker_and_the_parent_exits_0(
    tmp_path: Path, stop: signal.Signals
) -> None:
    with serving(tmp_path, "--workers", "2") as served:
        workers = served.wait_for_ready_workers(2)
        assert served.stop(stop) == 0, served.log_text()
    assert not any(Path(f"/proc/{worker}").exists() for worker in workers)


def test_a_worker_that_fails_at_start_up_stops_the_parent(tmp_path: Path) -> None:
    # uvicorn's rule, kept: a worker that cannot load its app would fail the same way on every
    # restart, so the supervisor stops instead of restarting it forever.
    script = (
        "import uvicorn\n"
        "from server.workers import OneSocketPerWorker, bind_listeners\n"
        "listeners = bind_listeners('127.0.0.1', 0, 2)\n"
        "for listener in listeners:\n"
        "    listener.listen(8)\n"
        "config = uvicorn.Config('tests.no_such_module:app', lifespan='off')\n"
        "OneSocketPerWorker(config, listeners, serving=lambda: print('SERVING')).run()\n"
    )
    finished = run_to_the_end([sys.executable, "-c", script])
    assert "failed to start, stopping the parent process" in finished.stderr, finished.stderr
    assert "SERVING" not in finished.stdout, "a service that never served is not announced"


def test_workers_listen_on_ipv6_loopback(tmp_path: Path) -> None:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with serving(tmp_path, "--workers", "2", "--host", "::1") as served:
        assert served.url.startswith("http://[::1]:")
        workers = served.wait_for_ready_workers(2)
        assert [len(listeners_of(worker, served.port)) for worker in workers] == [1, 1]
        assert health_on_each(opened := connections(served, 4)) == [200] * 4
        for connection in opened:
            connection.close()
        assert served.stop() == 0


def test_workers_refuse_a_port_another_server_listens_on(tmp_path: Path) -> None:
    # A server left running by the same user (its supervisor killed): SO_REUSEPORT would let
    # the new sockets join its group, and it would silently answer a share of the requests.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as stale:
        stale.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        stale.bind(("127.0.0.1", 0))
        stale.listen(8)
        port = stale.getsockname()[1]
        command = [sys.executable, "-m", "server", "--port", str(port), "--workers", "2"]
        command += ["--database", f"sqlite:///{tmp_path}/db.sqlite3", "--no-demo-catalog"]
        finished = run_to_the_end(command)
    assert finished.returncode != 0
    assert "Address already in use" in finished.stderr
