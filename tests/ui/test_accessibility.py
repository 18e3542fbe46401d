"""For everyone: display modes from the start screen, the number keypad, fonts per script, and
touch targets a fingertip hits, on every screen the window has, in every mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.catalog import FieldKind, Service
from kiosk.i18n import Language
from kiosk.session import Event, State
from tests.ui.conftest import MakeShell, card_to_catalog, click_in_view
from ui.keypad import Keypad, KeypadKind, attach_keypad
from ui.main_window import MainWindow
from ui.theme import BASE_PIXEL_SIZE, LARGE_TEXT_FACTOR, DisplayModes

LEFT = Qt.MouseButton.LeftButton
MIN_TARGET_PX = 88  # at 1080p: the size of a fingertip, with room for an unsteady hand
MODES = {
    "normal": DisplayModes(),
    "large text": DisplayModes(large_text=True),
    "high contrast": DisplayModes(high_contrast=True),
    "care": DisplayModes(care=True),
}
ID_NUMBER = "11010519491231002X"


def choose_on_attract(qtbot: QtBot, window: MainWindow, modes: DisplayModes) -> None:
    attract = window.attract
    for toggle, wanted in (
        (attract.large_text, modes.large_text),
        (attract.high_contrast, modes.high_contrast),
        (attract.care_mode, modes.care),
    ):
        if toggle.isChecked() != wanted:
            qtbot.mouseClick(toggle, LEFT)
    assert window.accessibility.modes == modes


def open_service(qtbot: QtBot, window: MainWindow, kiosk: Kiosk, service: Service) -> None:
    card_to_catalog(qtbot, window)
    click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
    assert kiosk.session.state is State.FORM


def service_with(kiosk: Kiosk, *kinds: FieldKind) -> Service:
    return next(
        service
        for service in kiosk.catalog.services()
        if set(kinds) <= {field.kind for field in service.fields}
    )


def rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def font_px(widget: QWidget) -> int:
    return widget.font().pixelSize()


def undersized_buttons(window: MainWindow) -> list[str]:
    return [
        f"{button.objectName() or button.text()!r} ({button.property('role')}): "
        f"{button.width()}x{button.height()}"
        for button in window.findChildren(QAbstractButton)
        if button.isVisible() and min(button.width(), button.height()) < MIN_TARGET_PX
    ]


def test_every_button_on_every_screen_is_a_fingertip_target_in_each_mode(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell()
    window, session = shell.window, kiosk.session
    # The form with the most kinds of field, so its screen and the review have content.
    catalog = kiosk.catalog
    small: dict[str, list[str]] = {}
    for mode_name, modes in MODES.items():
        choose_on_attract(qtbot, window, modes)
        small.update({f"{mode_name} / attract": undersized_buttons(window)})
        card_to_catalog(qtbot, window)
        service = max(catalog.services(), key=lambda s: len({f.kind for f in s.fields}))
        click_in_view(qtbot, window.catalog.list_area, window.catalog.service_buttons[service.code])
        assert window.accessibility.modes == modes, "the modes last the whole session"
        # Whatever screens exist (journeys still being built show up here as they land).
        for state, screen in window.screens.items():
            screen.show_session(session)
            window.stack.setCurrentWidget(screen)
            QApplication.processEvents()
            small[f"{mode_name} / {state.value}"] = undersized_buttons(window)
        window.stack.setCurrentWidget(window.screens[session.state])
        qtbot.mouseClick(window.form.back, LEFT)
        qtbot.mouseClick(window.catalog.back, LEFT)
        qtbot.mouseClick(window.menu.finish, LEFT)
        assert session.state is State.ATTRACT
        qtbot.mouseClick(window.attract.take_demo_card, LEFT)
    assert {where: sizes for where, sizes in small.items() if sizes} == {}


def test_modes_follow_every_screen_and_end_with_the_session(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell()
    window, session = shell.window, kiosk.session
    plain_body = font_px(window.attract.hint)
    assert window.attract.large_text.height() >= MIN_TARGET_PX

    choose_on_attract(qtbot, window, DisplayModes(large_text=True, high_contrast=True))
    assert window.attract.large_text.text().startswith("✓"), "on is said in more than colour"
    assert font_px(window.attract.hint) == round(plain_body * LARGE_TEXT_FACTOR)
    white = window.attract.hint.palette().color(QPalette.ColorRole.WindowText)
    assert white.name() == "#ffffff"
    assert session.care_mode is False

    service = service_with(kiosk, FieldKind.PHONE)
    open_service(qtbot, window, kiosk, service)
    # Widgets built after the choice (the form's fields) follow it too.
    editor = next(iter(window.form.editors.values()))
    assert font_px(editor.caption) == round(28 * LARGE_TEXT_FACTOR)
    assert editor.caption.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"

    kiosk.session.fire(Event.TIMEOUT)  # walked away: the next citizen gets the plain kiosk
    assert window.accessibility.modes == DisplayModes()
    assert not window.attract.large_text.isChecked()
    assert not window.attract.high_contrast.isChecked()
    assert font_px(window.attract.hint) == plain_body
    assert window.attract.hint.palette().color(QPalette.ColorRole.WindowText).name() != "#ffffff"


def test_care_mode_is_bigger_has_fewer_choices_side_by_side_and_slower_timeouts(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell(idle_timeout_s=60)
    window, session = shell.window, kiosk.session
    plain_start_height = window.attract.start.height()
    choose_on_attract(qtbot, window, DisplayModes(care=True))
    assert session.care_mode is True
    QApplication.processEvents()
    assert window.attract.start.height() > plain_start_height
    assert font_px(window.attract.hint) > BASE_PIXEL_SIZE * 1.2, "care mode means large text"

    service = max(
        kiosk.catalog.services(),
        key=lambda s: max((len(f.choices) for f in s.fields), default=0),
    )
    open_service(qtbot, window, kiosk, service)
    left = session.seconds_left()
    assert left is not None and left > 60, "care mode gives more time"
    choice = max(
        (e for e in window.form.editors.values() if e.choice_buttons),
        key=lambda e: len(e.choice_buttons),
    )
    rows = {button.y() for button in choice.choice_buttons.values()}
    assert len(choice.choice_buttons) > 2
    assert len(rows) == (len(choice.choice_buttons) + 1) // 2, "two choices a row"


def test_modes_chosen_by_someone_who_walks_away_are_forgotten(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell(idle_timeout_s=30)
    window = shell.window
    choose_on_attract(qtbot, window, DisplayModes(high_contrast=True, care=True))
    forget = window.accessibility._forget
    assert forget.isActive() and forget.interval() == 30_000, "as long as any screen waits"
    forget.timeout.emit()  # the 30 s, without waiting for them
    assert window.accessibility.modes == DisplayModes()
    assert kiosk.session.care_mode is False
    assert not window.attract.care_mode.isChecked()


@pytest.mark.parametrize("language", list(Language))
def test_the_form_takes_numbers_from_the_keypad_and_keeps_the_field_in_view(
    qtbot: QtBot, make_shell: MakeShell, language: Language
) -> None:
    shell, kiosk = make_shell()
    window, dock = shell.window, shell.window.accessibility.input_dock
    qtbot.mouseClick(window.header.language_buttons[language], LEFT)
    service = service_with(kiosk, FieldKind.ID_NUMBER, FieldKind.PHONE, FieldKind.TEXT)
    open_service(qtbot, window, kiosk, service)
    assert not dock.isVisible(), "nothing until a field is tapped"

    editors = {e.field.kind: e for e in window.form.editors.values()}
    id_field = editors[FieldKind.ID_NUMBER].line_edit
    assert id_field is not None
    click_in_view(qtbot, window.form.scroll_area, id_field)
    qtbot.waitUntil(dock.keypad_showing, timeout=2000)
    keypad = dock.keypad
    assert keypad.extra.text() == "X" and keypad.extra.isEnabled()
    for char in ID_NUMBER:
        qtbot.mouseClick(keypad.extra if char == "X" else keypad.keys[char], LEFT)
    assert id_field.text() == ID_NUMBER and id_field.hasFocus()

    # The last field, low on the form: scrolled into view above the keypad.
    phone = editors[FieldKind.PHONE].line_edit
    assert phone is not None
    click_in_view(qtbot, window.form.scroll_area, phone)
    assert keypad.target is phone
    assert not keypad.extra.isEnabled(), "a phone number has no X"
    viewport = window.form.scroll_area.viewport()
    qtbot.waitUntil(lambda: rect_in(window, viewport).contains(rect_in(window, phone)))
    assert rect_in(window, phone).bottom() < dock.geometry().top()
    assert window.height() == 1080, "the dock takes room from the screen, not from the window"
    for key in "139000":
        qtbot.mouseClick(keypad.keys[key], LEFT)
    qtbot.mouseClick(keypad.backspace, LEFT)
    assert phone.text() == "13900"
    qtbot.mouseClick(keypad.finish, LEFT)
    assert not dock.isVisible() and phone.text() == "13900"

    # A text field takes the on-screen keyboard, which tests run without: nothing shows.
    text = editors[FieldKind.TEXT].line_edit
    assert text is not None
    click_in_view(qtbot, window.form.scroll_area, phone)
    qtbot.waitUntil(dock.keypad_showing, timeout=2000)
    click_in_view(qtbot, window.form.scroll_area, text)
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=2000)

    qtbot.mouseClick(window.form.next, LEFT)
    assert kiosk.session.form_values[editors[FieldKind.ID_NUMBER].field.name] == ID_NUMBER


def test_the_keypad_attaches_to_any_line_edit_and_keeps_its_limits(qtbot: QtBot) -> None:
    edit = QLineEdit()
    edit.setMaxLength(4)
    attach_keypad(edit, KeypadKind.ID_NUMBER)
    assert not edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    keypad = Keypad()
    qtbot.addWidget(edit)
    qtbot.addWidget(keypad)
    keypad.set_target(edit)
    assert keypad.kind is KeypadKind.ID_NUMBER
    edited: list[str] = []
    edit.textEdited.connect(edited.append)
    for key in "12345":
        qtbot.mouseClick(keypad.keys[key], LEFT)
    assert edit.text() == "1234", "the field's own length limit holds"
    assert edited[-1] == "1234", "keys are edits, as from a keyboard"
    qtbot.mouseClick(keypad.clear_all, LEFT)
    assert edit.text() == "" and edited[-1] == ""
    for key in (*keypad.keys.values(), keypad.extra, keypad.backspace, keypad.finish):
        assert key.focusPolicy() is Qt.FocusPolicy.NoFocus
    keypad.set_target(None)
    qtbot.mouseClick(keypad.keys["7"], LEFT)  # no field: nowhere to type, nothing breaks
    assert edit.text() == ""


def test_each_script_is_shown_in_its_own_font(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, _kiosk = make_shell()
    window = shell.window
    expected = {
        Language.ZH_HANT: "Noto Sans CJK TC",
        Language.ZH_HANS: "Noto Sans CJK SC",
        Language.EN: "Noto Sans CJK SC",
    }
    for language, family in expected.items():
        qtbot.mouseClick(window.header.language_buttons[language], LEFT)
        assert QFontInfo(window.attract.hint.font()).family() == family
        assert QFontInfo(window.header.title.font()).family() == family
