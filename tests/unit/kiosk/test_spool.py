"""Receipts kept for reprint: survive a restart, go once printed, never pile up for ever."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.printers.base import Printer, PrinterStatus, PrintFailed
from drivers.printers.file import FilePrinter
from drivers.printers.layout import Cut, KeyValue, QRCode, Receipt, Title
from kiosk.spool import ReprintSpool

DAY = 86400.0


def receipt(reference: str) -> Receipt:
    return Receipt(
        reference, (Title("受理回執"), KeyValue("申請編號", reference), QRCode("u"), Cut())
    )


class BrokenPrinter(Printer):
    """A printer that fails every job (the real failure paths are tested with TCP peers)."""

    def status(self) -> PrinterStatus:
        return PrinterStatus(online=True)

    def print(self, receipt: Receipt) -> None:
        raise PrintFailed("paper jam")


def test_kept_jobs_are_read_back_by_a_new_spool(tmp_path: Path) -> None:
    ReprintSpool(tmp_path).keep(receipt("OS1"), "printer offline", now=1000)
    ReprintSpool(tmp_path).keep(receipt("OS2"), "paper out", now=2000)
    jobs = ReprintSpool(tmp_path).pending()
    assert [(j.reference, j.reason) for j in jobs] == [
        ("OS1", "printer offline"),
        ("OS2", "paper out"),
    ]
    assert jobs[0].receipt == receipt("OS1")


def test_a_reprinted_job_is_gone_and_printed(tmp_path: Path) -> None:
    spool = ReprintSpool(tmp_path / "spool")
    spool.keep(receipt("OS3"), "paper out")
    (job,) = spool.pending()
    printer = FilePrinter(tmp_path / "out")
    spool.reprint(job, printer)
    assert spool.pending() == []
    (printed,) = (tmp_path / "out").glob("*.bin")
    assert b"OS3" in printed.read_bytes()


def test_a_failed_reprint_keeps_the_job(tmp_path: Path) -> None:
    spool = ReprintSpool(tmp_path)
    spool.keep(receipt("OS4"), "cover open")
    with pytest.raises(PrintFailed):
        spool.reprint(spool.pending()[0], BrokenPrinter())
    assert [j.reference for j in spool.pending()] == ["OS4"]


def test_old_and_surplus_jobs_are_pruned(tmp_path: Path) -> None:
    spool = ReprintSpool(tmp_path, keep_days=7, max_jobs=3)
    spool.keep(receipt("old"), "x", now=0)
    for day in range(1, 6):
        spool.keep(receipt(f"day{day}"), "x", now=7.5 * DAY + day)
    assert [j.reference for j in spool.pending()] == ["day3", "day4", "day5"]


def test_an_unreadable_file_does_not_hide_the_others(tmp_path: Path) -> None:
    spool = ReprintSpool(tmp_path)
    spool.keep(receipt("OS5"), "x", now=10)
    (tmp_path / "000000000000001-broken.json").write_text("{not json", encoding="utf-8")
    assert [j.reference for j in spool.pending()] == ["OS5"]


def test_a_full_disk_leaves_no_half_written_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC is injected at fsync: a real full disk cannot be arranged in a test as root."""
    import errno
    import os

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        ReprintSpool(tmp_path).keep(receipt("OS6"), "paper out")
    assert list(tmp_path.iterdir()) == []
