"""``kiosk doctor``: check config, devices, fonts, backend and clock; print what to fix."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    """``kiosk doctor ...`` (argv starts with ``doctor``)."""
    print("kiosk doctor: not built yet", file=sys.stderr)
    return 1
