"""What the citizen can do: with a card, everything; without one, all but applying."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QSpacerItem, QWidget

from kiosk.session import Session
from ui.screens.base import ScrollingScreen
from ui.widgets import big_button, label
from ui.wrap_button import wrap_button

TILES_GAP_PX = 24


class MenuScreen(ScrollingScreen):
    """Signals:
    apply_requested(): apply for a service (asks for the card when there is none).
    progress_requested(): check the progress of earlier applications.
    ticket_requested(): take a queue number.
    hotline_requested(): file a hotline request.
    finish_requested(): the citizen is done.
    """

    apply_requested = Signal()
    progress_requested = Signal()
    ticket_requested = Signal()
    hotline_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = label("title", self)
        self.hint = label("lead", self)
        self.apply = wrap_button("tile", self)
        self.apply.clicked.connect(self.apply_requested)
        self.progress = wrap_button("tile", self)
        self.progress.clicked.connect(self.progress_requested)
        self.ticket = wrap_button("tile", self)
        self.ticket.clicked.connect(self.ticket_requested)
        self.hotline = wrap_button("tile", self)
        self.hotline.clicked.connect(self.hotline_requested)
        self.finish = big_button("secondary", self)
        self.finish.clicked.connect(self.finish_requested)
        tiles = QGridLayout()
        tiles.setSpacing(24)
        # Two equal columns; a long name wraps inside its tile (English, large text).
        tiles.setColumnStretch(0, 1)
        tiles.setColumnStretch(1, 1)
        for index, tile in enumerate((self.apply, self.progress, self.ticket, self.hotline)):
            # As tall as the theme draws them where there is room; shorter, down to their
            # words, where the window is short (in care mode too); then the page scrolls.
            policy = tile.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Expanding)
            tile.setSizePolicy(policy)
            tiles.addWidget(tile, index // 2, index % 2)
        self.page.addWidget(self.greeting)
        self.page.addWidget(self.hint)
        # Room between the question and the tiles, given up where the window is too short.
        self._gap = QSpacerItem(0, TILES_GAP_PX, QSizePolicy.Policy.Minimum)
        self.page.addSpacerItem(self._gap)
        self.page.addLayout(tiles, 1)
        self.page.addStretch(0)
        self.bottom_row.addStretch(1)
        self.bottom_row.addWidget(self.finish)
        self._masked_name = ""
        self.retranslate()

    def retranslate(self) -> None:
        if self._masked_name:
            self.greeting.setText(self.tr("Hello, %1").replace("%1", self._masked_name))
            self.apply.setText(self.tr("Apply for a service"))
            self.finish.setText(self.tr("Finish and take my card"))
        else:
            self.greeting.setText(self.tr("Welcome"))
            self.apply.setText(self.tr("Apply for a service (needs your ID card)"))
            self.finish.setText(self.tr("Finish"))
        self.hint.setText(self.tr("What would you like to do today?"))
        self._fit_gap()
        self.progress.setText(self.tr("Check my applications"))
        self.ticket.setText(self.tr("Take a queue number"))
        self.hotline.setText(self.tr("Hotline: ask, suggest, complain"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_gap()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_gap()  # the text size may have changed while it was hidden

    def _fit_gap(self) -> None:
        content = self.page_area.widget()
        if content is None:
            return
        bar = self.page_area.verticalScrollBar()
        width = self.page_area.viewport().width() + (bar.width() if bar.isVisible() else 0)
        gap = self._gap.sizeHint().height()
        needed = content.heightForWidth(width) - gap + TILES_GAP_PX
        wanted = TILES_GAP_PX if needed <= self.page_area.viewport().height() else 0
        if wanted != gap:
            self._gap.changeSize(0, wanted, QSizePolicy.Policy.Minimum)
            self.page.invalidate()

    def show_session(self, session: Session) -> None:
        self._masked_name = session.identity.masked_name() if session.identity else ""
        self.retranslate()

    def clear(self) -> None:
        self._masked_name = ""
        self.retranslate()
