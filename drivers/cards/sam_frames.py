"""Frames spoken by the SAM module inside a China resident ID card reader.

Every frame, both ways: preamble ``AA AA AA 96 69``, LEN (2 bytes big-endian, counting every
byte after LEN including CHK), the body, then CHK = XOR of LEN and body. A request body is
``CMD PARA [DATA]``, a response body ``SW1 SW2 SW3 [DATA]``.

A serial line delivers frames in arbitrary pieces, sometimes after line noise, so
``FrameReassembler`` takes whatever ``read`` returned and hands out whole frames. Its buffer
never holds more than one maximal frame plus the latest chunk.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import reduce
from operator import xor

from drivers.cards.base import CardDataError

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
_LENGTH_SIZE = 2
_HEADER_SIZE = len(PREAMBLE) + _LENGTH_SIZE
# The longest answer, text + photo + fingerprints (30 10), is about 2.3 kB; a LEN beyond this is
# line noise that happened to follow a preamble, not a frame worth waiting for.
MAX_FRAME_LENGTH = 4096
# A body of at least one byte, then CHK.
_MIN_FRAME_LENGTH = 2


class Command(bytes):
    """``CMD PARA`` of a request."""


RESET_SAM = Command(b"\x10\xff")
SAM_STATUS = Command(b"\x11\xff")
READ_SAM_ID = Command(b"\x12\xff")
FIND_CARD = Command(b"\x20\x01")
SELECT_CARD = Command(b"\x20\x02")
READ_TEXT_AND_PHOTO = Command(b"\x30\x01")
READ_TEXT_PHOTO_AND_FINGERPRINT = Command(b"\x30\x10")


class SamStatus(IntEnum):
    """SW3, the byte of a response that says how the command went."""

    OK = 0x90
    CARD_FOUND = 0x9F
    FIND_FAILED = 0x80
    SELECT_FAILED = 0x81
    READ_FAILED = 0x41
    CHECKSUM_ERROR = 0x10
    SAM_TIMEOUT = 0x11
    BAD_COMMAND = 0x21
    UNAUTHORISED = 0x23
    AUTHENTICATION_FAILED = 0x31
    AUTHENTICATION_FAILED_2 = 0x32
    INFO_CHECK_ERROR = 0x33
    UNKNOWN_CARD_TYPE = 0x40
    SELF_TEST_FAILED = 0x60
    NO_SUCH_CONTENT = 0x91


class FrameChecksumError(CardDataError):
    """A frame arrived whole but its CHK does not match: noise on the line, worth a retry."""


@dataclass(frozen=True)
class SamRequest:
    command: Command
    data: bytes = b""


@dataclass(frozen=True)
class SamResponse:
    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    @property
    def status(self) -> SamStatus | None:
        """SW3 as a known status, None for a code the reference does not list."""
        try:
            return SamStatus(self.sw3)
        except ValueError:
            return None


def checksum(data: bytes) -> int:
    return reduce(xor, data, 0)


def encode_frame(body: bytes) -> bytes:
    """Wrap ``body`` in preamble, LEN and CHK."""
    if not body or len(body) + 1 > MAX_FRAME_LENGTH:
        raise ValueError(f"a frame body holds 1 to {MAX_FRAME_LENGTH - 1} bytes, not {len(body)}")
    length = (len(body) + 1).to_bytes(_LENGTH_SIZE, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


def encode_request(request: SamRequest) -> bytes:
    return encode_frame(bytes(request.command) + request.data)


def encode_response(response: SamResponse) -> bytes:
    return encode_frame(bytes([response.sw1, response.sw2, response.sw3]) + response.data)


def parse_request(body: bytes) -> SamRequest:
    if len(body) < 2:
        raise CardDataError(f"a request body of {len(body)} bytes has no command")
    return SamRequest(Command(body[:2]), body[2:])


def parse_response(body: bytes) -> SamResponse:
    if len(body) < 3:
        raise CardDataError(f"a response body of {len(body)} bytes has no SW1 SW2 SW3")
    return SamResponse(body[0], body[1], body[2], body[3:])


class FrameReassembler:
    """Whole frame bodies out of arbitrarily cut serial reads, skipping garbage between them."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    @property
    def buffered(self) -> int:
        return len(self._buffer)

    def feed(self, chunk: bytes) -> None:
        self._buffer += chunk

    def pop_body(self) -> bytes | None:
        """The body of the next whole frame, or None until more bytes arrive.

        Raises FrameChecksumError for a whole frame with a wrong CHK; that frame's first byte is
        dropped first, so the next call looks for a real frame that the false one overlapped.
        The loop ends: every pass returns or shrinks the buffer.
        """
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                # The tail may be the start of a preamble cut by the read; older bytes are noise.
                keep = len(PREAMBLE) - 1
                del self._buffer[: max(len(self._buffer) - keep, 0)]
                return None
            del self._buffer[:start]
            if len(self._buffer) < _HEADER_SIZE:
                return None
            length = int.from_bytes(self._buffer[len(PREAMBLE) : _HEADER_SIZE], "big")
            if not _MIN_FRAME_LENGTH <= length <= MAX_FRAME_LENGTH:
                del self._buffer[:1]  # noise that looked like a preamble
                continue
            end = _HEADER_SIZE + length
            if len(self._buffer) < end:
                return None
            checked = bytes(self._buffer[len(PREAMBLE) : end - 1])
            expected = self._buffer[end - 1]
            if checksum(checked) != expected:
                del self._buffer[:1]
                raise FrameChecksumError(
                    f"frame checksum {expected:02X} does not match its bytes "
                    f"({checksum(checked):02X})"
                )
            body = checked[_LENGTH_SIZE:]
            del self._buffer[:end]
            return body
