"""A receipt printer on a serial line (RS-232 or a USB-serial adapter): ``serial:///dev/ttyS0``.

pyserial, opened afresh for every job and every status query, so a printer that was
power-cycled (or an adapter that was re-plugged under the same name) is simply used again.
``escpos.printer.Serial`` is not used: it keeps the port open from construction, reads
status with the port's single timeout and, like the network class, takes an empty paper reply
for "ok".

A printer that holds the line (hardware flow control, buffer full, paper out mid-job) would
block a plain write forever; every write here has a deadline for the whole job, and bytes still
queued when the port is closed (a job past its deadline, even a status query on a line held
by flow control) are thrown away first so closing the port does not wait for them either.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING
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
from drivers.printers.status_bytes import ask_in_turn, describe_problem
from drivers.serial_line import PORT_ERRORS

if TYPE_CHECKING:
    from serial import Serial


DEFAULT_BAUDRATE = 9600
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
FLOW_CONTROLS = ("none", "rtscts", "dsrdtr")  # XON/XOFF would eat 0x11/0x13 in raster data
STATUS_BUDGET_S = 1.8  # status() promises 2 s; keep a margin for opening and closing
_REPLY_TIMEOUT_S = 0.3  # a printer answers within a few character times even at 1200 baud
_BUSY_RETRY_S = 0.05
_JOB_MINIMUM_S = 5.0
_DRAIN_POLL_S = 0.02


class SerialPrinter(Printer):
    def __init__(
        self,
        device: str,
        baudrate: int = DEFAULT_BAUDRATE,
        options: PrinterOptions = DEFAULT_OPTIONS,
        *,
        flow_control: str = "none",
        job_timeout_s: float | None = None,
    ) -> None:
        self.device = device
        self.baudrate = baudrate
        self.options = options
        self.flow_control = flow_control
        self.job_timeout_s = job_timeout_s

    def status(self) -> PrinterStatus:
        deadline = time.monotonic() + STATUS_BUDGET_S
        try:
            port = self._open(deadline)
        except PrinterUnavailable:
            return PrinterStatus(online=False)  # no such port, or not ours to open
        except _PortBusy:
            return PrinterStatus(online=None)  # a job holds the line: it is there, but busy
        with _closing(port):
            return _query_status(port, deadline)

    def print(self, receipt: Receipt) -> None:
        from drivers.printers.escpos_encoder import encode  # escpos is slow to import

        data = encode(receipt, *self.options.for_encoder())
        deadline = time.monotonic() + self._job_timeout(len(data))
        try:
            # A status query from the kiosk process may hold the port for up to 2 s.
            port = self._open(time.monotonic() + STATUS_BUDGET_S + 0.5)
        except _PortBusy:
            raise PrinterUnavailable(f"serial printer {self.device} is busy") from None
        with _closing(port):
            # Ask first: a printer without paper would otherwise swallow the job silently.
            status = _query_status(port, time.monotonic() + STATUS_BUDGET_S)
            if not status.can_print:
                raise PrinterUnavailable(
                    f"serial printer {self.device} is {describe_problem(status)}"
                )
            _send(port, data, deadline, self.device)

    def _job_timeout(self, size: int) -> float:
        """Twice the time the bytes take on the wire (10 bits a byte), and at least 5 s."""
        if self.job_timeout_s is not None:
            return self.job_timeout_s
        return max(_JOB_MINIMUM_S, 2 * size * 10 / self.baudrate)

    def _open(self, deadline: float) -> Serial:
        """Open the port for this job; retry while another process (a status query) holds it."""
        try:
            import serial
        except ImportError:
            raise PrinterUnavailable("serial printers need pyserial: install it") from None

        while True:
            try:
                return serial.Serial(
                    self.device,
                    self.baudrate,
                    timeout=_REPLY_TIMEOUT_S,
                    write_timeout=_REPLY_TIMEOUT_S,
                    rtscts=self.flow_control == "rtscts",
                    dsrdtr=self.flow_control == "dsrdtr",
                    # flock: a status query from the kiosk and a job from its child process
                    # must not interleave their bytes and replies on one line.
                    exclusive=True,
                )
            except serial.SerialException as error:
                if "exclusively lock" not in str(error):
                    raise PrinterUnavailable(_open_failure(self.device, error)) from error
                if time.monotonic() >= deadline:
                    raise _PortBusy from error
                time.sleep(_BUSY_RETRY_S)


class _PortBusy(Exception):
    """Another process holds the port's lock."""


