"""The screen for rating a completed transaction (好差評): five levels in words, then what the
level asks about, an optional comment, and a closing page with "finish" and "something else".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Language
from kiosk.ratings import COMMENT_MAX_LENGTH, IndicatorCatalog, RatingOutcome, Satisfaction
from kiosk.session import Session, TransactionKind
from ui.screens.base import Screen
from ui.screens.evaluate_levels import LevelChoices
from ui.widgets import big_button, label, replace_content, vertical_scroll_area

# Best first, as the citizen reads them; stars beside the words for those who read little.
LEVELS_SHOWN = tuple(sorted(Satisfaction, reverse=True))


class RatingPage(Enum):
    LEVELS = "levels"
    DETAILS = "details"
    SENDING = "sending"
    DONE = "done"


class DetailsProblem(Enum):
    NEED_INDICATOR = "need-indicator"  # a bad rating names what went wrong
    NOT_KEPT = "not-kept"  # the kiosk could not keep the rating (a full or failing disk)


@dataclass(frozen=True)
class RatingChoice:
    """What the citizen chose on the screen."""

    level: Satisfaction
    indicators: tuple[str, ...]
    comment: str


class EvaluateScreen(Screen):
    """Signals:
    submit_requested(RatingChoice): send this rating.
    declined(): "no thanks": the citizen does not want to rate.
    finish_requested(): done; back to the start.
    more_requested(): something else; back to the menu.
    """

    submit_requested = Signal(object)
    declined = Signal()
    finish_requested = Signal()
    more_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QStackedWidget(self)
        self.body.addWidget(self.pages, 1)
        self._page_widgets: dict[RatingPage, QWidget] = {}
        levels, column = self._page(RatingPage.LEVELS)
        self.question = label("title", levels)
        self.subject = label("lead", levels)
        self.level_buttons: dict[Satisfaction, QPushButton] = {}
        column.addWidget(self.question)
        column.addWidget(self.subject)
        for level in LEVELS_SHOWN:
            button = big_button("rating", levels)
            button.clicked.connect(lambda _=False, chosen=level: self.choose_level(chosen))
            self.level_buttons[level] = button
        # All five in view in every mode: one column, or two where one is too tall. The area
        # scrolls only where even squeezed they cannot fit (large text in a small window).
        self.level_choices = LevelChoices(list(self.level_buttons.values()))
        self.levels_area = vertical_scroll_area(levels, framed=False)
        self.levels_area.setWidget(self.level_choices)
        column.addWidget(self.levels_area, 1)
        self.decline = big_button("secondary", levels)
        self.decline.clicked.connect(self.declined)
        column.addWidget(self.decline, 0, Qt.AlignmentFlag.AlignLeft)

        details, column = self._page(RatingPage.DETAILS)
        self.chosen = label("title", details)
        self.prompt = label("lead", details)
        self.indicator_area = vertical_scroll_area(details, framed=False)
        self.indicator_buttons: dict[str, QPushButton] = {}
        self.comment_caption = label("field-label", details)
        self.comment = QLineEdit(details)
        self.comment.setMaxLength(COMMENT_MAX_LENGTH)
        self.problem = label("error", details)
        self.problem.hide()
        self.change_level = big_button("secondary", details)
        self.change_level.clicked.connect(lambda: self._show_page(RatingPage.LEVELS))
        self.send = big_button("primary", details)
        self.send.clicked.connect(self._send)
        # All but the buttons scrolls as one: with the keyboard up for the comment, the room
        # left is theirs (nothing drawn over), and the comment shows with its caption.
        self.details_area = vertical_scroll_area(details, framed=False)
        scrolled = QWidget()
        scrolled_column = QVBoxLayout(scrolled)
        scrolled_column.setContentsMargins(0, 0, 0, 0)
        scrolled_column.setSpacing(24)
        scrolled_column.addWidget(self.chosen)
        scrolled_column.addWidget(self.prompt)
        scrolled_column.addWidget(self.indicator_area, 1)
        comment_box = QWidget(scrolled)
        comment_column = QVBoxLayout(comment_box)
        comment_column.setContentsMargins(0, 0, 0, 0)
        comment_column.addWidget(self.comment_caption)
        comment_column.addWidget(self.comment)
        scrolled_column.addWidget(comment_box)
        scrolled_column.addWidget(self.problem)
        self.details_area.setWidget(scrolled)
        column.addWidget(self.details_area, 1)
        column.addLayout(_button_row(self.change_level, self.send))

        sending, column = self._page(RatingPage.SENDING)
        self.sending_text = label("title", sending)
        column.addWidget(self.sending_text)
        column.addStretch(1)

        done, column = self._page(RatingPage.DONE)
        self.thanks = label("title", done)
        self.thanks_note = label("lead", done)
        self.more = big_button("secondary", done)
        self.more.clicked.connect(self.more_requested)
        self.finish = big_button("primary", done)
        self.finish.clicked.connect(self.finish_requested)
        column.addWidget(self.thanks)
        column.addWidget(self.thanks_note)
        column.addStretch(1)
        column.addLayout(_button_row(self.more, self.finish))

        self._kind: TransactionKind | None = None
        self._language = Language.ZH_HANT
        self._catalog: IndicatorCatalog | None = None
        self._loading = True
        self._level: Satisfaction | None = None
        self._outcome: RatingOutcome | None = None  # None on the closing page: declined
        self._problem: DetailsProblem | None = None
        self.retranslate()

    def _page(self, page: RatingPage) -> tuple[QWidget, QVBoxLayout]:
        widget = QWidget(self.pages)
        column = QVBoxLayout(widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(24)
        self.pages.addWidget(widget)
        self._page_widgets[page] = widget
        return widget, column

    def current_page(self) -> RatingPage:
        current = self.pages.currentWidget()
        return next(page for page, widget in self._page_widgets.items() if widget is current)

    def _show_page(self, page: RatingPage) -> None:
        self.pages.setCurrentWidget(self._page_widgets[page])

    # -- texts ---------------------------------------------------------------------------

    def level_words(self, level: Satisfaction) -> str:
        return {
            Satisfaction.VERY_SATISFIED: self.tr("Very satisfied"),
            Satisfaction.SATISFIED: self.tr("Satisfied"),
            Satisfaction.FAIR: self.tr("Fairly satisfied"),
            Satisfaction.DISSATISFIED: self.tr("Dissatisfied"),
            Satisfaction.VERY_DISSATISFIED: self.tr("Very dissatisfied"),
        }[level]

    def retranslate(self) -> None:
        self.question.setText(self.tr("How satisfied are you with our service?"))
        self.subject.setText(
            {
                None: "",
                TransactionKind.APPLICATION: self.tr("Please rate the application you just filed."),
                TransactionKind.QUEUE_TICKET: self.tr("Please rate taking your queue number."),
                TransactionKind.HOTLINE_REQUEST: self.tr(
                    "Please rate filing your request just now."
                ),
            }[self._kind]
        )
        for level, button in self.level_buttons.items():
            words = self.level_words(level)
            button.setText(f"{'★' * level}{'☆' * (5 - level)}   {words}")
            button.setAccessibleName(words)
        self.decline.setText(self.tr("No thanks"))
        self.comment_caption.setText(self.tr("Anything else you would like to tell us? (optional)"))
        self.comment.setAccessibleName(self.tr("Your comment"))
        self.change_level.setText(self.tr("Choose another level"))
        self.send.setText(self.tr("Send my rating"))
        self.sending_text.setText(self.tr("Sending your rating…"))
        self.more.setText(self.tr("Something else"))
        self.finish.setText(self.tr("Finish"))
        self._show_details()
        self._show_closing()

    def _show_details(self) -> None:
        level = self._level
        if level is None:
            return
        self.chosen.setText(self.tr("You chose: %1").replace("%1", self.level_words(level)))
        options = self._catalog.options(level) if self._catalog else None
        if options is None:
            self.prompt.setText(
                self.tr("Loading the choices…")
                if self._loading
                else self.tr("You can tell us more in your own words below.")
            )
        elif level <= Satisfaction.DISSATISFIED:
            self.prompt.setText(self.tr("What went wrong? Please choose at least one."))
        elif level == Satisfaction.FAIR:
            self.prompt.setText(self.tr("What could be better? (optional)"))
        else:
            self.prompt.setText(self.tr("What did you like? (optional)"))
        problems = {
            None: "",
            DetailsProblem.NEED_INDICATOR: self.tr("Please choose at least one."),
            DetailsProblem.NOT_KEPT: self.tr(
                "This kiosk cannot keep your rating right now. Please try again."
            ),
        }
        self.problem.setText(problems[self._problem])
        self.problem.setVisible(self._problem is not None)

    def _show_closing(self) -> None:
        texts = {
            RatingOutcome.RECORDED: (
                self.tr("Thank you for your rating!"),
                self.tr("Your opinion helps us serve you better."),
            ),
            RatingOutcome.KEPT: (
                self.tr("Thank you for your rating!"),
                self.tr("It is saved on this kiosk and sent as soon as the network is back."),
            ),
            RatingOutcome.ALREADY_RATED: (
                self.tr("This has already been rated. Thank you!"),
                self.tr("Each service is rated once, and your earlier rating is kept."),
            ),
            RatingOutcome.REFUSED: (
                self.tr("Thank you."),
                self.tr(
                    "Your rating could not be recorded this time. The staff in the hall are "
                    "glad to hear your opinion."
                ),
            ),
            None: (self.tr("Thank you for coming."), self.tr("Is there anything else?")),
        }
        heading, note = texts[self._outcome]
        self.thanks.setText(heading)
        self.thanks_note.setText(note)

    # -- what the journey shows ----------------------------------------------------------

    def start(self, kind: TransactionKind | None) -> None:
        """A new rating of a transaction of ``kind``: back to the five levels."""
        self.clear()
        self._kind = kind
        self.retranslate()

    def show_session(self, session: Session) -> None:
        if session.language is not self._language:
            self._language = session.language
            self._rebuild_indicators()

    def show_indicators(self, catalog: IndicatorCatalog | None) -> None:
        """The options for each level (None: they could not be loaded)."""
        self._catalog, self._loading = catalog, False
        self._rebuild_indicators()
        self._show_details()

    def choose_level(self, level: Satisfaction) -> None:
        self._level = level
        self._problem = None
        self._rebuild_indicators()
        self._show_details()
        self._show_page(RatingPage.DETAILS)

    def show_sending(self) -> None:
        self._show_page(RatingPage.SENDING)

    def show_not_kept(self) -> None:
        """The rating could not be kept: back on the details, to try again."""
        self._problem = DetailsProblem.NOT_KEPT
        self._show_details()
        self._show_page(RatingPage.DETAILS)

    def show_done(self, outcome: RatingOutcome | None) -> None:
        """The closing page; ``None``: the citizen declined to rate."""
        self._outcome = outcome
        self.comment.setText("")  # not clear(): that leaves the comment in the undo history
        self._show_closing()
        self._show_page(RatingPage.DONE)

    def clear(self) -> None:
        self._kind = None
        self._catalog, self._loading = None, True
        self._level, self._outcome, self._problem = None, None, None
        self.comment.setText("")  # and its undo history: Ctrl+Z brings nothing back
        self.problem.hide()
        self._rebuild_indicators()
        self._show_page(RatingPage.LEVELS)

    # -- inside the screen ---------------------------------------------------------------

    def _rebuild_indicators(self) -> None:
        ticked = set(self._ticked_codes())
        self.indicator_buttons = {}
        options = self._catalog.options(self._level) if self._catalog and self._level else None
        if options is None or not options.indicators:
            replace_content(self.indicator_area, None)
            return
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(16)
        for position, indicator in enumerate(options.indicators):
            button = big_button("choice", grid_widget)
            button.setCheckable(True)
            button.setText(indicator.label_in(self._language))
            button.setChecked(indicator.code in ticked)
            button.toggled.connect(self._ticked)
            self.indicator_buttons[indicator.code] = button
            grid.addWidget(button, position // 2, position % 2)
        grid.setRowStretch((len(options.indicators) + 1) // 2, 1)  # rows stay together on top
        replace_content(self.indicator_area, grid_widget)

    def _ticked_codes(self) -> tuple[str, ...]:
        return tuple(code for code, button in self.indicator_buttons.items() if button.isChecked())

    def _ticked(self, _on: bool) -> None:
        if self._problem is DetailsProblem.NEED_INDICATOR:
            self._problem = None
            self._show_details()

    def _send(self) -> None:
        level = self._level
        if level is None:
            return
        ticked = self._ticked_codes()
        options = self._catalog.options(level) if self._catalog else None
        if options and options.indicators_required and options.indicators and not ticked:
            self._problem = DetailsProblem.NEED_INDICATOR
            self._show_details()
            return
        self.submit_requested.emit(RatingChoice(level, ticked, self.comment.text()))


def _button_row(left: QPushButton, right: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    return row
