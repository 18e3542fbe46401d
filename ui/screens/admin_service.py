"""Staff page: the kiosk itself. Out of service (with a chosen message) and back, reset, and
the language each new citizen starts in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import Language
from ui.screens.admin_page import ScrollingPage
from ui.screens.out_of_service import OutOfServiceNotice, message_text, notice_text
from ui.widgets import big_button, label
from ui.wrap_button import wrap_button

# Each language named in itself, as on the header.
_LANGUAGE_NAMES = {
    Language.ZH_HANT: "繁體中文",
    Language.ZH_HANS: "简体中文",
    Language.EN: "English",
}


class ServicePage(ScrollingPage):
    """Signals:
    suspend_requested(OutOfServiceNotice): take the kiosk out of service with this message.
    resume_requested(): put it back in service.
    reset_requested(): wipe the session and clear every screen (back to the start).
    default_language_chosen(Language): new citizens start in this language.
    """

    suspend_requested = Signal(object)
    resume_requested = Signal()
    reset_requested = Signal()
    default_language_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.status = label("lead", self)
        self.resume = big_button("primary", self)
        self.resume.clicked.connect(self.resume_requested)
        self.notice_caption = label("field-label", self)
        self.notice_buttons: dict[OutOfServiceNotice, QPushButton] = {}
        notices = QGridLayout()
        notices.setSpacing(12)
        for index, notice in enumerate(OutOfServiceNotice):
            button: QPushButton = wrap_button("message", self)  # a sentence: it wraps
            button.clicked.connect(lambda _=False, n=notice: self.suspend_requested.emit(n))
            self.notice_buttons[notice] = button
            notices.addWidget(button, index // 2, index % 2)
        self.language_caption = label("field-label", self)
        self.language_buttons: dict[Language, QPushButton] = {}
        languages = QHBoxLayout()
        for language, name in _LANGUAGE_NAMES.items():
            button = big_button("choice", self)
            button.setText(name)
            button.setCheckable(True)
            button.clicked.connect(
                lambda _=False, lang=language: self.default_language_chosen.emit(lang)
            )
            self.language_buttons[language] = button
            languages.addWidget(button)
        self.reset_caption = label("field-label", self)
        self.reset = big_button("secondary", self)
        self.reset.clicked.connect(self.reset_requested)
        # The status beside the heading, each setting on one row: the page keeps to the
        # screen's height in large text and care mode.
        top = QHBoxLayout()
        top.setSpacing(32)
        top.addWidget(self.heading)
        top.addWidget(self.status, 1)
        top.addWidget(self.resume)
        # Like a list of settings: what each does on the left, its buttons on the right.
        languages.insertWidget(0, self.language_caption, 1)
        languages.insertSpacing(1, 16)
        reset = QHBoxLayout()
        reset.setSpacing(32)
        reset.addWidget(self.reset_caption, 1)
        reset.addWidget(self.reset)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addLayout(top)
        column.addWidget(self.notice_caption)
        column.addLayout(notices)
        column.addLayout(languages)
        column.addLayout(reset)
        column.addStretch(1)
        self._out_of_service: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("This kiosk"))
        self.resume.setText(self.tr("Back in service"))
        self.notice_caption.setText(self.tr("Take out of service with this message:"))
        for notice, button in self.notice_buttons.items():
            button.setText(notice_text(notice))
        self.language_caption.setText(self.tr("Language a new citizen starts in:"))
        self.reset_caption.setText(
            self.tr("Reset: forget the current session and go back to the start screen.")
        )
        self.reset.setText(self.tr("Reset the kiosk"))
        self._show_status()

    def show_service(self, out_of_service_message: str | None) -> None:
        """``None``: in service; else out of service with that message."""
        self._out_of_service = out_of_service_message
        self._show_status()

    def show_default_language(self, language: Language) -> None:
        for lang, button in self.language_buttons.items():
            button.setChecked(lang is language)

    def _show_status(self) -> None:
        message = self._out_of_service
        self.resume.setVisible(message is not None)
        if message is None:
            self.status.setText(self.tr("In service."))
        else:
            self.status.setText(
                self.tr("Out of service. Citizens see: %1").replace("%1", message_text(message))
            )
