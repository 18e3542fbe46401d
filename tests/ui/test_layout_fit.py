"""Every level of the rating and every staff page in view on the kiosk's 1920x1080 screen, in
each language and display mode: nothing cut off, squeezed or drawn over something else, as
``kiosk tour`` checks its pictures (ui/tour_layout.py), without walking the whole tour."""

from __future__ import annotations

import itertools
from functools import partial

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.catalog import FieldKind
from kiosk.i18n import Language
from kiosk.session import TransactionKind
from tests.ui.conftest import MakeShell
from tests.ui.staff_helpers import STAFF, sign_in
from tests.ui.test_accessibility import open_service, service_with
from ui.keypad import KeypadArrangement
from ui.main_window import MainWindow
from ui.screens.admin import AdminPage
from ui.screens.admin_page import ScrollingPage
from ui.screens.admin_printer import PrinterResult
from ui.screens.evaluate import LEVELS_SHOWN
from ui.screens.evaluate_levels import MIN_TARGET_PX, SPACING_PX, plan_levels
from ui.screens.out_of_service import OutOfServiceNotice
from ui.theme import DisplayModes
from ui.tour_layout import layout_problems

LEFT = Qt.MouseButton.LeftButton
SCREEN = QSize(1920, 1080)
MODES = {
    "normal": DisplayModes(),
    "large-text": DisplayModes(large_text=True),
    "high-contrast": DisplayModes(high_contrast=True),
    "care": DisplayModes(care=True),
}


def rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def shown_above(window: QWidget, field: QWidget, dock: QWidget) -> bool:
    return rect_in(window, field).bottom() < rect_in(window, dock).top()


def settle() -> None:
    # A restyle posts layout requests; the layouts they start post more.
    for _ in range(3):
        QApplication.processEvents()


def problems_on(window: MainWindow, where: str) -> dict[str, list[str]]:
    settle()
    found = layout_problems(window, SCREEN)
    return {where: found} if found else {}


def test_levels_stay_in_one_column_where_they_fit() -> None:
    level = QSize(500, 106)
    grid = plan_levels(5, QSize(1792, 600), level)
    assert grid.columns == 1 and grid.cell == QSize(1792, 106)


