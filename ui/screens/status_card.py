"""One application on the progress screen: where it stands, its steps, the promised date, and
whether what is shown is fresh, remembered, or still waiting in this kiosk's outbox."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.catalog import Service
from kiosk.i18n import Language
from kiosk.progress import ApplicationState, KnownProgress, Source
from ui.widgets import big_button, label
from ui.wrap_button import longest_unbreakable

_PRINT_ALIGNMENT = Qt.AlignmentFlag.AlignTop
_UNDER = Qt.AlignmentFlag.AlignLeft


def state_name(state: ApplicationState) -> str:
    """The state in the citizen's language (also for the printout)."""
    names = {
        ApplicationState.SUBMITTED: QCoreApplication.translate("ApplicationState", "Submitted"),
        ApplicationState.ACCEPTED: QCoreApplication.translate("ApplicationState", "Accepted"),
        ApplicationState.IN_REVIEW: QCoreApplication.translate("ApplicationState", "In review"),
        ApplicationState.APPROVED: QCoreApplication.translate("ApplicationState", "Approved"),
        ApplicationState.REJECTED: QCoreApplication.translate("ApplicationState", "Not approved"),
        ApplicationState.COMPLETED: QCoreApplication.translate("ApplicationState", "Completed"),
    }
    return names[state]


def local_time(moment: datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _day(day: date) -> str:
    return f"{day:%Y-%m-%d}"


def restyle(widget: QWidget, role: str) -> None:
    """Give ``widget`` another look from the theme (note, warning, error)."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        # A style sheet of its own (empty but new) makes Qt apply the role's box (padding)
        # afresh; unpolish and polish alone keep the old role's margins.
        widget.setStyleSheet(f"/* {role} */")


class ApplicationCard(QFrame):
    """Signals:
    print_requested(object): print this application's status (a ``KnownProgress``).
    """

    print_requested = Signal(object)

    def __init__(
        self,
        known: KnownProgress,
        service: Service | None,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.known = known
        self._service = service
        self.setProperty("role", "status-card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = label("lead", self)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.service = label("body", self)
        self.state = label("status-now", self)
        self.promised = label("body", self)
        self.overdue = label("error", self)
        self.source = label("warning", self)
        self.steps_caption = label("field-label", self)
        # Only a fresh answer is printed: paper outlives the "may be out of date" beside it.
        self.print_button = big_button("secondary", self)
        self.print_button.setVisible(known.source is Source.LIVE)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.known))
        self.step_times: list[QLabel] = []
        self.step_names: list[QLabel] = []
        self.step_notes: list[QLabel] = []

        # "Print" beside the number where both fit on one line, else under it (narrow cards).
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.addWidget(self.number, 1)
        self._top.addWidget(self.print_button, 0, _PRINT_ALIGNMENT)
        steps = QGridLayout()
        steps.setHorizontalSpacing(32)
        steps.setVerticalSpacing(4)
        row = 0
        for step in known.application.timeline:
            when, name = label("note", self), label("body", self)
            when.setText(local_time(step.at))
            steps.addWidget(when, row, 0, Qt.AlignmentFlag.AlignTop)
            steps.addWidget(name, row, 1)
            self.step_times.append(when)
            self.step_names.append(name)
            row += 1
            if step.note:
                note = label("note", self)
                steps.addWidget(note, row, 1)
                self.step_notes.append(note)
                row += 1
        steps.setColumnStretch(1, 1)
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(10)
        column.addLayout(self._top)
        for widget in (self.service, self.state, self.promised, self.overdue, self.source):
            column.addWidget(widget)
        column.addWidget(self.steps_caption)
        column.addLayout(steps)
        self.steps_caption.setVisible(bool(known.application.timeline))
        self.retranslate(language)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_print_button(event.size().width())
        super().resizeEvent(event)

    def _place_print_button(self, width: int) -> None:
        frame, inside = self.contentsMargins(), self._column.contentsMargins()
        room = width - frame.left() - frame.right() - inside.left() - inside.right()
        # Beside it where the number, wrapped as far as its words allow, still fits.
        word = longest_unbreakable(self.number.text(), self.number.font())
        number = self.number.fontMetrics().horizontalAdvance(word)
        needed = number + self._top.spacing() + self.print_button.sizeHint().width()
        beside = not self.print_button.isVisibleTo(self) or needed <= room
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._top.direction() != direction:
            self._top.setDirection(direction)
            self._top.setAlignment(self.print_button, _PRINT_ALIGNMENT if beside else _UNDER)

    def retranslate(self, language: Language) -> None:
        application, source = self.known.application, self.known.source
        waiting = source is Source.WAITING
        caption = (
            self.tr("Provisional number: %1") if waiting else self.tr("Application number: %1")
        )
        self.number.setText(caption.replace("%1", application.number))
        service = self._service
        self.service.setText(service.name_in(language) if service else application.service_code)
        self.state.setText(
            self.tr("Waiting to be sent")
            if waiting
            else self.tr("Status: %1").replace("%1", state_name(application.status))
        )
        promised = application.promised_by
        self.promised.setVisible(promised is not None)
        if promised is not None:
            self.promised.setText(self.tr("Promised by: %1").replace("%1", _day(promised)))
        self.overdue.setVisible(application.overdue and promised is not None)
        if application.overdue and promised is not None:
            # In words as well as in red: colour alone says nothing to many eyes.
            words = (
                self.tr("Late: decided after the promised date (%1).")
                if application.status.decided
                else self.tr("Overdue: not decided by the promised date (%1).")
            )
            self.overdue.setText("⚠ " + words.replace("%1", _day(promised)))
        when = local_time(self.known.known_at)
        sources = {
            Source.LIVE: "",
            Source.REMEMBERED: self.tr(
                "Last known status, as of %1. It may be out of date: the service centre "
                "could not be asked just now."
            ),
            Source.WAITING: self.tr(
                "Filed at this kiosk at %1 and waiting to be sent to the service hall. "
                "It is sent as soon as the network is back."
            ),
        }
        self.source.setText(sources[source].replace("%1", when))
        self.source.setVisible(source is not Source.LIVE)
        self.steps_caption.setText(self.tr("Steps so far"))
        notes = iter(self.step_notes)
        for step, name in zip(application.timeline, self.step_names, strict=True):
            name.setText(state_name(step.status))
            if step.note:
                next(notes).setText(self.tr("Note from the hall: %1").replace("%1", step.note))
        self.print_button.setText(self.tr("Print"))
        self._place_print_button(self.width())
