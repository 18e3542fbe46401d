"""Timing a tap to the paint it causes, for bench/ui.py's children (the kiosk and the reference).

Imports nothing but PySide6, so the reference child stays a minimal PySide6 program.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
# How long a finger rests on the glass in a tap (touch studies put a tap at 50-100 ms).
TAP_HOLD_S = 0.06


# What the probe waits to see painted: a widget, or (for one a tap builds) a test of the object
# receiving a paint event.
PaintTarget = QWidget | Callable[[QObject], bool]


class TapMissed(RuntimeError):
    """A finger on the widget would touch something else: it is covered or out of view."""


class ProbeTimeout(RuntimeError):
    """What a tap should have brought about (a paint, a screen) did not happen in time."""


class PaintProbe(QObject):
    """Milliseconds from a tap (or another action) to the end of the paint pass that paints a
    widget.

    The clock stops once the paint pass in which ``target`` received its paint event is over (a
    zero timer queued from that paint event): the new screen, children included, is then in the
    window's backing store. bench/startup.py and ``kiosk run --exit-after-first-paint`` stop
    their clock the same way.

    A tap is a press, ``TAP_HOLD_S`` of a finger resting on the glass (the event loop runs), and
    a release. Zero-length synthetic clicks would time something no finger does: inside a
    flick-scrollable area (QScroller) a press released at the same instant reaches the widget
    only when the scroller's press delay runs out, a quarter of a second later.
    """

    def __init__(self) -> None:
        super().__init__()
        self._watched: QObject | None = None
        self._matches: Callable[[QObject], bool] = lambda _watched: False
        self._painted = False
        self._done_at: float | None = None
        self._loop: QEventLoop | None = None

    def time_tap(
        self, widget: QWidget, target: PaintTarget, timeout_s: float, *, from_press: bool = False
    ) -> float:
        """Tap ``widget``; time from the release (a button acts when the finger lifts) or,
        with ``from_press``, from the press (a field takes focus when it is touched)."""
        if from_press:
            self._arm(target)
        receiver, point = under_finger(widget)
        started = time.perf_counter()
        QTest.mousePress(receiver, LEFT, NO_MODIFIER, point)
        run_events_for(TAP_HOLD_S)
        if not from_press:
            self._arm(target)
            started = time.perf_counter()
        QTest.mouseRelease(receiver, LEFT, NO_MODIFIER, point)
        return self._wait(target, started, timeout_s)

    def time_to_paint(
        self, action: Callable[[], None], target: PaintTarget, timeout_s: float
    ) -> float:
        """Time ``action`` (something other than a tap) until ``target`` is painted."""
        self._arm(target)
        started = time.perf_counter()
        action()
        return self._wait(target, started, timeout_s)

    def _arm(self, target: PaintTarget) -> None:
        self._painted, self._done_at = False, None
        if isinstance(target, QWidget):
            self._watched, self._matches = target, lambda watched: watched is target
        else:
            # A widget that may not exist yet (built by the tap itself): watch every paint.
            self._watched, self._matches = QCoreApplication.instance(), target
        assert self._watched is not None
        self._watched.installEventFilter(self)

    def _wait(self, target: PaintTarget, started: float, timeout_s: float) -> float:
        try:
            if self._done_at is None:  # usually: the paint comes from the event loop
                loop = QEventLoop()
                self._loop = loop
                guard = QTimer()
                guard.setSingleShot(True)
                guard.timeout.connect(loop.quit)
                guard.start(round(timeout_s * 1000))
                loop.exec()
                guard.stop()
        finally:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            self._watched, self._loop = None, None
        if self._done_at is None:
            if isinstance(target, QWidget):
                name = target.objectName() or type(target).__name__
            else:
                name = getattr(target, "__doc__", None) or "the widget looked for"
            raise ProbeTimeout(f"{name} was not painted within {timeout_s:g} s")
        return (self._done_at - started) * 1000.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted and self._matches(watched):
            self._painted = True
            QTimer.singleShot(0, self._paint_pass_over)
        return False

    def _paint_pass_over(self) -> None:
        if self._done_at is None:
            self._done_at = time.perf_counter()
        if self._loop is not None:
            self._loop.quit()


def run_events_for(seconds: float) -> None:
    """Let the event loop run for ``seconds`` (a finger resting, a citizen reading)."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def under_finger(widget: QWidget) -> tuple[QWidget, QPoint]:
    """The widget a finger on ``widget``'s centre really touches, and the point in it.

    The window hands a touch to the topmost widget there: a text box's viewport rather than
    the box, or whatever covers the widget. QTest would deliver to ``widget`` itself.
    """
    settle()  # the layout as the citizen sees it, not as it was before the last change
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    receiver = window.childAt(point) or window
    if receiver is not widget and not widget.isAncestorOf(receiver):
        name = widget.objectName() or type(widget).__name__
        raise TapMissed(f"{name} is covered by {type(receiver).__name__} or out of view")
    return receiver, receiver.mapFrom(window, point)


def settle() -> None:
    """Deliver what is already posted (layout requests above all), without waiting."""
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def tap(widget: QWidget) -> None:
    """An untimed tap: press, a finger's rest, release."""
    receiver, point = under_finger(widget)
    QTest.mousePress(receiver, LEFT, NO_MODIFIER, point)
    run_events_for(TAP_HOLD_S)
    QTest.mouseRelease(receiver, LEFT, NO_MODIFIER, point)


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float) -> None:
    """Run the event loop until ``condition`` holds (checked every 5 ms); bounded."""
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    poll.start()
    guard.start(round(timeout_s * 1000))
    loop.exec()
    poll.stop()
    guard.stop()
    if not condition():
        raise ProbeTimeout(f"{what} did not happen within {timeout_s:g} s")


def vm_rss_kib() -> int:
    """Resident set size in KiB, from the /proc field bench/startup.py's figures come from."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS line in /proc/self/status")
