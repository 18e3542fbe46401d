"""Qt's offscreen platform with a real kiosk screen size (its own default is 800x800)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def use_offscreen_screen(width: int = 1920, height: int = 1080) -> None:
    """Select the offscreen platform with one ``width`` x ``height`` screen.

    Must run before the QApplication is created. Screen description: Qt's
    ``qoffscreenintegration.cpp`` configfile contract.
    """
    description = {
        "screens": [
            {
                "name": f"kiosk-{width}x{height}",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ]
    }
    path = Path(tempfile.gettempdir()) / f"onestop-kiosk-offscreen-{width}x{height}.json"
    # Replaced whole, never rewritten in place: a kiosk starting beside another (parallel tours,
    # tests) would read it half written and abort.
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".part")
    os.fchmod(handle, 0o644)  # as a plain write would leave it
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(json.dumps(description))
    os.replace(partial, path)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"
