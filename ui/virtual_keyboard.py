"""Qt Virtual Keyboard's own ``InputPanel`` in a ``QQuickWidget``, built on first need.

Qt picks its input method once, when the QApplication is made (``ui.keyboard.
prepare_input_method``); the panel, Qt Quick and the keyboard's QML load only when a text field
first needs them (``VirtualKeyboard.load``). ``ui.keyboard.InputDock`` places the view.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.input_method import keyboard_requested
from ui.qt_noise import quiet_qt_noise

if TYPE_CHECKING:
    from PySide6.QtQml import QQmlComponent
    from PySide6.QtQuick import QQuickItem
    from PySide6.QtQuickWidgets import QQuickWidget

log = logging.getLogger(__name__)

_PLUGIN = "platforminputcontexts/libqtvirtualkeyboardplugin.so"
# The keyboard's languages, in the order its language key goes through them: Zhuyin and
# Cangjie (zh_TW), Pinyin (zh_CN), English.
KEYBOARD_LOCALES = ("zh_TW", "zh_CN", "en_US")
# Wide enough for keys a finger hits (~130 px at 1080p), low enough to leave the screen room.
PANEL_WIDTH = 1440
# The panel keeps its style's proportions (Qt's default style is designed 2560 x 800), so on a
# short screen it is made narrower: never more than this share of the window's height.
PANEL_HEIGHT_PER_WIDTH = 800 / 2560
MAX_HEIGHT_SHARE = 0.42

_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    property string language: ""
    property int panelWidth: %WIDTH%
    implicitHeight: panel.height
    onLanguageChanged: if (language) VirtualKeyboardSettings.locale = language
    Component.onCompleted: VirtualKeyboardSettings.activeLocales = %LOCALES%
    InputPanel {
        id: panel
        objectName: "input-panel"
        width: Math.min(root.width, root.panelWidth)
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
    }
}
"""


def panel_width(window_height: int) -> int:
    """How wide the panel may be in a window ``window_height`` pixels high."""
    return min(PANEL_WIDTH, int(window_height * MAX_HEIGHT_SHARE / PANEL_HEIGHT_PER_WIDTH))


def keyboard_installed() -> bool:
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return (plugins / _PLUGIN).exists()


def keyboard_input_context_loaded() -> bool:
    """Whether this process's input context is the virtual keyboard's (chosen at start-up).

    Qt loads the first requested module that works: where the keyboard's is among them, its
    library in this process's memory says whether Qt took it.
    """
    if not keyboard_requested(os.environ):
        return False
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # not Linux: trust the variable
    return Path(_PLUGIN).name in maps


class VirtualKeyboard(QObject):
    """Signals:
    ready(): loaded; ``view`` can be shown.
    failed(): it could not be loaded (the reason is logged); ``available`` is now False.
    """

    ready = Signal()
    failed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.view: QQuickWidget | None = None
        self.root: QQuickItem | None = None
        self._component: QQmlComponent | None = None
        self._broken = not keyboard_input_context_loaded()

    @property
    def available(self) -> bool:
        """False where the keyboard cannot be (no plugin, no QML, or it failed to load)."""
        return not self._broken

    @property
    def loaded(self) -> bool:
        return self.root is not None

    def showing(self) -> bool:
        return self.view is not None and self.view.isVisible()

    def load(self) -> QQuickWidget | None:
        """Start loading (once); the view, hidden, for the caller to place. ``ready`` follows."""
        if self._broken or self.view is not None:
            return None
        from PySide6.QtQml import QQmlComponent
        from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
        from PySide6.QtQuickWidgets import QQuickWidget

        quiet_qt_noise()
        if "QT_QUICK_BACKEND" not in os.environ and "QSG_RHI_BACKEND" not in os.environ:
            # A keyboard is flat 2-D: the CPU draws it on any box, GPU driver or not.
            QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
        view = QQuickWidget(self._parent)
        view.setObjectName("virtual-keyboard")
        view.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps focus while keys are hit
        view.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        view.hide()
        self.view = view
        locales = "[" + ", ".join(f'"{locale}"' for locale in KEYBOARD_LOCALES) + "]"
        source = _QML.replace(b"%LOCALES%", locales.encode()).replace(
            b"%WIDTH%", str(PANEL_WIDTH).encode()
        )
        component = QQmlComponent(view.engine(), view)
        self._component = component
        component.setData(source, QUrl("qrc:/onestop/keyboard.qml"))
        if component.isLoading():
            component.statusChanged.connect(lambda _status: self._loaded())
        else:
            self._loaded()
        return view

    def _loaded(self) -> None:
        component, view = self._component, self.view
        if component is None or view is None or component.isLoading() or self.root is not None:
            return
        root = component.create() if component.isReady() else None
        if root is None:
            problems = "; ".join(error.toString() for error in component.errors())
            log.warning("on-screen keyboard unavailable: %s", problems or "no root item")
            self._broken = True
            self.failed.emit()
            return
        view.setContent(component.url(), component, root)
        self.root = view.rootObject()
        self.root.implicitHeightChanged.connect(self._fit)
        self._fit()
        log.info("on-screen keyboard loaded")
        self.ready.emit()

    def _fit(self) -> None:
        # A view without its height would paint nothing (and Qt would complain).
        if self.root is not None and self.view is not None:
            height = int(self.root.implicitHeight())
            if height > 0:
                self.view.setFixedHeight(height)

    def show_for(self, field: QWidget, layout: str) -> None:
        """Show the keyboard for ``field`` with the layout of ``layout`` (a Qt locale name)."""
        if self.view is None or self.root is None:
            return
        # Nothing a citizen types may be learned for the next one: Pinyin keeps no user
        # dictionary for a field marked sensitive.
        hints = field.inputMethodHints()
        if not hints & Qt.InputMethodHint.ImhSensitiveData:
            field.setInputMethodHints(hints | Qt.InputMethodHint.ImhSensitiveData)
        if layout in KEYBOARD_LOCALES:
            self.root.setProperty("language", layout)
        self.root.setProperty("panelWidth", panel_width(self._parent.window().height()))
        self.view.show()
        QGuiApplication.inputMethod().show()

    def hide(self) -> None:
        if self.view is not None and self.view.isVisible():
            self.view.hide()
            QGuiApplication.inputMethod().hide()
