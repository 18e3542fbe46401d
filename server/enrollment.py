"""Registering kiosks and staff tokens directly in the database (command line and start-up).

A vendor's normal path is a provisioning token exchanged by the kiosk itself (POST
/v1/kiosks/provision); enrolling with a token file is for the embedded demo backend and tests,
where the kiosk and the server are started together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models
from server.keyed_hash import token_sha256
from server.kiosks import new_kiosk


@dataclass(frozen=True)
class Enrollment:
    """``name`` (a kiosk id or a staff name) and the file holding its bearer token."""

    name: str
    token_file: Path

    @classmethod
    def parse(cls, text: str) -> Enrollment:
        name, separator, path = text.partition("=")
        if not separator or not name or not path:
            raise ValueError(f"expected NAME=TOKEN_FILE, got {text!r}")
        return cls(name, Path(path))

    def token(self) -> str:
        token = self.token_file.read_text(encoding="utf-8").strip()
        if len(token) < 32:
            raise ValueError(f"the token in {self.token_file} is shorter than 32 characters")
        return token


def enroll_kiosk(session: Session, kiosk_id: str, token: str, now: dt.datetime) -> None:
    """Register ``kiosk_id`` with ``token``, or give an existing kiosk this token."""
    kiosk = session.get(models.Kiosk, kiosk_id)
    if kiosk is None:
        session.add(new_kiosk(kiosk_id, token, kiosk_id, now))
    else:
        # A new token counts as provisioning anew (server processes re-read such kiosks).
        kiosk.token_sha256 = token_sha256(token)
        kiosk.provisioned_at = now
        kiosk.revoked_at = None


def enroll_staff(session: Session, name: str, token: str, now: dt.datetime) -> None:
    digest = token_sha256(token)
    if session.scalar(select(models.StaffMember).where(models.StaffMember.token_sha256 == digest)):
        return
    session.add(models.StaffMember(name=name, token_sha256=digest, created_at=now))
