"""The few things every card reader backend supplies."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Protocol

from drivers.cards.identity import Identity

log = logging.getLogger(__name__)


class CardReaderError(Exception):
    """A reader cannot be built or used; the message is fit for a vendor's log."""


class CardReadError(Exception):
    """A card was present but its identity could not be read."""


class CardRemoved(CardReadError):
    """The card left the reader (or lost power) in the middle of a read: insert it again."""


class UnknownCard(CardReadError):
    """No profile recognises the card (ATR and probing by AID)."""


class CardDataError(CardReadError):
    """The card answered, but its data is malformed, truncated or fails a check."""


class CardListener(Protocol):
    """Receives reader events. Called from the reader's own thread, never the UI thread."""

    def card_inserted(self, identity: Identity) -> None: ...

    def card_removed(self) -> None: ...

    def card_error(self, reason: str) -> None: ...


class CardReader(ABC):
    @abstractmethod
    def start(self, listener: CardListener) -> None:
        """Begin watching for cards; events go to ``listener``."""

    @abstractmethod
    def stop(self) -> None:
        """Stop watching and release the reader. Safe to call twice."""

    @property
    def is_simulated(self) -> bool:
        return False


def deliver(listener: CardListener | None, event: Callable[[CardListener], None]) -> None:
    """Hand ``event`` to the listener; a bug in the listener must not end the reader's thread."""
    if listener is None:
        return
    try:
        event(listener)
    except Exception:
        log.exception("the card listener failed")
