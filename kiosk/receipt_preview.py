"""A receipt drawn as the configured printer's paper would show it, as PNG bytes.

Drawn in a short-lived child process (``python -m kiosk.receipt_preview``), like printing
(drivers/printers/isolated.py): the encoder and Pillow hold ~18 MiB the kiosk would otherwise
keep all day after one preview on the staff screen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any
from urllib.parse import urlsplit

from drivers.printers.layout import Receipt, receipt_from_json, receipt_to_json

PREVIEW_TIMEOUT_S = 30.0


class PreviewFailed(Exception):
    """The preview could not be drawn (bad printer URI, the child failed or timed out)."""


def preview_png(receipt: Receipt, printer_uri: str) -> bytes:
    """PNG bytes of ``receipt`` on the paper and encoding ``printer_uri`` names. Blocks."""
    job = json.dumps({"uri": printer_uri, "receipt": receipt_to_json(receipt)})
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "kiosk.receipt_preview"],
            input=job.encode("utf-8"),
            capture_output=True,
            timeout=PREVIEW_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PreviewFailed(f"no preview within {PREVIEW_TIMEOUT_S:g} s") from None
    except OSError as error:
        raise PreviewFailed(f"cannot start the preview: {error}") from None
    if finished.returncode != 0 or not finished.stdout.startswith(b"\x89PNG"):
        reason = finished.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PreviewFailed(reason[-1] if reason else f"preview exited {finished.returncode}")
    return finished.stdout


def _draw(job: dict[str, Any]) -> bytes:
    import io

    from drivers.printers.escpos_encoder import encode
    from drivers.printers.preview import render
    from drivers.printers.profile import printer_options_from_query

    options = printer_options_from_query(urlsplit(str(job["uri"])).query)
    receipt = receipt_from_json(job["receipt"])
    data = encode(receipt, *options.for_encoder())
    image = render(data, paper_dots=options.paper.dots, encoding=options.encoding)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def main() -> int:
    try:
        png = _draw(json.loads(sys.stdin.buffer.read()))
    except Exception as error:  # reported to the parent in one line
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
