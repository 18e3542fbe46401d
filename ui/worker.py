"""Run blocking core calls (network, printer) off the UI thread and get the result back on it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # every ending must reach the caller, or the UI waits
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


class BackgroundTasks(QObject):
    """Owns the worker threads; callbacks run on the UI thread.

    Signals:
        idle(): the last pending task finished.
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._pending: set[_TaskSignals] = set()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        signals = _TaskSignals(self)  # parented to us: lives on the UI thread

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._pending.discard(signals)
            signals.deleteLater()
            try:
                callback(value)
            finally:
                if not self._pending:
                    self.idle.emit()

        signals.succeeded.connect(lambda result: finish(on_success, result))
        signals.failed.connect(lambda error: finish(on_failure, error))
        self._pending.add(signals)
        self._pool.start(_Task(work, signals))

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the workers are done (shutdown only)."""
        return self._pool.waitForDone(timeout_ms)
