"""UsbPrinter with the pyusb device replaced by a fake.

Every test here is a mock because no USB device can exist in this sandbox: only the object
``usb.core.find`` returns is replaced; the driver's own pyusb calls (``usb.util`` claiming and
releasing, error types) are the real ones.
"""

from __future__ import annotations

import errno
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import usb.core  # type: ignore[import-untyped]  # pyusb ships no type hints

from drivers.printers import PrinterError, PrinterUnavailable, PrintFailed, open_printer
from drivers.printers.base import PaperState, PrinterStatus
from drivers.printers.escpos_encoder import encode
from drivers.printers.layout import Cut, KeyValue, Receipt, Title
from drivers.printers.profile import PAPER_80MM, CjkEncoding
from drivers.printers.usb import UsbPrinter

RECEIPT = Receipt(
    "2024-0001-ABC", (Title("受理回执"), KeyValue("申请编号", "2024-0001-ABC"), Cut())
)
EXPECTED = encode(RECEIPT, PAPER_80MM, CjkEncoding.GB18030)
READY = {1: 0x12, 2: 0x12, 4: 0x12}
OUT_EP, IN_EP = 0x03, 0x81


@dataclass
class FakeEndpoint:
    # pyusb's descriptor field names
    bEndpointAddress: int
    bmAttributes: int = 0x02


@dataclass
class FakeInterface:
    bInterfaceNumber: int
    bInterfaceClass: int
    endpoints: list[FakeEndpoint]

    def __iter__(self) -> Iterator[FakeEndpoint]:
        return iter(self.endpoints)


class FakeContext:
    """What ``usb.util.claim_interface`` and ``dispose_resources`` call on a device."""

    def __init__(self) -> None:
        self.claimed: list[int] = []
        self.disposed = 0

    def managed_claim_interface(self, _device: object, interface: int) -> None:
        self.claimed.append(interface)

    def dispose(self, _device: object) -> None:
        self.disposed += 1


@dataclass
class FakePrinterDevice:
    """A printer-class device: bulk OUT 0x03, bulk IN 0x81 (dropped with ``has_in=False``)."""

    replies: dict[int, int] = field(default_factory=lambda: dict(READY))
    has_in: bool = True
    open_error: int | None = None  # errno raised when the device is first opened
    fail_write_after: int | None = None  # bytes of job accepted before the cable is pulled
    written: bytearray = field(default_factory=bytearray)
    queries: list[int] = field(default_factory=list)
    detached: list[int] = field(default_factory=list)
    _pending: list[int] = field(default_factory=list)
    _ctx: FakeContext = field(default_factory=FakeContext)

    def get_active_configuration(self) -> list[FakeInterface]:
        if self.open_error is not None:
            raise usb.core.USBError("libusb error", errno=self.open_error)
        endpoints = [FakeEndpoint(OUT_EP), FakeEndpoint(0x82, bmAttributes=0x03)]  # + interrupt
        if self.has_in:
            endpoints.append(FakeEndpoint(IN_EP))
        return [FakeInterface(0, 7, endpoints)]

    def set_configuration(self) -> None:
        if self.open_error is not None:
            raise usb.core.USBError("libusb error", errno=self.open_error)

    def is_kernel_driver_active(self, interface: int) -> bool:
        return interface not in self.detached

    def detach_kernel_driver(self, interface: int) -> None:
        self.detached.append(interface)

    def write(self, endpoint: int, data: bytes, timeout: int) -> int:
        assert endpoint == OUT_EP and timeout > 0
        if len(data) == 3 and data[:2] == b"\x10\x04":
            self.queries.append(data[2])
            if data[2] in self.replies:
                self._pending.append(self.replies[data[2]])
            return 3
        if self.fail_write_after is not None and len(self.written) >= self.fail_write_after:
            raise usb.core.USBError("No such device", errno=errno.ENODEV)
        self.written += data
        return len(data)

    def read(self, endpoint: int, size: int, timeout: int) -> array[int]:
        assert endpoint == IN_EP and size >= 1 and timeout > 0
        if not self._pending:
            raise usb.core.USBTimeoutError("Operation timed out", errno=errno.ETIMEDOUT)
        return array("B", [self._pending.pop(0)])


