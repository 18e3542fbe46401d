"""A receipt printer on USB, driven through pyusb: ``usb://0416:5011``.

pyusb directly rather than ``escpos.printer.Usb``: that class resets the device on every open,
turns every USB error into one "not found" exception (so "permission denied" and "unplugged"
look alike), assumes endpoints 0x82/0x01 (wrong for many clones), reads status without a
timeout, and would load escpos into the kiosk process for a status query. Here the endpoints
come from the device's own descriptors (the printer-class interface), every transfer has a
timeout, and the device is found, claimed and released for each job and query, so a printer
that was re-plugged or power-cycled is picked up again.

Needs libusb-1.0 (Debian: ``libusb-1.0-0``) and read/write access to the device node, which
the ``lp`` kernel driver's udev rules do not grant: see ``_PERMISSION_FIX``.
"""

from __future__ import annotations

import contextlib
import errno
import time
from typing import Any
from urllib.parse import SplitResult, parse_qs

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

STATUS_BUDGET_S = 1.8  # status() promises 2 s
_REPLY_TIMEOUT_MS = 300
_DRAIN_TIMEOUT_MS = 10
_PRINTER_CLASS = 7  # USB interface class "Printer"
_BULK = 0x02  # bmAttributes transfer type
_DIRECTION_IN = 0x80
_CHUNK = 4096  # small enough that a stalled printer is noticed before the job deadline
_PERMISSION_FIX = (
    'add a udev rule, e.g. /etc/udev/rules.d/60-onestop-printer.rules: SUBSYSTEM=="usb", '
    'ATTRS{{idVendor}}=="{vid:04x}", ATTRS{{idProduct}}=="{pid:04x}", MODE="0660", GROUP="lp" '
    "then run 'udevadm control --reload && udevadm trigger', add the kiosk's user to group "
    "'lp' and re-plug the printer"
)

# A pyusb ``usb.core.Device``; typed loosely because pyusb ships no type hints.
UsbDevice = Any


class UsbPrinter(Printer):
    def __init__(
        self,
        vendor_id: int,
        product_id: int,
        options: PrinterOptions = DEFAULT_OPTIONS,
        *,
        interface: int | None = None,
        in_endpoint: int | None = None,
        out_endpoint: int | None = None,
        job_timeout_s: float = 30.0,
    ) -> None:
        self.vendor_id = vendor_id
        self.product_id = product_id
        self.options = options
        self.interface = interface
        self.in_endpoint = in_endpoint
        self.out_endpoint = out_endpoint
        self.job_timeout_s = job_timeout_s

    @property
    def name(self) -> str:
        return f"USB printer {self.vendor_id:04x}:{self.product_id:04x}"

    def status(self) -> PrinterStatus:
        deadline = time.monotonic() + STATUS_BUDGET_S
        try:
            link = self._open()
        except PrinterUnavailable:
            return PrinterStatus(online=False)
        try:
            return link.query_status(deadline)
        finally:
            link.close()

    def print(self, receipt: Receipt) -> None:
        from drivers.printers.escpos_encoder import encode  # escpos is slow to import

        data = encode(receipt, *self.options.for_encoder())
        link = self._open()
        try:
            # Ask first: a printer without paper would otherwise swallow the job silently.
            status = link.query_status(time.monotonic() + STATUS_BUDGET_S)
            if not status.can_print:
                raise PrinterUnavailable(f"{self.name} is {describe_problem(status)}")
            link.send(data, time.monotonic() + self.job_timeout_s)
        finally:
            link.close()

    def _open(self) -> _UsbLink:
        core, _ = _pyusb()

        try:
            device = core.find(idVendor=self.vendor_id, idProduct=self.product_id)
        except core.NoBackendError:
            raise PrinterUnavailable(
                f"{self.name}: libusb-1.0 is not installed (Debian package libusb-1.0-0)"
            ) from None
        if device is None:
            raise PrinterUnavailable(
                f"{self.name} not found: check that it is switched on and its USB cable is "
                f"plugged in, and that the URI's VID:PID matches 'lsusb'"
            )
        try:
            return _UsbLink.claim(device, self)
        except core.USBError as error:
            _release(device)
            raise PrinterUnavailable(self._explain(error)) from None
        except PrinterUnavailable:
            _release(device)
            raise

    def _explain(self, error: Exception) -> str:
        code = getattr(error, "errno", None)
        if code in (errno.EACCES, errno.EPERM):
            fix = _PERMISSION_FIX.format(vid=self.vendor_id, pid=self.product_id)
            return f"no permission to use {self.name}: {fix}"
        if code == errno.EBUSY:
            return (
                f"{self.name} is held by another program (a CUPS queue, or another kiosk "
                f"process): stop it or print through that queue with cups://QUEUE"
            )
        if code in (errno.ENODEV, errno.ENOENT):
            return f"{self.name} was unplugged: check its USB cable"
        return f"cannot use {self.name}: {error}"


