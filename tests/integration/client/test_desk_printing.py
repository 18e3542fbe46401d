"""Filing with a real backend and a printer-like TCP peer: printer trouble never loses a job."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.cards.simulated import DEMO_IDENTITY
from drivers.printers import open_printer
from drivers.printers.isolated import IsolatedPrinter
from kiosk.api import BackendClient
from kiosk.desk import ApplicationDesk
from kiosk.forwarder import ClientSender, Forwarder
from kiosk.i18n import Language
from kiosk.outbox import Outbox
from kiosk.printing import ReceiptPrinting
from kiosk.session import PrintOutcome, new_draft
from kiosk.spool import ReprintSpool
from tests.integration.printers.peer import PAPER_NEAR_END, PAPER_OUT, READY, PrinterPeer
from tests.support import RunningBackend


def file_once(backend: RunningBackend, peer: PrinterPeer, spool: ReprintSpool) -> PrintOutcome:
    client = BackendClient(backend.url, token=backend.kiosk_token)
    uri = f"tcp://127.0.0.1:{peer.port}"
    with Outbox.in_directory(spool.directory.parent / "outbox") as outbox:
        desk = ApplicationDesk(
            outbox,
            Forwarder(outbox, ClientSender(client)),
            ReceiptPrinting(IsolatedPrinter(uri, open_printer(uri)), spool),
            kiosk_id="desk-test",
            backend_url=backend.url,
        )
        draft = new_draft(
            "desk-test",
            service_code="HL-002",
            language=Language.ZH_HANT,
            applicant_name=DEMO_IDENTITY.name,
            applicant_id_number=DEMO_IDENTITY.id_number,
            document_kind=DEMO_IDENTITY.kind.value,
            form={"subject": "路燈", "content": "不亮", "contact_phone": "13800138000"},
        )
        return desk.file(draft, client.service("HL-002"), DEMO_IDENTITY).printed


def test_paper_out_keeps_the_receipt_and_a_reprint_delivers_it(
    backend: RunningBackend, peers: list[PrinterPeer], tmp_path: Path
) -> None:
    spool = ReprintSpool(tmp_path)
    empty = PrinterPeer(PAPER_OUT)
    peers.append(empty)
    assert file_once(backend, empty, spool) is PrintOutcome.PRINTER_UNAVAILABLE
    assert all(not job for job in empty.jobs), "nothing was sent to a printer without paper"
    (kept,) = spool.pending()

    refilled = PrinterPeer(READY)
    peers.append(refilled)
    uri = f"tcp://127.0.0.1:{refilled.port}"
    spool.reprint(kept, IsolatedPrinter(uri, open_printer(uri)))
    refilled.wait_for_connection_end()
    assert any(kept.reference.encode() in job for job in refilled.jobs)
    assert spool.pending() == []


def test_paper_near_end_still_prints_and_warns_staff(
    backend: RunningBackend,
    peers: list[PrinterPeer],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    low = PrinterPeer(PAPER_NEAR_END)
    peers.append(low)
    assert file_once(backend, low, ReprintSpool(tmp_path)) is PrintOutcome.PRINTED
    assert "paper near end" in caplog.text


def test_a_full_spool_disk_still_gives_the_citizen_the_number(
    backend: RunningBackend, peers: list[PrinterPeer], tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the spool directory should be")
    empty = PrinterPeer(PAPER_OUT)
    peers.append(empty)
    assert file_once(backend, empty, ReprintSpool(blocked)) is PrintOutcome.PRINTER_UNAVAILABLE
