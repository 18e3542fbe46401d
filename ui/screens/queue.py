"""The screen for a queue number: choose a counter, see the wait, take the number, read it big."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Language
from kiosk.session import PrintOutcome, Session
from kiosk.tickets import QueueCategory, QueueTicket
from ui.adaptive import SideBySideWhenShort
from ui.adaptive import column as adaptive_column
from ui.screens.base import Screen
from ui.widgets import InkHighLabel, big_button, label, vertical_scroll_area


class QueueTrouble(Enum):
    """Why no number can be given now; worded calmly on screen."""

    UNREACHABLE = "unreachable"  # the hall's queue system cannot be reached
    CATEGORY_GONE = "category-gone"  # that counter stopped taking numbers
    NO_COUNTERS = "no-counters"  # the hall has no counter taking numbers


class QueuePage(Enum):
    CHOOSE = "choose"
    WAIT = "wait"
    TICKET = "ticket"
    TROUBLE = "trouble"


def _page(parent: QWidget | None) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(24)
    return page, layout


class QueueScreen(Screen):
    """Signals:
    category_chosen(str): the citizen picked a counter category (its code).
    take_requested(): take a number for the chosen category.
    retry_requested(): load the categories again.
    back_requested(): back to the menu.
    done_requested(): the citizen is done with the ticket.
    """

    category_chosen = Signal(str)
    take_requested = Signal()
    retry_requested = Signal()
    back_requested = Signal()
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.pages = QStackedWidget(self)

        choose, column = _page(self.pages)
        self.hint = label("lead", choose)
        self.list_area = vertical_scroll_area(choose)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setSpacing(12)
        self.list_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.list_area.setWidget(self.list_widget)
        self.summary = label("lead", choose)
        # Beside "back", where every screen has the button that moves on: in view whatever
        # the list's length and the window's height.
        self.take = big_button("primary", self)
        self.take.clicked.connect(self.take_requested)
        column.addWidget(self.hint)
        column.addWidget(self.list_area, 1)
        column.addWidget(self.summary)

        wait, column = _page(self.pages)
        self.wait_message = label("hero", wait)
        self.wait_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(self.wait_message)
        column.addStretch(1)

        # The number and its counter above how long the wait is; side by side in a short window.
        number_part, column = adaptive_column(spacing=12)  # one thing: the number, its counter
        self.number_caption = label("lead", number_part)
        self.number = InkHighLabel("ticket-number", number_part)
        self.category_name = label("title", number_part)
        wait_part, wait_column = adaptive_column(spacing=24)
        self.ahead = label("lead", wait_part)
        self.call_hint = label("note", wait_part)
        self.printed = label("note", wait_part)
        for widget in (self.number_caption, self.number, self.category_name):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        for widget in (self.ahead, self.call_hint, self.printed):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            wait_column.addWidget(widget)
        column.addStretch(1)
        wait_column.addStretch(1)
        self.ticket_view = SideBySideWhenShort(number_part, wait_part, spacing=24)
        ticket = self.ticket_view

        # Long words in large text: they scroll where the window is short.
        trouble = vertical_scroll_area(self.pages, framed=False)
        trouble_page, column = _page(None)
        self.trouble_title = label("lead", trouble_page)
        self.trouble_detail = label("body", trouble_page)
        self.retry = big_button("primary", trouble_page)
        self.retry.clicked.connect(self.retry_requested)
        column.addWidget(self.trouble_title)
        column.addWidget(self.trouble_detail)
        column.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        trouble.setWidget(trouble_page)

        self._page_widgets = {
            QueuePage.CHOOSE: choose,
            QueuePage.WAIT: wait,
            QueuePage.TICKET: ticket,
            QueuePage.TROUBLE: trouble,
        }
        for page in self._page_widgets.values():
            self.pages.addWidget(page)

        self.back = big_button("secondary", self)
        self.back.clicked.connect(self.back_requested)
        self.done = big_button("primary", self)
        self.done.clicked.connect(self.done_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.take)
        buttons.addWidget(self.done)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.pages, 1)
        self.body.addLayout(buttons)

        self.category_group = QButtonGroup(self)
        self.category_buttons: dict[str, QPushButton] = {}
        self._categories: tuple[QueueCategory, ...] = ()
        self._chosen = ""
        self._loading = False
        self._trouble: QueueTrouble | None = None
        self._ticket: QueueTicket | None = None
        self._printed: PrintOutcome | None = None
        self._language = Language.ZH_HANT
        self._show(QueuePage.CHOOSE)
        self.retranslate()

    # -- what the journey shows --------------------------------------------------------------

    @property
    def page(self) -> QueuePage:
        current = self.pages.currentWidget()
        return next(page for page, widget in self._page_widgets.items() if widget is current)

    def show_loading(self) -> None:
        self._loading = True
        self._trouble = None
        self._show(QueuePage.CHOOSE)
        self._retranslate_choice()

    def show_categories(self, categories: tuple[QueueCategory, ...]) -> None:
        self._loading = False
        self._categories = categories
        if self._chosen not in {category.code for category in categories}:
            self._chosen = ""
        if not categories:
            self.show_trouble(QueueTrouble.NO_COUNTERS)
            return
        self._trouble = None
        self._rebuild()
        self._show(QueuePage.CHOOSE)

    def show_taking(self) -> None:
        self._show(QueuePage.WAIT)

    def show_ticket(self, ticket: QueueTicket, printed: PrintOutcome) -> None:
        self._ticket = ticket
        self._printed = printed
        self._retranslate_ticket()
        self._show(QueuePage.TICKET)

    def show_trouble(self, trouble: QueueTrouble) -> None:
        self._loading = False
        self._trouble = trouble
        self._retranslate_trouble()
        self._show(QueuePage.TROUBLE)

    def _show(self, page: QueuePage) -> None:
        self.pages.setCurrentWidget(self._page_widgets[page])
        # While the number is on its way there is nothing to press; afterwards only "done".
        self.back.setVisible(page is not QueuePage.WAIT)
        self.done.setVisible(page is QueuePage.TICKET)
        self.take.setVisible(page is QueuePage.CHOOSE)
        self.take.setEnabled(bool(self._chosen))

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Take a queue number"))
        self.wait_message.setText(self.tr("Getting your number…"))
        self.take.setText(self.tr("Take a number"))
        self.retry.setText(self.tr("Try again"))
        self.back.setText(self.tr("Back to the menu"))
        self.done.setText(self.tr("Done"))
        self.number_caption.setText(self.tr("Your number"))
        self._retranslate_choice()
        self._retranslate_ticket()
        self._retranslate_trouble()

    def _wait_words(self, people: int, minutes: int) -> str:
        if people <= 0:
            return self.tr("Nobody is waiting: you are next.")
        return (
            self.tr("%1 waiting, about %2 minutes")
            .replace("%1", str(people))
            .replace("%2", str(minutes))
        )

    def _retranslate_choice(self) -> None:
        if self._loading:
            self.hint.setText(self.tr("Looking up the counters…"))
        else:
            self.hint.setText(self.tr("Choose the counter you need."))
        chosen = next((c for c in self._categories if c.code == self._chosen), None)
        if chosen is None:
            self.summary.setText("")
        else:
            self.summary.setText(
                f"{chosen.name_in(self._language)}: "
                f"{self._wait_words(chosen.waiting, chosen.estimated_wait_minutes)}"
            )
        for category in self._categories:
            button = self.category_buttons.get(category.code)
            if button is not None:
                button.setText(
                    f"{category.prefix}  {category.name_in(self._language)}\n"
                    f"{self._wait_words(category.waiting, category.estimated_wait_minutes)}"
                )

    def _retranslate_ticket(self) -> None:
        ticket = self._ticket
        if ticket is None:
            for widget in (self.number, self.category_name, self.ahead, self.printed):
                widget.setText("")
            self.call_hint.setText("")
            return
        self.number.setText(ticket.number)
        # In the language now chosen, if the list has it; else as the ticket was taken.
        listed = next((c for c in self._categories if c.code == ticket.category_code), None)
        self.category_name.setText(
            listed.name_in(self._language) if listed else ticket.category_name
        )
        if ticket.people_ahead <= 0:
            self.ahead.setText(self.tr("Nobody is ahead of you: please watch for your number."))
        else:
            self.ahead.setText(
                self.tr("People ahead of you: %1. Estimated wait: about %2 minutes.")
                .replace("%1", str(ticket.people_ahead))
                .replace("%2", str(ticket.estimated_wait_minutes))
            )
        self.call_hint.setText(
            self.tr("When your number is shown on the display, go to the counter it names.")
        )
        texts = {
            PrintOutcome.PRINTED: self.tr("Please take your ticket from the printer."),
            PrintOutcome.PRINTER_UNAVAILABLE: self.tr(
                "The printer is not available. Please remember your number."
            ),
            PrintOutcome.PRINT_FAILED: self.tr(
                "The ticket could not be printed. Please remember your number."
            ),
        }
        self.printed.setText(texts[self._printed] if self._printed else "")
        self.ticket_view.arrange()

    def _retranslate_trouble(self) -> None:
        if self._trouble is QueueTrouble.CATEGORY_GONE:
            self.trouble_title.setText(self.tr("That counter is not giving numbers now."))
            self.trouble_detail.setText(self.tr("Please choose again from the current list."))
        elif self._trouble is QueueTrouble.NO_COUNTERS:
            self.trouble_title.setText(self.tr("No counter is giving numbers now."))
            self.trouble_detail.setText(self.tr("Please ask the staff at the front desk."))
        else:
            self.trouble_title.setText(self.tr("Queue numbers cannot be given right now."))
            self.trouble_detail.setText(
                self.tr(
                    "This kiosk cannot reach the hall's queue system, and a number is only "
                    "valid once the hall has it. Please try again in a minute, or ask the "
                    "staff at the front desk for a number."
                )
            )

    # -- the list --------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        for button in self.category_buttons.values():
            self.category_group.removeButton(button)
            self.list_layout.removeWidget(button)
            button.deleteLater()
        self.category_buttons = {}
        for category in self._categories:
            button = big_button("service", self.list_widget)
            button.setCheckable(True)
            button.setChecked(category.code == self._chosen)
            button.clicked.connect(lambda _=False, code=category.code: self._choose(code))
            self.category_group.addButton(button)
            self.list_layout.addWidget(button)
            self.category_buttons[category.code] = button
        self._retranslate_choice()
        self.take.setEnabled(bool(self._chosen))

    def _choose(self, code: str) -> None:
        self._chosen = code
        self.take.setEnabled(True)
        self._retranslate_choice()
        self.category_chosen.emit(code)

    def show_session(self, session: Session) -> None:
        if session.language is not self._language:
            self._language = session.language
            self._retranslate_choice()
            self._retranslate_ticket()

    def clear(self) -> None:
        self._categories = ()
        self._chosen = ""
        self._ticket = None
        self._printed = None
        self._trouble = None
        self._loading = False
        self._rebuild()
        self._retranslate_ticket()
        self._show(QueuePage.CHOOSE)
