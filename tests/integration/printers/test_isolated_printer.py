"""Printing through a child process: same bytes, errors mapped, a wedged job killed."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from drivers.printers import PrinterUnavailable, PrintFailed, open_printer
from drivers.printers.escpos_encoder import encode
from drivers.printers.isolated import IsolatedPrinter
from drivers.printers.layout import (
    Align,
    Barcode,
    Cut,
    Feed,
    KeyValue,
    QRCode,
    Receipt,
    Separator,
    Text,
    Title,
    receipt_from_json,
    receipt_to_json,
)
from drivers.printers.profile import PAPER_58MM, PAPER_80MM, CjkEncoding
from tests.integration.printers.conftest import StartPeer
from tests.integration.printers.peer import READY

EVERY_ELEMENT = Receipt(
    "OS20261129000007",
    (
        Title("受理回執"),
        Text("一站式服務", align=Align.CENTER, bold=True),
        Separator("="),
        KeyValue("申請編號", "OS20261129000007"),
        QRCode("http://127.0.0.1:8080/v1/applications/OS20261129000007"),
        Barcode("OS20261129000007"),
        Feed(2),
        Cut(),
    ),
)


def isolated(uri: str, timeout_s: float = 60.0) -> IsolatedPrinter:
    return IsolatedPrinter(uri, open_printer(uri), timeout_s=timeout_s)


def test_json_round_trip_keeps_every_element() -> None:
    assert receipt_from_json(receipt_to_json(EVERY_ELEMENT)) == EVERY_ELEMENT


@pytest.mark.parametrize(
    "data",
    [{}, {"reference": "x", "elements": [{"type": "hologram"}]}, {"elements": "x"}],
)
def test_json_that_is_not_a_receipt_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        receipt_from_json(data)


def test_child_writes_the_same_bytes_as_the_encoder(tmp_path: Path) -> None:
    isolated(tmp_path.as_uri() + "/?paper=58mm&encoding=big5").print(EVERY_ELEMENT)
    (job,) = tmp_path.glob("*.bin")
    assert job.read_bytes() == encode(EVERY_ELEMENT, PAPER_58MM, CjkEncoding.BIG5)
    assert len(list(tmp_path.glob("*.png"))) == 1


def test_child_reports_an_unreachable_printer_as_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PrinterUnavailable):
        isolated(f"tcp://127.0.0.1:{port}").print(EVERY_ELEMENT)


def test_a_job_that_outlives_its_timeout_is_killed(peer_factory: StartPeer) -> None:
    silent = peer_factory({})  # answers no status query: the job waits for its budget
    with pytest.raises(PrintFailed, match="did not finish"):
        isolated(f"tcp://127.0.0.1:{silent.port}", timeout_s=0.3).print(EVERY_ELEMENT)


def test_a_ready_printer_receives_the_job(peer_factory: StartPeer) -> None:
    ready = peer_factory(READY)
    isolated(f"tcp://127.0.0.1:{ready.port}").print(EVERY_ELEMENT)
    ready.wait_for_connection_end()
    assert ready.jobs == [encode(EVERY_ELEMENT, PAPER_80MM, CjkEncoding.GB18030)]


def test_the_kiosk_process_never_loads_escpos_or_pillow(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from drivers.printers import open_printer\n"
        "from drivers.printers.isolated import IsolatedPrinter\n"
        "from drivers.printers.layout import Cut, Receipt, Title\n"
        f"uri = {tmp_path.as_uri() + '/'!r}\n"
        "IsolatedPrinter(uri, open_printer(uri)).print(Receipt('r1', (Title('x'), Cut())))\n"
        "print(sorted(m for m in ('escpos', 'PIL') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(list(tmp_path.glob("*.bin"))) == 1
