"""Virtual ID cards for the PC/SC profiles: one per kind, made-up people, real protocols.

The benchmark and the vpcd harness look cards up in ``CARDS``; tests build them with
``Faults`` to play a misbehaving card or reader.
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.cards.identity import DocumentKind
from tests.integration.cards.virtual_card import VirtualCard
from tests.integration.cards.virtual_cards.belgian_eid import BelgianEidCard
from tests.integration.cards.virtual_cards.estonian_id import EstonianIdCard
from tests.integration.cards.virtual_cards.iso import Faults
from tests.integration.cards.virtual_cards.taiwan_nhi import TaiwanNhiCard

CARDS: dict[DocumentKind, Callable[[], VirtualCard]] = {
    DocumentKind.BE_EID: BelgianEidCard,
    DocumentKind.EE_ID: EstonianIdCard,
    DocumentKind.TW_NHI_CARD: TaiwanNhiCard,
}

__all__ = ["CARDS", "BelgianEidCard", "EstonianIdCard", "Faults", "TaiwanNhiCard"]
