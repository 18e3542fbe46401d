"""``kiosk provision --server URL --token TOKEN``: register this kiosk; write config and keys."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    """``kiosk provision ...`` (argv starts with ``provision``)."""
    print("kiosk provision: not built yet", file=sys.stderr)
    return 1
