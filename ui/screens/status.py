"""The screen for progress of earlier applications: by card, by scanned receipt, by number."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.api import BackendError
from kiosk.i18n import Language
from kiosk.progress import InputProblem, ProgressReport, QueryField
from kiosk.session import CardRefusal, PrintOutcome, Session
from ui.screens.base import Screen
from ui.screens.status_card import ApplicationCard, restyle
from ui.screens.status_notice import Notice, StatusNotice
from ui.widgets import big_button, label, replace_content, vertical_scroll_area

ROOM_FOR_LEAVING_PX = 480
# The ways to look up (card, scanner, typed number) beside the results: this wide where there
# is room (the kiosk's 1080p screen), and this share of the width in a narrower window, so the
# results beside them are as wide as an application's card needs.
WAYS_PX = 620
WAYS_SHARE = 0.45
COLUMN_GAP_PX = 48
_FIELD_INPUT = (
    Qt.InputMethodHint.ImhPreferUppercase
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
    | Qt.InputMethodHint.ImhLatinOnly
)


class StatusScreen(Screen):
    """Signals:
    lookup_requested(str, str): look up by the typed number and the ID's last four.
    print_requested(object): print an application's status (a ``KnownProgress``).
    back_requested(): back to the menu.
    finish_requested(): done; back to the start.
    """

    lookup_requested = Signal(str, str)
    print_requested = Signal(object)
    back_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.card_hint = label("lead", self)
        self.scan_hint = label("body", self)
        self.type_hint = label("body", self)
        self.number_caption = label("field-label", self)
        self.number_field = QLineEdit(self)
        self.number_field.setObjectName("status-number")
        self.number_field.setMaxLength(40)
        self.number_field.setInputMethodHints(_FIELD_INPUT)
        self.number_problem = label("error", self)
        self.last4_caption = label("field-label", self)
        self.last4_field = QLineEdit(self)
        self.last4_field.setObjectName("status-last4")
        self.last4_field.setMaxLength(4)
        self.last4_field.setInputMethodHints(_FIELD_INPUT | Qt.InputMethodHint.ImhPreferNumbers)
        self.last4_problem = label("error", self)
        self.look_up = big_button("primary", self)
        self.look_up.clicked.connect(self._submit)
        self.number_field.returnPressed.connect(self.last4_field.setFocus)
        self.last4_field.returnPressed.connect(self._submit)
        self.number_field.textEdited.connect(lambda _text: self._field_edited())
        self.last4_field.textEdited.connect(lambda _text: self._field_edited())

        self.notice = StatusNotice(self)
        self.results_area = vertical_scroll_area(self, framed=False)
        # Always there: a bar appearing later narrows the cards under labels laid out wider.
        self.results_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.printed = label("note", self)
        self.back = big_button("secondary", self)
        self.back.clicked.connect(self.back_requested)
        self.finish = big_button("primary", self)
        self.finish.clicked.connect(self.finish_requested)

        # The two fields and "look up" (beside the last one) in one group: the input dock
        # scrolls a field's group into view with it, so the button shows above the keyboard.
        self.query = QWidget()
        query = QVBoxLayout(self.query)
        query.setContentsMargins(0, 0, 0, 0)
        query.setSpacing(12)
        for widget in (self.number_caption, self.number_field, self.number_problem):
            query.addWidget(widget)
        query.addWidget(self.last4_caption)
        last4_row = QHBoxLayout()
        last4_row.setSpacing(24)
        self.last4_field.setFixedWidth(210)  # four characters, and its example whole
        # Narrower than other primary buttons (the theme asks 360 px of text room), to fit.
        self.look_up.setStyleSheet("min-width: 0px; padding-left: 16px; padding-right: 16px;")
        last4_row.addWidget(self.last4_field)
        last4_row.addWidget(self.look_up, 1)
        query.addLayout(last4_row)
        query.addWidget(self.last4_problem)
        ways = QVBoxLayout()
        ways.setSpacing(12)
        for way in (self.card_hint, self.scan_hint, self.type_hint, self.query):
            ways.addWidget(way)
        ways.addStretch(1)
        results = QVBoxLayout()
        results.setSpacing(12)
        results.addWidget(self.notice)
        results.addWidget(self.results_area, 1)
        results.addWidget(self.printed)
        columns = QHBoxLayout()
        columns.setSpacing(COLUMN_GAP_PX)
        self.ways = QWidget()
        self.ways.setLayout(ways)
        self.ways.setFixedWidth(WAYS_PX)
        columns.addWidget(self.ways)
        columns.addLayout(results, 1)
        # All but "back" and "finish" scrolls as one page, its margins inside: in large text,
        # and with the keypad or keyboard up, nothing is cut short or drawn over, and the dock
        # scrolls the field's group into view.
        margins = self.body.contentsMargins()
        self._page_margins = margins.left() + margins.right()
        self.page_area = vertical_scroll_area(self, framed=False)
        page = QWidget()
        page_column = QVBoxLayout(page)
        page_column.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        page_column.setSpacing(self.body.spacing())
        page_column.addWidget(self.heading)
        page_column.addLayout(columns, 1)
        self.page_area.setWidget(page)
        self.leave_row = QWidget(self)
        buttons = QHBoxLayout(self.leave_row)
        buttons.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.finish)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.page_area, 1)
        self.body.addWidget(self.leave_row)

        self.cards: list[ApplicationCard] = []
        self._language = Language.ZH_HANT
        self._masked_name = ""
        self._card_refusal: CardRefusal | None = None
        self._problems: dict[QueryField, InputProblem] = {}
        self._printed: PrintOutcome | None = None
        self._printing = False
        self.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # This short, the keypad or keyboard is up (no display leaves a screen less without
        # it): "back" and "finish" give their room to the fields until it goes.
        self.leave_row.setVisible(event.size().height() >= ROOM_FOR_LEAVING_PX)
        # (Less the page's scroll bar, there or not: the same width either way.)
        scroll_bar = self.page_area.verticalScrollBar().sizeHint().width()
        room = event.size().width() - self._page_margins - scroll_bar
        self.ways.setFixedWidth(min(WAYS_PX, round((room - COLUMN_GAP_PX) * WAYS_SHARE)))
        super().resizeEvent(event)

    # -- what the journey shows ---------------------------------------------------------------

    def show_busy(self, *, by_card: bool = False) -> None:
        self._set_results(None)
        self.notice.show_notice(Notice.BUSY, by_card=by_card)

    def show_input_problems(self, problems: Mapping[QueryField, InputProblem]) -> None:
        self._problems = dict(problems)
        self._retranslate_problems()

    def show_not_found(self) -> None:
        self._set_results(None)
        self.notice.show_notice(Notice.NOT_FOUND)

    def show_not_a_receipt(self) -> None:
        self.notice.show_notice(Notice.NOT_A_RECEIPT)

    def ask_for_last4(self, reference: str) -> None:
        """A barcode gave the number: the last four are still needed."""
        self._set_results(None)
        self.number_field.setText(reference)
        self.last4_field.setText("")
        self.last4_field.setFocus()
        self._problems = {}
        self._retranslate_problems()
        self.notice.show_notice(Notice.NEED_LAST4)

    def show_failure(self, error: BackendError | None) -> None:
        self._set_results(None)
        self.notice.show_notice(Notice.FAILED, failure=error)

    def show_report(self, report: ProgressReport, *, by_card: bool = False) -> None:
        self._printed = None
        self._set_results(report)
        found = bool(report.applications)
        failure = report.unavailable
        self.notice.show_notice(Notice.REPORT, by_card=by_card, failure=failure, found=found)
        self._retranslate_printed()

    def show_printing(self) -> None:
        self._printing = True
        self._retranslate_printed()

    def show_printed(self, outcome: PrintOutcome) -> None:
        self._printing, self._printed = False, outcome
        self._retranslate_printed()

    # -- the screen protocol ------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Check the progress of your applications"))
        self.scan_hint.setText(
            self.tr("Or hold the QR code or barcode on your receipt under the scanner.")
        )
        self.type_hint.setText(self.tr("Or type the number from your receipt:"))
        self.number_caption.setText(self.tr("Application number"))
        self.number_field.setPlaceholderText(self.tr("e.g. OS20261129000001"))
        self.last4_caption.setText(self.tr("Last 4 characters of your ID number"))
        self.last4_field.setPlaceholderText(self.tr("e.g. 123X"))
        self.look_up.setText(self.tr("Look up"))
        self.back.setText(self.tr("Back"))
        self.finish.setText(self.tr("Finish"))
        self._retranslate_card_hint()
        self._retranslate_problems()
        self.notice.retranslate()
        self._retranslate_printed()
        for card in self.cards:
            card.retranslate(self._language)

    def show_session(self, session: Session) -> None:
        self._masked_name = session.identity.masked_name() if session.identity else ""
        self._card_refusal = session.card_refusal
        if session.language is not self._language:
            self._language = session.language
            for card in self.cards:
                card.retranslate(self._language)
        self._retranslate_card_hint()

    def clear(self) -> None:
        # setText, not clear(): clear() can be undone, so the text would linger in the history.
        self.number_field.setText("")
        self.last4_field.setText("")
        self._masked_name = ""
        self._card_refusal = None
        self._problems = {}
        self.notice.show_notice(Notice.NONE)
        self._printed = None
        self._printing = False
        self._set_results(None)
        self.page_area.verticalScrollBar().setValue(0)  # the next citizen starts at the top
        self.retranslate()

    # -- inside -------------------------------------------------------------------------------

    def _submit(self) -> None:
        self.lookup_requested.emit(self.number_field.text(), self.last4_field.text())

    def _field_edited(self) -> None:
        # Once the citizen corrects a field, the old complaints no longer apply.
        if self._problems:
            self._problems = {}
            self._retranslate_problems()
        if self.notice.notice in (Notice.NOT_FOUND, Notice.NEED_LAST4, Notice.NOT_A_RECEIPT):
            self.notice.show_notice(Notice.NONE)

    def _set_results(self, report: ProgressReport | None) -> None:
        self.cards = []
        if report is None or not report.applications:
            replace_content(self.results_area, None)
            return
        content = QWidget()
        column = QVBoxLayout(content)
        column.setSpacing(20)
        for known in report.applications:
            service = report.services.get(known.application.service_code)
            card = ApplicationCard(known, service, self._language, content)
            card.print_requested.connect(self.print_requested)
            self.cards.append(card)
            column.addWidget(card)
        # A stretch, not AlignTop: an aligned card gets its one-line height, not the height
        # its wrapped words need (the last line of a long note was cut off).
        column.addStretch(1)
        replace_content(self.results_area, content)

    def _retranslate_card_hint(self) -> None:
        if self._card_refusal is CardRefusal.EXPIRED:
            text = self.tr("This card has expired. Please type the number from your receipt.")
        elif self._card_refusal is CardRefusal.UNREADABLE:
            text = self.tr("The card could not be read. Please insert it again.")
        elif self._masked_name:
            text = self.tr("Applications of %1").replace("%1", self._masked_name)
        else:
            text = self.tr("Insert your ID card to see all your applications.")
        self.card_hint.setText(text)

    def _retranslate_problems(self) -> None:
        texts = {
            (QueryField.REFERENCE, InputProblem.MISSING): self.tr(
                "Please type the application number from your receipt."
            ),
            (QueryField.REFERENCE, InputProblem.MALFORMED): self.tr(
                "This is not an application number: it has 8 to 40 letters and digits."
            ),
            (QueryField.ID_LAST4, InputProblem.MISSING): self.tr(
                "Please type the last 4 characters of your ID number."
            ),
            (QueryField.ID_LAST4, InputProblem.MALFORMED): self.tr(
                "Please type exactly 4 letters or digits."
            ),
        }
        for field, widget in (
            (QueryField.REFERENCE, self.number_problem),
            (QueryField.ID_LAST4, self.last4_problem),
        ):
            problem = self._problems.get(field)
            widget.setText(texts[field, problem] if problem else "")
            widget.setVisible(problem is not None)

    def _retranslate_printed(self) -> None:
        texts = {
            PrintOutcome.PRINTED: self.tr("Please take the printout from the printer."),
            PrintOutcome.PRINTER_UNAVAILABLE: self.tr(
                "The printer is not available right now. Please note the number, or ask the "
                "staff for help."
            ),
            PrintOutcome.PRINT_FAILED: self.tr(
                "The printout could not be printed completely. Please ask the staff for help."
            ),
        }
        if self._printing:
            text = self.tr("Printing…")
        else:
            text = texts[self._printed] if self._printed else ""
        self.printed.setText(text)
        self.printed.setVisible(bool(text))
        ok = self._printing or self._printed in (None, PrintOutcome.PRINTED)
        restyle(self.printed, "note" if ok else "error")
        for card in self.cards:
            card.print_button.setEnabled(not self._printing)
