"""A reader with no hardware: demos and tests insert and remove cards by calling it."""

from __future__ import annotations

import threading
from datetime import date

from drivers.cards.base import CardListener, CardReader
from drivers.cards.identity import DocumentKind, Identity, Sex

# A made-up citizen; the number carries a valid GB 11643 check character but belongs to nobody.
DEMO_IDENTITY = Identity(
    kind=DocumentKind.DEMO,
    name="陳美玲",
    id_number="11010519491231002X",
    birth_date=date(1949, 12, 31),
    sex=Sex.FEMALE,
    nationality="漢",
    address="示範縣幸福鎮中山路 1 號",
    valid_from=date(2020, 1, 1),
    valid_until=None,
    issuer="示範縣公安局",
)


class SimulatedReader(CardReader):
    def __init__(self) -> None:
        self._listener: CardListener | None = None
        self._lock = threading.Lock()
        self._inserted: Identity | None = None

    @property
    def is_simulated(self) -> bool:
        return True

    def start(self, listener: CardListener) -> None:
        with self._lock:
            self._listener = listener

    def stop(self) -> None:
        with self._lock:
            self._listener = None
            self._inserted = None

    @property
    def card_present(self) -> bool:
        return self._inserted is not None

    def insert(self, identity: Identity = DEMO_IDENTITY) -> None:
        with self._lock:
            self._inserted = identity
            listener = self._listener
        if listener is not None:
            listener.card_inserted(identity)

    def remove(self) -> None:
        with self._lock:
            was_present = self._inserted is not None
            self._inserted = None
            listener = self._listener
        if listener is not None and was_present:
            listener.card_removed()
