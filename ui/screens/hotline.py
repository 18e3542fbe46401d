"""The screen for a hotline request (12345): category, description, contact, then the ticket.

An "Emergency?" button on the first two pages shows 110 / 119 / 120 at once and files nothing.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.hotline_categories import HotlineCategory
from kiosk.hotline_desk import HotlineField, HotlineProblem, HotlineRecord
from kiosk.i18n import Language
from kiosk.session import PrintOutcome, Session
from ui.screens.base import Screen
from ui.screens.emergency import EmergencyPanel
from ui.screens.hotline_details import HotlineDetails, restyle
from ui.screens.hotline_texts import HotlineFailure, HotlineTexts
from ui.widgets import big_button, label, relayout, vertical_scroll_area
from ui.wrap_button import wrap_button


class HotlinePage(Enum):
    CATEGORY = "category"
    DETAILS = "details"
    SENDING = "sending"
    FILED = "filed"
    EMERGENCY = "emergency"


class HotlineScreen(Screen):
    """Signals:
    category_chosen(str): the citizen picked a category (its code).
    send_requested(): file what is on the details page.
    back_requested(): back to the menu.
    done_requested(): the citizen is done with the filed request.
    """

    category_chosen = Signal(str)
    send_requested = Signal()
    back_requested = Signal()
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = HotlineTexts(self)
        self.heading = label("title", self)
        self.pages = QStackedWidget(self)

        # Category: two columns of big buttons, each with what the category is for. The page
        # scrolls as one, as the details page does: in a short window, or in large text, the
        # list keeps what room the emergency button and the question leave it.
        self.category_area = vertical_scroll_area(self.pages, framed=False)
        self.category_page = self.category_area
        self.category_widget = QWidget()
        column = QVBoxLayout(self.category_widget)
        column.setContentsMargins(0, 0, 0, 0)
        # On each page that needs it, not above the pages, where its height would add up.
        self.emergency = big_button("emergency", self.category_widget)
        self.emergency.clicked.connect(self.show_emergency)
        self.category_hint = label("lead", self.category_widget)
        self.category_grid = QGridLayout()
        self.category_grid.setSpacing(16)
        column.addWidget(self.emergency)
        column.addWidget(self.category_hint)
        column.addLayout(self.category_grid)
        column.addStretch(1)
        self.category_area.setWidget(self.category_widget)

        self.details = HotlineDetails(self.texts, self.pages)
        self.details.emergency_requested.connect(self.show_emergency)

        self.sending_page = label("hero", self.pages)
        self.sending_page.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Long words in large text: they scroll where the window is short.
        self.filed_area = vertical_scroll_area(self.pages, framed=False)
        self.filed_page = QWidget()
        filed = QVBoxLayout(self.filed_page)
        filed.setContentsMargins(0, 0, 0, 0)
        filed.setSpacing(20)
        self.filed_title = label("title", self.filed_page)
        self.number_caption = label("lead", self.filed_page)
        self.number = label("number", self.filed_page)
        self.filed_note = label("body", self.filed_page)
        self.printed = label("note", self.filed_page)
        for filed_part in (
            self.filed_title,
            self.number_caption,
            self.number,
            self.filed_note,
            self.printed,
        ):
            filed.addWidget(filed_part)
        filed.addStretch(1)
        self.filed_area.setWidget(self.filed_page)

        self.emergency_panel = EmergencyPanel()
        # Taller than the room in care mode: it scrolls, the numbers on top, none cut short.
        emergency_page = vertical_scroll_area(self.pages, framed=False)
        emergency_page.setWidget(self.emergency_panel)
        self._page_widgets: dict[HotlinePage, QWidget] = {
            HotlinePage.CATEGORY: self.category_page,
            HotlinePage.DETAILS: self.details,
            HotlinePage.SENDING: self.sending_page,
            HotlinePage.FILED: self.filed_area,
            HotlinePage.EMERGENCY: emergency_page,
        }
        for page_widget in self._page_widgets.values():
            self.pages.addWidget(page_widget)

        self.back = big_button("secondary", self)
        self.back.clicked.connect(self._back)
        self.send = big_button("primary", self)
        self.send.clicked.connect(self.send_requested)
        self.done = big_button("primary", self)
        self.done.clicked.connect(self.done_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.send)
        buttons.addWidget(self.done)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.pages, 1)
        self.body.addLayout(buttons)

        self.category_buttons: dict[str, QPushButton] = {}
        self._categories: tuple[HotlineCategory, ...] = ()
        self._language = Language.ZH_HANT
        self._record: HotlineRecord | None = None
        self._printed: PrintOutcome | None = None
        self._before_emergency = HotlinePage.CATEGORY
        self._show(HotlinePage.CATEGORY)
        self.retranslate()

    # -- navigation inside the screen --------------------------------------------------------

    @property
    def page(self) -> HotlinePage:
        current = self.pages.currentWidget()
        return next(page for page, widget in self._page_widgets.items() if widget is current)

    def _show(self, page: HotlinePage) -> None:
        shown = self._page_widgets[page]
        if shown is not self.pages.currentWidget():
            relayout(shown)  # its words may have changed language or size while hidden
        self.pages.setCurrentWidget(shown)
        self.back.setVisible(page is not HotlinePage.SENDING)
        self.send.setVisible(page is HotlinePage.DETAILS)
        self.done.setVisible(page is HotlinePage.FILED)
        # The emergency and filed pages have their own titles: their room goes to the numbers
        # (large text, a short window).
        self.heading.setVisible(page not in (HotlinePage.EMERGENCY, HotlinePage.FILED))
        self._retranslate_back()

    def show_emergency(self) -> None:
        if self.page is not HotlinePage.EMERGENCY:
            self._before_emergency = self.page
        self._show(HotlinePage.EMERGENCY)

    def _back(self) -> None:
        page = self.page
        if page is HotlinePage.EMERGENCY:
            self._show(self._before_emergency)
        elif page is HotlinePage.DETAILS:
            self._show(HotlinePage.CATEGORY)  # what was typed stays, for another category
        else:
            self.back_requested.emit()

    # -- what the journey shows --------------------------------------------------------------

    def show_categories(self, categories: tuple[HotlineCategory, ...]) -> None:
        self._categories = categories
        self._rebuild()
        if self.page is not HotlinePage.EMERGENCY:
            self._show(HotlinePage.CATEGORY)

    def show_details(self, category: HotlineCategory, card_name: str) -> None:
        """``card_name``: the masked name of the card inserted, or "" without a card."""
        self.details.show_category(category, card_name)
        self._show(HotlinePage.DETAILS)

    def show_problems(self, problems: dict[HotlineField, HotlineProblem]) -> None:
        self._show(HotlinePage.DETAILS)
        self.details.show_problems(problems)

    def show_sending(self) -> None:
        self._show(HotlinePage.SENDING)

    def show_not_filed(self, failure: HotlineFailure) -> None:
        """Back on the details page, everything typed still there, with why it did not go."""
        self._show(HotlinePage.DETAILS)
        self.details.show_failure(failure)

    def show_filed(self, record: HotlineRecord, printed: PrintOutcome) -> None:
        self._record = record
        self._printed = printed
        self.details.forget_typed()
        self._retranslate_filed()
        self._show(HotlinePage.FILED)

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Hotline 12345: ask, suggest, complain, praise"))
        self.emergency.setText(self.tr("Emergency? Police, fire, ambulance: tap here"))
        self.category_hint.setText(self.tr("What is your request about?"))
        self.sending_page.setText(self.tr("Sending your request…"))
        self.send.setText(self.tr("Send my request"))
        self.done.setText(self.tr("Done"))
        self.emergency_panel.retranslate()
        self.details.retranslate()
        self._retranslate_categories()
        self._retranslate_filed()
        self._retranslate_back()

    def _retranslate_back(self) -> None:
        inner = self.page in (HotlinePage.DETAILS, HotlinePage.EMERGENCY)
        self.back.setText(self.tr("Back") if inner else self.tr("Back to the menu"))

    def _retranslate_categories(self) -> None:
        for category in self._categories:
            button = self.category_buttons.get(category.code)
            if button is not None:
                button.setText(
                    f"{category.name_in(self._language)}\n{category.description_in(self._language)}"
                )

    def _retranslate_filed(self) -> None:
        record = self._record
        provisional = record is not None and record.provisional
        self.filed_title.setText(self.texts.filed_title(provisional))
        self.number_caption.setText(self.texts.number_caption(provisional))
        self.number.setText(record.number if record else "")
        self.filed_note.setText(self.texts.filed_note(provisional) if record else "")
        self.printed.setText(self.texts.printed(self._printed) if self._printed else "")
        restyle(
            self.printed, "error" if self._printed not in (None, PrintOutcome.PRINTED) else "note"
        )

    def _rebuild(self) -> None:
        for button in self.category_buttons.values():
            self.category_grid.removeWidget(button)
            button.deleteLater()
        self.category_buttons = {}
        for index, category in enumerate(self._categories):
            # Wrapping: a long description must not push the second column off screen.
            button = wrap_button("service", self.category_widget)
            button.clicked.connect(
                lambda _=False, code=category.code: self.category_chosen.emit(code)
            )
            self.category_grid.addWidget(button, index // 2, index % 2)
            self.category_buttons[category.code] = button
        self._retranslate_categories()

    def show_session(self, session: Session) -> None:
        if session.language is not self._language:
            self._language = session.language
            self._retranslate_categories()
            self.details.set_language(session.language)

    def clear(self) -> None:
        self.details.clear()
        self._record = None
        self._printed = None
        self._retranslate_filed()
        self._show(HotlinePage.CATEGORY)
