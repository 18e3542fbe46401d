"""Turns callbacks from device threads into queued Qt signals for the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from drivers.cards.identity import Identity


class CardEventsBridge(QObject):
    """A ``CardListener`` whose methods may be called from any thread.

    Signals:
        inserted(Identity): a card was read.
        removed(): the card left the reader.
        failed(str): the reader reported a problem (reason fit for a log).
    """

    inserted = Signal(object)
    removed = Signal()
    failed = Signal(str)

    # Emitting from a foreign thread queues the call to receivers living on the UI thread.
    def card_inserted(self, identity: Identity) -> None:
        self.inserted.emit(identity)

    def card_removed(self) -> None:
        self.removed.emit()

    def card_error(self, reason: str) -> None:
        self.failed.emit(reason)
