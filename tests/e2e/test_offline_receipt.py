"""The end-to-end offline story: the server stops, a citizen files anyway and leaves with a
provisional receipt; the server comes back, the kiosk delivers, and the receipt's link
(printed before the server ever saw the application) shows it under its official number."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.app import build_kiosk
from kiosk.config import load_config
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.outbox import OutboxState
from kiosk.session import new_draft
from tests.support import start_backend

KIOSK_ID = "village-demo-01"
FORM = {"subject": "路燈不亮", "content": "中山路 3 號前", "contact_phone": "13800138000"}


def write_config(directory: Path, url: str, token: str) -> Path:
    path = directory / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "{KIOSK_ID}"\ndata_dir = "{directory / "data"}"\n'
        f'[backend]\nurl = "{url}"\ntoken = "{token}"\nconnect_timeout_s = 1\n'
        f'[devices]\nprinter = "{(directory / "receipts").as_uri()}/"\n'
    )
    return path


def test_a_provisional_receipt_resolves_to_the_official_number_after_a_restart(
    tmp_path: Path,
) -> None:
    database_url = f"sqlite:///{tmp_path / 'backend.sqlite3'}"
    process, backend = start_backend(database_url)
    # Its own kiosk: the token lives in the database, so it survives the server's restart.
    token = backend.add_kiosk(KIOSK_ID)
    port = str(urlsplit(backend.url).port)
    kiosk = build_kiosk(
        load_config(write_config(tmp_path, backend.url, token)), PersonalDataRedactor()
    )
    try:
        service = kiosk.client.service("HL-002")
        process.stop()  # the village's server room loses power

        draft = new_draft(
            KIOSK_ID,
            service_code=service.code,
            language=Language.ZH_HANT,
            applicant_name=DEMO_IDENTITY.name,
            applicant_id_number=DEMO_IDENTITY.id_number,
            document_kind=DEMO_IDENTITY.kind.value,
            form=FORM,
        )
        filed = kiosk.desk.file(draft, service, DEMO_IDENTITY)
        receipt = filed.record
        assert receipt.provisional and receipt.number == draft.provisional_ref
        with pytest.raises(requests.ConnectionError):
            requests.get(receipt.status_url, timeout=5)

        process, backend = start_backend(database_url, "--port", port)
        report = kiosk.forwarder.flush(timeout_s=30)

        assert (report.sent, report.pending) == (1, 0)
        status = requests.get(receipt.status_url, timeout=5)
        assert status.status_code == 200, status.text
        official = status.json()["number"]
        assert status.json()["provisional_ref"] == receipt.number and official != receipt.number
        delivered = kiosk.outbox.find(receipt.number)
        assert delivered is not None and delivered.state is OutboxState.SENT
        assert delivered.official_number == official
        assert backend.rows(
            "SELECT count(*) FROM applications WHERE provisional_ref = ?", receipt.number
        ) == [(1,)]
    finally:
        kiosk.close()
        process.stop()
