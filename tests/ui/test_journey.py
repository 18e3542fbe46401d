"""The slice, end to end: real widgets, the real backend over HTTP, the file printer's bytes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import requests
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drivers.cards.idnumbers import gb11643_check_char
from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.catalog import FieldKind, Service
from kiosk.session import State
from tests.support import RunningBackend
from tests.ui.conftest import MakeShell, click_in_view, type_into

HOSTILE_TEXT = "<b>王</b>'); DROP TABLE applications;--"
ANSWERS = {
    FieldKind.TEXT: HOSTILE_TEXT,
    FieldKind.DATE: "2026-12-24",
    FieldKind.PHONE: "13912345678",
    FieldKind.ID_NUMBER: "44010619900101123" + gb11643_check_char("44010619900101123"),
    FieldKind.NUMBER: "3",
}
LEFT = Qt.MouseButton.LeftButton


def broadest_form(services: tuple[Service, ...]) -> Service:
    return max(services, key=lambda s: (len({f.kind for f in s.fields}), -len(s.fields)))


def test_citizen_files_an_application_and_leaves_with_a_receipt(
    qtbot: QtBot, make_shell: MakeShell, backend: RunningBackend, receipts_dir: Path
) -> None:
    shell, kiosk = make_shell(receipt_timeout_s=3)
    window, session = shell.window, kiosk.session

    qtbot.mouseClick(window.attract.start, LEFT)
    assert session.state is State.IDENTIFY
    qtbot.mouseClick(window.identify.demo_card, LEFT)
    assert session.state is State.MENU
    assert "陳**" in window.menu.greeting.text()
    assert DEMO_IDENTITY.name not in window.menu.greeting.text()

    qtbot.mouseClick(window.menu.apply, LEFT)
    qtbot.waitUntil(lambda: bool(window.catalog.service_buttons), timeout=10000)
    service = broadest_form(kiosk.catalog.services())
    click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
    assert session.state is State.FORM

    typed: dict[str, str] = {}
    for field in service.fields:
        editor = window.form.editors[field.name]
        if field.kind is FieldKind.CHOICE:
            typed[field.name] = field.choices[-1].value
            click_in_view(qtbot, window.form.scroll_area, editor.choice_buttons[typed[field.name]])
        else:
            assert editor.line_edit is not None
            value = ANSWERS[field.kind]
            typed[field.name] = value[: field.max_length] if field.max_length else value
            type_into(qtbot, editor.line_edit, typed[field.name])
    qtbot.mouseClick(window.form.next, LEFT)
    assert session.state is State.REVIEW, session.form_problems
    shown = [label.text() for label in window.review.values.values()]
    assert DEMO_IDENTITY.masked_id() in shown and DEMO_IDENTITY.id_number not in shown
    if FieldKind.TEXT in {f.kind for f in service.fields}:
        assert any(text.startswith("<b>王</b>") for text in shown), "hostile text shown verbatim"

    qtbot.mouseClick(window.review.submit, LEFT)
    qtbot.waitUntil(lambda: session.state is State.RECEIPT, timeout=20000)
    number = window.receipt.number.text()
    assert number

    # What the server stored, read from its own database file.
    with sqlite3.connect(backend.database) as db:
        row = db.execute(
            "SELECT service_code, form, applicant_id_number, kiosk_id, access_code"
            " FROM applications WHERE number = ?",
            (number,),
        ).fetchone()
    assert row is not None
    assert row[0] == service.code
    assert json.loads(row[1]) == typed
    assert row[2] == DEMO_IDENTITY.id_number
    assert row[3] == backend.kiosk_id

    # What the printer was sent: the number, and a native QR code carrying the status URL.
    status_url = requests.get(
        f"{backend.url}/v1/applications/{number}", params={"code": row[4]}, timeout=5
    ).json()["status_url"]
    (job,) = receipts_dir.glob("*.bin")
    data = job.read_bytes()
    assert number.encode() in data
    assert b"\x1d(k" in data and status_url.encode() in data
    assert DEMO_IDENTITY.id_number.encode() not in data
    (preview,) = receipts_dir.glob("*.png")
    decoded = [code.text for code in zxingcpp.read_barcodes(Image.open(preview))]
    assert status_url in decoded

    # The citizen walks away: the receipt screen times out and everything personal is gone.
    qtbot.waitUntil(lambda: session.state is State.ATTRACT, timeout=8000)
    assert session.identity is None and session.record is None and session.form_values == {}
    assert window.receipt.number.text() == ""
    assert window.form.editors == {} and window.review.values == {}
    assert "陳" not in window.menu.greeting.text()
