"""The screen a passer-by sees: what the kiosk does and how to begin.

A card left in the reader is announced here first in the language of the citizen who left it,
who may read no other (an elderly villager reading only Chinese, at a kiosk whose default is
English), and below that in the language the screen now speaks, for whoever can call them back
(hall staff, a neighbour): one line when the two are the same.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTranslator, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.i18n import Language
from ui.adaptive import ButtonStack, ShrinkingScrollArea
from ui.adaptive import column as adaptive_column
from ui.screens.base import WordsAndButtonsScreen
from ui.theme import FONT_FAMILIES, DisplayModes, translations_dir
from ui.widgets import big_button, label
from ui.wrap_button import wrap_button

# Marked for translation here, looked up in two languages at once below.
CARD_REMINDER = str(QT_TRANSLATE_NOOP("AttractScreen", "Please take your ID card from the reader."))


class AttractScreen(WordsAndButtonsScreen):
    """Signals:
    start_requested(): the citizen touched "start".
    demo_card_requested(): the demo-only "insert demo card" button was touched.
    demo_card_taken(): the demo-only "take demo card" button was touched.
    modes_chosen(DisplayModes): a large text / high contrast / care toggle was touched; all
        three as they now are.
    """

    start_requested = Signal()
    demo_card_requested = Signal()
    demo_card_taken = Signal()
    modes_chosen = Signal(object)

    def __init__(self, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.setAlignment(Qt.AlignmentFlag.AlignVCenter)  # full width: text wraps late
        # The words scroll where a short window has no room for them all (large text, a card
        # left behind): "start" and the toggles below them never leave the screen.
        words, column = adaptive_column(spacing=self.body.spacing())
        self.welcome = label("hero", words)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label("lead", words)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The card's owner's language first; the screen's own below it when that differs.
        self.card_reminder = label("warning", words)
        self.card_reminder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_reminder.hide()
        self.card_reminder_also = label("warning", words)
        self.card_reminder_also.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_reminder_also.hide()
        for widget in (self.card_reminder, self.card_reminder_also, self.welcome, self.hint):
            column.addWidget(widget)
        self.message = ShrinkingScrollArea(words, self)
        self._reminder_language: Language | None = None
        self._translators: dict[Language, QTranslator] = {}
        # One above the other; across where the window is short.
        self.buttons = ButtonStack(spacing=self.body.spacing(), parent=self)
        self.start = big_button("primary", self.buttons)
        self.start.clicked.connect(self.start_requested)
        self.demo_card = big_button("demo", self.buttons)
        self.demo_card.clicked.connect(self.demo_card_requested)
        self.demo_card.setVisible(demo)
        # The demo's card never leaves a real reader: this button plays the citizen taking it.
        self._demo = demo
        self.take_demo_card = big_button("demo", self.buttons)
        self.take_demo_card.clicked.connect(self.demo_card_taken)
        self.take_demo_card.hide()
        for button in (self.start, self.demo_card, self.take_demo_card):
            self.buttons.add(button)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addSpacing(32)
        self.body.addWidget(self.buttons)
        self.body.addStretch(1)
        # Big toggles for whoever cannot read the screen as it is: before anything else.
        self.large_text = self._toggle()
        self.high_contrast = self._toggle()
        self.care_mode = self._toggle()
        toggles = QHBoxLayout()
        toggles.setSpacing(32)
        toggles.addStretch(1)
        for toggle in (self.large_text, self.high_contrast, self.care_mode):
            toggles.addWidget(toggle)
        toggles.addStretch(1)
        self.body.addLayout(toggles)
        self.retranslate()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Welcome to the OneStop service kiosk"))
        self.hint.setText(
            self.tr("Insert your ID card to apply for a service, or touch the button below.")
        )
        self.start.setText(self.tr("Start"))
        self.demo_card.setText(self.tr("Insert demo card"))
        self._word_card_reminder()
        self.take_demo_card.setText(self.tr("Take demo card"))
        self._name_toggles()

    def _toggle(self) -> QPushButton:
        # Wraps rather than be cut short where three long names do not fit one line.
        toggle = wrap_button("mode", self)
        toggle.setCheckable(True)
        toggle.clicked.connect(self._toggled)
        return toggle

    def _name_toggles(self) -> None:
        # A tick as well as the colour says which are on (not everyone tells colours apart).
        for toggle, name in (
            (self.large_text, self.tr("Large text")),
            (self.high_contrast, self.tr("High contrast")),
            (self.care_mode, self.tr("Care mode for seniors")),
        ):
            toggle.setText(("✓ " if toggle.isChecked() else "") + name)

    def _toggled(self) -> None:
        self._name_toggles()
        self.modes_chosen.emit(self.modes())

    def modes(self) -> DisplayModes:
        return DisplayModes(
            large_text=self.large_text.isChecked(),
            high_contrast=self.high_contrast.isChecked(),
            care=self.care_mode.isChecked(),
        )

    def show_modes(self, modes: DisplayModes) -> None:
        self.large_text.setChecked(modes.large_text)
        self.high_contrast.setChecked(modes.high_contrast)
        self.care_mode.setChecked(modes.care)
        self._name_toggles()

    def clear(self) -> None:
        self.show_modes(DisplayModes())  # the next citizen starts with the kiosk as it is

    def show_card_reminder(self, visible: bool, language: Language | None = None) -> None:
        """Ask for the card to be taken (or stop asking); ``language``: the one its owner
        used, if known."""
        self._reminder_language = language if visible else None
        self.card_reminder.setVisible(visible)
        self.card_reminder_also.setVisible(False)
        self._word_card_reminder()
        self.take_demo_card.setVisible(visible and self._demo)
        self.demo_card.setVisible(self._demo and not visible)

    def _word_card_reminder(self) -> None:
        here = self.tr(CARD_REMINDER)
        owner = self._reminder_language
        theirs = here if owner is None else self._translated(owner, CARD_REMINDER)
        self.card_reminder.setText(theirs)
        self.card_reminder_also.setText("" if theirs == here else here)
        if not self.card_reminder.isHidden():  # the screen's language may have changed
            self.card_reminder_also.setVisible(theirs != here)
        # Their script's own glyph shapes, whatever the screen's language is.
        family = "" if theirs == here or owner is None else FONT_FAMILIES[owner][0]
        sheet = f'font-family: "{family}";' if family else ""
        if self.card_reminder.styleSheet() != sheet:
            self.card_reminder.setStyleSheet(sheet)

    def _translated(self, language: Language, source: str) -> str:
        """``source`` in ``language``, whichever language the application now speaks."""
        translator = self._translators.get(language)
        if translator is None:
            translator = QTranslator(self)
            if not translator.load(str(translations_dir() / f"kiosk_{language.value}.qm")):
                return source  # without its file: the source text (English)
            self._translators[language] = translator
        return translator.translate("AttractScreen", source) or source
