"""Database chores from the command line: ``kiosk-server staff add NAME`` and friends.

``provisioning-token create`` makes a one-time token for a new kiosk; ``fleet`` prints every
kiosk as a table or as the JSON of ``GET /v1/staff/fleet``.

These run against the database directly (no server needed), migrating it first, so a vendor
can create the first staff token before the server has ever started.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models
from server.cli import default_database_url
from server.database import build_engine, ensure_sqlite_directory, migrate_to_head, session_factory
from server.enrollment import enroll_staff
from server.fleet_page import needs_attention
from server.keyed_hash import new_token
from server.kiosks import CLI_CREATOR, create_provisioning_token, fleet
from server.schemas_kiosks import DEFAULT_VALID_HOURS, MAX_VALID_HOURS, FleetKiosk

Handler = Callable[[Session, argparse.Namespace, dt.datetime], int]


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Manage the backend's database.")
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database", default=None, help="SQLAlchemy URL (default: as the server)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    staff = commands.add_parser("staff", help="staff tokens").add_subparsers(
        dest="action", required=True
    )
    add = staff.add_parser(
        "add", parents=[database], help="create a token for NAME and print it (shown once)"
    )
    add.add_argument("name")
    add.set_defaults(handler=_staff_add)
    staff.add_parser(
        "list", parents=[database], help="staff names and when their tokens were made"
    ).set_defaults(handler=_staff_list)
    revoke = staff.add_parser("revoke", parents=[database], help="revoke every token of NAME")
    revoke.add_argument("name")
    revoke.set_defaults(handler=_staff_revoke)
    _add_kiosk_commands(commands, database)
    return parser


def _add_kiosk_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    database: argparse.ArgumentParser,
) -> None:
    provisioning = commands.add_parser(
        "provisioning-token", help="one-time tokens that register new kiosks"
    ).add_subparsers(dest="action", required=True)
    create = provisioning.add_parser(
        "create", parents=[database], help="create a token and print it (shown once)"
    )
    create.add_argument(
        "--hours",
        type=_valid_hours,
        default=DEFAULT_VALID_HOURS,
        help=f"how long it can be used, 1-{MAX_VALID_HOURS} (default {DEFAULT_VALID_HOURS})",
    )
    create.set_defaults(handler=_provisioning_token_create)
    fleet = commands.add_parser("fleet", parents=[database], help="every kiosk and its health")
    fleet.add_argument("--json", action="store_true", help="print JSON instead of a table")
    fleet.add_argument(
        "--attention",
        action="store_true",
        help="only kiosks needing attention: offline, paper low, a device failing, out of "
        "service, or a long outbox",
    )
    fleet.set_defaults(handler=_fleet)


def main(argv: list[str], prog: str) -> int:
    args = build_parser(prog).parse_args(argv)
    url = args.database or default_database_url()
    ensure_sqlite_directory(url)
    engine = build_engine(url)
    try:
        migrate_to_head(engine)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        with session_factory(engine).begin() as session:
            handler: Handler = args.handler
            return handler(session, args, now)
    finally:
        engine.dispose()


def _staff_add(session: Session, args: argparse.Namespace, now: dt.datetime) -> int:
    token = new_token()
    enroll_staff(session, args.name, token, now)
    # Only the hash is kept: this is the one time anyone sees the token.
    print(token)
    return 0


def _staff_list(session: Session, _args: argparse.Namespace, _now: dt.datetime) -> int:
    for member in session.scalars(select(models.StaffMember).order_by(models.StaffMember.id)):
        state = f"revoked {member.revoked_at:%Y-%m-%d}" if member.revoked_at else "active"
        print(f"{member.name}\t{member.created_at:%Y-%m-%d %H:%M}Z\t{state}")
    return 0


def _staff_revoke(session: Session, args: argparse.Namespace, now: dt.datetime) -> int:
    members = session.scalars(
        select(models.StaffMember).where(
            models.StaffMember.name == args.name, models.StaffMember.revoked_at.is_(None)
        )
    ).all()
    if not members:
        print(f"no active token for {args.name}", file=sys.stderr)
        return 1
    for member in members:
        member.revoked_at = now
    print(f"revoked {len(members)} token(s) of {args.name}")
    return 0


def _valid_hours(text: str) -> int:
    try:
        hours = int(text)
    except ValueError:
        hours = 0
    if not 1 <= hours <= MAX_VALID_HOURS:
        raise argparse.ArgumentTypeError(f"expected whole hours from 1 to {MAX_VALID_HOURS}")
    return hours


def _provisioning_token_create(session: Session, args: argparse.Namespace, now: dt.datetime) -> int:
    token, expires_at = create_provisioning_token(session, CLI_CREATOR, args.hours, now)
    # stdout holds only the token, so a script can capture it; it is never shown again.
    print(token)
    print(f"valid until {expires_at:%Y-%m-%d %H:%M}Z, for one kiosk", file=sys.stderr)
    return 0


_FLEET_COLUMNS = (
    "KIOSK",
    "ONLINE",
    "LAST SEEN",
    "READER",
    "PRINTER",
    "SERVICE",
    "VERSION",
    "PAPER",
    "OUTBOX",
    "PENDING",
)


def _fleet(session: Session, args: argparse.Namespace, now: dt.datetime) -> int:
    view = fleet(session, now)
    if args.json:
        print(view.model_dump_json(indent=2))
        return 0
    shown = [k for k in view.kiosks if needs_attention(k)] if args.attention else view.kiosks
    rows = [_FLEET_COLUMNS, *(_fleet_row(kiosk) for kiosk in shown)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(_FLEET_COLUMNS))]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
    summary = view.summary
    print(
        f"{summary.total} kiosks, {summary.online} online, {summary.needing_paper} needing "
        f"paper, {summary.out_of_service} out of service"
    )
    return 0


def _fleet_row(kiosk: FleetKiosk) -> tuple[str, ...]:
    last_seen = f"{kiosk.last_seen_at:%Y-%m-%d %H:%M:%S}Z" if kiosk.last_seen_at else "never"
    online = "revoked" if kiosk.revoked else ("yes" if kiosk.online else "no")
    return (
        kiosk.kiosk_id,
        online,
        last_seen,
        kiosk.card_reader.value if kiosk.card_reader else "-",
        kiosk.printer.value if kiosk.printer else "-",
        "OUT" if kiosk.out_of_service else "in",
        kiosk.version or "-",
        kiosk.paper.value if kiosk.paper else "-",
        str(kiosk.outbox_depth),
        str(kiosk.pending_commands),
    )
