"""ISO 7816-4 behaviour shared by the virtual ID cards: status words, GET RESPONSE, READ BINARY.

Each card turns its ``Faults`` into the misbehaviour a real card or reader shows, so the
profiles can be tested against every one of them without hardware.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from tests.integration.cards.virtual_card import VirtualCard

SW_OK = 0x9000
SW_WRONG_LENGTH = 0x6700
SW_CONDITIONS_NOT_SATISFIED = 0x6985
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_P1_P2 = 0x6A86
SW_WRONG_PARAMETERS = 0x6B00  # READ BINARY: offset beyond the end of the file
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CLA_NOT_SUPPORTED = 0x6E00
INS_GET_RESPONSE = 0xC0
INS_READ_BINARY = 0xB0
INS_SELECT = 0xA4
MAX_SHORT_LE = 256


@dataclass(frozen=True)
class Faults:
    """What can go wrong; each card accepts the faults that make sense for it."""

    t0_get_response: bool = False  # answer 61xx; the data waits for GET RESPONSE (T=0)
    wrong_le: bool = False  # answer 6Cxx when Le asks for more than there is
    malformed_data: bool = False  # a file whose structure is broken
    truncated_file: bool = False  # a file cut short
    bad_check_digits: bool = False  # the ID number's check digits do not match
    expired_document: bool = False  # the validity ended in the past

    def active(self) -> frozenset[str]:
        return frozenset(field.name for field in fields(self) if getattr(self, field.name))


def status(sw: int) -> bytes:
    return bytes([sw >> 8, sw & 0xFF])


def expected_length(apdu: bytes) -> int:
    """Le of a short APDU (00 = 256); 0 for a command that has none."""
    if len(apdu) == 5:
        return apdu[4] or MAX_SHORT_LE
    if len(apdu) > 5 and len(apdu) == 6 + apdu[4]:
        return apdu[-1] or MAX_SHORT_LE
    return 0


def command_data(apdu: bytes) -> bytes:
    """The data field of a case 3 or 4 short APDU."""
    if len(apdu) > 5 and len(apdu) >= 5 + apdu[4]:
        return apdu[5 : 5 + apdu[4]]
    return b""


class IsoCard(VirtualCard):
    """A card that answers by ISO 7816-4: subclasses implement ``handle``."""

    supported_faults: frozenset[str] = frozenset()
    max_le = MAX_SHORT_LE  # a larger Le is refused with 6700

    def __init__(self, faults: Faults | None = None) -> None:
        self.faults = faults or Faults()
        unsupported = self.faults.active() - self.supported_faults
        if unsupported:
            raise ValueError(f"{type(self).__name__} cannot simulate {sorted(unsupported)}")
        self._pending = b""  # data announced by 61xx, fetched by GET RESPONSE
        self.commands: list[bytes] = []  # every C-APDU received, for tests to inspect

    def respond(self, apdu: bytes) -> bytes:
        self.commands.append(apdu)
        if len(apdu) < 4:
            return status(SW_WRONG_LENGTH)
        if apdu[0] != 0x00:
            return status(SW_CLA_NOT_SUPPORTED)
        if apdu[1] == INS_GET_RESPONSE:
            return self._get_response(apdu)
        self._pending = b""  # any other command discards unfetched data, as on a T=0 card
        return self.handle(apdu)

    def handle(self, apdu: bytes) -> bytes:
        raise NotImplementedError

    def reply(self, data: bytes) -> bytes:
        """``data`` + 9000, or 61xx with the data kept for GET RESPONSE."""
        if self.faults.t0_get_response and data:
            self._pending = data
            return status(0x6100 | (min(len(data), MAX_SHORT_LE) & 0xFF))
        return data + status(SW_OK)

    def _get_response(self, apdu: bytes) -> bytes:
        if not self._pending:
            return status(SW_CONDITIONS_NOT_SATISFIED)
        le = expected_length(apdu) or MAX_SHORT_LE
        data, self._pending = self._pending[:le], self._pending[le:]
        if self._pending:
            return data + status(0x6100 | (min(len(self._pending), MAX_SHORT_LE) & 0xFF))
        return data + status(SW_OK)

    def read_binary(self, content: bytes, apdu: bytes) -> bytes:
        """READ BINARY of a transparent file: Le bytes at most, 6B00 past the end."""
        if apdu[2] & 0x80:  # short EF identifier addressing: not offered by these cards
            return status(SW_WRONG_PARAMETERS)
        offset = (apdu[2] << 8) | apdu[3]
        le = expected_length(apdu) or MAX_SHORT_LE
        if le > self.max_le:
            return status(SW_WRONG_LENGTH)
        if offset >= len(content) and offset > 0:
            return status(SW_WRONG_PARAMETERS)
        data = content[offset : offset + le]
        if self.faults.wrong_le and len(data) < le:
            return status(0x6C00 | len(data))  # "wrong Le: ask for exactly this many"
        return self.reply(data)