class _UsbLink:
    """One claimed printer interface with its bulk endpoints, for one job or query."""

    def __init__(self, device: UsbDevice, printer: UsbPrinter, out_ep: int, in_ep: int | None):
        self.device = device
        self.printer = printer
        self.out_ep = out_ep
        self.in_ep = in_ep

    @classmethod
    def claim(cls, device: UsbDevice, printer: UsbPrinter) -> _UsbLink:
        core, util = _pyusb()

        try:
            configuration = device.get_active_configuration()
        except core.USBError:  # not configured yet (pyusb raises rather than return None)
            device.set_configuration()
            configuration = device.get_active_configuration()
        interface = _pick_interface(configuration, printer.interface)
        number = interface.bInterfaceNumber
        # usblp (the kernel's /dev/usb/lp driver) owns the interface after plugging in.
        if device.is_kernel_driver_active(number):
            device.detach_kernel_driver(number)
        # Claimed here, not implicitly by the first write: "busy" must surface before any
        # byte is sent, as PrinterUnavailable rather than a half-sent job.
        util.claim_interface(device, number)
        out_ep, in_ep = printer.out_endpoint, printer.in_endpoint
        for endpoint in interface:
            if endpoint.bmAttributes & 0x03 != _BULK:
                continue
            if endpoint.bEndpointAddress & _DIRECTION_IN:
                in_ep = endpoint.bEndpointAddress if in_ep is None else in_ep
            else:
                out_ep = endpoint.bEndpointAddress if out_ep is None else out_ep
        if out_ep is None:
            raise PrinterUnavailable(f"{printer.name}: interface {number} has no bulk OUT endpoint")
        return cls(device, printer, out_ep, in_ep)

    def query_status(self, deadline: float) -> PrinterStatus:
        if self.in_ep is None:
            return PrinterStatus(online=None)  # write-only printers cannot say
        self._drain_stale_replies()
        return ask_in_turn(lambda query: self._ask(query, deadline))

    def _ask(self, query: bytes, deadline: float) -> int | None:
        core, _ = _pyusb()

        remaining_ms = int((deadline - time.monotonic()) * 1000)
        if remaining_ms <= 0 or self.in_ep is None:
            return None
        timeout = min(remaining_ms, _REPLY_TIMEOUT_MS)
        try:
            self.device.write(self.out_ep, query, timeout)
            reply = self.device.read(self.in_ep, 64, timeout)
        except core.USBError:  # includes USBTimeoutError
            return None
        return int(reply[-1]) if len(reply) else None

    def _drain_stale_replies(self) -> None:
        """Late answers to a query that timed out would pair with the wrong question."""
        core, _ = _pyusb()

        for _ in range(8):  # a printer never queues more than a few replies
            try:
                if not len(self.device.read(self.in_ep, 64, _DRAIN_TIMEOUT_MS)):
                    return
            except core.USBError:
                return

    def send(self, data: bytes, deadline: float) -> None:
        core, _ = _pyusb()

        for start in range(0, len(data), _CHUNK):
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            try:
                if remaining_ms <= 0:
                    raise core.USBTimeoutError("job deadline passed", errno.ETIMEDOUT)
                self.device.write(self.out_ep, data[start : start + _CHUNK], remaining_ms)
            except core.USBError as error:
                sent = f"{start} of {len(data)} bytes sent"
                raise PrintFailed(f"{self.printer.name} stopped mid-job, {sent}: {error}") from None

    def close(self) -> None:
        _release(self.device)


def _pyusb() -> tuple[Any, Any]:
    """pyusb's ``usb.core`` and ``usb.util``, imported only once a USB printer is used."""
    try:
        import usb.core  # type: ignore[import-untyped]  # pyusb ships no type hints
        import usb.util  # type: ignore[import-untyped]
    except ImportError:
        raise PrinterUnavailable(
            "USB printers need pyusb: pip install pyusb (and Debian package libusb-1.0-0)"
        ) from None
    return usb.core, usb.util


def _pick_interface(configuration: Any, wanted: int | None) -> Any:
    interfaces = list(configuration)
    for interface in interfaces:
        if wanted is not None and interface.bInterfaceNumber == wanted:
            return interface
        if wanted is None and interface.bInterfaceClass == _PRINTER_CLASS:
            return interface
    if wanted is None and interfaces:
        return interfaces[0]  # vendor-specific class: many clones declare 0xFF
    raise PrinterUnavailable(f"the USB device has no interface {wanted}")


def _release(device: UsbDevice) -> None:
    """Give back the interface and the device handle, so the next job opens it afresh."""
    core, util = _pyusb()

    with contextlib.suppress(core.USBError):  # unplugged meanwhile: nothing to release
        util.dispose_resources(device)


def usb_printer_from_uri(uri: str, parts: SplitResult, options: PrinterOptions) -> UsbPrinter:
    """``usb://0416:5011?interface=0&in_ep=0x81&out_ep=0x03`` (all query keys optional)."""
    vendor, _, product = parts.netloc.partition(":")
    try:
        vendor_id, product_id = int(vendor, 16), int(product, 16)
    except ValueError:
        vendor_id = product_id = -1
    if not (0 <= vendor_id <= 0xFFFF and 0 <= product_id <= 0xFFFF):
        raise PrinterError(f"printer URI {uri!r}: write it as usb://VID:PID in hex, as lsusb shows")
    params = parse_qs(parts.query)
    numbers: dict[str, int | None] = {}
    for key in ("interface", "in_ep", "out_ep"):
        value = params.get(key, [None])[-1]
        try:
            numbers[key] = None if value is None else int(value, 0)
        except ValueError:
            raise PrinterError(f"printer URI: {key}={value!r} is not a number") from None
    return UsbPrinter(
        vendor_id,
        product_id,
        options,
        interface=numbers["interface"],
        in_endpoint=numbers["in_ep"],
        out_endpoint=numbers["out_ep"],
    )
