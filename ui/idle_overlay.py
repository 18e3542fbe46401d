"""The "are you still there?" countdown shown over any screen before an idle timeout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.widgets import big_button, label


class IdleOverlay(QWidget):
    """Covers the whole window while the session's countdown is in its last ``countdown_s``
    seconds (or its last half, for a screen whose whole timeout is shorter than twice that,
    so no screen is covered the moment it appears). Hides when time is restored, or when the
    session is back at the start (no countdown).

    Signals:
    still_here(): the citizen answered the countdown; restart it.
    """

    still_here = Signal()

    def __init__(self, parent: QWidget, *, countdown_s: int) -> None:
        super().__init__(parent)
        self.setObjectName("idle-overlay")
        self._window = parent
        self._countdown_s = countdown_s
        # The seconds the current countdown started from: it grows back on every touch.
        self._period_s = 0.0
        self._last_left: float | None = None
        self._shown_seconds = -1

        self.panel = QFrame(self)
        self.panel.setObjectName("idle-panel")
        self.panel.setMinimumWidth(960)
        self.question = label("title", self.panel)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds = label("idle-seconds", self.panel)
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = label("lead", self.panel)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stay = big_button("primary", self.panel)
        self.stay.clicked.connect(self._answered)
        column = QVBoxLayout(self.panel)
        column.setContentsMargins(64, 48, 64, 48)
        column.setSpacing(24)
        column.addWidget(self.question)
        column.addWidget(self.seconds)
        column.addWidget(self.explanation)
        column.addSpacing(16)
        column.addWidget(self.stay, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

        parent.installEventFilter(self)  # follow the window's size
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.explanation.setText(
            self.tr("seconds until the kiosk returns to the start and forgets what you entered.")
        )
        self.stay.setText(self.tr("I am still here"))
        self.setAccessibleName(self.tr("Are you still there?"))

    def show_seconds_left(self, seconds_left: float | None) -> None:
        """Called every tick with the session's countdown (None: this screen never times out)."""
        if seconds_left is None:
            self._period_s, self._last_left = 0.0, None
            self._hide()
            return
        if self._last_left is None or seconds_left > self._last_left:
            self._period_s = seconds_left  # a new countdown: a new screen, or a touch
        self._last_left = seconds_left
        if seconds_left > min(self._countdown_s, self._period_s / 2):
            self._hide()
            return
        seconds = int(seconds_left + 0.999)
        if seconds != self._shown_seconds:
            self._shown_seconds = seconds
            self.seconds.setText(str(seconds))
        if not self.isVisible():
            self.retranslate()  # the citizen may have changed the language meanwhile
            self.setGeometry(self._window.rect())
            self.raise_()
            self.show()
            self.stay.setFocus()

    def _hide(self) -> None:
        if self.isVisible():
            self.hide()
        self._shown_seconds = -1

    def _answered(self) -> None:
        self._hide()
        self.still_here.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere on the dimmed screen is an answer too.
        event.accept()
        self._answered()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(10, 30, 50, 170))  # dims the screen, calmly
