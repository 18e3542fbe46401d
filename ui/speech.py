"""Spoken prompts through Qt TextToSpeech, where a speech engine is installed.

Off unless ``accessibility.speech`` is on. A kiosk without an engine (no speech-dispatcher),
or whose engine has no voice for the language on screen, says nothing, and says nothing about
it either: no Qt warning, one log line at most. The engine is created on the first prompt, so
a kiosk that never speaks never loads QtTextToSpeech.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibrary, QLibraryInfo, QLocale, QObject

from kiosk.i18n import Language
from ui.qt_noise import quiet_qt_noise

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

# Voices wanted for each language, best first: (language, territory or None for any). A
# Mandarin voice reads Traditional characters too; Cantonese is the last resort for them.
_L, _T = QLocale.Language, QLocale.Country  # PySide names Qt's Territory enum Country
_VOICE_LOCALES: dict[Language, list[tuple[QLocale.Language, QLocale.Country | None]]] = {
    Language.ZH_HANT: [
        (_L.Chinese, _T.Taiwan),
        (_L.Chinese, _T.HongKong),
        (_L.Chinese, None),
        (_L.Cantonese, None),
    ],
    Language.ZH_HANS: [(_L.Chinese, _T.China), (_L.Chinese, None)],
    Language.EN: [
        (_L.English, _T.UnitedStates),
        (_L.English, _T.UnitedKingdom),
        (_L.English, None),
    ],
}
# Qt ships a "mock" engine for testing; it never reads anything aloud to a citizen.
TEST_ENGINE = "mock"


def _plugin_loads(engine: str) -> bool:
    """Whether the engine's plugin and the libraries it needs load (libspeechd for speechd).

    Qt itself would print a critical message for a plugin that cannot load; QLibrary only
    reports it, quietly.
    """
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "texttospeech"
    candidates = sorted(plugins.glob(f"*texttospeech_{engine}.*"))
    return any(QLibrary(str(candidate)).load() for candidate in candidates)


class Speaker(QObject):
    """Says short prompts (a screen's title) in the language they are written in.

    ``engine_name`` empty picks the first installed engine that loads (the test engine never).
    """

    def __init__(
        self, *, enabled: bool, engine_name: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._engine_name = engine_name
        self._engine: QTextToSpeech | None = None
        self._gave_up = False

    def engine(self) -> QTextToSpeech | None:
        """The engine in use (created on first use); None when off or none can speak."""
        if not self.enabled or self._gave_up:
            return None
        if self._engine is None:
            self._engine = self._create_engine()
            self._gave_up = self._engine is None
        return self._engine

    def say(self, text: str, language: Language) -> bool:
        """Say ``text`` (interrupting whatever is being said); False if nothing is said."""
        text = text.strip()
        if not text:
            return False
        engine = self.engine()
        if engine is None:
            return False
        locale = self._voice_locale(engine, language)
        if locale is None:
            return False  # a wrong-language voice reading Chinese helps nobody
        if engine.locale() != locale:
            engine.setLocale(locale)
        engine.stop()
        engine.say(text)
        return True

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()

    def _create_engine(self) -> QTextToSpeech | None:
        quiet_qt_noise()  # before Qt Multimedia loads with the speech module
        from PySide6.QtTextToSpeech import QTextToSpeech

        installed = QTextToSpeech.availableEngines()
        if self._engine_name:
            names = [self._engine_name] if self._engine_name in installed else []
        else:
            names = [name for name in installed if name != TEST_ENGINE]
        for name in names:
            if not _plugin_loads(name):
                continue
            engine = QTextToSpeech(name, self)
            if engine.state() is not QTextToSpeech.State.Error:
                log.info("spoken prompts through the %s speech engine", name)
                return engine
            engine.deleteLater()
        log.info("spoken prompts are on but no speech engine works here: staying silent")
        return None

    @staticmethod
    def _voice_locale(engine: QTextToSpeech, language: Language) -> QLocale | None:
        available = engine.availableLocales()
        for wanted_language, territory in _VOICE_LOCALES[language]:
            for locale in available:
                if locale.language() == wanted_language and (
                    territory is None or locale.territory() == territory
                ):
                    return locale
        return None
