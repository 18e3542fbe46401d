"""Helpers shared across test folders (importable, unlike conftest modules)."""

from __future__ import annotations

import sqlite3
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
