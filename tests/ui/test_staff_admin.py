"""Each staff action on the admin screens, on real widgets, the real backend and the file
printer: health, test page, reprint, preview, card test, reset, default language, log, leave to
maintenance. And the audit: every action in it, no citizen data."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from drivers.cards.simulated import DEMO_IDENTITY
from drivers.printers.layout import Cut, KeyValue, Receipt, Title
from kiosk import __version__
from kiosk.app import MAINTENANCE_FILE
from kiosk.i18n import Language
from kiosk.session import PrintOutcome, State
from kiosk.spool import ReprintSpool
from tests.ui.conftest import MakeShell
from tests.ui.staff_helpers import LEFT, STAFF, sign_in
from ui.main_window import MainWindow
from ui.screens.admin import AdminPage
from ui.screens.admin_health import Part
from ui.screens.admin_printer import PreviewKind

LANGUAGES = list(Language)
# What must never reach the audit, in clear or masked: the audit is about staff, not citizens.
CITIZEN_STRINGS = (
    DEMO_IDENTITY.name,
    DEMO_IDENTITY.id_number,
    DEMO_IDENTITY.masked_name(),
    DEMO_IDENTITY.masked_id(),
    DEMO_IDENTITY.id_number[-4:],
)


@pytest.fixture(autouse=True)
def _audit(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)


def audit_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kiosk.audit"]


def open_page(qtbot: QtBot, window: MainWindow, page: AdminPage) -> None:
    qtbot.mouseClick(window.admin.nav_buttons[page], LEFT)
    assert window.admin.stack.currentWidget() is window.admin.pages[page]


def kept(receipts_dir: Path, reference: str, *, age_s: float) -> None:
    """A receipt that failed to print ``age_s`` ago, in the spool the desk uses."""
    receipt = Receipt(reference, (Title("RECEIPT"), KeyValue("No.", reference), Cut()))
    ReprintSpool(receipts_dir.parent / "reprint").keep(
        receipt, "printer unavailable", now=time.time() - age_s
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_health_and_a_test_page(
    qtbot: QtBot,
    make_shell: MakeShell,
    receipts_dir: Path,
    caplog: pytest.LogCaptureFixture,
    language: Language,
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window = shell.window
    sign_in(qtbot, window, kiosk.session, language)

    health = window.admin.health
    qtbot.waitUntil(health.refresh.isEnabled, timeout=15000)
    assert health.values[Part.VERSION].text() == __version__
    assert health.values[Part.BACKEND].property("role") == "value", "reachable"
    assert all(value.text() != "–" for value in health.values.values())

    open_page(qtbot, window, AdminPage.PRINTER)
    printer = window.admin.printer
    qtbot.mouseClick(printer.test_page, LEFT)
    qtbot.waitUntil(printer.test_page.isEnabled, timeout=30000)
    assert printer.result.property("role") == "lead", printer.result.text()
    (page,) = receipts_dir.glob("*test-page.bin")
    title = {Language.ZH_HANT: "測試頁", Language.ZH_HANS: "测试页", Language.EN: "test page"}
    assert title[language].encode("gb18030") in page.read_bytes(), "in the staff's language"
    assert page.with_suffix(".png").exists(), "the file printer's preview"
    lines = audit_lines(caplog)
    assert "staff test-page printed" in lines
    assert any(line.startswith("staff health-checked reader=ok") for line in lines)


def test_reprint_the_last_receipt_within_the_window(
    qtbot: QtBot, make_shell: MakeShell, receipts_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kept(receipts_dir, "OLD-0001", age_s=3600)  # beyond the 10-minute window
    kept(receipts_dir, "A-0006", age_s=300)
    kept(receipts_dir, "A-0007", age_s=120)
    shell, kiosk = make_shell(staff=STAFF)
    window = shell.window
    sign_in(qtbot, window, kiosk.session)
    open_page(qtbot, window, AdminPage.PRINTER)
    printer = window.admin.printer
    qtbot.mouseClick(printer.reprint, LEFT)
    qtbot.waitUntil(printer.reprint.isEnabled, timeout=30000)
    assert "A-0007" in printer.result.text()
    assert b"A-0007" in next(receipts_dir.glob("*A-0007.bin")).read_bytes()
    spool = ReprintSpool(receipts_dir.parent / "reprint")
    assert [job.reference for job in spool.pending()] == ["OLD-0001", "A-0006"]

    for job in spool.pending():
        if job.reference == "A-0006":
            spool.reprint(job, kiosk.printer)  # printed from the command line meanwhile
    qtbot.mouseClick(printer.reprint, LEFT)
    qtbot.waitUntil(printer.reprint.isEnabled, timeout=30000)
    assert "A-0007" not in printer.result.text() and printer.result.text()
    assert not list(receipts_dir.glob("*OLD-0001*")), "never one past the window"
    lines = audit_lines(caplog)
    assert "staff reprint A-0007" in lines and "staff reprint nothing to reprint" in lines


def test_reprint_the_last_receipt_that_did_print(
    qtbot: QtBot, make_shell: MakeShell, receipts_dir: Path
) -> None:
    """A receipt torn or jammed after printing: staff reprint it within the window."""
    kept(receipts_dir, "A-0003", age_s=120)  # an older one that failed to print
    shell, kiosk = make_shell(staff=STAFF)
    window = shell.window
    printed = Receipt("A-0011", (Title("RECEIPT"), KeyValue("No.", "A-0011"), Cut()))
    assert kiosk.paper.print(printed) is PrintOutcome.PRINTED
    assert len(list(receipts_dir.glob("*A-0011.bin"))) == 1
    sign_in(qtbot, window, kiosk.session)
    open_page(qtbot, window, AdminPage.PRINTER)
    printer = window.admin.printer
    qtbot.mouseClick(printer.reprint, LEFT)
    qtbot.waitUntil(printer.reprint.isEnabled, timeout=30000)
    assert "A-0011" in printer.result.text()
    assert len(list(receipts_dir.glob("*A-0011*.bin"))) == 2


def test_preview_draws_the_paper(qtbot: QtBot, make_shell: MakeShell, receipts_dir: Path) -> None:
    kept(receipts_dir, "A-0009", age_s=10)
    shell, kiosk = make_shell(staff=STAFF)
    window = shell.window
    sign_in(qtbot, window, kiosk.session)
    open_page(qtbot, window, AdminPage.PRINTER)
    printer = window.admin.printer
    for kind in (PreviewKind.SAMPLE_RECEIPT, PreviewKind.REPRINT):
        printer.preview_image.clear()
        qtbot.mouseClick(printer.preview_keys[kind], LEFT)
        qtbot.waitUntil(printer.test_page.isEnabled, timeout=30000)
        picture = printer.preview_image.pixmap()
        assert not picture.isNull(), (kind, printer.result.text())
        assert picture.width() == 576 and picture.height() > 200  # 80 mm paper
    assert not list(receipts_dir.glob("*.png")), "a preview prints nothing"
    assert len(ReprintSpool(receipts_dir.parent / "reprint").pending()) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_card_read_in_staff_mode_shows_masked_only_and_opens_no_session(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture, language: Language
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, session = shell.window, kiosk.session
    sign_in(qtbot, window, session, language)
    card = window.admin.card
    assert card.demo_card.isVisibleTo(card)  # the demo kiosk's simulated reader
    qtbot.mouseClick(window.admin.nav_buttons[AdminPage.CARD], LEFT)
    qtbot.mouseClick(card.demo_card, LEFT)
    qtbot.waitUntil(lambda: card.name.text() != "", timeout=5000)
    assert card.name.text() == DEMO_IDENTITY.masked_name()
    assert card.id_number.text() == DEMO_IDENTITY.masked_id()
    assert session.state is State.ADMIN and session.identity is None
    shown = " ".join(w.text() for w in window.findChildren(type(card.name)))
    assert DEMO_IDENTITY.name not in shown and DEMO_IDENTITY.id_number not in shown

    open_page(qtbot, window, AdminPage.LOG)
    log_text = window.admin.log.lines.text()
    assert DEMO_IDENTITY.masked_id() in log_text, "the card's read is in the log, masked"
    assert DEMO_IDENTITY.id_number not in log_text and DEMO_IDENTITY.name not in log_text

    qtbot.mouseClick(card.take_demo_card, LEFT)
    qtbot.mouseClick(window.admin.leave, LEFT)
    assert session.state is State.ATTRACT and session.identity is None
    assert card.name.text() == "", "nothing of the card stays on the admin screen"
    lines = audit_lines(caplog)
    assert "staff card-test read kind=demo" in lines and "staff log-viewed" in lines
    for line in lines:
        assert not any(secret in line for secret in CITIZEN_STRINGS), line


def test_reset_wipes_a_session_and_clears_the_screens(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, session = shell.window, kiosk.session
    sign_in(qtbot, window, session)
    qtbot.mouseClick(window.admin.card.demo_card, LEFT)
    qtbot.waitUntil(lambda: window.admin.card.name.text() != "", timeout=5000)
    open_page(qtbot, window, AdminPage.SERVICE)
    qtbot.mouseClick(window.admin.service.reset, LEFT)
    assert session.state is State.ATTRACT
    assert window.admin.card.name.text() == ""
    assert window.stack.currentWidget() is window.attract
    assert "staff reset" in audit_lines(caplog)


def test_the_default_language_holds_for_new_citizens_and_after_a_restart(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, session = shell.window, kiosk.session
    sign_in(qtbot, window, session, Language.EN)
    open_page(qtbot, window, AdminPage.SERVICE)
    buttons = window.admin.service.language_buttons
    assert buttons[Language.ZH_HANT].isChecked()
    qtbot.mouseClick(buttons[Language.ZH_HANS], LEFT)
    assert buttons[Language.ZH_HANS].isChecked() and not buttons[Language.ZH_HANT].isChecked()
    qtbot.mouseClick(window.admin.leave, LEFT)
    assert session.language is Language.ZH_HANS
    assert window.header.language_buttons[Language.ZH_HANS].isChecked()

    _, restarted = make_shell(staff=STAFF)  # the same data directory
    assert restarted.session.language is Language.ZH_HANS
    assert restarted.session.default_language is Language.ZH_HANS


def test_leaving_to_maintenance_asks_twice(
    qtbot: QtBot, make_shell: MakeShell, caplog: pytest.LogCaptureFixture, receipts_dir: Path
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, session = shell.window, kiosk.session
    quits: list[bool] = []
    window.staff_journey.quit_program = lambda: quits.append(True)
    sign_in(qtbot, window, session)
    admin = window.admin

    qtbot.mouseClick(admin.maintenance, LEFT)
    assert admin.stack.currentWidget() is admin.first_confirmation and not quits
    assert not admin.leave.isVisible(), "nothing else until it is answered"
    qtbot.mouseClick(admin.first_confirmation.cancel, LEFT)
    assert admin.stack.currentWidget() is admin.health and not quits

    qtbot.mouseClick(admin.maintenance, LEFT)
    qtbot.mouseClick(admin.first_confirmation.go, LEFT)
    assert admin.stack.currentWidget() is admin.second_confirmation and not quits
    go_first = admin.first_confirmation.go.mapTo(admin, admin.first_confirmation.go.rect().center())
    go_second = admin.second_confirmation.go.mapTo(
        admin, admin.second_confirmation.go.rect().center()
    )
    assert abs(go_first.x() - go_second.x()) > 400, "a double tap cannot confirm both"
    marker = receipts_dir.parent / MAINTENANCE_FILE
    assert not marker.exists()
    qtbot.mouseClick(admin.second_confirmation.go, LEFT)
    assert quits == [True]
    assert marker.exists(), "the unit must not start the kiosk again until maintenance ends"
    lines = audit_lines(caplog)
    assert lines.count("staff maintenance-asked") == 2 and lines[-1] == "staff maintenance"
