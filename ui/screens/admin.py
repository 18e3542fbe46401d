"""The staff screens behind the PIN: one page per task, chosen on the left; touch only.

Leaving to maintenance (closing the kiosk program) asks twice, with the confirming buttons on
opposite sides, so one hurried double tap cannot do it.

The pages are built the first time staff come in (``pages_built``), not at start-up: most
days nobody opens them, and building them would cost every start of the kiosk.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.screens.admin_card import CardPage
from ui.screens.admin_health import HealthPage
from ui.screens.admin_log import LogPage
from ui.screens.admin_printer import PrinterPage
from ui.screens.admin_service import ServicePage
from ui.screens.base import Screen
from ui.widgets import big_button, label


class AdminPage(Enum):
    HEALTH = "health"
    PRINTER = "printer"
    CARD = "card"
    SERVICE = "service"
    LOG = "log"


@dataclass(frozen=True)
class _Pages:
    health: HealthPage
    printer: PrinterPage
    card: CardPage
    service: ServicePage
    log: LogPage

    def by_name(self) -> dict[AdminPage, QWidget]:
        return {
            AdminPage.HEALTH: self.health,
            AdminPage.PRINTER: self.printer,
            AdminPage.CARD: self.card,
            AdminPage.SERVICE: self.service,
            AdminPage.LOG: self.log,
        }


class _Confirmation(QWidget):
    """A question with "go on" and "cancel"; ``go_first`` puts "go on" on the left."""

    def __init__(self, *, go_first: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = label("lead", self)
        self.go = big_button("primary", self)
        self.cancel = big_button("secondary", self)
        buttons = QHBoxLayout()
        first, last = (self.go, self.cancel) if go_first else (self.cancel, self.go)
        buttons.addWidget(first)
        buttons.addStretch(1)
        buttons.addWidget(last)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(32)
        column.addWidget(self.question)
        column.addLayout(buttons)
        column.addStretch(1)


class AdminScreen(Screen):
    """Signals:
    page_chosen(AdminPage): a page was brought up (to fill it with fresh readings).
    leave_requested(): staff are done; back to the citizens' screens.
    maintenance_asked(): "leave to maintenance" was touched (the first of three touches).
    maintenance_confirmed(): confirmed twice: close the kiosk program.
    pages_built(): the pages exist now (connect to their signals then).
    """

    pages_built = Signal()
    page_chosen = Signal(object)
    leave_requested = Signal()
    maintenance_asked = Signal()
    maintenance_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.setContentsMargins(48, 24, 48, 24)
        self.title = label("title", self)
        self.audit_note = label("note", self)
        self._pages: _Pages | None = None
        self.first_confirmation = _Confirmation(go_first=True)
        self.second_confirmation = _Confirmation(go_first=False)
        self.stack = QStackedWidget(self)
        for widget in (self.first_confirmation, self.second_confirmation):
            self.stack.addWidget(widget)
        self.nav_buttons: dict[AdminPage, QPushButton] = {}
        nav = QVBoxLayout()
        nav.setSpacing(12)
        for page in AdminPage:
            button = big_button("choice", self)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, p=page: self.show_page(p))
            self.nav_buttons[page] = button
            nav.addWidget(button)
        nav.addStretch(1)
        self.maintenance = big_button("secondary", self)
        self.maintenance.clicked.connect(self._ask_maintenance)
        self.leave = big_button("primary", self)
        self.leave.clicked.connect(self.leave_requested)
        self.first_confirmation.go.clicked.connect(self._confirm_once)
        self.second_confirmation.go.clicked.connect(self.maintenance_confirmed)
        for confirmation in (self.first_confirmation, self.second_confirmation):
            confirmation.cancel.clicked.connect(self._cancel_maintenance)

        # The title heads the column of page buttons, not a row of its own: the pages get the
        # whole height between the header and the bottom row (large text and care mode need it).
        nav.insertWidget(0, self.title)
        nav.insertSpacing(1, 12)
        middle = QHBoxLayout()
        middle.setSpacing(40)
        middle.addLayout(nav)
        middle.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(32)
        bottom.addWidget(self.maintenance)
        self.audit_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bottom.addWidget(self.audit_note, 1)
        bottom.addWidget(self.leave)
        self.body.addLayout(middle, 1)
        self.body.addLayout(bottom)
        self._page = AdminPage.HEALTH
        self.retranslate()

    # -- the pages, built on first use ---------------------------------------------------------

    def _built(self) -> _Pages:
        if self._pages is None:
            self._pages = _Pages(HealthPage(), PrinterPage(), CardPage(), ServicePage(), LogPage())
            for widget in self._pages.by_name().values():
                self.stack.addWidget(widget)
            self._select(self._page)
            self.pages_built.emit()
        return self._pages

    @property
    def built(self) -> bool:
        return self._pages is not None

    @property
    def pages(self) -> dict[AdminPage, QWidget]:
        return self._built().by_name()

    @property
    def health(self) -> HealthPage:
        return self._built().health

    @property
    def printer(self) -> PrinterPage:
        return self._built().printer

    @property
    def card(self) -> CardPage:
        return self._built().card

    @property
    def service(self) -> ServicePage:
        return self._built().service

    @property
    def log(self) -> LogPage:
        return self._built().log

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff mode"))
        self.audit_note.setText(self.tr("Everything done here is recorded in the log."))
        names = {
            AdminPage.HEALTH: self.tr("Device health"),
            AdminPage.PRINTER: self.tr("Printer"),
            AdminPage.CARD: self.tr("Card reader"),
            AdminPage.SERVICE: self.tr("This kiosk"),
            AdminPage.LOG: self.tr("Log"),
        }
        for page, name in names.items():
            self.nav_buttons[page].setText(name)
        self.maintenance.setText(self.tr("Leave to maintenance"))
        self.leave.setText(self.tr("Leave staff mode"))
        self.first_confirmation.question.setText(
            self.tr(
                "Leaving to maintenance closes the kiosk program. Citizens cannot use this "
                "kiosk until it is started again. Continue?"
            )
        )
        self.first_confirmation.go.setText(self.tr("Continue"))
        self.first_confirmation.cancel.setText(self.tr("Cancel"))
        self.second_confirmation.question.setText(self.tr("Close the kiosk program now?"))
        self.second_confirmation.go.setText(self.tr("Close the program"))
        self.second_confirmation.cancel.setText(self.tr("Cancel"))
        if self._pages is not None:
            self._pages.health.retranslate()
            self._pages.printer.retranslate()
            self._pages.card.retranslate()
            self._pages.service.retranslate()
            self._pages.log.retranslate()

    @property
    def page(self) -> AdminPage:
        return self._page

    def show_page(self, page: AdminPage) -> None:
        self._select(page)
        self.page_chosen.emit(page)

    def _select(self, page: AdminPage) -> None:
        self._page = page
        self.stack.setCurrentWidget(self.pages[page])
        for other, button in self.nav_buttons.items():
            button.setChecked(other is page)
        self._enable_navigation(True)

    def _enable_navigation(self, on: bool) -> None:
        # Hidden, not greyed out: while the question is open nothing else is there to touch.
        for button in (*self.nav_buttons.values(), self.leave, self.maintenance):
            button.setVisible(on)

    def _ask_maintenance(self) -> None:
        self.stack.setCurrentWidget(self.first_confirmation)
        self._enable_navigation(False)
        self.maintenance_asked.emit()

    def _confirm_once(self) -> None:
        self.stack.setCurrentWidget(self.second_confirmation)

    def _cancel_maintenance(self) -> None:
        self._select(self._page)

    def clear(self) -> None:
        if self._pages is None:
            return  # never opened: nothing shown to forget
        for page in (self._pages.health, self._pages.printer, self._pages.card, self._pages.log):
            page.clear()
        self._select(AdminPage.HEALTH)
