"""Look and language of the whole window: QSS theme, display modes, fonts per script, Qt
translators.

Display modes (large text, high contrast, care) are properties on the main window that the
style sheet selects on (``QWidget#main-window[textSize="large"] ...``), so every screen, and
every widget a screen builds later, follows them without code of its own. The large-text
and care rules are derived from the theme itself (every ``font-size`` and ``min-height``
scaled), so a role another screen adds to ``theme.qss`` grows with the rest.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from assets import asset_path
from kiosk.i18n import Language

log = logging.getLogger(__name__)

# Without explicit families Qt picks Japanese glyph shapes for Chinese; each script gets its
# own. English uses the Simplified face too: its Latin letters are good, and Chinese names or
# addresses shown in English mode need no second font file (each one adds ~10 MiB of RSS).
FONT_FAMILIES: dict[Language, list[str]] = {
    Language.ZH_HANT: ["Noto Sans CJK TC", "Noto Sans CJK SC"],
    Language.ZH_HANS: ["Noto Sans CJK SC", "Noto Sans CJK TC"],
    Language.EN: ["Noto Sans CJK SC", "Noto Sans CJK TC"],
}
BASE_PIXEL_SIZE = 26  # read from a step away by people with poor sight

# Large text: every font 30 % bigger. Care mode: large text, and every touch target 25 % taller.
LARGE_TEXT_FACTOR = 1.3
CARE_TARGET_FACTOR = 1.25
MAIN_WINDOW = "QWidget#main-window"

_QT_LOCALES = {
    Language.ZH_HANT: QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript),
    Language.ZH_HANS: QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript),
    Language.EN: QLocale(QLocale.Language.English),
}


@dataclass(frozen=True)
class DisplayModes:
    """How the window looks for the citizen in front of it; all off for the next one."""

    large_text: bool = False
    high_contrast: bool = False
    care: bool = False  # for the elderly: large text, larger targets, fewer choices per screen

    @property
    def text_size(self) -> str:
        return "large" if self.large_text or self.care else "normal"

    @property
    def contrast(self) -> str:
        return "high" if self.high_contrast else "normal"


def translations_dir() -> Path:
    return asset_path("translations")


_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _scaled_rules(base: str, prefix: str, prop: str, factor: float) -> list[str]:
    """For each rule of ``base`` that sets ``prop`` in px: the same selectors under ``prefix``
    with the value times ``factor`` (more specific, so it wins while the prefix matches)."""
    pattern = re.compile(rf"(?<![-\w]){prop}\s*:\s*(\d+)px")
    rules: list[str] = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", base)):
        found = pattern.search(body)
        if found is None:
            continue
        scoped = [
            f"{prefix} {selector.strip()}"
            for selector in selectors.split(",")
            if selector.strip() and not selector.strip().startswith(MAIN_WINDOW)
        ]
        if scoped:
            value = round(int(found.group(1)) * factor)
            rules.append(f"{', '.join(scoped)} {{ {prop}: {value}px; }}")
    return rules


def display_mode_rules(base: str) -> str:
    """The large-text and care rules derived from the theme ``base``."""
    large = f'{MAIN_WINDOW}[textSize="large"]'
    care = f'{MAIN_WINDOW}[care="on"]'
    lines = ["/* Derived by ui/theme.py from the rules above: large text and care mode. */"]
    # Text without a role of its own (the application font) first: role rules follow and win.
    lines.append(
        f"{large} QWidget {{ font-size: {round(BASE_PIXEL_SIZE * LARGE_TEXT_FACTOR)}px; }}"
    )
    lines += _scaled_rules(base, large, "font-size", LARGE_TEXT_FACTOR)
    lines += _scaled_rules(base, care, "min-height", CARE_TARGET_FACTOR)
    return "\n".join(lines) + "\n"


def load_stylesheet() -> str:
    """The theme and its derived mode rules (the application's style sheet)."""
    base = asset_path("theme.qss").read_text(encoding="utf-8")
    return base + "\n" + display_mode_rules(base)


def window_style_sheet(modes: DisplayModes, language: Language | None) -> str:
    """The main window's own sheet: its script's font (``language``), and a note of the modes.

    The font is here, not only in QApplication.setFont: a widget a style sheet has styled keeps
    the family it was first polished with and would never change script again.
    """
    sheet = f"/* display modes: {modes} */\n"
    if language is not None:
        sheet += f'* {{ font-family: "{FONT_FAMILIES[language][0]}"; }}\n'
    return sheet


def apply_window_style(window: QWidget, modes: DisplayModes, language: Language | None) -> None:
    """Set the window's mode properties and script font, and restyle everything in it."""
    values = {"textSize": modes.text_size, "contrast": modes.contrast, "care": _on(modes.care)}
    sheet = window_style_sheet(modes, language)
    if sheet == window.styleSheet() and all(
        window.property(name) == value for name, value in values.items()
    ):
        return
    for name, value in values.items():
        window.setProperty(name, value)
    # Qt re-reads a style sheet's property selectors only when a widget is polished again;
    # setting the window's own sheet re-polishes all it holds, in one call. (A Python loop
    # over every widget would be thousands of calls into PySide, each of which, in 6.12 on
    # Python 3.11, takes a reference from None that it never gives back.)
    window.setStyleSheet(sheet)


def _on(flag: bool) -> str:
    return "on" if flag else "off"


class LanguageSwitcher(QObject):
    """Installs the translator and font for a language.

    The window retranslates its widgets itself after ``apply``: Qt sends LanguageChange only
    once the event loop runs, which is too late for the first paint and for tests.

    Signals:
        applied(Language): translator, locale and application font are now the language's.
    """

    applied = Signal(object)

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
        self._app.setFont(script_font(language))  # for what no style sheet reaches (QML)
        self.current = language
        self.applied.emit(language)


def script_font(language: Language) -> QFont:
    """The application font for text in ``language``: its script's own glyph shapes."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES[language])
    font.setPixelSize(BASE_PIXEL_SIZE)
    return font


def apply_theme(app: QApplication) -> None:
    app.setStyleSheet(load_stylesheet())
