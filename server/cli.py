"""Command line of the reference backend: ``python -m server [options]``.

Contract with :class:`kiosk.backend_process.BackendProcess`: with ``--ready-file`` the base URL
(``http://127.0.0.1:43123``) is written there atomically once the server accepts connections,
so the launcher can wait for the file and read the real port even with ``--port 0``.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging.config
import os
import signal
import socket
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from server.access_log import AccessLogMode

APP_NAME = "onestop-kiosk"
# Tests and tools poll the ready file; the server answers well within this after binding.
_ORPHAN_POLL_S = 0.5
_STARTED_POLL_S = 0.01
# Subcommands that work on the database instead of serving it (see server/admin_cli.py).
ADMIN_COMMANDS = frozenset({"staff", "provisioning-token", "fleet"})

logger = logging.getLogger("server")


# Options a service unit sets in its environment (EnvironmentFile=) rather than on ExecStart.
ENVIRONMENT_PREFIX = "ONESTOP_SERVER_"
_FROM_ENVIRONMENT = (
    "host",
    "port",
    "workers",
    "public_url",
    "timezone",
    "kiosk_rate",
    "public_rate",
    "access_log",
)


def default_database_url() -> str:
    """``ONESTOP_SERVER_DATABASE``, else a SQLite file in the user data directory."""
    configured = os.environ.get(f"{ENVIRONMENT_PREFIX}DATABASE")
    if configured:
        return configured
    from platformdirs import user_data_dir

    return "sqlite:///" + str(Path(user_data_dir(APP_NAME)) / "backend.sqlite3")


def build_parser(prog: str = "python -m server") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="OneStop Kiosk reference backend (HTTP API /v1).",
        epilog=f"{ENVIRONMENT_PREFIX}HOST, _PORT, _DATABASE, _WORKERS, _PUBLIC_URL, _TIMEZONE, "
        "_KIOSK_RATE, _PUBLIC_RATE and _ACCESS_LOG in the environment set the options of those "
        "names (a service unit's EnvironmentFile). Work on the database without serving it: "
        f"'{prog} staff add NAME', '{prog} provisioning-token create', '{prog} fleet' "
        "(each with --help).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="TCP port; 0 picks a free one")
    parser.add_argument(
        "--database",
        default=None,
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: a SQLite "
        "file in the user data directory)",
    )
    parser.add_argument(
        "--ready-file",
        type=Path,
        help="once serving (every worker, with --workers), write the base URL to this file "
        "(atomically)",
    )
    parser.add_argument(
        "--no-demo-catalog",
        action="store_true",
        help="do not seed the demo service catalog into an empty database",
    )
    parser.add_argument(
        "--public-url", help="base of the status URLs handed out (default: the listening URL)"
    )
    parser.add_argument(
        "--timezone",
        default="Asia/Shanghai",
        help="the service hall's time zone, which dates numbers and promised dates",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes, each accepting on a listening socket of its own on the port "
        "(SO_REUSEPORT: the kernel spreads new connections across them); about one per CPU "
        "core (default 1)",
    )
    parser.add_argument(
        "--access-log",
        type=_access_log_mode,
        choices=list(AccessLogMode),
        default=AccessLogMode.ALL,
        metavar="{all,errors,off}",
        help="a log line per answer (all, the default), only per answer with status 400 or "
        "above (errors: for a busy service), or none (off); a line holds the client address, "
        "method, path (query values masked) and status, never a header or a body",
    )
    parser.add_argument(
        "--kiosk-rate",
        type=_rate,
        default=None,
        metavar="PER_SECOND/BURST",
        help="requests each kiosk may send (default 20/60), per worker process",
    )
    parser.add_argument(
        "--public-rate",
        type=_rate,
        default=None,
        metavar="PER_SECOND/BURST",
        help="requests without a token from one address (default 5/30), per worker process",
    )
    parser.add_argument(
        "--enroll-kiosk",
        action="append",
        default=[],
        type=_enrollment,
        metavar="KIOSK_ID=TOKEN_FILE",
        help="register a kiosk with the token in the file (embedded demo, tests)",
    )
    parser.add_argument(
        "--enroll-staff",
        action="append",
        default=[],
        type=_enrollment,
        metavar="NAME=TOKEN_FILE",
        help="register a staff token from the file (tests; otherwise use 'staff add')",
    )
    parser.add_argument(
        "--export-openapi", type=Path, metavar="PATH", help="write the OpenAPI document and exit"
    )
    parser.add_argument(
        "--exit-with-parent",
        action="store_true",
        help="stop when the process that started this one ends (embedded use: demo, tour)",
    )
    parser.set_defaults(
        **{
            name: os.environ[variable]
            for name in _FROM_ENVIRONMENT
            if (variable := f"{ENVIRONMENT_PREFIX}{name.upper()}") in os.environ
        }
    )
    return parser


def _rate(text: str) -> Any:
    from server.rate_limit import RateLimit

    per_second, separator, burst = text.partition("/")
    try:
        return RateLimit(float(per_second), int(burst) if separator else int(float(per_second)))
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"expected PER_SECOND/BURST, e.g. 20/60: {error}"
        ) from None


def _access_log_mode(text: str) -> AccessLogMode:
    try:
        return AccessLogMode(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected all, errors or off, not {text!r}") from None


def _enrollment(text: str) -> Any:
    from server.enrollment import Enrollment

    try:
        return Enrollment.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None, prog: str = "python -m server") -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in ADMIN_COMMANDS:
        from server.admin_cli import main as admin_main

        return admin_main(arguments, prog)
    args = build_parser(prog).parse_args(arguments)
    logging.config.dictConfig(_logging_config())
    if args.export_openapi is not None:
        from server.app import ServerOptions, create_app
        from server.openapi_document import export_openapi

        # An in-memory URL: building the app does not connect, and the document needs no data.
        export_openapi(create_app(ServerOptions("sqlite://", seed_demo=False)), args.export_openapi)
        return 0
    if args.workers < 1:
        build_parser(prog).error("--workers must be at least 1")
    # SIGTERM before uvicorn takes over (or re-raised by it after a graceful shutdown) ends the
    # process with status 0, which is what a supervisor expects of a requested stop.
    signal.signal(signal.SIGTERM, _exit_cleanly)
    if args.workers == 1:
        sock = _bind(args.host, args.port)
        base_url = _base_url(args.host, sock.getsockname()[1])
        with asyncio.Runner(loop_factory=_fast_event_loop()) as runner:
            runner.run(_serve(args, _options(args, base_url), sock, base_url))
        return 0
    from server.workers import bind_listeners

    listeners = bind_listeners(args.host, args.port, args.workers)
    base_url = _base_url(args.host, listeners[0].getsockname()[1])
    _serve_with_workers(args, _options(args, base_url), listeners, base_url)
    return 0


def _fast_event_loop() -> Any:
    """uvloop's loop factory when installed (the server extra installs it), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def _options(args: argparse.Namespace, base_url: str) -> Any:
    from server.app import ServerOptions

    options = ServerOptions(
        args.database or default_database_url(),
        seed_demo=not args.no_demo_catalog,
        public_url=args.public_url or base_url,
        hall_timezone=args.timezone,
        enroll_kiosks=tuple(args.enroll_kiosk),
        enroll_staff=tuple(args.enroll_staff),
    )
    if args.kiosk_rate is not None:
        options = dataclasses.replace(options, kiosk_rate=args.kiosk_rate)
    if args.public_rate is not None:
        options = dataclasses.replace(options, public_rate=args.public_rate)
    return options


