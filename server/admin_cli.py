"""Database chores from the command line: ``kiosk-server staff add NAME`` and friends.

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
from server.keyed_hash import new_token

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
    return parser


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
