"""For everyone: display modes, the keypad / keyboard dock and spoken titles, wired to a window.

The main window builds one ``Accessibility`` and puts its ``input_dock`` under the screens.
Everything here is per citizen: large text, high contrast and care mode are chosen on the
start screen and end with the session (and on the start screen itself, when whoever chose
them walks away without starting).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.app import Kiosk
from kiosk.session import State
from ui.keyboard import InputDock
from ui.screens.attract import AttractScreen
from ui.speech import Speaker
from ui.theme import DisplayModes, LanguageSwitcher, apply_window_style
from ui.widgets import Header

# A screen's title, for reading it aloud: the first visible label of these roles, in order.
TITLE_ROLES = ("hero", "title")


def screen_title(screen: QWidget) -> str:
    labels = [label for label in screen.findChildren(QLabel) if label.isVisibleTo(screen)]
    for role in TITLE_ROLES:
        for label in labels:
            if label.property("role") == role and label.text().strip():
                return label.text()
    return ""


class Accessibility(QObject):
    """Signals:
    modes_changed(DisplayModes): the window now shows these display modes.
    """

    modes_changed = Signal(object)

    def __init__(
        self,
        window: QWidget,
        *,
        kiosk: Kiosk,
        screens: Mapping[State, QWidget],
        stack: QWidget,
        attract: AttractScreen,
        header: Header,
        languages: LanguageSwitcher,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = kiosk.session
        self._screens = screens
        self._attract = attract
        self._languages = languages
        self.modes = DisplayModes()
        self.input_dock = InputDock(window)
        # The dock takes its height from the screens, never from the window, which must stay
        # the size of the display: a screen taller than what is left scrolls, or is cut short
        # below the field being filled in (which the dock scrolls into view).
        stack.setMinimumHeight(1)
        config = kiosk.config.accessibility
        self.speaker = Speaker(enabled=config.speech, engine_name=config.speech_engine, parent=self)
        # Modes chosen on the start screen by someone who then walks away: gone after the
        # time any other screen would have waited.
        self._forget = QTimer(self)
        self._forget.setSingleShot(True)
        self._forget.setInterval(kiosk.config.session.idle_timeout_s * 1000)
        self._forget.timeout.connect(self._forget_unused_modes)
        attract.modes_chosen.connect(self.choose)
        languages.applied.connect(lambda _language: self._restyle())
        self._restyle()
        header.language_chosen.connect(lambda _language: self.announce())
        self._session.subscribe(self._state_changed)

    def choose(self, modes: DisplayModes) -> None:
        """The citizen chose ``modes`` (care mode also slows the session's timeouts)."""
        if modes.care != self._session.care_mode:
            self._session.set_care_mode(modes.care)
        self._show(modes)
        if self._session.state is State.ATTRACT and modes != DisplayModes():
            self._forget.start()

    def _show(self, modes: DisplayModes) -> None:
        self._attract.show_modes(modes)
        if modes == self.modes:
            return
        self.modes = modes
        self._restyle()
        self.modes_changed.emit(modes)

    def _restyle(self) -> None:
        apply_window_style(self._window, self.modes, self._languages.current)

    def _forget_unused_modes(self) -> None:
        if self._session.state is State.ATTRACT:
            self.choose(DisplayModes())

    def _state_changed(self, old: State, new: State) -> None:
        if old is not new:
            self.input_dock.dismiss()  # a new screen starts without keypad or keyboard
        if new is State.ATTRACT:
            self._forget.stop()
            self._show(DisplayModes())  # the session was wiped: the next citizen's kiosk
        elif self.modes.care != self._session.care_mode:
            modes = self.modes
            self._show(DisplayModes(modes.large_text, modes.high_contrast, self._session.care_mode))
        if old is not new:
            self.announce()

    def announce(self) -> bool:
        """Read the current screen's title aloud (when spoken prompts are on)."""
        if not self.speaker.enabled:
            return False
        screen = self._screens.get(self._session.state)
        if screen is None:
            return False
        return self.speaker.say(screen_title(screen), self._session.language)
