"""``kiosk staff ...``: staff mode tools (hash a PIN for the config)."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    """``kiosk staff ...`` (argv starts with ``staff``)."""
    print("kiosk staff: not built yet", file=sys.stderr)
    return 1
