"""Spoken prompts: each screen's title read out on arrival, in its language, through a real
Qt TextToSpeech engine (Qt's own "mock" plugin, which reports each word it says; its voices
are English only, which also shows a Chinese title is never read by a wrong-language voice)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.i18n import Language
from tests.ui.conftest import MakeShell
from ui.accessibility import screen_title
from ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


class Listener:
    """What the engine said, word by word, and whether it is still speaking."""

    def __init__(self, window: MainWindow) -> None:
        engine = window.accessibility.speaker.engine()
        assert engine is not None and engine.engine() == "mock"
        self.engine = engine
        self.words: list[str] = []
        self.utterances = 0
        engine.sayingWord.connect(lambda word, _id, _start, _length: self.words.append(word))
        engine.aboutToSynthesize.connect(lambda _id: self._started())

    def _started(self) -> None:
        self.utterances += 1
        self.words = []

    def heard(self, qtbot: QtBot, text: str) -> None:
        qtbot.waitUntil(lambda: self.words == text.split(), timeout=10000)


def test_each_screen_title_is_spoken_on_arrival_in_its_language(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    shell, kiosk = make_shell(accessibility={"speech": True, "speech_engine": "mock"})
    window = shell.window
    listener = Listener(window)

    qtbot.mouseClick(window.header.language_buttons[Language.EN], LEFT)
    listener.heard(qtbot, screen_title(window.attract))
    assert screen_title(window.attract) == window.attract.welcome.text()

    qtbot.mouseClick(window.attract.start, LEFT)
    title = screen_title(window.identify)
    assert title and title.isascii()
    listener.heard(qtbot, title)

    # No Chinese voice in this engine: the Chinese title is not read out by an English one.
    said = listener.utterances
    qtbot.mouseClick(window.header.language_buttons[Language.ZH_HANS], LEFT)
    assert not window.accessibility.announce()
    qtbot.mouseClick(window.identify.back, LEFT)
    assert listener.utterances == said
    assert kiosk.session.language is kiosk.session.default_language


def test_spoken_prompts_are_off_unless_configured(qtbot: QtBot, make_shell: MakeShell) -> None:
    shell, _kiosk = make_shell()
    window = shell.window
    assert not window.accessibility.speaker.enabled
    qtbot.mouseClick(window.attract.start, LEFT)
    assert not window.accessibility.announce()
    assert window.accessibility.speaker.engine() is None


def test_without_a_working_engine_the_kiosk_is_silent_and_says_nothing_of_it(
    qtbot: QtBot, make_shell: MakeShell
) -> None:
    # An engine that is not installed here; unexpected Qt warnings would fail this test.
    shell, _kiosk = make_shell(accessibility={"speech": True, "speech_engine": "nonesuch"})
    window = shell.window
    qtbot.mouseClick(window.header.language_buttons[Language.EN], LEFT)
    qtbot.mouseClick(window.attract.start, LEFT)
    assert not window.accessibility.announce()
    assert window.accessibility.speaker.engine() is None
