"""Lockdown: escape keys, the close event, context menus and file dialogs lead nowhere."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session import State
from tests.ui.conftest import MakeShell, open_form, type_into
from ui.lockdown import Lockdown

LEFT = Qt.MouseButton.LeftButton
Key, Mod = Qt.Key, Qt.KeyboardModifier
ESCAPES = [
    (Key.Key_F4, Mod.AltModifier),
    (Key.Key_Q, Mod.ControlModifier),
    (Key.Key_W, Mod.ControlModifier),
    (Key.Key_Escape, Mod.NoModifier),
]


def lockdown_of(window: QWidget) -> Lockdown:
    (found,) = window.findChildren(Lockdown)
    return found


def test_no_escape_key_moves_the_window_or_the_form(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    service = open_form(qtbot, shell, kiosk, "HL-002")
    edit = window.form.editors[service.fields[0].name].line_edit
    assert edit is not None
    type_into(qtbot, edit, "路燈")
    fired: list[str] = []
    edit.textChanged.connect(lambda _text: fired.append("edited"))
    for key, modifier in ESCAPES:
        # Anything bound to the key (here by the test; in real life by Qt, a style or a
        # developer) stays quiet, wherever the focus is.
        shortcut = QShortcut(QKeySequence(QKeyCombination(modifier, key)), window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda key=key: fired.append(f"shortcut {key.name}"))
        qtbot.keyClick(edit, key, modifier)
        qtbot.keyClick(window, key, modifier)
        assert fired == [], (key, modifier)
        assert window.isVisible() and not window.isHidden()
        assert kiosk.session.state is State.FORM and edit.text() == "路燈"
    qtbot.keyClicks(edit, "qw")  # the same letters without Ctrl still type
    assert edit.text() == "路燈qw"


def test_a_close_from_outside_the_program_is_refused(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    window = shell.window
    qtbot.mouseClick(window.attract.demo_card, LEFT)
    # As a window manager's close button or Alt+F4 arrives: at the window's handle, which
    # passes it on to the widget as a spontaneous close event.
    event = QCloseEvent()
    QApplication.sendEvent(window.windowHandle(), event)
    assert not event.isAccepted()
    assert window.isVisible() and kiosk.session.state is State.MENU
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_the_program_itself_still_closes_its_window(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, _ = make_shell()
    window = shell.window
    shell.shut_down()
    assert not window.isVisible()


def test_a_quit_lets_the_window_close(
    qtbot: QtBot, qapp: QApplication, make_shell: MakeShell
) -> None:
    shell, _ = make_shell()
    window = shell.window
    lockdown = lockdown_of(window)
    assert not lockdown.released
    # What QApplication.quit() sends the application before it asks the windows to close
    # (given to the filter alone: a real one would end this test run's application).
    assert not lockdown.eventFilter(qapp, QEvent(QEvent.Type.Quit))
    assert lockdown.released
    event = QCloseEvent()
    QApplication.sendEvent(window.windowHandle(), event)
    assert event.isAccepted() and not window.isVisible()


def test_no_context_menu_shows(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, kiosk = make_shell()
    service = open_form(qtbot, shell, kiosk, "HL-002")
    edit = shell.window.form.editors[service.fields[0].name].line_edit
    assert isinstance(edit, QLineEdit)
    for reason in (QContextMenuEvent.Reason.Mouse, QContextMenuEvent.Reason.Keyboard):
        event = QContextMenuEvent(reason, QPoint(5, 5), edit.mapToGlobal(QPoint(5, 5)))
        QApplication.sendEvent(edit, event)
        qtbot.wait(50)
        assert QApplication.activePopupWidget() is None
    for widget in shell.window.findChildren(QLineEdit):
        assert widget.contextMenuPolicy() is not Qt.ContextMenuPolicy.CustomContextMenu


def test_a_file_dialog_never_reaches_the_screen(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, _ = make_shell()
    dialog = QFileDialog(shell.window)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)


def test_the_file_dialog_helpers_return_nothing(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, _ = make_shell()
    # A guard in case the lockdown fails: the test must end, not hang in the dialog's loop.
    rescue = QTimer(shell.window)
    rescue.setSingleShot(True)
    rescued: list[bool] = []

    def close_it() -> None:
        rescued.append(True)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog):
                widget.reject()

    rescue.timeout.connect(close_it)
    rescue.start(3000)
    path, _filter = QFileDialog.getOpenFileName(shell.window, "open")
    rescue.stop()
    assert path == "" and not rescued
