"""``kiosk tour``: walk every screen headless, in each language and display mode, one PNG each.

It clicks the real widgets the way a citizen (and hall staff) would, against a real backend,
so what reviewers and vendors see is what the kiosk does. Pictures go to
``OUT/<language>/<mode>/NN-<screen>.png``, at the kiosk's 1920x1080 or any other screen size
(the demo's 1280x800 window, a vendor's panel); the receipts, tickets and printouts are drawn
from the exact bytes the printer was sent. Every picture is checked for text cut off, squeezed
or drawn over other text (:mod:`ui.tour_layout`); what does not fit is reported with the
picture's name.

The steps: :mod:`ui.tour_journeys` (the citizen's), :mod:`ui.tour_staff` (staff mode).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.i18n import Language
from ui.app import application, build_shell
from ui.offscreen import use_offscreen_screen
from ui.tour_guide import TourClock, TourError, TourGuide, type_text
from ui.tour_journeys import (
    HallOffice,
    TourMode,
    apply_with_card,
    begin,
    hotline_request,
    leave_with_card_in_reader,
    progress_by_card,
    queue_number,
    sample_value,
    showcase_service,
    without_card,
)
from ui.tour_staff import staff_mode

__all__ = [
    "SCREEN_SIZE",
    "HallOffice",
    "TourClock",
    "TourError",
    "TourMode",
    "TourResult",
    "run_tour",
    "sample_value",
    "showcase_service",
    "type_text",
]

SCREEN_SIZE = (1920, 1080)


@dataclass
class TourResult:
    written: list[Path] = field(default_factory=list)
    # "<language>/<mode>/NN-<screen>.png: <what is cut off or squeezed>"
    problems: list[str] = field(default_factory=list)


def run_tour(
    kiosk: Kiosk,
    out_dir: Path | None,
    receipts_dir: Path,
    *,
    clock: TourClock,
    languages: Sequence[Language] = (Language.ZH_HANT,),
    modes: Sequence[TourMode] = (TourMode.NORMAL,),
    office: HallOffice | None = None,
    size: tuple[int, int] = SCREEN_SIZE,
) -> TourResult:
    """Walk every journey in each of ``languages`` x ``modes`` within one window.

    ``kiosk`` must run on ``clock`` (its session's); with ``out_dir`` None no picture is taken
    (for memory measurements). ``office`` moves the filed application on, so its progress has
    a timeline to show. ``size`` is the screen's, and the window fills it: pictures are taken,
    and checked, at that size.
    """
    if QApplication.instance() is None:
        use_offscreen_screen(*size)  # before Qt picks a platform for the application
    app = application()
    shell = build_shell(kiosk, app)
    window = shell.window
    window.resize(*size)
    window.show()
    guide = TourGuide(
        window,
        kiosk,
        out_dir=out_dir,
        receipts_dir=receipts_dir,
        clock=clock,
        screen=QSize(*size),
    )
    try:
        for language in languages:
            for mode in modes:
                guide.scene(language.value, mode.value)
                _walk(guide, language, mode, office)
    finally:
        shell.shut_down()
        guide.finish()
    return TourResult(guide.written, guide.problems)


def _walk(guide: TourGuide, language: Language, mode: TourMode, office: HallOffice | None) -> None:
    begin(guide, language, mode)
    number = apply_with_card(guide)
    if office is not None:
        office.advance(number)
    progress_by_card(guide)
    queue_number(guide)
    hotline_request(guide, language)
    leave_with_card_in_reader(guide)
    begin(guide, language, mode)
    without_card(guide, number)
    begin(guide, language, mode)
    staff_mode(guide)
