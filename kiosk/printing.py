"""Putting a ticket on paper, or keeping it for staff to reprint when the printer cannot.

Shared by the application, queue and hotline desks: a printer problem never undoes what was
filed or taken, it only changes what the screen says. The last receipt that did print is
remembered (in memory only) so staff can reprint it for a citizen whose paper tore or jammed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from drivers.printers.base import PaperState, Printer, PrinterUnavailable
from drivers.printers.layout import Receipt
from kiosk.session import PrintOutcome
from kiosk.spool import ReprintSpool

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintedReceipt:
    receipt: Receipt
    printed_at: float  # epoch seconds


class ReceiptPrinting:
    def __init__(
        self, printer: Printer, spool: ReprintSpool, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._printer = printer
        self._spool = spool
        self._clock = clock
        self._lock = threading.Lock()
        self._last: PrintedReceipt | None = None

    @property
    def spool(self) -> ReprintSpool:
        return self._spool

    def last_printed(self, within_s: float) -> PrintedReceipt | None:
        """The last receipt that printed, if that was at most ``within_s`` seconds ago."""
        with self._lock:
            last = self._last
        if last is None or self._clock() - last.printed_at > within_s:
            return None
        return last

    def print(self, receipt: Receipt) -> PrintOutcome:
        """Print, or keep the receipt for a reprint; never raises, never waits unbounded."""
        try:
            status = self._printer.status()
            if status.paper is PaperState.NEAR_END:
                log.warning("printer paper near end: staff, please change the roll")
            if not status.can_print:
                self._keep(receipt, f"printer could not print: {status}")
                return PrintOutcome.PRINTER_UNAVAILABLE
            self._printer.print(receipt)
            with self._lock:
                self._last = PrintedReceipt(receipt, self._clock())
        except PrinterUnavailable as error:
            self._keep(receipt, f"printer unavailable: {error}")
            return PrintOutcome.PRINTER_UNAVAILABLE
        except Exception as error:  # PrinterError, or a driver's bug: the ticket stands
            self._keep(receipt, f"printing failed: {error}")
            return PrintOutcome.PRINT_FAILED
        return PrintOutcome.PRINTED

    def _keep(self, receipt: Receipt, reason: str) -> None:
        try:
            self._spool.keep(receipt, reason)
        except OSError as error:  # a full or broken disk: the number on screen must do
            log.error("receipt %s could not be kept for reprint: %s", receipt.reference, error)
