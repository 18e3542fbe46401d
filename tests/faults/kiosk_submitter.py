"""A kiosk process for the kill harness: files applications one after another, no display.

    python -m tests.faults.kiosk_submitter --config kiosk.toml [--count N] [--drain]

The real core, built by ``kiosk.app.build_kiosk`` from the configuration (outbox, forwarder,
desk, printer), does what the review screen's "Submit" button sets off: ``desk.file`` on a
worker thread. It prints ``ATTEMPT <ref>`` before each filing and ``SHOWN <ref>`` once the
desk returns, which is the moment the kiosk shows the citizen the "submitted" screen; each
line is flushed, so a line written survives the process being killed right after it. The
first line is ``READY``: the core is built, the forwarder is already sending what an
earlier, killed life left in the outbox, and filing starts.
``--drain`` files nothing and waits until the outbox is empty (the harness's last run).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.app import build_kiosk
from kiosk.config import load_config
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.session import new_draft

SERVICE_CODE = "HL-002"
FORM = {"subject": "路燈不亮", "content": "中山路 3 號前", "contact_phone": "13800138000"}
DRAIN_TIMEOUT_S = 60.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--drain", action="store_true")
    args = parser.parse_args(argv)
    kiosk = build_kiosk(load_config(args.config), PersonalDataRedactor())
    kiosk.start_background_work()
    try:
        if args.drain:
            report = kiosk.forwarder.flush(DRAIN_TIMEOUT_S)
            print(f"DRAINED pending={report.pending}", flush=True)
            return 0 if report.pending == 0 else 1
        service = kiosk.client.service(SERVICE_CODE)
        # The core is up, the forwarder is sending what an earlier life left behind, and the
        # service's form is at hand: filing starts now.
        print("READY", flush=True)
        for _ in range(args.count):
            draft = new_draft(
                kiosk.config.kiosk.id,
                service_code=SERVICE_CODE,
                language=Language.ZH_HANT,
                applicant_name=DEMO_IDENTITY.name,
                applicant_id_number=DEMO_IDENTITY.id_number,
                document_kind=DEMO_IDENTITY.kind.value,
                form=FORM,
            )
            print(f"ATTEMPT {draft.provisional_ref}", flush=True)
            started = time.monotonic()
            filed = kiosk.desk.file(draft, service, DEMO_IDENTITY)
            shown_after_ms = (time.monotonic() - started) * 1000
            print(
                f"SHOWN {draft.provisional_ref} {filed.record.number} {shown_after_ms:.1f}",
                flush=True,
            )
        return 0
    finally:
        kiosk.close()


if __name__ == "__main__":
    sys.exit(main())
