"""Card profiles: one module per kind of card the PC/SC reader can read.

A profile recognises its card (by ATR or by probing for its application) and turns the card's
files into an ``Identity``. ``PROFILES`` lists them in the order the reader tries them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from drivers.cards.apdu import ApduSession
from drivers.cards.identity import DocumentKind, Identity


class CardProfile(ABC):
    kind: DocumentKind
    name: str  # what staff see in `kiosk card read` ("Belgian eID")

    def matches_atr(self, atr: bytes) -> bool:
        """A cheap first guess from the ATR; ``probe`` decides when this is not enough."""
        return False

    @abstractmethod
    def probe(self, session: ApduSession) -> bool:
        """Select the card's application; True when this is the profile's card."""

    @abstractmethod
    def read(self, session: ApduSession) -> Identity:
        """Read the identity (after a successful ``probe``); raise CardReadError subclasses."""


# Below the ABC on purpose: each profile module imports ``CardProfile`` from this package.
from drivers.cards.profiles.belgian_eid import BelgianEidProfile  # noqa: E402
from drivers.cards.profiles.estonian_id import EstonianIdProfile  # noqa: E402
from drivers.cards.profiles.taiwan_nhi import TaiwanNhiProfile  # noqa: E402

# The order the reader tries them in.
PROFILES: tuple[CardProfile, ...] = (BelgianEidProfile(), EstonianIdProfile(), TaiwanNhiProfile())