@pytest.fixture
def plugged(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Devices ``usb.core.find`` returns, one per call (the last one repeats)."""
    devices: list[Any] = []
    calls: list[tuple[int, int]] = []

    def find(*, idVendor: int, idProduct: int) -> Any:
        calls.append((idVendor, idProduct))
        assert (idVendor, idProduct) == (0x0416, 0x5011)
        return devices[min(len(calls), len(devices)) - 1] if devices else None

    monkeypatch.setattr(usb.core, "find", find)
    return devices


def printer() -> UsbPrinter:
    built = open_printer("usb://0416:5011")
    assert isinstance(built, UsbPrinter)
    return built


def test_job_bytes_reach_the_bulk_out_endpoint(plugged: list[Any]) -> None:
    """Mock: no USB device can exist here."""
    device = FakePrinterDevice()
    plugged.append(device)
    printer().print(RECEIPT)
    assert bytes(device.written) == EXPECTED
    assert device.queries == [1, 2, 4]  # asked before printing
    assert device.detached == [0] and device._ctx.claimed == [0]
    assert device._ctx.disposed == 1  # released after the job


def test_a_replugged_printer_is_found_again(plugged: list[Any]) -> None:
    """Mock: no USB device can exist here. The second job sees a new device object."""
    first, second = FakePrinterDevice(), FakePrinterDevice()
    plugged.extend([first, second])
    usb_printer = printer()
    usb_printer.print(RECEIPT)
    usb_printer.print(RECEIPT)
    assert bytes(first.written) == EXPECTED and bytes(second.written) == EXPECTED


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        (READY, PrinterStatus(online=True, paper=PaperState.OK)),
        ({1: 0x12, 2: 0x12, 4: 0x1E}, PrinterStatus(online=True, paper=PaperState.NEAR_END)),
        ({1: 0x1A, 2: 0x32, 4: 0x72}, PrinterStatus(online=False, paper=PaperState.OUT)),
        (
            {1: 0x1A, 2: 0x16, 4: 0x12},
            PrinterStatus(online=False, paper=PaperState.OK, cover_open=True),
        ),
        ({1: 0xFF, 2: 0x00, 4: 0x41}, PrinterStatus(online=None)),
        ({}, PrinterStatus(online=None)),
    ],
    ids=["ready", "near-end", "paper-out", "cover-open", "invalid-byte", "silent"],
)
def test_status_mapping(
    plugged: list[Any], replies: dict[int, int], expected: PrinterStatus
) -> None:
    """Mock: no USB device can exist here."""
    device = FakePrinterDevice(replies=replies)
    plugged.append(device)
    assert printer().status() == expected
    assert device._ctx.disposed == 1


def test_paper_out_sends_nothing(plugged: list[Any]) -> None:
    """Mock: no USB device can exist here."""
    device = FakePrinterDevice(replies={1: 0x1A, 2: 0x32, 4: 0x72})
    plugged.append(device)
    with pytest.raises(PrinterUnavailable, match="out of paper"):
        printer().print(RECEIPT)
    assert device.written == b""


def test_printer_without_in_endpoint_prints_with_unknown_status(plugged: list[Any]) -> None:
    """Mock: no USB device can exist here."""
    device = FakePrinterDevice(has_in=False)
    plugged.append(device)
    assert printer().status() == PrinterStatus(online=None)
    printer().print(RECEIPT)
    assert bytes(device.written) == EXPECTED


def test_not_found_says_what_to_check(plugged: list[Any]) -> None:
    """Mock: no USB device can exist here (``find`` returns None, as for an unplugged one)."""
    with pytest.raises(PrinterUnavailable, match="0416:5011 not found: check") as raised:
        printer().print(RECEIPT)
    assert "cable" in str(raised.value) and "lsusb" in str(raised.value)
    assert printer().status().online is False


def test_permission_denied_names_the_udev_rule(plugged: list[Any]) -> None:
    """Mock: no USB device can exist here."""
    device = FakePrinterDevice(open_error=errno.EACCES)
    plugged.append(device)
    with pytest.raises(PrinterUnavailable) as raised:
        printer().print(RECEIPT)
    message = str(raised.value)
    assert "no permission" in message and "udev rule" in message
    assert 'ATTRS{idVendor}=="0416", ATTRS{idProduct}=="5011"' in message
    assert device._ctx.disposed == 1


def test_busy_device_names_the_other_holder(plugged: list[Any]) -> None:
    """Mock: no USB device can exist here."""
    plugged.append(FakePrinterDevice(open_error=errno.EBUSY))
    with pytest.raises(PrinterUnavailable, match="held by another program"):
        printer().print(RECEIPT)


def test_cable_pulled_mid_job_is_a_failed_job(
    plugged: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mock: no USB device can exist here."""
    import drivers.printers.escpos_encoder as encoder

    monkeypatch.setattr(encoder, "encode", lambda *_args: b"A" * 20000)
    device = FakePrinterDevice(fail_write_after=8192)
    plugged.append(device)
    with pytest.raises(PrintFailed, match="8192 of 20000 bytes sent"):
        printer().print(RECEIPT)
    assert device._ctx.disposed == 1


def test_uri_options() -> None:
    built = open_printer("usb://04b8:0e28?interface=1&in_ep=0x82&out_ep=0x01&paper=58mm")
    assert isinstance(built, UsbPrinter)
    assert (built.vendor_id, built.product_id) == (0x04B8, 0x0E28)
    assert (built.interface, built.in_endpoint, built.out_endpoint) == (1, 0x82, 0x01)
    assert built.options.paper.name == "58mm"


@pytest.mark.parametrize("uri", ["usb://printer", "usb://0416", "usb://10000:1", "usb://04b8:zz"])
def test_bad_usb_uris(uri: str) -> None:
    with pytest.raises(PrinterError, match="usb://VID:PID"):
        open_printer(uri)


def test_bad_endpoint_option() -> None:
    with pytest.raises(PrinterError, match="out_ep"):
        open_printer("usb://0416:5011?out_ep=three")


def test_building_usb_serial_and_cups_printers_loads_no_driver_library() -> None:
    """Not a mock: builds the three printers in a fresh interpreter and lists what it loaded."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from drivers.printers import open_printer\n"
        "for uri in ('usb://0416:5011', 'serial:///dev/ttyS0', 'cups://kiosk'):\n"
        "    open_printer(uri)\n"
        "roots = ('escpos', 'PIL', 'usb', 'serial')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(roots)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
