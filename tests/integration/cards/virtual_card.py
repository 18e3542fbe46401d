"""What a virtual card is: an ATR and an answer to every C-APDU.

The vpcd harness (``tests.integration.cards.vpcd``) plugs any ``VirtualCard`` into a virtual
reader of a real pcscd. Card profiles' test cards subclass this; so do the transport cards.
"""

from __future__ import annotations


class CardPulled(Exception):
    """Raised by ``respond`` to leave the reader in the middle of a command.

    The harness then drops the card's connection without answering, which is what a citizen
    pulling the card out mid-read looks like to pcscd.
    """


class VirtualCard:
    """A smart card played by a test. Subclasses set ``atr`` and implement ``respond``."""

    # A T=1-only ATR (TS 3B, T0 80: TD1 follows; TD1 01: T=1; TCK 81).
    atr: bytes = bytes.fromhex("3B800181")

    def respond(self, apdu: bytes) -> bytes:
        """The R-APDU for ``apdu``: response data followed by SW1 SW2."""
        raise NotImplementedError
