"""Every citizen screen whole in the demo's 1280x800 window (``ui/app.py`` opens the kiosk at
that size when it is not full screen), in each language and display mode.

The tour's own citizen journeys are walked (``ui/tour_journeys.py``), against the real backend,
so the screens show what ``kiosk tour --size 1280x800`` shows; at each screen, instead of a
picture, every display mode is put on in turn and checked as the tour checks its pictures
(``ui/tour_layout.py``: nothing cut off, squeezed or drawn over something else), with every
button still a fingertip's target and the buttons that move on or back in view.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import DemoPaths, Kiosk, build_kiosk, demo_defaults
from kiosk.config import load_config
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.session import State
from tests.support import RunningBackend
from tests.ui.test_accessibility import undersized_buttons
from ui.app import Shell, build_shell
from ui.screens.out_of_service import OutOfServiceNotice
from ui.tour_guide import TourClock, TourGuide, run_events
from ui.tour_journeys import (
    TourMode,
    apply_with_card,
    begin,
    hotline_request,
    leave_with_card_in_reader,
    progress_by_card,
    queue_number,
    without_card,
)
from ui.tour_layout import layout_problems, visible_rect
from ui.tour_office import StaffOffice

DEMO_WINDOW = QSize(1280, 800)
# What the tour shows a citizen (tests/e2e/test_tour.py SCREENS, less printouts and staff's).
CITIZEN_SCREENS = frozenset(
    {
        "attract",
        "identify",
        "menu",
        "catalog",
        "form-problems",
        "form",
        "review",
        "receipt",
        "rating",
        "rating-choices",
        "rating-thanks",
        "status-by-card",
        "queue",
        "queue-chosen",
        "queue-ticket",
        "hotline",
        "hotline-emergency",
        "hotline-problems",
        "hotline-details",
        "hotline-filed",
        "attract-card-left-in-reader",
        "menu-without-card",
        "idle-countdown",
        "status",
        "status-by-number",
        "status-offline",
        "out-of-service",
    }
)
# The buttons that move the citizen on, or back: in view without scrolling on every screen.
MOVING_ON = ("primary",)
MOVING_BACK = frozenset({"back", "finish", "done", "edit", "decline", "more", "skip"})


class FitChecker(TourGuide):
    """The tour's hands without its camera: each screen is checked where it takes a picture."""

    def __init__(self, shell: Shell, kiosk: Kiosk, receipts: Path, clock: TourClock) -> None:
        super().__init__(
            shell.window,
            kiosk,
            out_dir=None,
            receipts_dir=receipts,
            clock=clock,
            screen=DEMO_WINDOW,
        )
        # "<mode>/<screen>": what does not fit on it
        self.found: dict[str, list[str]] = {}
        self.checked: list[str] = []
        self._where = ""

    def scene(self, *parts: str) -> None:
        self._where = "/".join(parts)

    def snap(self, name: str) -> None:
        for _ in range(3):  # a restyle posts layout requests; the layouts they start post more
            run_events()
        window = self.window
        found = layout_problems(window, DEMO_WINDOW)
        found += [f"too small to touch: {button}" for button in undersized_buttons(window)]
        found += [f"out of view: {text!r}" for text in self._out_of_view()]
        if found:
            self.found[f"{self._where}/{name}"] = found
        self.checked.append(name)
        if window.size() != DEMO_WINDOW:
            window.resize(DEMO_WINDOW)  # said once, for the screen that made it grow

    def _out_of_view(self) -> list[str]:
        """The buttons that move on or back, where a finger cannot reach them without scrolling
        (or at all)."""
        window = self.window
        screen = window.screens[self.session.state]
        moving = [
            button
            for button in window.findChildren(QPushButton)
            if button.isVisible()
            and (
                button.property("role") in MOVING_ON
                or any(getattr(screen, name, None) is button for name in MOVING_BACK)
            )
        ]
        # Not "look up": it submits the two fields beside it and scrolls with them, and the
        # keypad or keyboard typing them brings up scrolls it into view with them
        # (tests/ui/test_input_taps.py taps it so in this window).
        moving = [button for button in moving if button is not window.status.look_up]
        overlay = window.idle_overlay
        if overlay.isVisible():
            moving = [button for button in moving if overlay.isAncestorOf(button)]
        return [
            button.text()
            for button in moving
            if visible_rect(window, button).size() != button.size()
        ]


@pytest.fixture
def small_window(
    qtbot: QtBot, qapp: QApplication, backend: RunningBackend, tmp_path: Path
) -> Iterator[tuple[FitChecker, StaffOffice]]:
    """The kiosk as ``kiosk tour`` builds it (its clock stopped), in the demo's window."""
    paths = DemoPaths(tmp_path)
    defaults = demo_defaults(paths, backend.url, backend.kiosk_token)
    defaults["kiosk"]["id"] = backend.kiosk_id
    defaults["session"] = {"tap_guard_ms": 0}  # scripted taps, not a double tap
    clock = TourClock()
    kiosk = build_kiosk(
        load_config(None, environ={}, defaults=defaults), PersonalDataRedactor(), clock=clock.now
    )
    shell = build_shell(kiosk, qapp)
    qtbot.addWidget(shell.window)
    shell.window.resize(DEMO_WINDOW)
    with qtbot.waitSignal(shell.window.first_painted, timeout=10000):
        shell.window.show()
    office = StaffOffice(backend.url, backend.staff_token)
    yield FitChecker(shell, kiosk, paths.receipts_dir, clock), office
    office.close()
    shell.tasks.wait(10000)
    kiosk.close()


def out_of_service(guide: FitChecker) -> None:
    """What a citizen finds when staff took the kiosk out of service: its longest notice."""
    longest = max(OutOfServiceNotice, key=lambda notice: len(notice.value))
    assert guide.session.suspend(longest.value)
    guide.reach(State.OUT_OF_SERVICE, "out of service")
    guide.snap("out-of-service")
    assert guide.session.resume()
    guide.reach(State.ATTRACT, "back in service")


@pytest.mark.parametrize("language", list(Language))
def test_every_citizen_screen_fits_the_demo_window_in_every_mode(
    small_window: tuple[FitChecker, StaffOffice], language: Language
) -> None:
    guide, office = small_window
    for mode in TourMode:  # turned on at the start screen, as the tour does
        guide.scene(mode.value)
        begin(guide, language, mode)
        number = apply_with_card(guide)
        office.advance(number)  # a timeline on the progress card
        progress_by_card(guide)
        queue_number(guide)
        hotline_request(guide, language)
        leave_with_card_in_reader(guide)
        begin(guide, language, mode)
        without_card(guide, number)
        begin(guide, language, mode)
        out_of_service(guide)
    assert set(guide.checked) >= CITIZEN_SCREENS
    assert guide.found == {}, "\n".join(
        f"{where}: {problem}" for where, problems in guide.found.items() for problem in problems
    )
