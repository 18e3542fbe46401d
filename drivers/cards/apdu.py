"""ISO 7816-4 command/response handling shared by every PC/SC card profile.

A profile talks to its card through an ``ApduSession``: it sends commands and reads whole
files; the session deals with the status words the ISO 7816-4 way (``61xx`` GET RESPONSE,
``6Cxx`` resend with the right Le, ``6B00`` and short replies as end of file) and counts the
APDUs, so reads can be checked to use the fewest the card allows.
"""

from __future__ import annotations

from typing import Protocol

from drivers.cards.base import CardDataError

SW_OK = 0x9000
GET_RESPONSE = bytes.fromhex("00C00000")
MAX_SHORT_LE = 256  # Le = 00 asks for up to 256 bytes
MAX_GET_RESPONSE_ROUNDS = 64  # a card answering 61xx for ever must not hang the kiosk


class Transmitter(Protocol):
    """Sends one C-APDU and returns the R-APDU (data + SW1 SW2).

    Raises ``CardRemoved`` when the card is gone, whatever the transport says about it.
    """

    def transmit(self, apdu: bytes) -> bytes: ...


class ApduSession:
    def __init__(self, transmitter: Transmitter) -> None:
        self._transmitter = transmitter
        self.apdu_count = 0

    def _send(self, apdu: bytes) -> tuple[bytes, int]:
        self.apdu_count += 1
        reply = self._transmitter.transmit(apdu)
        if len(reply) < 2:
            raise CardDataError(f"reply of {len(reply)} bytes has no status word")
        return reply[:-2], (reply[-2] << 8) | reply[-1]

    def command(self, apdu: bytes) -> tuple[bytes, int]:
        """Send ``apdu``; follow ``61xx`` and ``6Cxx``; return (data, final status word)."""
        data, sw = self._send(apdu)
        if sw >> 8 == 0x6C:  # wrong Le: the card says how many bytes it has
            data, sw = self._send(_with_le(apdu, sw & 0xFF))
        collected = bytearray(data)
        rounds = 0
        while sw >> 8 == 0x61:  # more data waiting (T=0): fetch it
            rounds += 1
            if rounds > MAX_GET_RESPONSE_ROUNDS:
                raise CardDataError("card keeps answering 61xx")
            more, sw = self._send(GET_RESPONSE + bytes([sw & 0xFF]))
            collected += more
        return bytes(collected), sw

    def expect_ok(self, apdu: bytes, what: str) -> bytes:
        data, sw = self.command(apdu)
        if sw != SW_OK:
            raise CardDataError(f"{what}: status word {sw:04X}")
        return data

    def read_binary(self, *, chunk: int = MAX_SHORT_LE, limit: int = 65536) -> bytes:
        """The whole currently selected transparent file, ``chunk`` bytes per READ BINARY."""
        content = bytearray()
        while len(content) < limit:
            offset = len(content)
            if offset > 0x7FFF:
                break  # beyond what a short READ BINARY offset can address
            le = min(chunk, MAX_SHORT_LE, limit - offset)
            apdu = bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, le & 0xFF])
            data, sw = self.command(apdu)
            if sw == 0x6B00 and offset > 0:
                break  # offset past the end: the file ended exactly on a chunk boundary
            if sw not in (SW_OK, 0x6282):  # 6282: end of file reached before Le bytes
                raise CardDataError(f"READ BINARY at {offset}: status word {sw:04X}")
            content += data
            if len(data) < le or sw == 0x6282:
                break  # a short reply is the end of the file
        return bytes(content)


def _with_le(apdu: bytes, le: int) -> bytes:
    """The same command with its Le byte replaced (or appended for a case 1/3 command)."""
    if len(apdu) == 4:
        return apdu + bytes([le])
    if len(apdu) == 5:
        return apdu[:4] + bytes([le])
    lc = apdu[4]
    return apdu[: 5 + lc] + bytes([le])
