"""The chosen service's form, built from its field schema."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog import FieldKind, FieldProblem, FormField
from kiosk.i18n import Language, pick
from kiosk.session import Session
from ui.flow_layout import FlowLayout
from ui.keypad import KeypadKind, attach_keypad
from ui.screens.base import Screen
from ui.widgets import big_button, label, vertical_scroll_area

_INPUT_HINTS = {
    FieldKind.NUMBER: Qt.InputMethodHint.ImhFormattedNumbersOnly,
    FieldKind.PHONE: Qt.InputMethodHint.ImhDialableCharactersOnly,
    FieldKind.DATE: Qt.InputMethodHint.ImhDate,
    FieldKind.ID_NUMBER: Qt.InputMethodHint.ImhPreferUppercase
    | Qt.InputMethodHint.ImhNoPredictiveText,
}
# Fields typed with the big keypad instead of the on-screen keyboard.
_KEYPADS = {
    FieldKind.NUMBER: KeypadKind.NUMBER,
    FieldKind.PHONE: KeypadKind.PHONE,
    FieldKind.DATE: KeypadKind.DATE,
    FieldKind.ID_NUMBER: KeypadKind.ID_NUMBER,
}
# Care mode: choices in rows of this many, each as wide as half the form.
CARE_CHOICES_PER_ROW = 2


class FieldEditor(QWidget):
    """One field: its label, the control to fill it in, and the reason it was refused."""

    def __init__(
        self,
        field: FormField,
        language: Language,
        parent: QWidget | None = None,
        *,
        care: bool = False,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.caption = label("field-label", self)
        self.caption.setText(field.label_in(language) + (" *" if field.required else ""))
        self.problem = label("error", self)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(8)
        layout.addWidget(self.caption)
        self.line_edit: QLineEdit | None = None
        self.choice_group: QButtonGroup | None = None
        self.choice_buttons: dict[str, QPushButton] = {}
        if field.kind is FieldKind.CHOICE:
            # Big buttons: one touch each, no drop-down to aim at. In care mode fewer side by
            # side, so each is bigger and the eye has less to compare at once.
            self.choice_group = QButtonGroup(self)
            self.choice_group.buttonClicked.connect(lambda _button: self.show_problem(None))
            for choice in field.choices:
                button = big_button("choice", self)
                button.setCheckable(True)
                button.setText(pick(choice.label, language))
                self.choice_group.addButton(button)
                self.choice_buttons[choice.value] = button
            layout.addLayout(self._choice_rows(care))
        else:
            self.line_edit = QLineEdit(self)
            if field.max_length:
                self.line_edit.setMaxLength(field.max_length)
            self.line_edit.setInputMethodHints(
                _INPUT_HINTS.get(field.kind, Qt.InputMethodHint.ImhNone)
            )
            if field.kind is FieldKind.DATE:
                self.line_edit.setPlaceholderText("YYYY-MM-DD")
            keypad = _KEYPADS.get(field.kind)
            if keypad is not None:
                attach_keypad(self.line_edit, keypad)
            # Once the citizen starts correcting a field, its old complaint no longer applies.
            self.line_edit.textEdited.connect(lambda _text: self.show_problem(None))
            layout.addWidget(self.line_edit)
        layout.addWidget(self.problem)

    def _choice_rows(self, care: bool) -> FlowLayout | QGridLayout:
        buttons = list(self.choice_buttons.values())
        if not care:
            # Side by side, each as wide as its name, on as many lines as the width needs.
            row = FlowLayout(spacing=12)
            for button in buttons:
                row.addWidget(button)
            return row
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, button in enumerate(buttons):
            grid.addWidget(button, index // CARE_CHOICES_PER_ROW, index % CARE_CHOICES_PER_ROW)
        return grid

    def value(self) -> str:
        if self.line_edit is not None:
            return self.line_edit.text()
        for value, button in self.choice_buttons.items():
            if button.isChecked():
                return value
        return ""

    def set_value(self, value: str) -> None:
        if self.line_edit is not None:
            self.line_edit.setText(value)
        elif value in self.choice_buttons:
            self.choice_buttons[value].setChecked(True)

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))


class FormScreen(Screen):
    """Signals:
    form_submitted(dict): the values typed, by field name.
    back_requested(): back to the catalog.
    """

    form_submitted = Signal(dict)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.materials = label("note", self)
        # Title and materials scroll with the fields: with the keypad or keyboard up, all the
        # room left is the fields' (the one being filled in shows with its caption).
        self.scroll_area = vertical_scroll_area(self, framed=False)
        page = QWidget()
        self._page = QVBoxLayout(page)
        self._page.setContentsMargins(0, 0, 0, 0)
        self._page.setSpacing(24)
        # Held at the top by a stretch, not by AlignTop: an aligned layout is laid out in its
        # size hint's height where that is less than its height for the width, and a row of
        # choices wrapped onto two lines would be drawn over the next field.
        self._page.addWidget(self.heading)
        self._page.addWidget(self.materials)
        self._page.addStretch(1)
        self._fields: QWidget | None = None
        self.scroll_area.setWidget(page)
        self.back = big_button("secondary", self)
        self.back.clicked.connect(self.back_requested)
        self.next = big_button("primary", self)
        self.next.clicked.connect(self._submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        self.body.addWidget(self.scroll_area, 1)
        self.body.addLayout(buttons)
        self.editors: dict[str, FieldEditor] = {}
        self._service_code = ""
        self._language: Language | None = None
        self._care = False
        self._materials: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText(self.tr("Back"))
        self.next.setText(self.tr("Next: check and submit"))
        self._show_materials()

    def _show_materials(self) -> None:
        if self._materials:
            separator = "; " if self._language is Language.EN else "；"
            listing = separator.join(self._materials)
            self.materials.setText(self.tr("Please have these ready: %1").replace("%1", listing))
        else:
            self.materials.setText("")

    def show_session(self, session: Session) -> None:
        service = session.service
        if service is None:
            return
        language = session.language
        if (
            service.code != self._service_code
            or language is not self._language
            or session.care_mode != self._care
        ):
            typed = {name: editor.value() for name, editor in self.editors.items()}
            self._build(session, typed if service.code == self._service_code else {})
        self.heading.setText(service.name_in(language))
        self._materials = [pick(material, language) for material in service.materials]
        self._show_materials()
        for name, editor in self.editors.items():
            problem = session.form_problems.get(name)
            editor.show_problem(self.problem_text(problem) if problem else None)

    def _build(self, session: Session, typed: dict[str, str]) -> None:
        assert session.service is not None
        self._service_code = session.service.code
        self._language = session.language
        self._care = session.care_mode
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setSpacing(16)
        self.editors = {}
        for field in session.service.fields:
            editor = FieldEditor(field, session.language, container, care=session.care_mode)
            # What is on screen wins, even an emptied field, over what was kept before.
            kept = session.form_values.get(field.name, "")
            editor.set_value(typed.get(field.name, kept))
            self.editors[field.name] = editor
            layout.addWidget(editor)
        self._show_fields(container)

    def _show_fields(self, fields: QWidget | None) -> None:
        """Show ``fields`` (None: none); the old ones are deleted with what was typed."""
        if self._fields is not None:
            self._page.removeWidget(self._fields)
            self._fields.deleteLater()
        self._fields = fields
        if fields is not None:
            self._page.insertWidget(self._page.count() - 1, fields)  # above the stretch

    def _submit(self) -> None:
        self.form_submitted.emit({name: editor.value() for name, editor in self.editors.items()})

    def clear(self) -> None:
        self._show_fields(None)
        self.editors = {}
        self._service_code = ""
        self._language = None
        self._care = False
        self._materials = []
        self.heading.setText("")
        self._show_materials()

    def problem_text(self, problem: FieldProblem) -> str:
        texts = {
            FieldProblem.REQUIRED: self.tr("Please fill this in."),
            FieldProblem.TOO_LONG: self.tr("This is too long."),
            FieldProblem.NOT_A_NUMBER: self.tr("Please enter a number."),
            FieldProblem.OUT_OF_RANGE: self.tr("This number is outside the allowed range."),
            FieldProblem.NOT_A_DATE: self.tr("Please enter a date as YYYY-MM-DD."),
            FieldProblem.NOT_A_CHOICE: self.tr("Please choose one of the options."),
            FieldProblem.NOT_A_PHONE: self.tr("Please enter a phone number (7 to 15 digits)."),
            FieldProblem.NOT_AN_ID_NUMBER: self.tr("This ID number is not valid."),
        }
        return texts[problem]
