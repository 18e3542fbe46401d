"""The hidden staff entry: a quick run of taps in a screen's top-left corner.

Nothing on screen shows it. Only taps that land on the screen itself (its empty margin, not a
button) in the corner count, and they must come within :data:`ENTRY_WINDOW_S`: a citizen
resting a hand there, or tapping about, does not open it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

ENTRY_WINDOW_S = 3.0
# The corner's size in pixels: a fingertip's reach, inside the screen's empty margin.
CORNER_PX = 120


class CornerTaps(QObject):
    """An event filter on ``screen`` counting taps in its top-left corner.

    Signals:
        triggered(): ``taps`` taps landed in the corner within :data:`ENTRY_WINDOW_S`.
    """

    triggered = Signal()

    def __init__(
        self,
        screen: QWidget,
        *,
        taps: int,
        clock: Callable[[], float] = time.monotonic,
        corner_px: int = CORNER_PX,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._taps = taps
        self._corner_px = corner_px
        self.clock = clock
        self._times: deque[float] = deque(maxlen=taps)
        self.enabled = True
        screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            self._tapped(event.position())
        return False  # the tap goes on as if nobody watched

    def _tapped(self, position: QPointF) -> None:
        in_corner = 0 <= position.x() < self._corner_px and 0 <= position.y() < self._corner_px
        if not self.enabled or not in_corner:
            self._times.clear()  # a tap anywhere else breaks the run
            return
        now = self.clock()
        self._times.append(now)
        if len(self._times) == self._taps and now - self._times[0] <= ENTRY_WINDOW_S:
            self._times.clear()
            self.triggered.emit()