def _serve_with_workers(
    args: argparse.Namespace, options: Any, listeners: list[socket.socket], base_url: str
) -> None:
    from server.workers import serve_with_workers

    def announce() -> None:
        logger.info("serving %s with %d workers", base_url, args.workers)
        if args.ready_file is not None:
            _write_atomically(args.ready_file, base_url)

    serve_with_workers(
        options,
        listeners,
        access_log=args.access_log,
        log_config=_logging_config(),
        serving=announce,
    )


def _exit_cleanly(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(0)


def _bind(host: str, port: int) -> socket.socket:
    """Bind here rather than in uvicorn so that the real port of ``--port 0`` is known."""
    from server.workers import tcp_socket

    sock = tcp_socket(host)
    sock.bind((host, port))
    return sock


def _base_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


async def _serve(
    args: argparse.Namespace, options: Any, sock: socket.socket, base_url: str
) -> None:
    import uvicorn

    from server.access_log import with_access_log
    from server.app import create_app

    app = create_app(options)
    # log_config=None: logging was configured in main(), with every line going to stderr.
    config = uvicorn.Config(
        with_access_log(app, args.access_log),
        lifespan="on",
        log_config=None,
        # The access lines are server.access_log's: uvicorn's would show query values.
        access_log=False,
        # "server: uvicorn" on every answer would tell a scanner what runs here.
        server_header=False,
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started and not serving.done():
        await asyncio.sleep(_STARTED_POLL_S)
    if server.started:
        logger.info("listening on %s", base_url)
        if args.ready_file is not None:
            _write_atomically(args.ready_file, base_url)
    if args.exit_with_parent:
        asyncio.create_task(_stop_when_orphaned(server, os.getppid()))
    await serving


async def _stop_when_orphaned(server: Any, parent_pid: int) -> None:
    # A parent killed outright (SIGKILL, a crash) cannot stop its backend; once it is gone the
    # kernel re-parents us, and an embedded backend has no one left to serve.
    while not server.should_exit:
        if os.getppid() != parent_pid:
            logger.info("the process that started the backend is gone; stopping")
            server.should_exit = True
            return
        await asyncio.sleep(_ORPHAN_POLL_S)


def _write_atomically(path: Path, text: str) -> None:
    # A reader polling the path sees either no file or the whole URL, never half of it.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _logging_config() -> dict[str, Any]:
    # The access log shows method, path and status only: request bodies carry personal data and
    # are never logged anywhere.
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "plain",
            },
        },
        "loggers": {
            "server": {"level": "INFO"},
            "uvicorn": {"level": "INFO"},
            "uvicorn.access": {"level": "INFO"},
        },
        "root": {"level": "WARNING", "handlers": ["stderr"]},
    }
