"""The hotline screen's details page: the description with its length counter, then the contact
(or anonymity, where the category allows it), each problem shown beside its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.hotline_categories import HotlineCategory
from kiosk.hotline_desk import (
    CONTACT_NAME_MAX_CHARS,
    DESCRIPTION_MAX_CHARS,
    HotlineField,
    HotlineProblem,
    description_length,
)
from kiosk.i18n import Language
from ui.keypad import KeypadKind, attach_keypad
from ui.screens.hotline_texts import HotlineFailure, HotlineTexts
from ui.widgets import big_button, label, vertical_scroll_area


def restyle(widget: QWidget, role: str) -> None:
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class HotlineDetails(QWidget):
    """Signals:
    emergency_requested(): show the emergency numbers.
    """

    emergency_requested = Signal()

    def __init__(self, texts: HotlineTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.area = vertical_scroll_area(self, framed=False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.area, 1)

        form_widget = QWidget()
        # On the page itself, not above the pages, where its height would add to the tallest;
        # first in what scrolls, so that with the keyboard up the room is the fields'.
        self.emergency = big_button("emergency", form_widget)
        self.emergency.clicked.connect(self.emergency_requested)
        self.category_name = label("lead", form_widget)
        self.category_about = label("note", form_widget)
        self.description_caption = label("field-label", form_widget)
        self.description = QPlainTextEdit(form_widget)
        self.description.setUndoRedoEnabled(False)  # no copy of wiped text in an undo stack
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(240)
        self.description.setInputMethodHints(Qt.InputMethodHint.ImhMultiLine)
        self.description.textChanged.connect(self._description_changed)
        self.counter = label("note", form_widget)
        self.description_problem = label("error", form_widget)
        self.anonymous = big_button("choice", form_widget)
        self.anonymous.setCheckable(True)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.anonymous_note = label("note", form_widget)
        self.contact = QWidget(form_widget)
        self.phone_caption = label("field-label", self.contact)
        self.phone = QLineEdit(self.contact)
        self.phone.setMaxLength(32)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        attach_keypad(self.phone, KeypadKind.PHONE)  # digits: the big keypad, as on forms
        self.phone.textEdited.connect(lambda _text: self._show_problem(HotlineField.PHONE, None))
        self.phone_problem = label("error", self.contact)
        self.name_caption = label("field-label", self.contact)
        self.name = QLineEdit(self.contact)
        self.name.setMaxLength(CONTACT_NAME_MAX_CHARS)
        self.name.textEdited.connect(lambda _text: self._show_problem(HotlineField.NAME, None))
        self.name_from_card = label("value", self.contact)
        self.name_problem = label("error", self.contact)
        contact = QVBoxLayout(self.contact)
        contact.setContentsMargins(0, 0, 0, 0)
        contact.setSpacing(12)
        for contact_part in (
            self.phone_caption,
            self.phone,
            self.phone_problem,
            self.name_caption,
            self.name,
            self.name_from_card,
            self.name_problem,
        ):
            contact.addWidget(contact_part)
        self.failure = label("error", form_widget)
        form = QVBoxLayout(form_widget)
        form.setSpacing(12)
        form.setAlignment(Qt.AlignmentFlag.AlignTop)
        # The description with its caption and counter, which the dock shows with it.
        description_box = QWidget(form_widget)
        description_column = QVBoxLayout(description_box)
        description_column.setContentsMargins(0, 0, 0, 0)
        description_column.setSpacing(12)
        for description_part in (
            self.description_caption,
            self.description,
            self.counter,
            self.description_problem,
        ):
            description_column.addWidget(description_part)
        for form_part in (
            self.emergency,
            self.category_name,
            self.category_about,
            description_box,
            self.anonymous,
            self.anonymous_note,
            self.contact,
            self.failure,
        ):
            form.addWidget(form_part)
        self.area.setWidget(form_widget)

        self._category: HotlineCategory | None = None
        self._language = Language.ZH_HANT
        self._card_name = ""
        self._problems: dict[HotlineField, HotlineProblem] = {}
        self._failure: HotlineFailure | None = None
        self._editors: dict[HotlineField, QWidget] = {
            HotlineField.DESCRIPTION: self.description,
            HotlineField.PHONE: self.phone,
            HotlineField.NAME: self.name,
        }
        self.retranslate()

    # -- what is shown ---------------------------------------------------------------------------

    def show_category(self, category: HotlineCategory, card_name: str) -> None:
        """``card_name``: the masked name of the card inserted, or "" without a card."""
        self._category = category
        self._card_name = card_name
        self._failure = None
        allowed = category.anonymous_allowed
        self.anonymous.setVisible(allowed)
        if not allowed:
            self.anonymous.setChecked(False)
        self._anonymous_toggled(self.anonymous.isChecked())
        self.name.setVisible(not card_name)
        self.retranslate()
        self.area.verticalScrollBar().setValue(0)

    def show_problems(self, problems: dict[HotlineField, HotlineProblem]) -> None:
        self._problems = dict(problems)
        self._failure = None
        self.retranslate()
        first = next(iter(problems), None)
        if first is not None:
            self.area.ensureWidgetVisible(self._editors[first])

    def show_failure(self, failure: HotlineFailure) -> None:
        self._failure = failure
        self.retranslate()
        self.area.ensureWidgetVisible(self.failure)

    def set_language(self, language: Language) -> None:
        self._language = language
        self.retranslate()

    def _description_changed(self) -> None:
        self._count()
        if HotlineField.DESCRIPTION in self._problems:
            self._show_problem(HotlineField.DESCRIPTION, None)

    def _count(self) -> None:
        """The length as the hotline counts it, shown as the citizen types; red when over."""
        length = description_length(self.description.toPlainText())
        self.counter.setText(self.texts.counter(length, DESCRIPTION_MAX_CHARS))
        restyle(self.counter, "error" if length > DESCRIPTION_MAX_CHARS else "note")

    def _anonymous_toggled(self, anonymous: bool) -> None:
        self.contact.setVisible(not anonymous)
        self.anonymous_note.setVisible(anonymous)

    def _show_problem(self, field: HotlineField, problem: HotlineProblem | None) -> None:
        if problem is None:
            self._problems.pop(field, None)
        shown = {
            HotlineField.DESCRIPTION: self.description_problem,
            HotlineField.PHONE: self.phone_problem,
            HotlineField.NAME: self.name_problem,
        }[field]
        shown.setText(self.texts.problem(problem) if problem else "")
        shown.setVisible(problem is not None)

    def retranslate(self) -> None:
        category, language = self._category, self._language
        self.emergency.setText(self.tr("Emergency? Police, fire, ambulance: tap here"))
        self.category_name.setText(category.name_in(language) if category else "")
        self.category_about.setText(category.description_in(language) if category else "")
        self.description_caption.setText(
            self.tr("Describe your request: what happened, where and when")
        )
        self._count()
        self.anonymous.setText(self.tr("Send it anonymously"))
        self.anonymous_note.setText(
            self.tr("No name or phone number is kept, so the hotline cannot answer you.")
        )
        self.phone_caption.setText(self.tr("Your phone number, so the hotline can answer you *"))
        self.name_caption.setText(self.tr("Your name (you may leave it empty)"))
        self.name_from_card.setVisible(bool(self._card_name))
        self.name_from_card.setText(
            self.tr("Your name, from your ID card: %1").replace("%1", self._card_name)
        )
        for field in HotlineField:
            self._show_problem(field, self._problems.get(field))
        self.failure.setText(self.texts.failure(self._failure) if self._failure else "")
        self.failure.setVisible(self._failure is not None)

    # -- forgetting ---------------------------------------------------------------------------

    def forget_typed(self) -> None:
        """Everything the citizen typed, gone from the widgets (filed, or the session ended)."""
        self.description.setPlainText("")
        self.phone.setText("")
        self.name.setText("")
        self.anonymous.setChecked(False)
        self._problems = {}
        self._failure = None
        self.retranslate()

    def clear(self) -> None:
        self._category = None
        self._card_name = ""
        self.forget_typed()
