"""Look and language of the whole window: QSS theme, fonts per script, Qt translators."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from assets import asset_path
from kiosk.i18n import Language

log = logging.getLogger(__name__)

# Without explicit families Qt picks Japanese glyph shapes for Chinese; each script gets its own.
FONT_FAMILIES: dict[Language, list[str]] = {
    Language.ZH_HANT: ["Noto Sans CJK TC", "Noto Sans CJK SC"],
    Language.ZH_HANS: ["Noto Sans CJK SC", "Noto Sans CJK TC"],
    Language.EN: ["Noto Sans", "DejaVu Sans", "Noto Sans CJK TC"],
}
BASE_PIXEL_SIZE = 26  # read from a step away by people with poor sight

_QT_LOCALES = {
    Language.ZH_HANT: QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript),
    Language.ZH_HANS: QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript),
    Language.EN: QLocale(QLocale.Language.English),
}


def translations_dir() -> Path:
    return asset_path("translations")


def load_stylesheet() -> str:
    return asset_path("theme.qss").read_text(encoding="utf-8")


class LanguageSwitcher(QObject):
    """Installs the translator and font for a language.

    The window retranslates its widgets itself after ``apply``: Qt sends LanguageChange only
    once the event loop runs, which is too late for the first paint and for tests.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translator: QTranslator | None = None
        self.current: Language | None = None

    def apply(self, language: Language) -> None:
        if language is self.current:
            return
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        qm = translations_dir() / f"kiosk_{language.value}.qm"
        if qm.exists():
            translator = QTranslator(self)
            if translator.load(str(qm)):
                self._app.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("translation %s could not be loaded", qm.name)
        QLocale.setDefault(_QT_LOCALES[language])
        font = QFont()
        font.setFamilies(FONT_FAMILIES[language])
        font.setPixelSize(BASE_PIXEL_SIZE)
        self._app.setFont(font)
        self.current = language


def apply_theme(app: QApplication) -> None:
    app.setStyleSheet(load_stylesheet())
