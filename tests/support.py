"""Helpers shared across test folders (importable, unlike conftest modules)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RunningBackend:
    """The reference backend a test talks to over HTTP, and the SQLite file behind it."""

    url: str
    database: Path

    def rows(self, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
        """Rows read straight from the backend's SQLite file (a separate connection)."""
        connection = sqlite3.connect(self.database)
        try:
            return connection.execute(sql, parameters).fetchall()
        finally:
            connection.close()


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
