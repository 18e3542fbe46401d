"""Walking the real kiosk window tap by tap, timing every tap that changes the screen.

A ``Walker`` taps the real widgets with QTest (as ``kiosk tour`` does) and times each screen
change from the tap's release to the end of the paint pass that paints the new screen
(bench/ui_probe.py). bench/ui_journeys.py says where to tap; bench/ui_kiosk.py runs them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from bench.ui_probe import (
    PaintProbe,
    ProbeTimeout,
    TapMissed,
    run_events_for,
    settle,
    tap,
    wait_until,
)
from drivers.cards.simulated import SimulatedReader
from kiosk.app import Kiosk
from kiosk.session import InvalidTransition, State
from ui.main_window import MainWindow
from ui.tour import type_text
from ui.worker import BackgroundTasks

if TYPE_CHECKING:
    from ui.keyboard import InputDock

STEP_TIMEOUT_S = 10.0
# Filing waits for the backend and the printer's child process (interpreter start included).
SUBMIT_TIMEOUT_S = 60.0
FIELD_SETTLE_S = 0.15  # a glance before touching a field, and time for the layout to settle
# The first show loads Qt Quick and the keyboard's QML (about a second on a quiet machine).
KEYBOARD_TIMEOUT_S = 30.0


class JourneyUnavailable(Exception):
    """A journey (or its rating step) cannot be walked: its screen is not built yet."""


class JourneyFailed(Exception):
    """A tap did not lead where the journey expected."""


# What a journey that cannot be walked raises: a screen without the widget the bench taps (or
# not importable yet), a tap leading nowhere, a transition the session refuses.
NOT_WALKABLE = (
    JourneyUnavailable,
    JourneyFailed,
    ProbeTimeout,
    TapMissed,
    InvalidTransition,
    AttributeError,
    KeyError,
    ImportError,
)


def transition_name(old: State, new: State) -> str:
    return f"{old.value} → {new.value}"


def painted_part(widget: QWidget) -> QWidget:
    """The widget that receives the paint events: a scroll area's text is on its viewport."""
    return widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget


class KeyboardWatch:
    """What "the on-screen keyboard is shown" means on this kiosk: ``keyboard_watch`` picks."""

    description = ""

    def time_show(self, probe: PaintProbe, edit: QWidget) -> float:
        """Milliseconds from a finger touching ``edit`` until the keyboard is painted."""
        raise NotImplementedError

    def _unfocus(self, edit: QWidget) -> None:
        if edit.hasFocus():
            # A new screen hands the focus to its first field by itself; the tap must be what
            # focuses the field, or it changes nothing (and shows no keyboard).
            edit.clearFocus()
        # A citizen looks before touching; a tap while the layout is still moving (the dock
        # going away) is taken by the flick-scroller as "stop scrolling" and focuses nothing.
        run_events_for(FIELD_SETTLE_S)


class FieldFocusWatch(KeyboardWatch):
    """No keyboard to wait for: a tap on the field → the field's next paint."""

    def __init__(self, why: str) -> None:
        self.description = (
            f"{why}, so: a tap on a text field (focus taken from it first) → that field's "
            "next paint"
        )

    def time_show(self, probe: PaintProbe, edit: QWidget) -> float:
        self._unfocus(edit)
        elapsed = probe.time_tap(edit, painted_part(edit), STEP_TIMEOUT_S, from_press=True)
        if not edit.hasFocus():
            raise JourneyFailed("a tap on a text field did not give it the focus")
        return elapsed


class DockKeyboardWatch(KeyboardWatch):
    """The window's ``ui.keyboard.InputDock``: a tap on a text field → the end of the paint pass
    that first paints the dock's Qt Virtual Keyboard view (built by the first such tap)."""

    description = (
        "a tap on a text field → the first paint of Qt Virtual Keyboard's panel in the "
        "window's input dock (ui.keyboard.InputDock.keyboard_view, a QQuickWidget), loaded "
        "by the first text field that needs it"
    )

    def __init__(self, dock: InputDock) -> None:
        self.dock = dock

    def time_show(self, probe: PaintProbe, edit: QWidget) -> float:
        dock = self.dock
        if dock.isVisible():
            dock.dismiss()
        self._unfocus(edit)

        def keyboard_view(watched: QObject) -> bool:
            """the on-screen keyboard"""
            return watched is dock.keyboard_view

        elapsed = probe.time_tap(edit, keyboard_view, KEYBOARD_TIMEOUT_S, from_press=True)
        if not dock.keyboard_showing():
            raise JourneyFailed("a tap on a text field did not bring up the on-screen keyboard")
        return elapsed


