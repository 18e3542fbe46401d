"""``kiosk tour``: walk the citizen's journey headless and save one PNG per screen.

It clicks the real widgets the way a citizen would, against a real backend, so what reviewers
and vendors see is what the kiosk does.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.app import Kiosk
from kiosk.catalog import FieldKind, FormField, Service
from kiosk.session import Event, State
from ui.offscreen import use_offscreen_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SCREEN_SIZE = (1920, 1080)

# Valid answers for each kind of field, as a citizen might type them.
SAMPLE_VALUES = {
    FieldKind.TEXT: "示範文字",
    FieldKind.DATE: "2026-12-15",
    FieldKind.PHONE: "13800138000",
    FieldKind.ID_NUMBER: "11010519491231002X",
}


class TourError(RuntimeError):
    """The scripted journey did not reach the screen it expected."""


def type_text(widget: QWidget, text: str) -> None:
    """Type as a citizen would: keys for ASCII, an input method's commit for Chinese."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ascii_run, chunk in _runs(text):
        if ascii_run:
            QTest.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[tuple[bool, str]]:
    runs: list[tuple[bool, str]] = []
    for char in text:
        is_ascii = char.isascii()
        if runs and runs[-1][0] == is_ascii:
            runs[-1] = (is_ascii, runs[-1][1] + char)
        else:
            runs.append((is_ascii, char))
    return runs


def sample_value(field: FormField) -> str:
    if field.kind is FieldKind.CHOICE:
        return field.choices[0].value if field.choices else ""
    if field.kind is FieldKind.NUMBER:
        number = max(field.minimum or 0, 1)
        return str(int(min(number, field.maximum) if field.maximum is not None else number))
    text = SAMPLE_VALUES[field.kind]
    return text[: field.max_length] if field.max_length else text


def showcase_service(services: tuple[Service, ...]) -> Service:
    """The service whose form shows the most kinds of field."""
    return max(services, key=lambda service: len({field.kind for field in service.fields}))


def run_tour(kiosk: Kiosk, out_dir: Path | None, receipts_dir: Path) -> list[Path]:
    """Walk the journey; with ``out_dir`` None take no screenshots (for memory measurements)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication

    if QApplication.instance() is None:
        use_offscreen_screen(*SCREEN_SIZE)
    from ui.app import application, build_shell

    app = application()
    shell = build_shell(kiosk, app)
    window, session = shell.window, kiosk.session
    window.resize(*SCREEN_SIZE)
    window.show()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle(condition: Callable[[], bool], what: str, timeout_s: float = 20.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TourError(f"tour: {what} did not happen within {timeout_s:.0f} s")
            QCoreApplication.processEvents()
            time.sleep(0.01)
        QCoreApplication.processEvents()

    def click(button: QAbstractButton) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        QCoreApplication.processEvents()

    def snap(name: str) -> None:
        QCoreApplication.processEvents()
        if out_dir is None:
            return
        path = out_dir / f"{len(written) + 1:02d}-{name}.png"
        if not window.grab().save(str(path)):
            raise TourError(f"tour: cannot write {path}")
        written.append(path)

    try:
        settle(lambda: session.state is State.ATTRACT, "the attract screen")
        snap("attract")
        click(window.attract.start)
        settle(lambda: session.state is State.IDENTIFY, "the identify screen")
        snap("identify")
        click(window.identify.demo_card)
        settle(lambda: session.state is State.MENU, "reading the demo card")
        snap("menu")
        click(window.menu.apply)
        settle(lambda: bool(window.catalog.service_buttons), "loading the catalog")
        snap("catalog")
        service = showcase_service(kiosk.catalog.services())
        button = window.catalog.service_buttons[service.code]
        window.catalog.list_area.ensureWidgetVisible(button)  # clicks land by position
        click(button)
        settle(lambda: session.state is State.FORM, "opening the form")
        click(window.form.next)  # empty: shows what must be filled in
        snap("form-problems")
        for field in service.fields:
            editor = window.form.editors[field.name]
            value = sample_value(field)
            if editor.line_edit is not None:
                editor.line_edit.clear()
                type_text(editor.line_edit, value)
            elif value:
                window.form.scroll_area.ensureWidgetVisible(editor.choice_buttons[value])
                click(editor.choice_buttons[value])
        snap("form")
        click(window.form.next)
        settle(lambda: session.state is State.REVIEW, "the review screen")
        snap("review")
        click(window.review.submit)
        if session.state is State.SUBMITTING:
            snap("submitting")
        settle(lambda: session.state is State.RECEIPT, "submitting the application", 60.0)
        snap("receipt")
        previews = sorted(receipts_dir.glob("*.png"))
        if not previews:
            raise TourError(f"tour: the printer wrote no receipt preview in {receipts_dir}")
        if out_dir is not None:
            printed = out_dir / f"{len(written) + 1:02d}-printed-receipt.png"
            shutil.copyfile(previews[-1], printed)
            written.append(printed)
        click(window.receipt.finish)
        settle(lambda: session.state is State.EVALUATE, "the rating screen")
        snap("evaluate")
        session.fire(Event.FINISH)  # until the rating screen has its own buttons
        settle(lambda: session.state is State.ATTRACT, "finishing")
        snap("attract-card-left-in-reader")
        click(window.attract.take_demo_card)
        settle(lambda: not window.attract.card_reminder.isVisible(), "taking the card")
        snap("attract-after-finish")
    finally:
        shell.shut_down()
    return written
