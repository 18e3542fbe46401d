"""CPU instructions per request of the backend's app, counted by valgrind: steady on a busy box.

    .venv/bin/python bench/server_instructions.py [--requests N] [--routes health,lookup,...]

Rates and latencies from bench/server.py move with whatever else the machine runs; the number
of instructions a request executes does not. This runs the FastAPI app in this process (no
HTTP server: uvicorn, httptools and the access log add the same to every request), files a
few applications through it, then counts each route's instructions with valgrind's callgrind,
switched on only around N requests of that route. Needs valgrind (Debian: ``apt-get install
valgrind``); takes a minute or two. Compare a change by running it before and after: the
counts repeat to within a percent or two. Count ``heartbeat`` on its own (``--routes
heartbeat``): after other routes, the server's background upkeep of the fleet (a round every
few seconds, slow under valgrind) falls into its count and adds up to a third.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

_REPOSITORY = Path(__file__).resolve().parents[1]
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _REPOSITORY / "bench"]
sys.path.insert(0, str(_REPOSITORY))

from bench.server_data import HEARTBEAT_BODY  # noqa: E402
from server.app import ServerOptions, create_app  # noqa: E402
from server.enrollment import Enrollment  # noqa: E402
from server.rate_limit import RateLimit  # noqa: E402
from tests.integration.server.server_test_support import (  # noqa: E402
    VALID_ID_NUMBER,
    individual_business_request,
)

# lookup-404: the right number with the wrong last four, answered as a problem document.
ROUTES = ("health", "lookup", "lookup-404", "heartbeat")
UNDER_VALGRIND = "ONESTOP_UNDER_CALLGRIND"
WARMUP_REQUESTS = 200
APPLICATIONS = 50
UNLIMITED = RateLimit(per_second=1e6, burst=1_000_000)
Call = Callable[[int], Awaitable[None]]


async def asgi(
    app: Any, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes
) -> tuple[int, bytes]:
    """One request straight into the ASGI app: (status, body)."""
    if body:
        headers = [*headers, (b"content-type", b"application/json")]
        headers.append((b"content-length", str(len(body)).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1:8000"), *headers],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    delivered = False
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if delivered:
            return {"type": "http.disconnect"}
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return answer["status"], answer["body"]


def _callgrind(*arguments: str) -> None:
    command = ["callgrind_control", *arguments, str(os.getpid())]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


async def _count(routes: list[str], requests: int, scratch: Path) -> None:
    """In the process valgrind runs: each route's requests, counted one dump per route."""
    token = secrets.token_urlsafe(32)
    token_file = scratch / "kiosk-token"
    token_file.write_text(token)
    options = ServerOptions(
        f"sqlite:///{scratch}/bench.sqlite3",
        public_url="http://127.0.0.1:8000",
        kiosk_rate=UNLIMITED,
        public_rate=UNLIMITED,
        enroll_kiosks=(Enrollment("bench-kiosk", token_file),),
    )
    app = create_app(options)
    bearer = [(b"authorization", f"Bearer {token}".encode())]
    async with app.router.lifespan_context(app):
        filing = json.dumps(individual_business_request()).encode()
        lookups, misses = [], []
        for _ in range(APPLICATIONS):
            key = [(b"idempotency-key", uuid.uuid4().hex.encode())]
            status, body = await asgi(app, "POST", "/v1/applications", bearer + key, filing)
            assert status == 201, body
            number = json.loads(body)["number"]
            lookup = {"reference": number, "id_last4": VALID_ID_NUMBER[-4:]}
            lookups.append(json.dumps(lookup).encode())
            misses.append(json.dumps({**lookup, "id_last4": "0000"}).encode())
        heartbeat = json.dumps(HEARTBEAT_BODY).encode()
        lookup = "/v1/applications/lookup"
        calls: dict[str, tuple[str, str, list[tuple[bytes, bytes]], Callable[[int], bytes], int]]
        calls = {
            "health": ("GET", "/v1/health", [], lambda _: b"", 200),
            "lookup": ("POST", lookup, [], lambda i: lookups[i % APPLICATIONS], 200),
            "lookup-404": ("POST", lookup, [], lambda i: misses[i % APPLICATIONS], 404),
            "heartbeat": ("POST", "/v1/kiosks/heartbeat", bearer, lambda _: heartbeat, 200),
        }
        for route in routes:
            method, path, headers, body_for, expected = calls[route]
            for index in range(WARMUP_REQUESTS):
                status, body = await asgi(app, method, path, headers, body_for(index))
                assert status == expected, body
            _callgrind("-z")
            _callgrind("-i", "on")
            for index in range(requests):
                await asgi(app, method, path, headers, body_for(index))
            _callgrind("-i", "off")
            _callgrind("-d", route)


def _totals(output: Path) -> dict[str, int]:
    """Instructions of each dump, by the route its trigger names (``... dump health``)."""
    found: dict[str, int] = {}
    for dump in output.glob("callgrind.*.*"):
        lines = dump.read_text().splitlines()
        trigger = next((line for line in lines if line.startswith("desc: Trigger:")), "")
        total = next((line for line in lines if line.startswith("totals:")), "")
        if trigger and total:
            found[trigger.rsplit(" ", 1)[-1]] = int(total.split()[1])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="counted per route")
    parser.add_argument("--routes", default=",".join(ROUTES), help=f"some of {','.join(ROUTES)}")
    args = parser.parse_args()
    routes = [route for route in args.routes.split(",") if route]
    if set(routes) - set(ROUTES) or args.requests < 1:
        parser.error(f"--routes takes {','.join(ROUTES)}; --requests at least 1")
    with tempfile.TemporaryDirectory(prefix="onestop-instructions-") as folder:
        scratch = Path(folder)
        if os.environ.get(UNDER_VALGRIND):
            asyncio.run(_count(routes, args.requests, scratch))
            return 0
        if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
            print("bench/server_instructions.py needs valgrind (apt-get install valgrind)")
            return 1
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={scratch}/callgrind.%p",
            sys.executable,
            __file__,
            *sys.argv[1:],
        ]
        # A fixed hash seed: dict and set layouts, hence the counts, repeat from run to run.
        environment = {**os.environ, UNDER_VALGRIND: "1", "PYTHONHASHSEED": "0"}
        finished = subprocess.run(
            command, check=False, env=environment, capture_output=True, text=True
        )
        if finished.returncode != 0:
            print(finished.stdout[-2000:], finished.stderr[-3000:], sep="\n")
            return 1
        totals = _totals(scratch)
    reference = totals.get("health")
    print(f"CPU instructions per request, in-process app, {args.requests} requests per route")
    print("")
    print("| route | instructions per request | / health |")
    print("|---|---:|---:|")
    for route in routes:
        per_request = totals[route] / args.requests
        ratio = f"{per_request / (reference / args.requests):.2f}" if reference else "–"
        print(f"| {route} | {per_request:,.0f} | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
