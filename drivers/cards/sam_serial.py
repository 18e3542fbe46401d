"""China resident ID cards through a SAM reader on a serial line: ``sam-serial:///dev/ttyUSB0``.

A polling thread asks the SAM to find a card; a found card is selected and read once, then left
alone until finds fail again (it was taken away). The reader never stalls the kiosk: every
exchange has a deadline, a missing or unplugged device is reopened every second, a reader fault
is reported once until the reader works again, and an unreadable card once until it is lifted.

The photo stays as the raw WLT bytes in the ``Identity``, in memory only.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from drivers.cards.base import (
    CardDataError,
    CardListener,
    CardReader,
    CardReaderError,
    CardReadError,
    CardRemoved,
    deliver,
)
from drivers.cards.identity import Identity
from drivers.cards.sam_frames import FrameChecksumError
from drivers.cards.sam_link import LinkStopped, ReaderSilent, SamLink, open_port

log = logging.getLogger(__name__)

DEFAULT_BAUDRATE = 115200
BAUDRATES = (9600, 19200, 38400, 57600, 115200)
REOPEN_INTERVAL_S = 1.0
# Garbled answers and a card that slid while being read are worth another go before the
# citizen is told; three tries take well under two seconds.
READ_ATTEMPTS = 3
# One failed find could be a card at the edge of the field; two in a row mean it was taken away.
MISSES_BEFORE_REMOVAL = 2
_STOP_JOIN_S = 5.0


class SamSerialReader(CardReader):
    def __init__(
        self, device: str, baudrate: int = DEFAULT_BAUDRATE, poll_interval_s: float = 0.3
    ) -> None:
        self.device = device
        self.baudrate = baudrate
        self.poll_interval_s = poll_interval_s
        self._listener: CardListener | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Poll-thread state.
        self._card_on_reader = False  # found and dealt with (read, or reported as unreadable)
        self._card_announced = False  # card_inserted was sent and card_removed not yet
        self._misses = 0
        self._reader_fault_reported = False

    def start(self, listener: CardListener) -> None:
        if self._thread is not None and self._thread.is_alive():
            raise CardReaderError(f"the ID card reader at {self.device} is already started")
        self._listener = listener
        self._stop = threading.Event()
        self._card_on_reader = self._card_announced = False
        self._misses = 0
        self._reader_fault_reported = False
        self._thread = threading.Thread(
            target=self._run, name=f"sam-serial {self.device}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """End the polling thread (it closes the port on its way out). Safe to call twice."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=_STOP_JOIN_S)
            if thread.is_alive():
                log.error("ID card reader thread for %s did not stop in time", self.device)
        self._listener = None

    def _run(self) -> None:
        link: SamLink | None = None
        try:
            while not self._stop.is_set():
                if link is None:
                    try:
                        link = SamLink(
                            open_port(self.device, self.baudrate), self.device, self._stop
                        )
                    except CardReaderError as error:
                        self._reader_fault(str(error))
                        self._stop.wait(REOPEN_INTERVAL_S)
                        continue
                try:
                    self._poll(link)
                except ReaderSilent as error:
                    self._reader_fault(str(error))
                except CardReaderError as error:  # unplugged: reopen from scratch
                    link.close()
                    link = None
                    self._reader_fault(str(error))
                    self._stop.wait(REOPEN_INTERVAL_S)
                    continue
                self._stop.wait(self.poll_interval_s)
        except LinkStopped:
            pass
        except Exception:  # a bug here must not leave the kiosk silently without a reader
            log.exception("ID card reader thread for %s failed", self.device)
            self._emit_error("the ID card reader stopped working: please ask staff for help")
        finally:
            if link is not None:
                link.close()

    def _poll(self, link: SamLink) -> None:
        try:
            found = find_with_retries(link)
        except CardReadError as error:  # the SAM will not even look for a card
            self._reader_fault(str(error))
            return
        self._reader_fault_reported = False  # it works: the next fault is news again
        if not found:
            self._misses += 1
            if self._card_on_reader and self._misses >= MISSES_BEFORE_REMOVAL:
                self._card_on_reader = False
                self._announce_removal()
            return
        self._misses = 0
        if self._card_on_reader:
            return  # read already, or reported unreadable: wait until it is taken away
        self._card_on_reader = True
        try:
            identity = read_with_retries(link)
        except (CardReadError, ReaderSilent) as error:
            # Once per placement, even for a reader that finds cards but never reads them: the
            # card stays "dealt with" until it is lifted, so this is not repeated every poll.
            self._emit_error(card_error_reason(error))
            return
        self._card_announced = True
        self._notify(lambda listener: listener.card_inserted(identity))

    def _reader_fault(self, reason: str) -> None:
        """Report a reader-level fault once until the reader works again, however often it
        recurs (every poll, every reopen). Without a reader nobody can vouch for the card."""
        self._card_on_reader = False
        self._misses = 0
        self._announce_removal()
        if self._reader_fault_reported:
            log.debug("ID card reader %s still failing: %s", self.device, reason)
            return
        self._reader_fault_reported = True
        self._emit_error(reason)

    def _announce_removal(self) -> None:
        if self._card_announced:
            self._card_announced = False
            self._notify(lambda listener: listener.card_removed())

    def _emit_error(self, reason: str) -> None:
        log.warning("ID card reader %s: %s", self.device, reason)
        self._notify(lambda listener: listener.card_error(reason))

    def _notify(self, event: Callable[[CardListener], None]) -> None:
        if not self._stop.is_set():
            deliver(self._listener, event)


