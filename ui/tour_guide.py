"""The hands and the camera of ``kiosk tour``: taps, typing, waiting, one PNG per screen.

Every tap goes to a real widget through Qt's own mouse events, the way a finger's would, so
the tour can only reach what a citizen can reach.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kiosk.app import Kiosk
from kiosk.session import Session, State
from ui.main_window import MainWindow
from ui.tour_layout import layout_problems

SETTLE_TIMEOUT_S = 20.0
# PNG compression from 0 (smallest, slowest) to 100 (largest, fastest): the tour writes
# hundreds of full-HD pictures, and at 80 each takes a third of the time for ~30 % more bytes.
PNG_QUALITY = 80


class TourError(RuntimeError):
    """The scripted journey did not reach the screen it expected."""


class TourClock:
    """The session's clock during a tour: stopped, so no screen times out under a slow machine
    and every countdown reads the same; moved on only to show the idle countdown."""

    def __init__(self) -> None:
        self._now = time.monotonic()

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds


def run_events() -> None:
    """What the event loop would do meanwhile, including deleting what screens replaced: the
    tour drives the window from outside ``exec()``, where ``deleteLater`` alone never happens
    (and a replaced list's buttons would linger on screen, and in memory)."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def type_text(widget: QWidget, text: str) -> None:
    """Type as a citizen would: keys for ASCII, an input method's commit for Chinese."""
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


class TourGuide:
    """Walks one window; pictures go to ``out_dir``/<scene>/NN-<name>.png (None: none taken,
    for memory measurements)."""

    def __init__(
        self,
        window: MainWindow,
        kiosk: Kiosk,
        *,
        out_dir: Path | None,
        receipts_dir: Path,
        clock: TourClock,
        screen: QSize,
    ) -> None:
        self.window = window
        self.kiosk = kiosk
        self.session: Session = kiosk.session
        self.clock = clock
        self._out_dir = out_dir
        self._receipts_dir = receipts_dir
        self._screen = screen
        self._scene = Path()
        self._count = 0
        self.written: list[Path] = []
        self._encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tour-png")
        self._saving: list[tuple[Path, Future[bool]]] = []
        # "<scene>/<picture>: <what is wrong>", for every screen that does not fit.
        self.problems: list[str] = []

    @property
    def taking_pictures(self) -> bool:
        return self._out_dir is not None

    def scene(self, *parts: str) -> None:
        """Pictures from now on go to a folder of their own, numbered from 01."""
        self._scene = Path(*parts)
        self._count = 0

    # -- waiting ------------------------------------------------------------------------------

    def settle(
        self, condition: Callable[[], bool], what: str, timeout_s: float = SETTLE_TIMEOUT_S
    ) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TourError(f"tour: {what} did not happen within {timeout_s:.0f} s")
            run_events()
            time.sleep(0.005)
        run_events()

    def pause(self, seconds: float) -> None:
        """Let the window run on its own for ``seconds`` (its timers fire meanwhile)."""
        end = time.monotonic() + seconds
        self.settle(lambda: time.monotonic() >= end, "a pause", seconds + SETTLE_TIMEOUT_S)

    def reach(self, state: State, what: str, timeout_s: float = SETTLE_TIMEOUT_S) -> None:
        self.settle(lambda: self.session.state is state, what, timeout_s)

    # -- hands --------------------------------------------------------------------------------

    def click(self, button: QAbstractButton) -> None:
        """Tap ``button``, scrolled into view first as a citizen would (taps land by position)."""
        if not button.isVisible() or not button.isEnabled():
            raise TourError(f"tour: {button.text()!r} is not there to be touched")
        parent = button.parentWidget()
        while parent is not None:
            area = parent.parentWidget()
            if isinstance(area, QScrollArea) and parent is area.viewport():
                area.ensureWidgetVisible(button)
            parent = area
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        run_events()

    def tap(self, widget: QWidget, where: QPoint, times: int = 1) -> None:
        for _ in range(times):
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
        run_events()

    def type(self, widget: QWidget, text: str) -> None:
        type_text(widget, text)
        run_events()

    # -- camera -------------------------------------------------------------------------------

    def snap(self, name: str) -> None:
        """One picture of the window as it is, and what does not fit on it."""
        for _ in range(3):  # a screen shown anew restyles; its layouts post more requests
            run_events()
        if self._out_dir is None:
            return
        path = self._next_path(name)
        for problem in layout_problems(self.window, self._screen):
            self.problems.append(f"{path.relative_to(self._out_dir)}: {problem}")
        # Encoded beside the tour, which walks on meanwhile (QImage.save lets go of the GIL).
        picture = self.window.grab().toImage()

        def save() -> bool:
            return picture.save(str(path), quality=PNG_QUALITY)  # PNG, from the suffix

        self._saving.append((path, self._encoder.submit(save)))
        self.written.append(path)
        if self.window.size() != self._screen:
            # Said once, for the screen that made it grow; the next pictures start fresh.
            self.window.resize(self._screen)
            run_events()

    def finish(self) -> None:
        """Wait until every picture is written; TourError if one could not be."""
        self._encoder.shutdown(wait=True)
        failed = [path for path, saved in self._saving if not saved.result()]
        if failed:
            raise TourError(f"tour: cannot write {failed[0]}")

    def printouts(self) -> set[Path]:
        """The receipt printer's pictures so far (the file printer draws each job it prints)."""
        return set(self._receipts_dir.glob("*.png"))

    def keep_printout(self, name: str, before: set[Path]) -> None:
        """Copy the picture of what was printed since ``before``, as the paper shows it."""
        new = sorted(self.printouts() - before, key=lambda path: path.stat().st_mtime_ns)
        if not new:
            raise TourError(f"tour: the printer drew nothing for {name} in {self._receipts_dir}")
        if self._out_dir is None:
            return
        path = self._next_path(name)
        shutil.copyfile(new[-1], path)
        self.written.append(path)

    def _next_path(self, name: str) -> Path:
        assert self._out_dir is not None
        folder = self._out_dir / self._scene
        folder.mkdir(parents=True, exist_ok=True)
        self._count += 1
        return folder / f"{self._count:02d}-{name}.png"
