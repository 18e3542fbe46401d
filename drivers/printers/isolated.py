"""Print each job in a short-lived child process.

python-escpos, Pillow and the preview renderer together hold ~18 MiB that a kiosk would keep
for the rest of the day after its first receipt; a printer driver that wedges would hang the
print call. In a child process neither happens: the memory goes back when the job ends, and a
job that outlives its timeout is killed and reported as failed. Status queries stay in this
process: they only use a socket or the file system.
"""

from __future__ import annotations

import json
import subprocess
import sys

from drivers.printers.base import Printer, PrinterStatus, PrinterUnavailable, PrintFailed
from drivers.printers.layout import Receipt, receipt_to_json

# Exit codes of ``python -m drivers.printers.job``.
EXIT_PRINTED = 0
EXIT_UNAVAILABLE = 3
EXIT_FAILED = 4


class IsolatedPrinter(Printer):
    def __init__(self, uri: str, inner: Printer, *, timeout_s: float = 60.0) -> None:
        self._uri = uri
        self._inner = inner
        self._timeout_s = timeout_s

    def status(self) -> PrinterStatus:
        return self._inner.status()

    def print(self, receipt: Receipt) -> None:
        job = json.dumps({"uri": self._uri, "receipt": receipt_to_json(receipt)})
        try:
            finished = subprocess.run(
                [sys.executable, "-m", "drivers.printers.job"],
                input=job.encode("utf-8"),
                capture_output=True,
                timeout=self._timeout_s,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PrintFailed(f"the print job did not finish in {self._timeout_s:g} s") from None
        except OSError as error:
            raise PrintFailed(f"cannot start the print job: {error}") from None
        reason = finished.stderr.decode("utf-8", "replace").strip().splitlines()
        message = reason[-1] if reason else f"print job exited with {finished.returncode}"
        if finished.returncode == EXIT_UNAVAILABLE:
            raise PrinterUnavailable(message)
        if finished.returncode != EXIT_PRINTED:
            raise PrintFailed(message)

    def close(self) -> None:
        self._inner.close()
