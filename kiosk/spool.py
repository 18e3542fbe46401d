"""Receipts that could not be printed, kept so staff can reprint them.

A job is kept when the printer was unavailable or failed midway, as the receipt's JSON in its
own file (written to a temporary name, then renamed, so a power cut leaves no half file). Only
what is on the receipt is kept, and a receipt carries masked personal data only. Kept jobs are
deleted once reprinted, and in any case after ``keep_days`` or beyond ``max_jobs``.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from drivers.printers.base import Printer
from drivers.printers.layout import Receipt, receipt_from_json, receipt_to_json

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeptJob:
    path: Path
    reference: str
    reason: str
    kept_at: float  # seconds since the epoch
    receipt: Receipt


class ReprintSpool:
    def __init__(self, directory: Path, *, keep_days: float = 7, max_jobs: int = 200) -> None:
        self.directory = directory
        self._max_age_s = keep_days * 86400
        self._max_jobs = max_jobs

    def keep(self, receipt: Receipt, reason: str, *, now: float | None = None) -> Path:
        kept_at = time.time() if now is None else now
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{int(kept_at * 1000):015d}-{uuid.uuid4().hex[:8]}.json"
        record = {
            "reference": receipt.reference,
            "reason": reason,
            "kept_at": kept_at,
            "receipt": receipt_to_json(receipt),
        }
        temporary = path.with_suffix(".tmp")
        try:
            with temporary.open("w", encoding="utf-8") as handle:
                json.dump(record, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(path)
        except OSError:
            temporary.unlink(missing_ok=True)  # nothing half-written stays behind
            raise
        log.warning("receipt %s kept for reprint: %s", receipt.reference, reason)
        self.prune(now=kept_at)
        return path

    def pending(self) -> list[KeptJob]:
        """Kept jobs, oldest first; unreadable files are skipped (and said so in the log)."""
        jobs = []
        for path in sorted(self.directory.glob("*.json")) if self.directory.is_dir() else ():
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                jobs.append(
                    KeptJob(
                        path=path,
                        reference=str(record["reference"]),
                        reason=str(record["reason"]),
                        kept_at=float(record["kept_at"]),
                        receipt=receipt_from_json(record["receipt"]),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.error("kept job %s is unreadable: %s", path.name, error)
        return jobs

    def reprint(self, job: KeptJob, printer: Printer) -> None:
        """Print a kept job again; it is deleted only once it printed (else the error rises)."""
        printer.print(job.receipt)
        job.path.unlink(missing_ok=True)
        log.info("receipt %s reprinted", job.reference)

    def prune(self, *, now: float | None = None) -> int:
        """Delete jobs past their age or beyond the count limit, oldest first."""
        now = time.time() if now is None else now
        jobs = self.pending()
        expired = [job for job in jobs if now - job.kept_at > self._max_age_s]
        fresh = [job for job in jobs if job not in expired]
        excess = fresh[: max(0, len(fresh) - self._max_jobs)]
        for job in (*expired, *excess):
            job.path.unlink(missing_ok=True)
        return len(expired) + len(excess)
