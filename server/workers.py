"""``--workers N``: N uvicorn worker processes, each accepting on a listening socket of its own.

With one socket shared by all workers, the worker that wakes first accepts most of a burst of
new connections (37 of 50 is common), and in a closed loop its clients wait twice as long as
the others'. Here the parent binds N sockets to the same address with ``SO_REUSEPORT`` and
the kernel hands each new connection to one of them by a hash of its addresses and ports, as
gunicorn's ``--reuse-port`` and nginx's ``listen ... reuseport`` do. Linux lets only
processes of the same user join such a group of sockets, so no other account can take a
share of the connections.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from uvicorn.config import Config
from uvicorn.supervisors.multiprocess import Multiprocess, Process

from server.access_log import AccessLogMode
from server.app import OPTIONS_ENVIRONMENT_VARIABLE, ServerOptions, prepare_database
from server.database import build_engine

# Connections waiting for a worker to accept them, per socket (uvicorn's default).
BACKLOG = 2048
# A worker imports the app, builds it and reads the fleet's directory before it serves (a
# province's 20,000 kiosks on a busy machine: seconds).
WORKER_START_TIMEOUT_S = 120.0

logger = logging.getLogger("server")


def tcp_socket(host: str) -> socket.socket:
    """An unbound TCP socket of the family ``host`` is written in (":" → IPv6)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and
    # without it every answer on a kept-alive connection waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    return sock


def bind_listeners(host: str, port: int, count: int) -> list[socket.socket]:
    """``count`` sockets bound to ``host:port`` with ``SO_REUSEPORT``, not yet listening.

    The port must be free (else :class:`OSError`, as without workers); with port 0 a free one
    is picked.
    """
    # Without this check the sockets would silently join those of another server left
    # listening on the port by the same user (one whose supervisor was killed, say), and it
    # would go on answering a share of the requests.
    with tcp_socket(host) as probe:
        probe.bind((host, port))
        port = probe.getsockname()[1]
    listeners: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = tcp_socket(host)
            listeners.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            port = sock.getsockname()[1]
    except OSError:
        for sock in listeners:
            sock.close()
        raise
    return listeners


def serve_with_workers(
    options: ServerOptions,
    listeners: list[socket.socket],
    *,
    access_log: AccessLogMode,
    log_config: dict[str, Any],
    serving: Callable[[], None],
) -> None:
    """Migrate once here, then run a worker on each socket until SIGTERM or SIGINT.

    ``serving`` is called once every worker has started serving its socket: a connection the
    kernel hands to any of them is then answered at once.
    """
    engine = build_engine(options.database_url)
    try:
        prepare_database(options, engine)
    finally:
        engine.dispose()
    worker_options = dataclasses.replace(options, prepare_on_start=False)
    os.environ[OPTIONS_ENVIRONMENT_VARIABLE] = worker_options.to_environment()
    factory = {
        AccessLogMode.ALL: "server.access_log:all_logged_app_from_environment",
        AccessLogMode.ERRORS: "server.access_log:error_logged_app_from_environment",
        AccessLogMode.OFF: "server.app:app_from_environment",
    }[access_log]
    config = uvicorn.Config(
        factory,
        factory=True,
        workers=len(listeners),
        lifespan="on",
        # Workers are fresh processes: they set up the same logging themselves.
        log_config=log_config,
        # The access lines are server.access_log's: uvicorn's would show query values.
        access_log=False,
        # "server: uvicorn" on every answer would tell a scanner what runs here.
        server_header=False,
    )
    # Connections queue on each socket until its worker accepts them: all of them listen
    # before any worker starts, and the parent keeps them open while workers come and go.
    for listener in listeners:
        listener.listen(BACKLOG)
    OneSocketPerWorker(config, listeners, serving=serving).run()


class OneSocketPerWorker(Multiprocess):
    """uvicorn's worker supervisor, with worker *i* always serving ``listeners[i]``.

    The parent keeps every socket open for the life of the service: while a worker is being
    replaced, connections the kernel hashed to its socket wait in that socket's queue for the
    replacement instead of being refused or lost.

    uvicorn's :class:`Multiprocess` gives every worker it starts all of ``self.sockets``. Its
    health check (``keep_subprocess_alive``: a dead or hung worker is killed and replaced, and
    one that failed at start-up stops the parent) and its SIGHUP restart (``restart_all``: each
    replacement ready before the old worker is retired) run here one worker at a time, with
    ``self.processes`` and ``self.sockets`` narrowed to that worker and its own socket. This
    relies on those two methods touching nothing of the supervisor but ``processes``,
    ``sockets``, ``config`` and ``should_exit`` (so in uvicorn 0.54).
    """

    def __init__(
        self, config: Config, listeners: list[socket.socket], *, serving: Callable[[], None]
    ) -> None:
        super().__init__(config, sockets=[])
        self.listeners = listeners
        self._serving = serving

    def init_processes(self) -> None:
        for listener in self.listeners:
            process = Process(self.config, [listener])
            process.start()
            self.processes.append(process)
        # A worker that fails instead is seen by the health check that follows, which stops
        # the service: nothing is announced then.
        if all(
            process.wait_until_ready(WORKER_START_TIMEOUT_S, self.should_exit)
            for process in self.processes
        ):
            self._serving()

    def keep_subprocess_alive(self) -> None:
        for slot in range(len(self.listeners)):
            with self._narrowed_to(slot):
                super().keep_subprocess_alive()

    def restart_all(self) -> None:
        for slot in range(len(self.listeners)):
            retiring = self.processes[slot]
            with self._narrowed_to(slot):
                super().restart_all()
            if self.processes[slot] is retiring:
                return  # uvicorn gave up (the replacement was not ready) or we are stopping

    def handle_ttin(self) -> None:
        logger.warning("SIGTTIN ignored: the number of workers is fixed by --workers")

    def handle_ttou(self) -> None:
        logger.warning("SIGTTOU ignored: the number of workers is fixed by --workers")

    @contextmanager
    def _narrowed_to(self, slot: int) -> Iterator[None]:
        everyone = self.processes
        self.processes, self.sockets = [everyone[slot]], [self.listeners[slot]]
        try:
            yield
        finally:
            everyone[slot] = self.processes[0]
            self.processes, self.sockets = everyone, []
