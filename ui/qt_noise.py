"""Quiet Qt's own chatter from the optional modules the kiosk loads late.

Qt Virtual Keyboard's QML and Qt Multimedia (under the keyboard's key sounds and Qt
TextToSpeech) print warnings on every machine that change nothing for the citizen: a missing
PipeWire (PulseAudio is used), QML members its own authors shadowed, a binding on a property
Qt Widgets never announces. They would bury real problems in the journal, and tests fail on
any Qt warning. Only these are dropped; every other message passes through unchanged.
"""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QLoggingCategory, QMessageLogContext, QtMsgType

QUIET_CATEGORIES = ("qt.multimedia.symbolsresolver", "qt.qml.propertyCache.append")
QUIET_MESSAGES = re.compile(
    # The keyboard's QML reads the focused field's echoMode, which QLineEdit never announces:
    # Qt prints the binding and then the property, as two messages.
    r"QQmlExpression: Expression qrc:/qt-project.org/imports/QtQuick/VirtualKeyboard/"
    r".*depends on non-bindable properties:$|\s+\w+::echoMode$"
    # Pinyin's first start on a box, as a warning. (It learns nothing: fields are sensitive.)
    r"|PinyinDecoderService::init\(\): creating directory for user dictionary"
    # QtWayland, whenever the keyboard is asked for; since Qt 6.7 it loads it all the same
    # (tests/packaging/test_wayland_keyboard.py types through it in cage).
    r"|qtvirtualkeyboard currently is not supported at client-side"
)


class _MessageFilter:
    """Drops the messages above; hands every other one to the handler installed before."""

    def __init__(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        self._previous = qInstallMessageHandler(self)

    def __call__(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if QUIET_MESSAGES.match(message):
            return
        if self._previous is not None:
            self._previous(mode, context, message)
        else:
            from PySide6.QtCore import qFormatLogMessage

            print(qFormatLogMessage(mode, context, message), file=sys.stderr)


_filter: _MessageFilter | None = None


def quiet_qt_noise() -> None:
    """Before loading the keyboard or a speech engine. Qt's message handler is one per
    process, so this installs its filter once."""
    global _filter
    QLoggingCategory.setFilterRules(
        "\n".join(f"{category}.warning=false" for category in QUIET_CATEGORIES)
    )
    if _filter is None:
        _filter = _MessageFilter()