def test_levels_go_two_a_row_where_one_column_is_too_tall() -> None:
    level = QSize(600, 124)
    grid = plan_levels(5, QSize(1792, 546), level)
    assert grid.columns == 2 and grid.cell.height() == 124
    rects = grid.rects(5)
    # Read row by row: best top left, its neighbour to the right, the worst alone below.
    assert [(r.x() > 0, r.y() // (124 + SPACING_PX)) for r in rects] == [
        (False, 0),
        (True, 0),
        (False, 1),
        (True, 1),
        (False, 2),
    ]
    assert rects[-1].bottom() < 546


def test_levels_give_up_height_but_never_below_a_fingertip() -> None:
    level = QSize(600, 124)
    assert plan_levels(5, QSize(1792, 330), level).cell.height() == 99
    assert plan_levels(5, QSize(1792, 100), level).cell.height() == MIN_TARGET_PX
    # Too narrow for two columns: one, squeezed.
    narrow = plan_levels(5, QSize(1000, 600), level)
    assert narrow.columns == 1 and narrow.cell.height() == (600 - 4 * SPACING_PX) // 5


@pytest.mark.parametrize("language", list(Language))
def test_every_level_is_in_view_without_scrolling_in_every_mode(
    qtbot: QtBot, make_shell: MakeShell, language: Language
) -> None:
    shell, _ = make_shell()
    window, screen = shell.window, shell.window.evaluate
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    problems: dict[str, list[str]] = {}
    columns: dict[str, int] = {}
    for mode, modes in MODES.items():
        window.accessibility.choose(modes)
        screen.start(TransactionKind.APPLICATION)
        window.stack.setCurrentWidget(screen)
        problems |= problems_on(window, mode)
        levels = {level: rect_in(window, button) for level, button in screen.level_buttons.items()}
        decline = rect_in(window, screen.decline)
        for level, rect in levels.items():
            assert window.rect().contains(rect), (mode, level)
            assert min(rect.width(), rect.height()) >= MIN_TARGET_PX, (mode, level)
            assert rect.bottom() < decline.top(), (mode, level)
        for first, second in itertools.combinations(levels.values(), 2):
            assert not first.intersects(second), mode
        reading_order = sorted(levels, key=lambda level: (levels[level].y(), levels[level].x()))
        assert reading_order == list(LEVELS_SHOWN), mode
        assert window.rect().contains(decline), mode
        assert screen.levels_area.verticalScrollBar().maximum() == 0, f"{mode}: it scrolls"
        columns[mode] = screen.level_choices.grid.columns
    assert problems == {}
    assert columns["normal"] == 1, "a single list, best on top, where it fits"
    assert columns["care"] == 2, "care mode's taller levels go two a row"


@pytest.mark.parametrize("language", list(Language))
def test_every_staff_page_fits_the_screen_in_every_mode(
    qtbot: QtBot, make_shell: MakeShell, language: Language
) -> None:
    shell, kiosk = make_shell(staff=STAFF)
    window, admin = shell.window, shell.window.admin
    sign_in(qtbot, window, kiosk.session, language)
    longest_notice = max(OutOfServiceNotice, key=lambda notice: len(notice.value))
    problems: dict[str, list[str]] = {}
    scrolled: list[str] = []
    for mode, modes in MODES.items():
        window.accessibility.choose(modes)
        for page in AdminPage:
            qtbot.mouseClick(admin.nav_buttons[page], LEFT)
            problems |= problems_on(window, f"{mode}/{page.value}")
            # The longer states each page has: a printer's answer, out of service.
            if page is AdminPage.PRINTER:
                admin.printer.show_result(PrinterResult.TEST_PRINTED)
                problems |= problems_on(window, f"{mode}/{page.value} printed")
            if page is AdminPage.SERVICE:
                admin.service.show_service(longest_notice.value)
                problems |= problems_on(window, f"{mode}/{page.value} out of service")
                # Its sentence beside the heading may push the last row out of view (English
                # in large text): "back in service", what is wanted then, stays in view.
                area = admin.service.scroll_area.viewport()
                assert rect_in(window, area).contains(rect_in(window, admin.service.resume))
                admin.service.show_service(None)
                settle()
            if page is AdminPage.HEALTH:
                admin.health.show_unavailable()
                problems |= problems_on(window, f"{mode}/{page.value} unavailable")
            shown = admin.pages[page]
            if isinstance(shown, ScrollingPage) and shown.scrolls():
                scrolled.append(f"{mode}/{page.value}")
        qtbot.mouseClick(admin.maintenance, LEFT)
        problems |= problems_on(window, f"{mode}/maintenance")
        qtbot.mouseClick(admin.first_confirmation.cancel, LEFT)
    assert problems == {}
    assert scrolled == [], f"each page fits the kiosk's screen whole: {scrolled}"


@pytest.mark.parametrize(
    ("size", "arrangement"),
    [
        (QSize(1920, 1080), KeypadArrangement.TELEPHONE),
        (QSize(1280, 800), KeypadArrangement.ROW),
    ],
    ids=["1920x1080", "1280x800"],
)
def test_the_keypad_keys_are_fingertips_on_a_short_window_too(
    qtbot: QtBot, make_shell: MakeShell, size: QSize, arrangement: KeypadArrangement
) -> None:
    shell, kiosk = make_shell()
    window, dock = shell.window, shell.window.accessibility.input_dock
    window.resize(size)
    for modes in (DisplayModes(), DisplayModes(care=True)):
        window.accessibility.choose(modes)
        open_service(qtbot, window, kiosk, service_with(kiosk, FieldKind.PHONE))
        phone = next(
            editor.line_edit
            for editor in window.form.editors.values()
            if editor.field.kind is FieldKind.PHONE
        )
        assert phone is not None
        window.form.scroll_area.ensureWidgetVisible(phone)
        qtbot.mouseClick(phone, LEFT)
        qtbot.waitUntil(dock.keypad_showing, timeout=2000)
        settle()
        keypad = dock.keypad
        assert keypad.arrangement is arrangement, modes
        keys = (*keypad.keys.values(), keypad.extra, keypad.backspace, keypad.clear_all)
        for key in (*keys, keypad.finish):
            rect = rect_in(window, key)
            assert min(rect.width(), rect.height()) >= MIN_TARGET_PX, (modes, key.text(), rect)
            assert window.rect().contains(rect), (modes, key.text())
        assert dock.height() <= size.height() * 0.42 + 1
        qtbot.waitUntil(partial(shown_above, window, phone, dock), timeout=2000)
        qtbot.mouseClick(keypad.keys["7"], LEFT)
        assert phone.text().endswith("7")
        qtbot.mouseClick(keypad.finish, LEFT)
        qtbot.mouseClick(window.form.back, LEFT)
        qtbot.mouseClick(window.catalog.back, LEFT)
        qtbot.mouseClick(window.menu.finish, LEFT)
        qtbot.mouseClick(window.attract.take_demo_card, LEFT)
