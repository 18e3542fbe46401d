"""A printer that writes each job to a directory: the exact ESC/POS bytes and a PNG preview.

For the demo kiosk (the screen shows the PNG), for development without hardware, and as the
record of what a real printer would have received.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from drivers.printers.base import PaperState, Printer, PrinterStatus, PrintFailed
from drivers.printers.layout import Receipt
from drivers.printers.profile import DEFAULT_OPTIONS, PrinterOptions

# A reference names the file; keep it to characters that are safe in every file system.
_SAFE_REFERENCE_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)


def _safe_file_part(reference: str) -> str:
    return "".join(c if c in _SAFE_REFERENCE_CHARS else "_" for c in reference)[:64] or "job"


class FilePrinter(Printer):
    def __init__(
        self,
        directory: Path,
        options: PrinterOptions = DEFAULT_OPTIONS,
    ) -> None:
        self.directory = Path(directory)
        self.options = options
        self.last_job: tuple[Path, Path] | None = None  # (bin, png) of the last finished job

    def status(self) -> PrinterStatus:
        if self._writable():
            return PrinterStatus(online=True, paper=PaperState.OK)
        return PrinterStatus(online=False)

    def _writable(self) -> bool:
        """The directory exists and is writable, or could be created under a writable parent."""
        path = self.directory
        while not path.exists():
            if path.parent == path:
                return False
            path = path.parent
        return path.is_dir() and os.access(path, os.W_OK | os.X_OK)

    def print(self, receipt: Receipt) -> None:
        # Imported here: escpos and Pillow cost start-up time the kiosk must not pay.
        from drivers.printers.escpos_encoder import encode
        from drivers.printers.preview import render_png

        data = encode(receipt, *self.options.for_encoder())
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            bin_path, png_path = self._job_paths(receipt.reference)
            bin_path.write_bytes(data)
            render_png(
                data,
                png_path,
                paper_dots=self.options.paper.dots,
                encoding=self.options.encoding,
            )
        except OSError as error:
            raise PrintFailed(f"cannot write the receipt to {self.directory}: {error}") from error
        self.last_job = (bin_path, png_path)

    def _job_paths(self, reference: str) -> tuple[Path, Path]:
        """``<YYYYmmdd-HHMMSS>-<reference>``; a reprint in the same second gets ``-2``, ``-3``."""
        stem = f"{datetime.now():%Y%m%d-%H%M%S}-{_safe_file_part(reference)}"
        candidate, number = stem, 1
        while (self.directory / f"{candidate}.bin").exists():
            number += 1
            candidate = f"{stem}-{number}"
        return self.directory / f"{candidate}.bin", self.directory / f"{candidate}.png"