def _open_failure(device: str, error: Exception) -> str:
    text = str(error)
    if "No such file" in text:
        return (
            f"serial printer {device} not found: check the cable or USB-serial adapter and the "
            f"device name (ls /dev/ttyS* /dev/ttyUSB*)"
        )
    if "Permission denied" in text:
        return (
            f"no permission to open {device}: add the kiosk's user to the 'dialout' group "
            f"(usermod -aG dialout USER) and log in again"
        )
    return f"cannot open serial printer {device}: {text}"


def _query_status(port: Serial, deadline: float) -> PrinterStatus:
    return ask_in_turn(lambda query: _ask(port, query, deadline))


def _ask(port: Serial, query: bytes, deadline: float) -> int | None:
    """Send one ``DLE EOT n`` and return the reply byte, or None if none came in time."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return None
    try:
        # Late answers to an earlier query that timed out would pair with the wrong question.
        port.reset_input_buffer()
        port.timeout = min(remaining, _REPLY_TIMEOUT_S)
        port.write(query)
        reply = port.read(1)
    except PORT_ERRORS:  # includes SerialTimeoutException
        return None
    return reply[0] if reply else None


def _send(port: Serial, data: bytes, deadline: float, device: str) -> None:
    """Write the whole job and wait until it left the port, all before ``deadline``."""
    import serial

    try:
        port.write_timeout = max(deadline - time.monotonic(), 0.01)
        port.write(data)
        while port.out_waiting:
            if time.monotonic() >= deadline:
                raise serial.SerialTimeoutException("the line stayed blocked")
            time.sleep(_DRAIN_POLL_S)
    except PORT_ERRORS as error:  # the bytes left behind are dropped by _closing
        raise PrintFailed(f"serial printer {device} did not take the whole job: {error}") from None


@contextlib.contextmanager
def _closing(port: Serial) -> Iterator[Serial]:
    """Use ``port``, then close it without waiting on a blocked line, however the use ended.

    Closing a tty waits (up to its closing_wait, 30 s by default) until queued output has left;
    with flow=rtscts and CTS low nothing leaves, and even a status query's three bytes can be
    stuck. So what is still queued is thrown away before every close, not only after a failed
    job.
    """
    try:
        yield port
    finally:
        _discard_unsent(port)
        with contextlib.suppress(*PORT_ERRORS):  # a vanished device has nothing to release
            port.close()


def _discard_unsent(port: Serial) -> None:
    """Drop queued output so that closing the port does not wait for a blocked line."""
    try:
        # Only when bytes are queued: close has nothing to wait for otherwise, and a job that
        # drained completely is then sure to lose nothing to the flush.
        if not port.out_waiting:
            return
    except PORT_ERRORS:
        pass  # cannot tell: flush anyway; a port failing this has failed its job already
    with contextlib.suppress(*PORT_ERRORS):  # the port is already gone: nothing to wait for
        port.reset_output_buffer()


def serial_printer_from_uri(uri: str, parts: SplitResult, options: PrinterOptions) -> SerialPrinter:
    """``serial:///dev/ttyS0?baudrate=19200&flow=rtscts`` (``paper``/``encoding``/``codes`` parsed
    by the caller)."""
    path = unquote(parts.path)
    if parts.netloc not in ("", "localhost") or not path.startswith("/dev/"):
        raise PrinterError(f"printer URI {uri!r}: write it as serial:///dev/ttyS0?baudrate=9600")
    params = parse_qs(parts.query)
    baudrate = DEFAULT_BAUDRATE
    if "baudrate" in params:
        value = params["baudrate"][-1].strip()
        if not value.isdigit() or int(value) not in BAUDRATES:
            allowed = ", ".join(map(str, BAUDRATES))
            raise PrinterError(f"printer URI: baudrate={value!r} is not supported; use {allowed}")
        baudrate = int(value)
    flow = params.get("flow", ["none"])[-1].strip().lower()
    if flow not in FLOW_CONTROLS:
        allowed = ", ".join(FLOW_CONTROLS)
        raise PrinterError(f"printer URI: flow={flow!r} is not supported; use one of {allowed}")
    return SerialPrinter(path, baudrate, options, flow_control=flow)