def keyboard_watch(window: MainWindow) -> KeyboardWatch:
    """Time the window's on-screen keyboard where it has one; otherwise the field's focus."""
    try:
        from ui.keyboard import InputDock
    except ImportError:
        return FieldFocusWatch("no on-screen keyboard (ui.keyboard has no InputDock)")
    dock = window.findChild(InputDock)
    if dock is None:
        return FieldFocusWatch("no on-screen keyboard (the window has no InputDock)")
    if not dock.keyboard_available:
        return FieldFocusWatch("Qt Virtual Keyboard is not available on this machine")
    return DockKeyboardWatch(dock)


class Walker:
    """Taps through the kiosk window and keeps the figures of every timed step."""

    def __init__(
        self, window: MainWindow, kiosk: Kiosk, tasks: BackgroundTasks, keyboard: KeyboardWatch
    ) -> None:
        self.window = window
        self.kiosk = kiosk
        self.tasks = tasks
        self.session = kiosk.session
        self.keyboard = keyboard
        self.probe = PaintProbe()
        self.recording = False
        self.transitions_ms: defaultdict[str, list[float]] = defaultdict(list)
        self.keyboard_shows_ms: list[float] = []
        self.ratings = 0
        # Why the rating screen is walked around (set when its first walk failed), if it is.
        self.rating_skipped = ""
        # The last application filed, for the progress journey to look up by its number.
        self.last_application = ""

    def step(self, button: QWidget, to: State, timeout_s: float = STEP_TIMEOUT_S) -> None:
        """Tap ``button``; time from the release until the screen of state ``to`` is painted."""
        old = self.session.state
        try:
            elapsed = self.probe.time_tap(button, self.window.screens[to], timeout_s)
        except ProbeTimeout as timeout:
            raise JourneyFailed(
                f"{old.value}: expected {to.value}, at {self.session.state.value} ({timeout})"
            ) from None
        if self.session.state is not to:
            raise JourneyFailed(f"{old.value}: expected {to.value}, at {self.session.state.value}")
        if self.recording:
            self.transitions_ms[transition_name(old, to)].append(elapsed)

    def into_view(self, area: QScrollArea, button: QAbstractButton) -> QAbstractButton:
        """Scroll ``button`` into view first, as a finger would: taps land by position."""
        settle()  # a list just rebuilt has its buttons' places only once laid out
        area.ensureWidgetVisible(button)
        return button

    def fill(
        self,
        edit: QLineEdit | QPlainTextEdit,
        text: str,
        *,
        area: QScrollArea | None = None,
        time_keyboard: bool = False,
    ) -> None:
        """Tap the field (scrolled into view in ``area`` first), then type ``text``. With
        ``time_keyboard`` the tap is timed until the on-screen keyboard is painted."""
        if area is not None:
            settle()
            area.ensureWidgetVisible(edit)
        if time_keyboard:
            elapsed = self.keyboard.time_show(self.probe, edit)
            if self.recording or not self.keyboard_shows_ms:
                self.keyboard_shows_ms.append(elapsed)
        else:
            run_events_for(FIELD_SETTLE_S)
            tap(edit)
            wait_until(edit.hasFocus, "a tapped field taking the focus", STEP_TIMEOUT_S)
        edit.clear()
        type_text(edit, text)

    def wait_for(self, state: State, what: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
        wait_until(lambda: self.session.state is state, what, timeout_s)

    def back_to_start(self) -> None:
        """Leave the kiosk as the next citizen finds it: attract screen, no card in the reader,
        no work left on the worker threads."""
        window = self.window
        # A journey that failed may have left work running (submitting cannot be reset).
        wait_until(lambda: not self.tasks.busy, "background work", SUBMIT_TIMEOUT_S)
        if self.session.state is not State.ATTRACT:
            window.reset()
        reader = self.kiosk.reader
        assert isinstance(reader, SimulatedReader)  # the bench's config asks for simulated://
        if reader.card_present:
            window.attract.take_demo_card.click()
        wait_until(lambda: not reader.card_present, "taking the card", STEP_TIMEOUT_S)
        wait_until(lambda: not self.tasks.busy, "background work", SUBMIT_TIMEOUT_S)
