"""Placeholder."""

from __future__ import annotations

from sqlalchemy.orm import Session


def seed_demo(session: Session) -> None:
    """Add the demo data when none is there yet."""
