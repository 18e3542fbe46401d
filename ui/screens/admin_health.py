"""Staff page: how every part of the kiosk is doing (kiosk.health), one row per part."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from drivers.printers.base import PaperState
from kiosk.health import DeviceHealth, ReaderHealth
from ui.screens.admin_page import ScrollingPage
from ui.widgets import big_button, label


class Part(Enum):
    CARD_READER = "card-reader"
    PRINTER = "printer"
    PAPER = "paper"
    BACKEND = "backend"
    OUTBOX = "outbox"
    DISK = "disk"
    UPTIME = "uptime"
    VERSION = "version"


# Below this much free disk the outbox and the receipts may soon have no room.
LOW_DISK_MB = 200


class HealthPage(ScrollingPage):
    """Signals:
    refresh_requested(): staff want a fresh reading.
    """

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title", self)
        self.state = label("note", self)
        self.captions: dict[Part, QLabel] = {}
        self.values: dict[Part, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(40)
        grid.setVerticalSpacing(12)
        for row, part in enumerate(Part):
            self.captions[part] = label("field-label", self)
            self.values[part] = label("value", self)
            grid.addWidget(self.captions[part], row, 0)
            grid.addWidget(self.values[part], row, 1)
        grid.setColumnStretch(1, 1)
        self.refresh = big_button("secondary", self)
        self.refresh.clicked.connect(self.refresh_requested)
        # "Check again" beside the heading, not under the list: the eight rows keep their
        # height in large text and care mode.
        top = QHBoxLayout()
        top.setSpacing(32)
        top.addWidget(self.heading)
        top.addWidget(self.state, 1)
        top.addWidget(self.refresh)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addLayout(top)
        column.addLayout(grid)
        column.addStretch(1)
        self._health: DeviceHealth | None = None
        self._checking = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Device health"))
        self.refresh.setText(self.tr("Check again"))
        captions = {
            Part.CARD_READER: self.tr("Card reader"),
            Part.PRINTER: self.tr("Printer"),
            Part.PAPER: self.tr("Paper"),
            Part.BACKEND: self.tr("Service hall system"),
            Part.OUTBOX: self.tr("Waiting to be sent"),
            Part.DISK: self.tr("Free disk space"),
            Part.UPTIME: self.tr("Running for"),
            Part.VERSION: self.tr("Software version"),
        }
        for part, caption in captions.items():
            self.captions[part].setText(caption)
        self._show()

    def show_checking(self) -> None:
        self._checking = True
        self._show()

    def show_health(self, health: DeviceHealth) -> None:
        self._checking = False
        self._health = health
        self._show()

    def show_unavailable(self) -> None:
        self._checking = False
        self._health = None
        self._show()
        self.state.setText(self.tr("The check did not finish. Touch “Check again”."))

    def clear(self) -> None:
        self._checking = False
        self._health = None
        self._show()

    def _show(self) -> None:
        self.refresh.setEnabled(not self._checking)
        self.state.setText(self.tr("Checking… (up to a few seconds)") if self._checking else "")
        health = self._health
        if health is None:
            for value in self.values.values():
                self._set(value, "–", ok=True)
            return
        for part, (text, ok) in self._describe(health).items():
            self._set(self.values[part], text, ok=ok)

    def _describe(self, health: DeviceHealth) -> dict[Part, tuple[str, bool]]:
        reader = {
            ReaderHealth.OK: self.tr("Working"),
            ReaderHealth.ABSENT: self.tr("Not found"),
            ReaderHealth.ERROR: self.tr("Reports errors"),
        }[health.reader]
        if health.reader_detail:
            reader = f"{reader} ({health.reader_detail})"
        printer = {
            "ok": self.tr("Ready"),
            "offline": self.tr("Offline"),
            "error": self.tr("Cover open") if health.printer.cover_open else self.tr("Error"),
        }[health.printer_state]
        if health.printer.online is None and health.printer_state == "ok":
            printer = self.tr("Did not answer")
        paper = {
            PaperState.OK: self.tr("Enough"),
            PaperState.NEAR_END: self.tr("Running out: change the roll soon"),
            PaperState.OUT: self.tr("Out of paper"),
            PaperState.UNKNOWN: self.tr("Unknown"),
        }[health.printer.paper]
        backend = (
            self.tr("Reachable, %1 ms").replace("%1", str(health.backend_latency_ms))
            if health.backend_reachable
            else self.tr("Not reachable")
        )
        unknown = self.tr("Unknown")
        depth = health.outbox_depth
        disk = health.disk_free_mb
        hours, minutes = divmod(health.uptime_s // 60, 60)
        return {
            Part.CARD_READER: (reader, health.reader is ReaderHealth.OK),
            Part.PRINTER: (printer, health.printer_state == "ok"),
            Part.PAPER: (paper, health.printer.paper in (PaperState.OK, PaperState.UNKNOWN)),
            Part.BACKEND: (backend, health.backend_reachable),
            Part.OUTBOX: (unknown if depth is None else str(depth), depth == 0),
            Part.DISK: (
                unknown if disk is None else self.tr("%1 MB").replace("%1", str(disk)),
                disk is not None and disk >= LOW_DISK_MB,
            ),
            Part.UPTIME: (
                self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes)),
                True,
            ),
            Part.VERSION: (health.version, True),
        }

    @staticmethod
    def _set(value: QLabel, text: str, *, ok: bool) -> None:
        value.setText(text)
        role = "value" if ok else "error"
        if value.property("role") != role:
            value.setProperty("role", role)
            value.style().unpolish(value)
            value.style().polish(value)