def find_with_retries(link: SamLink) -> bool:
    """Whether a card lies on the reader; one garbled answer is line noise, not news."""
    for _ in range(READ_ATTEMPTS - 1):
        with contextlib.suppress(FrameChecksumError):
            return link.find_card()
    return link.find_card()


def read_with_retries(link: SamLink) -> Identity:
    """Select and read the card just found, retrying garbled answers and a card that slid."""
    last_error: CardReadError = CardRemoved("the ID card was taken away during reading")
    for attempt in range(READ_ATTEMPTS):
        try:
            # The SAM wants a fresh find before it selects again.
            if attempt and not link.find_card():
                raise CardRemoved("the ID card was taken away during reading")
            return link.read_identity()
        except (FrameChecksumError, CardRemoved) as error:
            last_error = error
    if isinstance(last_error, FrameChecksumError):
        raise FrameChecksumError(
            "the ID card reader's answers were garbled "
            f"{READ_ATTEMPTS} times: lift the card and place it again"
        ) from last_error
    raise last_error


def card_error_reason(error: CardReadError | CardReaderError) -> str:
    # The error's own text may be shown and logged: card data errors name the field and the
    # problem, never the value read (sam_text), so no personal data travels with it.
    if isinstance(error, CardDataError) and not isinstance(error, FrameChecksumError):
        return f"the ID card could not be read correctly ({error}): lift it and place it again"
    return str(error)


def read_once(device: str, baudrate: int = DEFAULT_BAUDRATE, timeout_s: float = 10.0) -> Identity:
    """Wait up to ``timeout_s`` for a card and read it (``kiosk card read``).

    Raises CardReaderError when the device cannot be opened or does not answer, TimeoutError
    when no card came, and CardReadError subclasses (CardDataError for bad data) for the card.
    """
    link = SamLink(open_port(device, baudrate), device)
    deadline = time.monotonic() + timeout_s
    try:
        while not find_with_retries(link):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(
                    f"no ID card was placed on the reader at {device} in {timeout_s:g} s"
                )
            time.sleep(min(0.3, remaining))
        return read_with_retries(link)
    finally:
        link.close()


def read_once_from_uri(uri: str, timeout_s: float) -> Identity:
    """``read_once`` for the device and baud rate a ``sam-serial://`` URI names."""
    reader = sam_reader_from_uri(uri, urlsplit(uri))
    return read_once(reader.device, reader.baudrate, timeout_s)


def sam_reader_from_uri(uri: str, parts: SplitResult) -> SamSerialReader:
    """``sam-serial:///dev/ttyUSB0?baudrate=115200``."""
    path = unquote(parts.path)
    if parts.netloc not in ("", "localhost") or not path.startswith("/"):
        raise CardReaderError(
            f"card reader URI {uri!r}: write it as sam-serial:///dev/ttyUSB0?baudrate=115200"
        )
    values = parse_qs(parts.query).get("baudrate", [str(DEFAULT_BAUDRATE)])
    value = values[-1].strip()
    if not value.isdigit() or int(value) not in BAUDRATES:
        allowed = ", ".join(map(str, BAUDRATES))
        raise CardReaderError(
            f"card reader URI: baudrate={value!r} is not supported; use {allowed}"
        )
    return SamSerialReader(path, int(value))
