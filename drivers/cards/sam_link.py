"""One open serial line to the SAM of a resident ID card reader: a request, its answer, in time.

Every exchange has a deadline, so a reader that went silent costs at most that long; every
failure is a typed exception whose message can be shown to staff or read out to a citizen.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING

from drivers.cards.base import (
    CardDataError,
    CardReaderError,
    CardReadError,
    CardRemoved,
    UnknownCard,
)
from drivers.cards.identity import Identity
from drivers.cards.sam_frames import (
    FIND_CARD,
    READ_TEXT_AND_PHOTO,
    READ_TEXT_PHOTO_AND_FINGERPRINT,
    SELECT_CARD,
    Command,
    FrameChecksumError,
    FrameReassembler,
    SamRequest,
    SamResponse,
    SamStatus,
    encode_request,
    parse_response,
)
from drivers.cards.sam_text import decode_identity, split_card_data
from drivers.serial_line import PORT_ERRORS

if TYPE_CHECKING:
    from serial import Serial


COMMAND_TIMEOUT_S = 1.0  # find and select answer within a few milliseconds on real readers
# The SAM reads ~1.3 kB over RF and decrypts it before answering: about a second on real readers.
READ_TIMEOUT_S = 4.0
# How long one read() waits for the first byte: the granularity of the deadline and of stop().
_READ_SLICE_S = 0.05
# After an exchange that timed out, the reader may still be answering it: input is read and
# dropped this long before the next request, so the late answer cannot pass for the next one's.
LATE_ANSWER_DRAIN_S = 0.2
_WRITE_TIMEOUT_S = 1.0


class ReaderSilent(CardReaderError):
    """The port is open but no whole answer came in time."""


class ReaderUnplugged(CardReaderError):
    """The serial device failed under us: unplugged, or its USB adapter was reset."""


class SamTimeout(CardReadError):
    """The SAM itself gave up talking to the card (SW3 11)."""


class SamRefused(CardReadError):
    """Another SW3 code that ends the read of this card."""


class LinkStopped(Exception):
    """The owner asked to stop while an exchange was waiting."""


_CARD_MESSAGES: dict[SamStatus, tuple[type[CardReadError], str]] = {
    SamStatus.SAM_TIMEOUT: (
        SamTimeout,
        "the ID card reader timed out reading the card: lift the card and place it again",
    ),
    SamStatus.UNKNOWN_CARD_TYPE: (
        UnknownCard,
        "this card is not a resident ID card: please use your second-generation ID card",
    ),
    SamStatus.SELECT_FAILED: (
        CardRemoved,
        "the ID card moved during reading: place it flat on the reader and hold it still",
    ),
    SamStatus.READ_FAILED: (
        CardRemoved,
        "the ID card moved during reading: place it flat on the reader and hold it still",
    ),
    SamStatus.FIND_FAILED: (
        CardRemoved,
        "the ID card was taken away during reading: place it on the reader again",
    ),
    SamStatus.CHECKSUM_ERROR: (
        FrameChecksumError,
        "the ID card reader received garbled data: lift the card and place it again",
    ),
    SamStatus.INFO_CHECK_ERROR: (
        CardDataError,
        "the ID card's data failed the reader's check: please ask staff for help",
    ),
    SamStatus.AUTHENTICATION_FAILED: (
        SamRefused,
        "the ID card failed the reader's authenticity check: please ask staff for help",
    ),
    SamStatus.AUTHENTICATION_FAILED_2: (
        SamRefused,
        "the ID card failed the reader's authenticity check: please ask staff for help",
    ),
}


def open_port(device: str, baudrate: int) -> Serial:
    """The port, 8N1 and locked against a second user; CardReaderError with a hint otherwise."""
    try:
        import serial
    except ImportError:
        raise CardReaderError("the sam-serial card reader needs pyserial: install it") from None
    try:
        return serial.Serial(
            device,
            baudrate,
            timeout=_READ_SLICE_S,
            write_timeout=_WRITE_TIMEOUT_S,
            # flock: a `kiosk card read` while the kiosk polls would interleave their frames.
            exclusive=True,
        )
    except PORT_ERRORS as error:
        raise CardReaderError(open_failure_message(device, error)) from error


def open_failure_message(device: str, error: Exception) -> str:
    text = str(error)
    if "No such file" in text:
        return (
            f"ID card reader not found at {device}: check its USB cable, and the device name "
            f"(ls /dev/ttyUSB* /dev/ttyS*)"
        )
    if "Permission denied" in text:
        return (
            f"no permission to open the ID card reader at {device}: add the kiosk's user to "
            f"the 'dialout' group (usermod -aG dialout USER) and log in again"
        )
    if "exclusively lock" in text:
        return f"the ID card reader at {device} is in use by another program"
    return (
        f"cannot open the ID card reader at {device} ({text}): check the device name, and that "
        f"the kiosk's user may use serial ports (the 'dialout' group)"
    )


# SW3 codes only another command answers with (find: 9F/80, select: 90/81, read: 90/41). One
# of these is a late answer to an earlier exchange, come after the drain: wait for the real one.
_FIND_ONLY = {SamStatus.CARD_FOUND, SamStatus.FIND_FAILED}
_NOT_FROM_A_READ = frozenset({*_FIND_ONLY, SamStatus.SELECT_FAILED})
_FOREIGN_SW3: dict[Command, frozenset[int]] = {
    FIND_CARD: frozenset({SamStatus.OK, SamStatus.SELECT_FAILED, SamStatus.READ_FAILED}),
    SELECT_CARD: frozenset({*_FIND_ONLY, SamStatus.READ_FAILED}),
    READ_TEXT_AND_PHOTO: _NOT_FROM_A_READ,
    READ_TEXT_PHOTO_AND_FINGERPRINT: _NOT_FROM_A_READ,
}


class SamLink:
    """Commands to one SAM over an open port. ``stop``, when set, interrupts a waiting exchange."""

    def __init__(self, port: Serial, device: str, stop: threading.Event | None = None) -> None:
        self._port = port
        self.device = device
        self._stop = stop
        self._answer_may_be_late = False  # the last exchange timed out

    def close(self) -> None:
        # An unplugged device may fail its close; there is nothing left to release then.
        with contextlib.suppress(*PORT_ERRORS):
            self._port.close()

    def find_card(self) -> bool:
        """True when a card lies on the reader."""
        response = self.exchange(SamRequest(FIND_CARD), COMMAND_TIMEOUT_S)
        if response.sw3 == SamStatus.CARD_FOUND:
            return True
        if response.sw3 == SamStatus.FIND_FAILED:
            return False
        raise _error_for(response)

    def read_identity(self) -> Identity:
        """Select the card found last and read its text and photo."""
        selected = self.exchange(SamRequest(SELECT_CARD), COMMAND_TIMEOUT_S)
        if selected.sw3 != SamStatus.OK:
            raise _error_for(selected)
        answer = self.exchange(SamRequest(READ_TEXT_AND_PHOTO), READ_TIMEOUT_S)
        if answer.sw3 != SamStatus.OK:
            raise _error_for(answer)
        text_block, photo = split_card_data(answer.data)
        return decode_identity(text_block, photo)

    def exchange(self, request: SamRequest, timeout_s: float) -> SamResponse:
        """Send ``request`` and return the first whole answer within ``timeout_s``."""
        foreign = _FOREIGN_SW3.get(request.command, frozenset())
        reassembler = FrameReassembler()
        try:
            if self._answer_may_be_late:
                self._drain_late_answer()
            deadline = time.monotonic() + timeout_s
            # Bytes of an earlier answer that came too late would pass for this one's.
            self._port.reset_input_buffer()
            self._port.write(encode_request(request))
            while True:
                body = reassembler.pop_body()  # FrameChecksumError goes to the caller's retry
                if body is not None:
                    response = parse_response(body)
                    if response.sw3 not in foreign:
                        return response
                    continue  # a late answer to another command
                if self._stop is not None and self._stop.is_set():
                    raise LinkStopped
                if time.monotonic() >= deadline:
                    self._answer_may_be_late = True
                    raise ReaderSilent(self._silence_message(request.command, timeout_s))
                reassembler.feed(self._port.read(max(1, self._port.in_waiting)))
        except PORT_ERRORS as error:
            raise ReaderUnplugged(
                f"the ID card reader at {self.device} was disconnected ({error}); "
                f"waiting for it to come back"
            ) from error

    def _drain_late_answer(self) -> None:
        """Read and drop what arrives for ``LATE_ANSWER_DRAIN_S``: the answer to the exchange
        that timed out, if the reader was only slow."""
        until = time.monotonic() + LATE_ANSWER_DRAIN_S
        while time.monotonic() < until:
            if self._stop is not None and self._stop.is_set():
                raise LinkStopped
            self._port.read(max(1, self._port.in_waiting))  # waits _READ_SLICE_S at most
        self._answer_may_be_late = False

    def _silence_message(self, command: Command, timeout_s: float) -> str:
        return (
            f"the ID card reader at {self.device} did not answer command {command.hex(' ')} "
            f"within {timeout_s:g} s: check its power, and that it is a SAM reader at "
            f"{self._port.baudrate} baud"
        )


def _error_for(response: SamResponse) -> CardReadError:
    status = response.status
    known = _CARD_MESSAGES.get(status) if status is not None else None
    if known is not None:
        kind, message = known
        return kind(message)
    name = status.name.lower().replace("_", " ") if status is not None else "unknown code"
    return SamRefused(
        f"the ID card reader refused the card ({name}, SW3 {response.sw3:02X}): "
        f"lift the card and place it again, or ask staff for help"
    )
