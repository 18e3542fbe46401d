"""A resident ID card reader's SAM, played on the master side of a real pseudo-terminal.

The driver under test opens ``path`` (``/dev/pts/N``) as it would open ``/dev/ttyUSB0``. The
emulator parses request frames, answers find / select / read from the card it holds, and can
misbehave on purpose: damaged checksums, noise before answers, answers cut into many small
writes, silence, SW3 error codes, and unplugging (closing the master, as a USB adapter vanishes).
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import tty
from dataclasses import dataclass, field

from drivers.cards.sam_frames import (
    FIND_CARD,
    READ_TEXT_AND_PHOTO,
    SELECT_CARD,
    Command,
    FrameChecksumError,
    FrameReassembler,
    SamResponse,
    SamStatus,
    encode_response,
    parse_request,
)
from drivers.cards.sam_text import encode_text_block

# A made-up citizen: the number carries a valid GB 11643 check character but belongs to nobody.
CITIZEN_FIELDS = {
    "name": "张伟民",
    "sex_code": "1",
    "nation_code": "01",
    "birth_date": "19850317",
    "address": "示范省示范市幸福区人民路88号3栋201室",
    "id_number": "110105198503170036",
    "issuer": "示范市公安局幸福分局",
    "valid_from": "20150601",
    "valid_until": "20350601",
}
PHOTO = bytes((i * 7 + 3) % 256 for i in range(1024))  # stands in for a WLT blob


@dataclass
class EmulatedCard:
    text_block: bytes = field(default_factory=lambda: encode_text_block(**CITIZEN_FIELDS))
    photo: bytes = PHOTO
    select_status: int = SamStatus.OK
    read_status: int = SamStatus.OK


def card_with(**changes: str) -> EmulatedCard:
    return EmulatedCard(encode_text_block(**{**CITIZEN_FIELDS, **changes}))


class SamEmulator:
    """``chunk_size`` cuts each answer into writes of that many bytes, ``chunk_delay_s`` apart."""

    def __init__(self, *, chunk_size: int | None = None, chunk_delay_s: float = 0.0) -> None:
        self.chunk_size = chunk_size
        self.chunk_delay_s = chunk_delay_s
        self.card: EmulatedCard | None = None
        self.find_status: int | None = None  # overrides the find answer (e.g. SAM timeout)
        self.corrupt_reads = 0  # this many coming read answers get a wrong checksum
        self.noise_before_answers = b""
        self.silent = False
        # Answer this late (the emulator serves nothing meanwhile, as a busy SAM): longer than
        # the driver's timeout plays a slow reader whose answer comes after the driver gave up.
        self.answer_delay_s = 0.0
        self.requests: list[Command] = []
        self._lock = threading.Lock()
        self._master, self._slave = os.openpty()
        # Raw from the start: no echo and no CR/LF translation, whatever the driver does first.
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="sam-emulator", daemon=True)
        self._thread.start()

    # -- the test's side ------------------------------------------------------------------

    def insert(self, card: EmulatedCard | None = None) -> None:
        with self._lock:
            self.card = card or EmulatedCard()

    def remove(self) -> None:
        with self._lock:
            self.card = None

    def count(self, command: Command) -> int:
        with self._lock:
            return self.requests.count(command)

    def wait_for_requests(self, command: Command, count: int, timeout_s: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.count(command) >= count:
                return True
            time.sleep(0.01)
        return False

    def close(self) -> None:
        """Stop serving and close both sides: to the driver this is an unplugged adapter."""
        self._stop.set()
        self._thread.join(timeout=2)
        for descriptor in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(descriptor)

    # -- the reader's side ------------------------------------------------------------------

    def _serve(self) -> None:
        reassembler = FrameReassembler()
        while not self._stop.is_set():
            try:
                readable, _, _ = select.select([self._master], [], [], 0.05)
            except OSError:
                return  # the descriptor was closed under us: the adapter is unplugged
            if not readable:
                continue
            try:
                reassembler.feed(os.read(self._master, 4096))
            except OSError:
                continue  # no slave open right now: nothing to read
            while True:
                try:
                    body = reassembler.pop_body()
                except FrameChecksumError:
                    self._send(SamResponse(0, 0, SamStatus.CHECKSUM_ERROR))
                    continue
                if body is None:
                    break
                self._answer(parse_request(body).command)

    def _answer(self, command: Command) -> None:
        with self._lock:
            self.requests.append(command)
            if self.silent:
                return
            card = self.card
            if command == FIND_CARD:
                found = SamStatus.CARD_FOUND if card else SamStatus.FIND_FAILED
                status = self.find_status if self.find_status is not None else found
                # Real readers add four zero bytes to a find answer.
                response = SamResponse(0, 0, status, bytes(4))
            elif command == SELECT_CARD:
                status = card.select_status if card else SamStatus.SELECT_FAILED
                response = SamResponse(0, 0, status, bytes(8))
            elif command == READ_TEXT_AND_PHOTO:
                response = _read_answer(card)
            else:
                response = SamResponse(0, 0, SamStatus.BAD_COMMAND)
            frame = encode_response(response)
            if command == READ_TEXT_AND_PHOTO and self.corrupt_reads > 0:
                self.corrupt_reads -= 1
                frame = frame[:-1] + bytes([frame[-1] ^ 0x5A])
            noise = self.noise_before_answers
            delay = self.answer_delay_s
        if delay:
            time.sleep(delay)
        self._write(noise + frame)

    def _send(self, response: SamResponse) -> None:
        self._write(encode_response(response))

    def _write(self, data: bytes) -> None:
        size = self.chunk_size or len(data)
        for start in range(0, len(data), size):
            try:
                os.write(self._master, data[start : start + size])
            except OSError:
                return  # the driver closed its side mid-answer
            if self.chunk_delay_s:
                time.sleep(self.chunk_delay_s)


def _read_answer(card: EmulatedCard | None) -> SamResponse:
    if card is None:
        return SamResponse(0, 0, SamStatus.READ_FAILED)
    if card.read_status != SamStatus.OK:
        return SamResponse(0, 0, card.read_status)
    lengths = len(card.text_block).to_bytes(2, "big") + len(card.photo).to_bytes(2, "big")
    return SamResponse(0, 0, SamStatus.OK, lengths + card.text_block + card.photo)
