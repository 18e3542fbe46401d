"""Receipt printing: bytes per receipt, encode and preview time, and submit-to-paper time.

    .venv/bin/python bench/printing.py

Prints a Markdown table (stdout) and progress (stderr). See bench/README.md for how to read it.
Exits 0 whatever the figures are; exits 1 when a print job fails.
"""

from __future__ import annotations

import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from drivers.printers import PrinterError, open_printer
from drivers.printers.escpos_encoder import encode
from drivers.printers.isolated import IsolatedPrinter
from drivers.printers.layout import Receipt
from drivers.printers.preview import render
from drivers.printers.profile import (
    PAPER_58MM,
    PAPER_80MM,
    CjkEncoding,
    CodeRendering,
    PaperProfile,
)
from kiosk.i18n import Language
from kiosk.receipts import application_receipt

TIMING_RUNS = 20
PRINT_RUNS = 10
NATIVE_RECEIPT_GOAL_BYTES = 2048  # a full application receipt with native commands
READY = 0x12  # DLE EOT 1, 2, 4 reply: online, no error, paper present
STATUS_QUERY_LENGTH = 3  # DLE EOT n


@dataclass(frozen=True)
class Setup:
    label: str
    encoding: CjkEncoding
    codes: CodeRendering
    language: Language  # a Big5 printer serves Traditional Chinese readers

    @property
    def native(self) -> bool:
        """Text and codes both drawn by the printer: what the byte goal is about."""
        return self.encoding is not CjkEncoding.RASTER and self.codes is CodeRendering.NATIVE

    def uri_query(self, paper: PaperProfile) -> str:
        return f"paper={paper.name}&encoding={self.encoding.value}&codes={self.codes.value}"


SETUPS = (
    Setup("native codes + GB18030", CjkEncoding.GB18030, CodeRendering.NATIVE, Language.ZH_HANS),
    Setup("raster QR + GB18030", CjkEncoding.GB18030, CodeRendering.RASTER, Language.ZH_HANS),
    Setup("native codes + Big5", CjkEncoding.BIG5, CodeRendering.NATIVE, Language.ZH_HANT),
    Setup("native codes + raster text", CjkEncoding.RASTER, CodeRendering.NATIVE, Language.ZH_HANS),
)
PAPERS = (PAPER_58MM, PAPER_80MM)
SERVICE_NAMES = {Language.ZH_HANS: "个体工商户设立登记", Language.ZH_HANT: "個體工商戶設立登記"}


def receipt(language: Language) -> Receipt:
    return application_receipt(
        number="OS20261129000001",
        service_name=SERVICE_NAMES[language],
        submitted_at=datetime(2026, 11, 29, 9, 30),
        promised_by=date(2026, 12, 6),
        status_url="http://127.0.0.1:8080/v1/applications/OS20261129000001",
        applicant_masked_name="王*明",
        applicant_masked_id="4418**********123X",
        kiosk_id="K-017",
        language=language,
    )


def median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


class LoopbackPrinter:
    """A TCP peer that answers ``DLE EOT n`` with "ready" and notes when the job's last byte
    arrived. Queries come before the job on a connection; after the first other byte,
    everything is job data (image dots may hold ``10 04`` by chance)."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._server.getsockname()[1]
        self.last_byte_at = 0.0
        self.job_bytes = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return  # closed
            with connection:
                self._handle(connection)

    def _handle(self, connection: socket.socket) -> None:
        pending, in_job, received = b"", False, 0
        while chunk := connection.recv(65536):
            now = time.perf_counter()
            if in_job:
                received += len(chunk)
                self.last_byte_at = now
                continue
            pending += chunk
            while pending[:2] == b"\x10\x04" and len(pending) >= STATUS_QUERY_LENGTH:
                connection.sendall(bytes([READY]))
                pending = pending[STATUS_QUERY_LENGTH:]
            if pending and not b"\x10\x04".startswith(pending[:2]):
                in_job, received, self.last_byte_at = True, len(pending), now
        if in_job:
            self.job_bytes = received

    def close(self) -> None:
        self._server.close()


def submit_to_last_byte_ms(peer: LoopbackPrinter, uri: str, job: Receipt) -> float:
    """From ``print()`` called to the last byte at the peer, as the kiosk prints: in a child."""
    samples = []
    for _ in range(PRINT_RUNS):
        peer.last_byte_at = 0.0
        printer = IsolatedPrinter(uri, open_printer(uri))
        submitted = time.perf_counter()
        printer.print(job)
        printer.close()
        samples.append((peer.last_byte_at - submitted) * 1000)
    return statistics.median(samples)


def goal_cell(setup: Setup, size: int) -> str:
    if not setup.native:
        return "n/a"
    verdict = "PASS" if size < NATIVE_RECEIPT_GOAL_BYTES else "MISS"
    return f"{verdict} (< {NATIVE_RECEIPT_GOAL_BYTES} B)"


def table_row(setup: Setup, paper: PaperProfile, peer: LoopbackPrinter) -> str:
    job = receipt(setup.language)
    data = encode(job, paper, setup.encoding, setup.codes)
    encode_ms = median_ms(partial(encode, job, paper, setup.encoding, setup.codes), TIMING_RUNS)
    render_ms = median_ms(
        partial(render, data, paper_dots=paper.dots, encoding=setup.encoding), TIMING_RUNS
    )
    uri = f"tcp://127.0.0.1:{peer.port}?{setup.uri_query(paper)}"
    print_ms = submit_to_last_byte_ms(peer, uri, job)
    return (
        f"| {paper.name} | {setup.label} | {len(data)} | {goal_cell(setup, len(data))}"
        f" | {encode_ms:.1f} | {render_ms:.1f} | {print_ms:.0f} | {peer.job_bytes} |"
    )


def main() -> int:
    peer = LoopbackPrinter()
    rows = []
    try:
        for paper in PAPERS:
            for setup in SETUPS:
                print(f"{paper.name} {setup.label}...", file=sys.stderr)
                rows.append(table_row(setup, paper, peer))
    except PrinterError as error:
        print(f"printing.py: a print job failed: {error}", file=sys.stderr)
        return 1
    finally:
        peer.close()
    print(
        "| paper | text + codes | bytes | goal: native receipt | encode ms (median of "
        f"{TIMING_RUNS}) | preview ms (median of {TIMING_RUNS}) | submit to last byte ms "
        f"(median of {PRINT_RUNS}, child start included) | bytes at peer |"
    )
    print("|---|---|---:|---|---:|---:|---:|---:|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
