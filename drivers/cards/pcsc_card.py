"""One card in one PC/SC reader: connect, talk APDUs, and find the profile that reads it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from drivers.cards import pcsc_scard
from drivers.cards.apdu import ApduSession
from drivers.cards.base import CardReadError, CardRemoved, UnknownCard
from drivers.cards.identity import Identity
from drivers.cards.profiles import CardProfile

log = logging.getLogger(__name__)


class CardUnresponsive(CardReadError):
    """The card is in the reader but does not answer (upside down, dirty or broken chip)."""


class ScardTransmitter:
    """Sends APDUs to a connected card; every transport failure means the card is gone.

    pcscd words a card pulled mid-command in several ways (removed card, not transacted,
    even success with no status word), so they all become ``CardRemoved``.
    """

    def __init__(self, handle: int, protocol: int) -> None:
        self._handle = handle
        self._protocol = protocol

    def transmit(self, apdu: bytes) -> bytes:
        try:
            reply = pcsc_scard.transmit(self._handle, self._protocol, apdu)
        except pcsc_scard.ScardError as error:
            raise CardRemoved(str(error)) from error
        except Exception as error:
            if pcsc_scard.is_scard_failure(error):
                raise CardRemoved(str(error)) from error
            raise
        if len(reply) < 2:
            raise CardRemoved(f"the card answered {len(reply)} bytes and no status word")
        return reply


@dataclass(frozen=True)
class CardRead:
    identity: Identity
    profile: CardProfile
    apdu_count: int


def read_card(
    context: int, reader: str, profiles: Sequence[CardProfile], atr: bytes = b""
) -> CardRead:
    """Connect to the card in ``reader``, recognise it and read the holder's identity.

    ``atr``: the card's ATR when the caller already has it from SCardGetStatusChange, which
    saves asking pcscd again.
    """
    try:
        handle, protocol = pcsc_scard.connect(context, reader)
    except pcsc_scard.ScardError as error:
        if error.code in pcsc_scard.CARD_MUTE_CODES:
            raise CardUnresponsive(str(error)) from error
        raise CardRemoved(str(error)) from error
    try:
        if not atr:
            try:
                atr = pcsc_scard.card_atr(handle)
            except pcsc_scard.ScardError as error:
                raise CardRemoved(str(error)) from error
        session = ApduSession(ScardTransmitter(handle, protocol))
        profile = _recognise(session, atr, profiles)
        identity = profile.read(session)
        log.info("read %s on %s in %d APDUs", profile.name, reader, session.apdu_count)
        return CardRead(identity, profile, session.apdu_count)
    finally:
        try:
            pcsc_scard.disconnect(handle)
        except Exception:  # the card or pcscd may already be gone; nothing left to release
            log.debug("disconnect after the read failed", exc_info=True)


def _recognise(session: ApduSession, atr: bytes, profiles: Sequence[CardProfile]) -> CardProfile:
    # Profiles that claim the ATR go first; probing then settles it (ATRs are shared widely).
    ordered = sorted(profiles, key=lambda profile: not profile.matches_atr(atr))
    for profile in ordered:
        if profile.probe(session):
            return profile
    raise UnknownCard(f"ATR {atr.hex(' ').upper()} matches none of: {accepted_names(profiles)}")


def accepted_names(profiles: Sequence[CardProfile]) -> str:
    return ", ".join(profile.name for profile in profiles)
