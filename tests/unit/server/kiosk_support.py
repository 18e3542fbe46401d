"""What the kiosk, heartbeat and directory rule tests share: a moment, a heartbeat, a kiosk."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from server import kiosks
from server.schemas_kiosks import Heartbeat

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


def heartbeat(**overrides: Any) -> Heartbeat:
    body: dict[str, Any] = {
        "version": "1.0",
        "card_reader": {"state": "ok"},
        "printer": {"state": "ok", "paper": "ok"},
        "outbox_depth": 0,
        "uptime_s": 1,
        "out_of_service": False,
    }
    body.update(overrides)
    return Heartbeat.model_validate(body)


def provision(sessions: sessionmaker[Session], kiosk_id: str, at: dt.datetime = NOW) -> str:
    """Register ``kiosk_id`` the vendor's way (a provisioning token); its bearer token."""
    with sessions.begin() as session:
        provisioning, _expires = kiosks.create_provisioning_token(session, "staff", 1, at)
        return kiosks.provision_kiosk(session, provisioning, kiosk_id, "", at)
