"""Everything the citizen is about to submit, to check before sending."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from kiosk.catalog import FieldKind
from kiosk.i18n import pick
from kiosk.session import Session, SubmitFailure
from ui.screens.base import Screen
from ui.widgets import big_button, label, replace_content, vertical_scroll_area


class ReviewScreen(Screen):
    """Signals:
    edit_requested(): back to the form.
    submit_requested(): send the application.
    """

    edit_requested = Signal()
    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.failure = label("error", self)
        self.failure.hide()
        self.scroll_area = vertical_scroll_area(self)
        self.edit = big_button("secondary", self)
        self.edit.clicked.connect(self.edit_requested)
        self.submit = big_button("primary", self)
        self.submit.clicked.connect(self.submit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.failure)
        self.body.addWidget(self.scroll_area, 1)
        self.body.addLayout(buttons)
        self.values: dict[str, QLabel] = {}
        self._failure: SubmitFailure | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Please check your application"))
        self.edit.setText(self.tr("Change"))
        self.submit.setText(self.tr("Submit application"))
        self._show_failure()

    def _show_failure(self) -> None:
        texts = {
            SubmitFailure.NOT_KEPT: self.tr(
                "This kiosk cannot take applications right now. Nothing was sent. "
                "Please ask the staff, or use a counter."
            ),
            SubmitFailure.REJECTED: self.tr(
                "The service centre could not accept this application. "
                "Please check the form or ask the staff."
            ),
        }
        self.failure.setText(texts[self._failure] if self._failure else "")
        self.failure.setVisible(self._failure is not None)

    def show_session(self, session: Session) -> None:
        service, identity = session.service, session.identity
        if service is None or identity is None:
            return
        language = session.language
        rows: list[tuple[str, str]] = [
            (self.tr("Service"), service.name_in(language)),
            (self.tr("Department"), service.department_in(language)),
            (self.tr("Applicant"), identity.masked_name()),
            (self.tr("ID number"), identity.masked_id()),
        ]
        for field in service.fields:
            value = session.form_values.get(field.name, "")
            if field.kind is FieldKind.CHOICE:
                value = next(
                    (pick(c.label, language) for c in field.choices if c.value == value), value
                )
            rows.append((field.label_in(language), value or "—"))
        container = QWidget()
        form = QFormLayout(container)
        form.setVerticalSpacing(16)
        form.setHorizontalSpacing(32)
        self.values = {}
        for index, (caption, value) in enumerate(rows):
            key = label("field-label", container)
            key.setText(caption)
            shown = label("value", container)
            shown.setText(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            form.addRow(key, shown)
            self.values[str(index)] = shown
        replace_content(self.scroll_area, container)
        self._failure = session.submit_failure
        self._show_failure()

    def clear(self) -> None:
        replace_content(self.scroll_area, None)
        self.values = {}
        self._failure = None
        self._show_failure()
