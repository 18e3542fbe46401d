"""The service catalog, grouped by theme, with loading and failure states."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog import Service
from kiosk.i18n import Language
from kiosk.session import Session
from ui.screens.base import Screen
from ui.widgets import big_button, label, vertical_scroll_area
from ui.wrap_button import wrap_button

ALL_THEMES = ""
THEMES = ("business", "tax", "social", "construction", "civil", "hotline")


class CatalogScreen(Screen):
    """Signals:
    service_chosen(Service): the citizen picked a service.
    retry_requested(): load the catalog again after a failure.
    back_requested(): back to the menu.
    """

    service_chosen = Signal(object)
    retry_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.status = label("lead", self)
        self.retry = big_button("primary", self)
        self.retry.clicked.connect(self.retry_requested)
        self.retry.hide()

        self.theme_group = QButtonGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_buttons: dict[str, QPushButton] = {}
        # The theme list scrolls too, so the screen fits a small window as well as 1080p.
        self.theme_area = vertical_scroll_area(self, framed=False)
        theme_widget = QWidget()
        themes = QVBoxLayout(theme_widget)
        themes.setContentsMargins(0, 0, 0, 0)
        themes.setSpacing(12)
        for theme in (ALL_THEMES, *THEMES):
            button = big_button("theme", theme_widget)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, t=theme: self._filter(t))
            self.theme_group.addButton(button)
            self.theme_buttons[theme] = button
            themes.addWidget(button)
        themes.addStretch(1)
        self.theme_buttons[ALL_THEMES].setChecked(True)
        self.theme_area.setWidget(theme_widget)

        self.list_area = vertical_scroll_area(self)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setSpacing(12)
        self.list_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.list_area.setWidget(self.list_widget)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addWidget(self.theme_area, 0)
        columns.addWidget(self.list_area, 1)

        self.back = big_button("secondary", self)
        self.back.clicked.connect(self.back_requested)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.status)
        self.body.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addLayout(columns, 1)
        self.body.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)

        self._services: tuple[Service, ...] = ()
        self._language = Language.ZH_HANT
        self._theme = ALL_THEMES
        self._failed = False
        self.service_buttons: dict[str, QPushButton] = {}
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_theme_area()  # the text size may have changed while it was hidden
        super().showEvent(event)

    def _fit_theme_area(self) -> None:
        """As wide as the longest theme name beside its scroll bar (88 px targets, taller still
        in care mode, may need one); from the names' own widths, as a style sheet min-width
        would let a button shrink below its text."""
        widest = max(button.sizeHint().width() for button in self.theme_buttons.values())
        area = self.theme_area
        scroll_bar = area.verticalScrollBar().sizeHint().width()
        area.setMinimumWidth(widest + scroll_bar + 2 * area.frameWidth())

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Choose a service"))
        self.retry.setText(self.tr("Try again"))
        self.back.setText(self.tr("Back"))
        names = {
            ALL_THEMES: self.tr("All services"),
            "business": self.tr("Business registration"),
            "tax": self.tr("Tax"),
            "social": self.tr("Social affairs"),
            "construction": self.tr("Construction and planning"),
            "civil": self.tr("Household and civil affairs"),
            "hotline": self.tr("Requests and complaints"),
        }
        for theme, button in self.theme_buttons.items():
            button.setText(names[theme])
        self._fit_theme_area()
        self._show_status()
        self._rebuild()

    def show_loading(self) -> None:
        self._failed = False
        self.status.setText(self.tr("Loading the list of services…"))
        self.status.show()
        self.retry.hide()

    def show_failure(self) -> None:
        self._failed = True
        self._show_status()

    def show_services(self, services: tuple[Service, ...]) -> None:
        self._services = services
        self._failed = False
        self._show_status()
        self._rebuild()

    def show_session(self, session: Session) -> None:
        if session.language is not self._language:
            self._language = session.language
            self._rebuild()

    def _show_status(self) -> None:
        if self._failed:
            self.status.setText(
                self.tr("The service list cannot be loaded right now. Please try again.")
            )
        self.status.setVisible(self._failed or not self._services)
        self.retry.setVisible(self._failed)

    def _filter(self, theme: str) -> None:
        self._theme = theme
        self._rebuild()

    def _rebuild(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        self.service_buttons = {}
        for service in self._services:
            if self._theme and service.theme != self._theme:
                continue
            button = wrap_button("service", self.list_widget)  # long names wrap
            days = self.tr("%n working day(s)", "", service.promised_days)
            button.setText(
                f"{service.name_in(self._language)}\n"
                f"{service.department_in(self._language)} · {days}"
            )
            button.clicked.connect(lambda _=False, s=service: self.service_chosen.emit(s))
            self.list_layout.addWidget(button)
            self.service_buttons[service.code] = button
