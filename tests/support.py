"""Helpers shared across test folders (importable, unlike conftest modules)."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RunningBackend:
    """The reference backend a test talks to over HTTP, and the database behind it.

    ``kiosk_id`` is enrolled with ``kiosk_token`` and ``staff_name`` with ``staff_token``.
    """

    url: str
    database_url: str
    kiosk_id: str = ""
    kiosk_token: str = ""
    staff_name: str = ""
    staff_token: str = ""

    @property
    def is_postgresql(self) -> bool:
        return self.database_url.startswith("postgresql")

    @property
    def database(self) -> Path:
        """The SQLite file (SQLite backends only)."""
        assert self.database_url.startswith("sqlite:///"), self.database_url
        return Path(self.database_url.removeprefix("sqlite:///"))

    def kiosk_headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.kiosk_token}", **extra}

    def staff_headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.staff_token}", **extra}

    def add_kiosk(self, kiosk_id: str, token: str = "") -> str:
        """Register another kiosk straight in the database; its bearer token (``token``, or a
        new one)."""
        import datetime as dt
        import hashlib
        import secrets

        token = token or secrets.token_urlsafe(32)
        self.execute(
            "INSERT INTO kiosks (id, token_sha256, label, provisioned_at, health, outbox_depth, "
            "out_of_service) VALUES (?, ?, ?, ?, ?, 0, ?)",
            kiosk_id,
            hashlib.sha256(token.encode()).hexdigest(),
            kiosk_id,
            dt.datetime.now(dt.UTC).replace(tzinfo=None),
            "{}",
            False,
        )
        return token

    def execute(self, sql: str, *parameters: Any) -> None:
        """Change the database directly (test set-up only); ``?`` placeholders, committed."""
        if not self.is_postgresql:
            connection = sqlite3.connect(self.database)
            try:
                with connection:
                    connection.execute(sql, parameters)
            finally:
                connection.close()
            return
        import psycopg

        plain = self.database_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain) as pg:
            pg.execute(sql.replace("?", "%s"), parameters)

    def rows(self, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
        """Rows read straight from the backend's database (its own connection).

        ``sql`` uses ``?`` placeholders on either database. JSON columns come back as text
        from SQLite and as Python values from PostgreSQL: compare them through :func:`as_json`.
        """
        if not self.is_postgresql:
            connection = sqlite3.connect(self.database)
            try:
                return connection.execute(sql, parameters).fetchall()
            finally:
                connection.close()
        import psycopg

        plain = self.database_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain) as pg:
            return [tuple(row) for row in pg.execute(sql.replace("?", "%s"), parameters).fetchall()]


def as_json(value: Any) -> Any:
    """A JSON column's value, whichever database it was read from."""
    return json.loads(value) if isinstance(value, str) else value


def start_backend(
    database_url: str, *extra_args: str, kiosk_id: str = "test-kiosk-01", staff: str = "test-staff"
) -> tuple[Any, RunningBackend]:
    """Start ``python -m server`` with an enrolled kiosk and staff member; (process, backend)."""
    from kiosk.backend_process import BackendProcess

    process = BackendProcess(
        database_url,
        # Many tests share one backend from one address: limits have tests of their own.
        extra_args=("--kiosk-rate", "1000/1000", "--public-rate", "1000/1000", *extra_args),
        enroll_kiosk=kiosk_id,
        enroll_staff=staff,
    )
    process.start()
    return process, RunningBackend(
        process.url,
        database_url,
        kiosk_id=kiosk_id,
        kiosk_token=process.kiosk_token,
        staff_name=staff,
        staff_token=process.staff_token,
    )


def run_kiosk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGS`` as its own process, as staff run it; output captured, no stdin."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env if env is not None else dict(os.environ),
        stdin=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def running_backend(database_url: str, *extra_args: str) -> Iterator[RunningBackend]:
    """:func:`start_backend` for a ``with`` block; the process is stopped by PID after it."""
    process, running = start_backend(database_url, *extra_args)
    try:
        yield running
    finally:
        process.stop()
