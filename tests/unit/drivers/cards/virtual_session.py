"""An ``ApduSession`` wired straight to a virtual card: the profiles' tests need no pcscd.

The vpcd harness runs the same cards behind a real pcscd; here the transmitter just calls
``respond``, which keeps these tests fast and lets them count every APDU.
"""

from __future__ import annotations

from drivers.cards.apdu import ApduSession
from drivers.cards.base import CardRemoved
from tests.integration.cards.virtual_card import CardPulled, VirtualCard


class VirtualCardTransmitter:
    """Forwards each C-APDU to ``card.respond``; ``pull_after`` pulls the card mid-read."""

    def __init__(self, card: VirtualCard, *, pull_after: int | None = None) -> None:
        self.card = card
        self.pull_after = pull_after
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        if self.pull_after is not None and len(self.sent) >= self.pull_after:
            raise CardRemoved("card left the reader")
        self.sent.append(apdu)
        try:
            return self.card.respond(apdu)
        except CardPulled as pulled:
            raise CardRemoved("card left the reader") from pulled


class ScriptedTransmitter:
    """Answers with the given R-APDUs in turn, then 6A82: a card that says anything at all."""

    def __init__(self, replies: list[bytes]) -> None:
        self._replies = list(replies)

    def transmit(self, apdu: bytes) -> bytes:
        return self._replies.pop(0) if self._replies else bytes.fromhex("6A82")


def session_for(card: VirtualCard, *, pull_after: int | None = None) -> ApduSession:
    return ApduSession(VirtualCardTransmitter(card, pull_after=pull_after))
