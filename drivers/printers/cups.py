"""A receipt printer behind a CUPS queue: ``cups://QUEUE`` or ``cups://QUEUE?server=HOST:PORT``.

CUPS's own command-line clients (``lp``, ``lpstat``, ``cancel``; Debian ``cups-client``) rather
than pycups, which needs a compiler and the libcups headers to install. The receipt's ESC/POS
bytes go in with ``-o raw`` so no filter touches them. Each call is a new client process, so a
restarted cupsd or a re-plugged printer is simply reached again.

CUPS keeps queuing jobs for a disabled (stopped) printer and prints them when it comes back,
which could be hours later for a citizen long gone: such a queue is refused before anything is
sent, and a job the printer stops on is cancelled rather than left waiting.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import time
from dataclasses import dataclass
from enum import Enum
from urllib.parse import SplitResult, parse_qs, unquote

from drivers.printers.base import (
    Printer,
    PrinterError,
    PrinterStatus,
    PrinterUnavailable,
    PrintFailed,
)
from drivers.printers.layout import Receipt
from drivers.printers.profile import DEFAULT_OPTIONS, PrinterOptions

STATUS_BUDGET_S = 1.8  # status() promises 2 s
_POLL_S = 0.2
_REQUEST_ID = re.compile(r"request id is (\S+)")
_QUEUE_NAME = re.compile(r"[^\s/#@]+")  # what lpadmin accepts as a printer name


class QueueState(Enum):
    READY = "ready"  # enabled (idle or printing) and accepting jobs
    STOPPED = "stopped"  # disabled: cupsdisable, or the backend stopped it
    REJECTING = "rejecting"  # cupsreject: lp would refuse the job
    UNKNOWN_QUEUE = "unknown queue"
    NO_SCHEDULER = "no scheduler"


@dataclass(frozen=True)
class QueueReport:
    state: QueueState
    detail: str  # the reason CUPS gives, for a staff member's screen


class CupsPrinter(Printer):
    def __init__(
        self,
        queue: str,
        server: str | None = None,
        options: PrinterOptions = DEFAULT_OPTIONS,
        *,
        job_timeout_s: float = 30.0,
    ) -> None:
        self.queue = queue
        self.server = server  # None: the system's default (CUPS_SERVER, client.conf, local)
        self.options = options
        self.job_timeout_s = job_timeout_s

    @property
    def name(self) -> str:
        return f"CUPS queue {self.queue!r}" + (f" on {self.server}" if self.server else "")

    def status(self) -> PrinterStatus:
        try:
            report = self.queue_report(STATUS_BUDGET_S)
        except PrinterUnavailable:
            return PrinterStatus(online=False)  # lpstat missing or hanging
        return PrinterStatus(online=report.state is QueueState.READY)  # paper: CUPS cannot tell

    def print(self, receipt: Receipt) -> None:
        from drivers.printers.escpos_encoder import encode  # escpos is slow to import

        data = encode(receipt, *self.options.for_encoder())
        deadline = time.monotonic() + self.job_timeout_s
        report = self.queue_report(STATUS_BUDGET_S)
        if report.state is not QueueState.READY:
            raise PrinterUnavailable(f"{self.name}: {report.detail}")
        command = ["lp", *self._server_args(), "-d", self.queue, "-o", "raw"]
        submitted = self._run([*command, "-t", receipt.reference], data, deadline)
        if submitted.returncode != 0:
            raise PrinterUnavailable(f"{self.name} refused the job: {_last_line(submitted)}")
        found = _REQUEST_ID.search(submitted.stdout.decode("utf-8", "replace"))
        if found is None:
            raise PrintFailed(f"{self.name}: lp gave no job id: {_last_line(submitted)}")
        self._wait_until_printed(found.group(1), deadline)

    def queue_report(self, timeout_s: float) -> QueueReport:
        """What ``lpstat`` says about the scheduler and the queue (English, whatever the
        locale)."""
        queue = self.queue
        args = ["lpstat", *self._server_args(), "-r", "-p", queue, "-a", queue]
        answer = self._run(args, None, time.monotonic() + timeout_s)
        out = (answer.stdout + answer.stderr).decode("utf-8", "replace")
        if "scheduler is not running" in out.lower():
            where = self.server or "this machine"
            return QueueReport(QueueState.NO_SCHEDULER, f"no CUPS scheduler answers on {where}")
        if "Invalid destination" in out or f"printer {queue} " not in out:
            return QueueReport(
                QueueState.UNKNOWN_QUEUE,
                f"CUPS has no queue named {queue!r} (lpstat -p lists them)",
            )
        reason = _reason_lines(out)
        if f"printer {queue} disabled" in out:
            return QueueReport(QueueState.STOPPED, f"the printer is stopped: {reason or '-'}")
        if f"{queue} not accepting" in out:
            return QueueReport(QueueState.REJECTING, f"the queue rejects jobs: {reason or '-'}")
        return QueueReport(QueueState.READY, "ready")

    def _wait_until_printed(self, job_id: str, deadline: float) -> None:
        """Wait until CUPS has handed the job to the printer; cancel it if it cannot be."""
        listing = ["lpstat", *self._server_args(), "-o", self.queue]
        unconfirmed = ""  # why the last listing could not be trusted, if it could not
        while True:
            try:
                pending = self._run(listing, None, time.monotonic() + STATUS_BUDGET_S)
                # A failed lpstat (scheduler gone between lp and lpstat, a refused request)
                # lists nothing: that is no proof the job has left the queue.
                unconfirmed = "" if pending.returncode == 0 else _last_line(pending)
                if (
                    not unconfirmed
                    and job_id not in pending.stdout.decode("utf-8", "replace").split()
                ):
                    return
                report = self.queue_report(STATUS_BUDGET_S)
            except PrinterUnavailable as error:  # the job is in; only its fate is unknown
                report = QueueReport(QueueState.NO_SCHEDULER, str(error))
            if report.state is not QueueState.READY:
                self._cancel(job_id)
                raise PrintFailed(f"{self.name}: job {job_id} cancelled: {report.detail}")
            if time.monotonic() >= deadline:
                self._cancel(job_id)
                if unconfirmed:
                    raise PrintFailed(
                        f"{self.name}: job {job_id} could not be confirmed printed in time "
                        f"(lpstat: {unconfirmed}); cancelled"
                    )
                raise PrintFailed(f"{self.name}: job {job_id} not printed in time; cancelled")
            time.sleep(_POLL_S)

    def _cancel(self, job_id: str) -> None:
        # Best effort: the caller reports the failure either way.
        with contextlib.suppress(PrinterUnavailable):
            self._run(["cancel", *self._server_args(), job_id], None, time.monotonic() + 5)

    def _server_args(self) -> list[str]:
        return ["-h", self.server] if self.server else []

    def _run(
        self, args: list[str], data: bytes | None, deadline: float
    ) -> subprocess.CompletedProcess[bytes]:
        # LC_ALL=C: the states are read from lpstat's English wording.
        env = {**os.environ, "LC_ALL": "C"}
        try:
            return subprocess.run(
                args,
                input=data,
                capture_output=True,
                timeout=max(deadline - time.monotonic(), 0.1),
                env=env,
                check=False,
            )
        except FileNotFoundError:
            raise PrinterUnavailable(
                f"{self.name}: '{args[0]}' is not installed (Debian package cups-client)"
            ) from None
        except subprocess.TimeoutExpired:
            if args[0] == "lp":
                raise PrintFailed(f"{self.name}: lp did not finish in time") from None
            raise PrinterUnavailable(f"{self.name}: {args[0]} did not answer in time") from None


def _last_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = (result.stderr or result.stdout).decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else f"exit status {result.returncode}"


def _reason_lines(out: str) -> str:
    """lpstat prints a stopped printer's reason on tab-indented lines below its state."""
    return "; ".join(line.strip() for line in out.splitlines() if line.startswith("\t"))


def cups_printer_from_uri(uri: str, parts: SplitResult, options: PrinterOptions) -> CupsPrinter:
    """``cups://QUEUE`` or ``cups://QUEUE?server=HOST:PORT``; the caller parsed the options."""
    queue = unquote(parts.netloc)
    if not _QUEUE_NAME.fullmatch(queue) or parts.path not in ("", "/"):
        raise PrinterError(f"printer URI {uri!r}: write it as cups://QUEUE[?server=HOST:PORT]")
    server = parse_qs(parts.query).get("server", [""])[-1].strip() or None
    return CupsPrinter(queue, server, options)
