"""The office's fleet page with a demo fleet: ``scripts/fleet-demo.sh [--kiosks 12] [--port P]``.

For a vendor who wants to see the office's view before buying. It starts the reference backend
on a SQLite file of its own, registers the kiosks the way a vendor does (a staff member asks
for a one-time provisioning token, ``kiosk provision``'s code exchanges it and writes the
kiosk's config and key), and runs each kiosk's real heartbeat over HTTP, each reporting how it
is doing: healthy, paper low or out, printer off, card reader unplugged, 14 submissions waiting,
out of service with a message, a restart waiting for a citizen to finish, switched off, never
switched on. It prints the fleet page's address and a staff token to sign in with, and runs
until Ctrl+C (or SIGTERM), then stops everything it started.

A script, not a ``kiosk-server`` command: it runs the kiosk's own code beside the server's, and
the server never imports the kiosk (/work/shared/DESIGN.md). One thing is not played out in
real time: the switched-off kiosk's last heartbeat is moved back in the demo's database, so it
shows OFFLINE at once rather than after the server's 90 s online window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from fleet_demo_kiosks import (
    MAX_KIOSKS,
    MIN_KIOSKS,
    OUT_OF_SERVICE_MESSAGE,
    Condition,
    DemoKiosk,
    Profile,
    fleet_profiles,
)
from sqlalchemy import select

from kiosk.api import BackendClient, RetryPolicy
from kiosk.backend_errors import BackendError
from kiosk.backend_process import BackendProcess, BackendStartError
from kiosk.config import load_config
from kiosk.provisioning import Plan, ProvisioningFailed, ProvisioningRefused, provision
from server import models
from server.database import build_engine, session_factory

STAFF_NAME = "demo office"
# How long ago the switched-off kiosk last reported, as the office sees it.
SILENT_FOR = dt.timedelta(minutes=40)
READY_TIMEOUT_S = 30.0
# Provisioning is limited per address like any caller without a token (5/s, burst 30): a
# demo registering up to 60 kiosks from one address in a second needs more.
DEMO_PUBLIC_RATE = "50/200"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/fleet-demo.sh",
        description="A demo fleet of kiosks on a backend of its own, to see the office's fleet "
        "page (/fleet). Runs until Ctrl+C.",
    )
    parser.add_argument(
        "--kiosks",
        type=int,
        default=12,
        help=f"how many kiosks, {MIN_KIOSKS}-{MAX_KIOSKS} (default 12): one in each state, "
        "the rest healthy",
    )
    parser.add_argument(
        "--port", type=int, default=0, help="the backend's port (default: a free one)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; 0.0.0.0 shows the page to the network)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="where the backend's database and the kiosks' configs go; a new or empty "
        "directory, kept afterwards (default: a temporary one, removed at the end)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not MIN_KIOSKS <= args.kiosks <= MAX_KIOSKS:
        parser.error(f"--kiosks: from {MIN_KIOSKS} to {MAX_KIOSKS}")
    if args.data_dir is not None and args.data_dir.exists() and any(args.data_dir.iterdir()):
        parser.error(f"--data-dir {args.data_dir} is not empty: give a new or empty directory")
    # SIGTERM (a supervisor, a test) stops the demo as Ctrl+C does: through the clean-up below.
    # Ctrl+C too when started from a shell script's background job, which ignores SIGINT.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    temporary = (
        tempfile.TemporaryDirectory(prefix="onestop-fleet-demo-") if args.data_dir is None else None
    )
    data_dir = Path(temporary.name) if temporary else args.data_dir
    try:
        return _run(args, data_dir)
    except KeyboardInterrupt:
        print("\nStopped.", flush=True)
        return 0
    finally:
        if temporary is not None:
            temporary.cleanup()


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _run(args: argparse.Namespace, data_dir: Path) -> int:
    database_url = f"sqlite:///{data_dir / 'backend.sqlite3'}"
    backend = BackendProcess(
        database_url,
        host=args.host,
        # The later --port wins over BackendProcess's own "--port 0".
        extra_args=(
            "--port",
            str(args.port),
            "--public-rate",
            DEMO_PUBLIC_RATE,
            "--no-demo-catalog",
        ),
        enroll_staff=STAFF_NAME,
    )
    kiosks: list[DemoKiosk] = []
    office: BackendClient | None = None
    try:
        try:
            backend.start()
        except BackendStartError as error:
            if "Address already in use" in error.log:
                print(
                    f"fleet demo: port {args.port} is taken; choose another --port", file=sys.stderr
                )
            else:
                print(f"fleet demo: the backend did not start: {error}", file=sys.stderr)
            return 1
        office = BackendClient(
            backend.url, token=backend.staff_token, retry=RetryPolicy(attempts=1)
        )
        profiles = fleet_profiles(args.kiosks)
        print(f"Fleet demo: {len(profiles)} kiosks, backend {backend.url}", flush=True)
        for profile in profiles:
            kiosk = _provision(office, backend.url, profile, data_dir / "kiosks")
            print(f"  {profile.kiosk_id:<11} {profile.condition.value}", flush=True)
            if kiosk is not None:
                kiosks.append(kiosk)
        for kiosk in kiosks:
            if not kiosk.heartbeat.beat_once():
                raise RuntimeError(f"{kiosk.profile.kiosk_id}: its heartbeat was not answered")
            if kiosk.profile.condition.beats:
                kiosk.heartbeat.start()
        _wait_for(office, _settled(profiles))
        _set_back_the_silent(database_url, profiles, office)
        _announce(backend, database_url)
        while True:
            time.sleep(3600)
    except (BackendError, ProvisioningFailed, ProvisioningRefused, RuntimeError) as error:
        print(f"fleet demo: {error}", file=sys.stderr)
        if log := backend.log_text():
            print(log[-4000:], file=sys.stderr)
        return 1
    finally:
        for kiosk in kiosks:
            kiosk.close()
        if office is not None:
            office.close()
        backend.stop()


def _provision(
    office: BackendClient, server: str, profile: Profile, kiosks_dir: Path
) -> DemoKiosk | None:
    """Register the kiosk as a vendor does; its command from the office; the kiosk (if it
    ever runs)."""
    answer = office.post_once("/v1/staff/provisioning-tokens", {"valid_hours": 1})
    home = kiosks_dir / profile.kiosk_id
    provisioned = provision(
        Plan(
            server=server,
            provisioning_token=answer["token"],
            kiosk_id=profile.kiosk_id,
            config_path=home / "kiosk.toml",
            label=profile.label,
            data_dir=str(home / "data"),
        )
    )
    command = _COMMANDS.get(profile.condition)
    if command is not None:
        office.post_once(f"/v1/staff/kiosks/{profile.kiosk_id}/commands", command)
    if profile.condition is Condition.NEVER_SEEN:
        return None
    return DemoKiosk(profile, load_config(provisioned.config_path, environ={}))


_COMMANDS: dict[Condition, dict[str, str]] = {
    Condition.OUT_OF_SERVICE: {"kind": "out_of_service_on", "message": OUT_OF_SERVICE_MESSAGE},
    Condition.PENDING_COMMAND: {"kind": "restart"},
}

FleetCheck = Callable[[dict[str, dict[str, Any]]], bool]


def _fleet(office: BackendClient) -> dict[str, dict[str, Any]]:
    answer = office.get_json("/v1/staff/fleet")
    return {kiosk["kiosk_id"]: kiosk for kiosk in answer["kiosks"]}


def _settled(profiles: list[Profile]) -> FleetCheck:
    """Every report written (the server writes heartbeats once a second) and every command
    where it belongs: the out-of-service one acknowledged, the restart still waiting."""

    def check(fleet: dict[str, dict[str, Any]]) -> bool:
        for profile in profiles:
            kiosk = fleet.get(profile.kiosk_id)
            if kiosk is None:
                return False
            # The version comes with the health: a kiosk seen only by an acknowledgement has none.
            reported = kiosk["version"] is not None
            if reported != (profile.condition is not Condition.NEVER_SEEN):
                return False
            if profile.condition is Condition.OUT_OF_SERVICE and (
                not kiosk["out_of_service"] or kiosk["pending_commands"]
            ):
                return False
            if profile.condition is Condition.PENDING_COMMAND and kiosk["pending_commands"] != 1:
                return False
        return True

    return check


def _wait_for(office: BackendClient, check: FleetCheck) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not check(_fleet(office)):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the fleet did not settle within {READY_TIMEOUT_S:.0f} s")
        time.sleep(0.2)


def _set_back_the_silent(database_url: str, profiles: list[Profile], office: BackendClient) -> None:
    """Move the switched-off kiosk's last heartbeat back by :data:`SILENT_FOR`.

    The one shortcut of the demo (see the module docstring): it writes the demo's own
    database, after the server wrote that kiosk's last report, which nothing will overwrite.
    """
    silent = [p.kiosk_id for p in profiles if p.condition is Condition.STOPPED]
    engine = build_engine(database_url)
    try:
        with session_factory(engine).begin() as session:
            for kiosk in session.scalars(select(models.Kiosk).where(models.Kiosk.id.in_(silent))):
                if kiosk.last_seen_at is not None:
                    kiosk.last_seen_at -= SILENT_FOR
    finally:
        engine.dispose()
    _wait_for(office, lambda fleet: not any(fleet[kiosk_id]["online"] for kiosk_id in silent))


def _announce(backend: BackendProcess, database_url: str) -> None:
    elsewhere = (
        "\n  (from another machine: this machine's address in place of "
        f"{backend.url.split('//')[1].rsplit(':', 1)[0]})"
        if backend.host not in ("127.0.0.1", "localhost", "::1")
        else ""
    )
    print(
        f"\nFleet page:  {backend.url}/fleet{elsewhere}\n"
        f"Staff token: {backend.staff_token}\n"
        "  (paste it into the page's sign-in form; it works for this demo only)\n"
        f"Attention:   {backend.url}/fleet?attention=1\n"
        f"Terminal:    kiosk-server fleet --database {database_url}\n"
        f"Backend process: {backend.pid}\n"
        "Ready. Ctrl+C stops the demo, its kiosks and its backend.",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
