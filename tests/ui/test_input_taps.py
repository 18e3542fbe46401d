"""A finger on any text field brings up its keyboard or keypad, and the field stays in view.

Taps here are a finger's: a press, 60 ms of the finger resting (the event loop runs) and a
release, delivered to whatever widget is under that point of the window (``childAt``): a text
box's viewport, not the box. Qt picks the virtual keyboard's input method once per process,
when the QApplication is made, and the test process's own has none; so the keyboard's fields
are tapped in a child process started as ``kiosk run`` starts the kiosk, at two screen sizes,
in each language. The keypad's fields (which need no input method) are tapped in this process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from drivers.cards.simulated import SimulatedReader
from kiosk.app import Kiosk
from kiosk.catalog import FieldKind, Service
from kiosk.i18n import Language
from kiosk.ratings import Satisfaction
from kiosk.session import State, Transaction, TransactionKind
from tests.support import RunningBackend
from ui.app import Shell
from ui.keyboard import InputDock
from ui.screens.evaluate import RatingPage
from ui.screens.hotline import HotlinePage

REPO = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
TAP_HOLD_S = 0.06  # a finger resting on the glass
SIZES = ((1920, 1080), (1280, 800))
KEYS_COLOURS = 16  # a picture of the keyboard's keys has more colours than its flat backdrop
# What Qt's offscreen platform says whatever the kiosk does (ignored in-process as well).
HARMLESS = ("This plugin does not support propagateSizeHints()",)


# -- a finger ------------------------------------------------------------------------------------


def run_for(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def comes(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``condition`` holds (True) or ``timeout_s`` has passed."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        run_for(0.01)
    return True


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 10.0) -> None:
    if not comes(condition, timeout_s):
        raise AssertionError(f"{what} did not happen within {timeout_s:g} s")


def rect_in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def visible_rect(widget: QWidget, part: QRect | None = None) -> QRect:
    """What shows of ``widget`` (or of ``part`` of it, in window coordinates): not clipped
    away by the scroll areas (and widgets) around it."""
    shown = rect_in_window(widget) if part is None else part
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        shown = shown.intersected(rect_in_window(parent))
        parent = parent.parentWidget()
    return shown


def touched(widget: QWidget, point: QPoint) -> bool:
    """Whether a finger at ``point`` (window coordinates) touches ``widget`` (or a part of it)."""
    receiver = widget.window().childAt(point)
    return receiver is not None and (receiver is widget or widget.isAncestorOf(receiver))


def finger_tap(widget: QWidget) -> None:
    """Tap the middle of what shows of ``widget``, on whatever is under the finger there."""
    window = widget.window()
    point = visible_rect(widget).center()
    receiver = window.childAt(point)
    if receiver is None or not touched(widget, point):
        covering = type(receiver).__name__ if receiver is not None else "nothing"
        raise AssertionError(f"{type(widget).__name__} is under {covering} or out of view")
    local = receiver.mapFrom(window, point)
    QTest.mousePress(receiver, LEFT, NO_MODIFIER, local)
    run_for(TAP_HOLD_S)
    QTest.mouseRelease(receiver, LEFT, NO_MODIFIER, local)


def typed_line(box: QPlainTextEdit) -> QRect:
    """The line of ``box`` its cursor is on, across the box (window coordinates)."""
    viewport, cursor = box.viewport(), box.cursorRect()
    left = viewport.mapTo(box.window(), QPoint(0, cursor.top()))
    return QRect(left, QSize(viewport.width(), cursor.height()))


def shown_whole_above(widget: QWidget, dock: InputDock) -> bool:
    """``widget`` entirely in view, above the dock, and a finger anywhere on it touches it; for
    a text box, the line being typed in it."""
    whole = typed_line(widget) if isinstance(widget, QPlainTextEdit) else rect_in_window(widget)
    if visible_rect(widget, whole) != whole or (dock.isVisible() and whole.bottom() >= dock.y()):
        return False
    inside = whole.adjusted(6, 6, -6, -6)
    corners = (inside.topLeft(), inside.topRight(), inside.bottomLeft(), inside.bottomRight())
    return all(touched(widget, point) for point in (*corners, inside.center()))


@dataclass(frozen=True)
class Tapped:
    """What one tap on a field brought."""

    where: str
    language: str
    focused: bool
    shows: str  # "keyboard", "keypad" or "nothing"
    field_in_view: bool
    action_in_view: bool | None  # the screen's button to go on, where it has one


def tap_field(
    dock: InputDock,
    field: QWidget,
    where: str,
    *,
    language: Language,
    action: QWidget | None = None,
    timeout_s: float = 10.0,  # the keyboard was loaded before (screenshot_colours)
) -> Tapped:
    """Tap ``field`` as a citizen does (the screen may have focused it already: a tap must
    bring the dock all the same); what came up, once the layout has settled."""
    dock.dismiss()
    run_for(0.1)  # a citizen looks before touching; the layout settles
    finger_tap(field)
    comes(lambda: dock.keyboard_showing() or dock.keypad_showing(), timeout_s)
    # The screens above shrink and scroll the field into view (bounded), then it stays there.
    comes(lambda: shown_whole_above(field, dock), 1.0)
    run_for(0.05)
    shows = (
        "keyboard" if dock.keyboard_showing() else "keypad" if dock.keypad_showing() else "nothing"
    )
    tapped = Tapped(
        where,
        language.value,
        field.hasFocus(),
        shows,
        shown_whole_above(field, dock),
        None if action is None else shown_whole_above(action, dock),
    )
    dock.dismiss()
    run_for(0.1)  # the screen takes its room back
    return tapped


def fields_service(services: tuple[Service, ...]) -> Service:
    """A service whose form has a text field and a phone field."""
    return next(
        service
        for service in services
        if {FieldKind.TEXT, FieldKind.PHONE} <= {field.kind for field in service.fields}
    )


# -- the keyboard's fields, in a child process -----------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_tap_on_every_text_field_brings_the_keyboard_with_the_field_in_view(
    backend: RunningBackend, tmp_path: Path, size: tuple[int, int]
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "QT_IM_"))}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # the keyboard's files, not the user's
    env["PYTHONPATH"] = str(REPO)
    width, height = size
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tests.ui.test_input_taps import taps_child; taps_child()",
            backend.url,
            backend.kiosk_token,
            str(tmp_path / "data"),
            str(width),
            str(height),
        ],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr[-4000:]
    complaints = [line for line in child.stderr.splitlines() if line not in HARMLESS]
    assert complaints == [], "Qt or the kiosk complained"
    seen = json.loads(child.stdout.splitlines()[-1])
    taps = [Tapped(**tap) for tap in seen["taps"]]
    assert len(taps) == 3 * 8
    wrong = [
        tap
        for tap in taps
        if not tap.focused
        or tap.shows != ("keypad" if tap.where.endswith(".phone") else "keyboard")
        or not tap.field_in_view
        or tap.action_in_view is False
    ]
    assert wrong == [], "\n".join(map(str, wrong))
    # A screenshot taken as the keyboard first shows has its keys (QWidget.grab() alone has
    # the view's last frame: at first a flat area).
    assert seen["composed_colours"] >= KEYS_COLOURS, seen


def taps_child() -> None:
    """The kiosk as ``kiosk run`` builds it at the size asked for; every text field tapped in
    each language. Prints what each tap brought, as JSON."""
    from ui.offscreen import use_offscreen_screen

    backend_url, token, data_dir, width, height = sys.argv[1:6]
    use_offscreen_screen(int(width), int(height))
    from tests.ui.child_kiosk import child_shell

    kiosk, shell = child_shell("taps-kiosk", backend_url, token, data_dir)
    window = shell.window
    window.resize(int(width), int(height))
    window.show()
    wait_for(window.attract.isVisible, "the start screen")
    run_for(0.3)
    seen: dict[str, object] = dict(screenshot_colours(shell, kiosk))
    assert window.reset()
    wait_for(lambda: kiosk.session.state is State.ATTRACT, "the start screen again")
    seen["taps"] = [
        asdict(tap) for language in Language for tap in walk_fields(shell, kiosk, language)
    ]
    shell.shut_down()
    kiosk.close()
    print(json.dumps(seen, ensure_ascii=False))


def walk_fields(shell: Shell, kiosk: Kiosk, language: Language) -> list[Tapped]:
    """From the start screen, in ``language``: each screen with fields, each field tapped;
    back at the start screen, the card taken, after."""
    window, session = shell.window, kiosk.session
    dock = window.accessibility.input_dock
    reader = kiosk.reader
    assert isinstance(reader, SimulatedReader)
    taps: list[Tapped] = []

    def go(button: QWidget, state: State) -> None:
        finger_tap(button)
        wait_for(lambda: session.state is state, f"the {state.value} screen")
        run_for(0.1)

    def leave() -> None:
        if reader.card_present:
            reader.remove()
            wait_for(lambda: not reader.card_present, "the card taken")
            run_for(0.1)
        if session.state is not State.ATTRACT:
            assert window.reset()
        wait_for(lambda: session.state is State.ATTRACT and not reader.card_present, "the end")
        run_for(0.1)

    finger_tap(window.header.language_buttons[language])
    go(window.attract.start, State.IDENTIFY)
    go(window.identify.skip, State.MENU)
    go(window.menu.progress, State.STATUS)
    status = window.status
    for name, field in (("number", status.number_field), ("last4", status.last4_field)):
        status.page_area.ensureWidgetVisible(field)  # the citizen scrolls down to it
        where = f"status.{name}"
        taps.append(tap_field(dock, field, where, language=language, action=status.look_up))
    go(status.back, State.MENU)

    go(window.menu.hotline, State.HOTLINE)
    hotline = window.hotline
    wait_for(lambda: bool(hotline.category_buttons), "the hotline's categories")
    consultation = hotline.category_buttons["consultation"]
    run_for(0.1)  # the list just built is laid out
    hotline.category_area.ensureWidgetVisible(consultation)
    finger_tap(consultation)
    wait_for(lambda: hotline.page is HotlinePage.DETAILS, "the request's details")
    details = hotline.details
    for name, field in (
        ("description", details.description),
        ("phone", details.phone),
        ("name", details.name),
    ):
        details.area.ensureWidgetVisible(field)  # the citizen scrolls down to it
        where = f"hotline.{name}"
        taps.append(tap_field(dock, field, where, language=language, action=hotline.send))
    leave()

    go(window.attract.demo_card, State.MENU)
    go(window.menu.ticket, State.QUEUE)
    ticket = Transaction(TransactionKind.QUEUE_TICKET, f"taps-{language.value}")
    session.transaction_completed(ticket)
    assert session.offer_rating()
    rating = window.evaluate
    finger_tap(rating.level_buttons[Satisfaction.VERY_SATISFIED])
    wait_for(lambda: rating.current_page() is RatingPage.DETAILS, "the rating's details")
    rating.details_area.ensureWidgetVisible(rating.comment)  # the citizen scrolls down to it
    taps.append(
        tap_field(dock, rating.comment, "rating.comment", language=language, action=rating.send)
    )
    leave()

    go(window.attract.demo_card, State.MENU)
    go(window.menu.apply, State.CATALOG)
    wait_for(lambda: bool(window.catalog.service_buttons), "the catalog")
    service = fields_service(kiosk.catalog.services())
    button = window.catalog.service_buttons[service.code]
    run_for(0.1)  # the list just built is laid out
    window.catalog.list_area.ensureWidgetVisible(button)
    go(button, State.FORM)
    for kind in (FieldKind.TEXT, FieldKind.PHONE):
        editor = [e for e in window.form.editors.values() if e.field.kind is kind][-1]
        field = editor.line_edit
        assert field is not None
        window.form.scroll_area.ensureWidgetVisible(field)
        taps.append(
            tap_field(dock, field, f"form.{kind.value}", language=language, action=window.form.next)
        )
    leave()
    return taps


def screenshot_colours(shell: Shell, kiosk: Kiosk) -> dict[str, int]:
    """As the keyboard first shows: the colours where it is, in ``window.grab()`` and in
    ``ui.screenshot.grab_window`` (a sample: every 5th pixel of every 5th row)."""
    from ui.screenshot import grab_window

    window, session = shell.window, kiosk.session
    dock = window.accessibility.input_dock
    finger_tap(window.attract.start)
    finger_tap(window.identify.skip)
    finger_tap(window.menu.progress)
    wait_for(lambda: session.state is State.STATUS, "the status screen")
    dock.dismiss()
    window.status.page_area.ensureWidgetVisible(window.status.number_field)
    run_for(0.15)
    finger_tap(window.status.number_field)
    wait_for(dock.keyboard_showing, "the keyboard", 30)
    view = dock.keyboard_view
    assert view is not None

    def colours(picture: QPixmap) -> int:
        image = picture.toImage().copy(rect_in_window(view))
        return len(
            {
                image.pixel(x, y)
                for y in range(0, image.height(), 5)
                for x in range(0, image.width(), 5)
            }
        )

    # Its keys are laid out a moment after it shows (the keyboard loads its layouts itself).
    comes(lambda: colours(grab_window(window)) >= KEYS_COLOURS, 10)
    return {
        "plain_grab_colours": colours(window.grab()),
        "composed_colours": colours(grab_window(window)),
    }
