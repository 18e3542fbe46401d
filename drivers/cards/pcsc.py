"""PC/SC card readers through pcscd (pyscard): the kiosk's ``pcsc://`` reader.

``PcscReader`` watches the readers in a thread of its own with ``SCardGetStatusChange`` and a
timeout, not pyscard's process-wide ``CardMonitor``, whose thread dies for good when pcscd
restarts. When pcscd goes away the thread reports it, makes a new PC/SC context as soon as
pcscd is back and carries on, so a restarted pcscd never needs a restarted kiosk.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence

from drivers.cards import pcsc_scard
from drivers.cards.base import (
    CardDataError,
    CardListener,
    CardReader,
    CardReaderError,
    CardReadError,
    CardRemoved,
    UnknownCard,
    deliver,
)
from drivers.cards.identity import Identity
from drivers.cards.pcsc_card import CardUnresponsive, accepted_names, read_card
from drivers.cards.profiles import CardProfile

log = logging.getLogger(__name__)

# How long one SCardGetStatusChange may block: bounds how late ``stop`` is seen if
# SCardCancel could not wake the call.
STATUS_POLL_MS = 500
# How often to look for pcscd again once it has gone: well inside the 2 s promised.
RECONNECT_INTERVAL_S = 0.2
JOIN_TIMEOUT_S = 5.0
CANCEL_RETRY_S = 0.02

# What the citizen (or the staff) is told; the technical cause goes to the log.
REASON_PULLED = "card removed during reading, insert it again"
REASON_UNRESPONSIVE = "the card does not respond: insert it again, chip first and face up"
REASON_BAD_DATA = "the card could not be read: try again, or ask the staff"
REASON_NO_READER = "the card reader is not connected: please ask the staff"
REASON_NO_SERVICE = "the card service (pcscd) is not running: please ask the staff"


def reason_unknown_card(profiles: Sequence[CardProfile]) -> str:
    return f"this card cannot be used here; accepted cards: {accepted_names(profiles)}"


class PcscdNotRunning(CardReaderError):
    def __init__(self) -> None:
        super().__init__("pcscd is not running")


class NoReaderFound(CardReaderError):
    """pcscd runs but sees no reader (matching the filter)."""


class NoCardPresented(CardReaderError, TimeoutError):
    """No card came within the time allowed (a ``TimeoutError`` too, for callers' ease)."""


def reader_matches(name: str, reader_filter: str | None) -> bool:
    """``pcsc://?reader=NAME`` picks readers whose name contains NAME (any letter case)."""
    return reader_filter is None or reader_filter.casefold() in name.casefold()


def _open_context() -> int:
    try:
        return pcsc_scard.establish_context()
    except pcsc_scard.ScardError as error:
        raise PcscdNotRunning() from error


def list_readers() -> list[str]:
    """The readers pcscd sees now (raises ``PcscdNotRunning``)."""
    context = _open_context()
    try:
        return pcsc_scard.list_readers(context)
    except pcsc_scard.ScardError as error:
        raise PcscdNotRunning() from error
    finally:
        pcsc_scard.release_context(context)


def read_once(
    reader_filter: str | None, profiles: Sequence[CardProfile], timeout_s: float
) -> Identity:
    """Wait up to ``timeout_s`` for a card (one already inserted counts) and read it."""
    context = _open_context()
    try:
        readers = [
            name for name in pcsc_scard.list_readers(context) if reader_matches(name, reader_filter)
        ]
        if not readers:
            wanted = f" whose name contains {reader_filter!r}" if reader_filter else ""
            raise NoReaderFound(
                f"no card reader{wanted} found (pcscd sees: "
                f"{', '.join(pcsc_scard.list_readers(context)) or 'none'})"
            )
        deadline = time.monotonic() + timeout_s
        states = [(name, pcsc_scard.STATE_UNAWARE) for name in readers]
        while (remaining_ms := int((deadline - time.monotonic()) * 1000)) > 0:
            changed = pcsc_scard.get_status_change(context, remaining_ms, states)
            if changed is None:
                break
            for name, state, atr in changed:
                if state & pcsc_scard.STATE_PRESENT:
                    return read_card(context, name, profiles, atr).identity
            states = [(name, state & ~pcsc_scard.STATE_CHANGED) for name, state, _ in changed]
        raise NoCardPresented(f"no card was presented within {timeout_s:g} s")
    except pcsc_scard.ScardError as error:
        raise CardReaderError(f"pcscd stopped answering: {error}") from error
    finally:
        pcsc_scard.release_context(context)


class PcscReader(CardReader):
    """Watches every PC/SC reader matching ``reader_filter`` (None: any reader)."""

    def __init__(self, reader_filter: str | None, profiles: Sequence[CardProfile]) -> None:
        self._filter = reader_filter
        self._profiles = tuple(profiles)
        self._watcher: _Watcher | None = None

    def start(self, listener: CardListener) -> None:
        if self._watcher is not None:
            raise CardReaderError("the PC/SC reader is already started")
        # A new watcher, with its own stop event and state, for every start: a thread that
        # outlived an earlier stop() keeps its own (set) event, so it can never be revived by
        # this start nor share a context or cards with the new thread.
        self._watcher = _Watcher(self._filter, self._profiles, listener)
        self._watcher.start()

    def stop(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()


class _Watcher:
    """One run of the reader thread, from ``start`` to ``stop``."""

    def __init__(
        self,
        reader_filter: str | None,
        profiles: tuple[CardProfile, ...],
        listener: CardListener,
    ) -> None:
        self._filter = reader_filter
        self._profiles = profiles
        self._listener: CardListener | None = listener
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pcsc-reader", daemon=True)
        self._context_lock = threading.Lock()
        self._context: int | None = None
        self._readers_with_card: set[str] = set()
        self._polled = False  # a status change was asked successfully on the current context

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is threading.current_thread():
            # The listener stops the reader from this very thread: it ends as soon as the
            # listener returns and the loop sees the flag. Joining would wait for itself.
            self._listener = None
            return
        deadline = time.monotonic() + JOIN_TIMEOUT_S
        # SCardCancel only wakes a wait already in progress: repeat it until the thread,
        # which checks ``_stopping`` before every wait, has seen the flag.
        while self._thread.is_alive() and time.monotonic() < deadline:
            self._cancel_wait()
            self._thread.join(CANCEL_RETRY_S)
        if self._thread.is_alive():
            log.warning("the PC/SC reader thread did not stop within %g s", JOIN_TIMEOUT_S)
        self._listener = None

    def _cancel_wait(self) -> None:
        with self._context_lock:
            if self._context is None:
                return
            try:
                pcsc_scard.cancel(self._context)
            except Exception:
                log.debug("SCardCancel failed; the poll timeout ends the wait", exc_info=True)

    # The thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        service_gone_reported = False
        context_lost_reported = False
        while not self._stopping.is_set():
            try:
                context = pcsc_scard.establish_context()
            except pcsc_scard.ScardError as error:
                if not service_gone_reported:
                    log.warning("cannot reach pcscd: %s", error)
                    self._notify_error(REASON_NO_SERVICE)
                    service_gone_reported = True
                self._stopping.wait(RECONNECT_INTERVAL_S)  # pcscd offers no "I am back" event
                continue
            service_gone_reported = False
            with self._context_lock:
                self._context = context
            self._polled = False
            lost: pcsc_scard.ScardError | None = None
            try:
                self._watch(context)
            except pcsc_scard.ScardError as error:
                lost = error
            finally:
                with self._context_lock:
                    self._context = None
                pcsc_scard.release_context(context)
                self._forget_cards(set(self._readers_with_card))
            if lost is None:
                continue  # stopped
            # Once until a context works again: an error that kills every new context at once
            # would otherwise be logged on every attempt.
            if self._polled or not context_lost_reported:
                log.warning("PC/SC context lost (pcscd stopped?): %s", lost)
                context_lost_reported = True
            else:
                log.debug("PC/SC context lost again: %s", lost)
            # Without a pause a persistent error re-creates the context in a tight loop (tens
            # of thousands of times a second); pcscd coming back is still seen within 2 s.
            self._stopping.wait(RECONNECT_INTERVAL_S)

    def _watch(self, context: int) -> None:
        """Follow the readers until ``stop`` or until the context dies (``ScardError``)."""
        states: dict[str, int] = {}
        plug_state = pcsc_scard.STATE_UNAWARE
        no_reader_reported = False
        while not self._stopping.is_set():
            names = pcsc_scard.list_readers(context)
            readers = [name for name in names if reader_matches(name, self._filter)]
            if not readers and not no_reader_reported:
                log.warning("no card reader matching %r (pcscd sees %s)", self._filter, names)
                self._notify_error(REASON_NO_READER)
            no_reader_reported = not readers
            self._forget_cards(set(states) - set(readers))
            states = {name: states.get(name, pcsc_scard.STATE_UNAWARE) for name in readers}
            query = [(pcsc_scard.PNP_NOTIFICATION, plug_state), *states.items()]
            try:
                changed = pcsc_scard.get_status_change(context, STATUS_POLL_MS, query)
            except pcsc_scard.ScardError as error:
                if error.code in (pcsc_scard.CANCELLED, pcsc_scard.UNKNOWN_READER):
                    continue  # stop() woke us, or a reader left between listing and asking
                raise
            self._polled = True
            for name, state, atr in changed or ():
                if name == pcsc_scard.PNP_NOTIFICATION:
                    plug_state = state & ~pcsc_scard.STATE_CHANGED
                elif name in states:
                    states[name] = state & ~pcsc_scard.STATE_CHANGED
                    self._reader_changed(context, name, state, atr)

    def _reader_changed(self, context: int, reader: str, state: int, atr: bytes) -> None:
        card_in = bool(state & pcsc_scard.STATE_PRESENT)
        if card_in and reader not in self._readers_with_card:
            self._readers_with_card.add(reader)
            if state & pcsc_scard.STATE_MUTE:
                self._notify_error(REASON_UNRESPONSIVE)
            else:
                self._read(context, reader, atr)
        elif not card_in and reader in self._readers_with_card:
            self._forget_cards({reader})

    def _read(self, context: int, reader: str, atr: bytes) -> None:
        try:
            identity = read_card(context, reader, self._profiles, atr).identity
        except CardRemoved as error:
            log.info("card left %s during the read: %s", reader, error)
            self._notify_error(REASON_PULLED)
        except CardUnresponsive as error:
            log.info("mute card in %s: %s", reader, error)
            self._notify_error(REASON_UNRESPONSIVE)
        except UnknownCard as error:
            log.info("unknown card in %s: %s", reader, error)
            self._notify_error(reason_unknown_card(self._profiles))
        except (CardDataError, CardReadError) as error:
            log.warning("card in %s could not be read: %s", reader, error)
            self._notify_error(REASON_BAD_DATA)
        except Exception:  # a profile's bug must not end the reader thread
            log.exception("reading the card in %s failed unexpectedly", reader)
            self._notify_error(REASON_BAD_DATA)
        else:
            self._notify(lambda listener: listener.card_inserted(identity))

    def _forget_cards(self, readers: set[str]) -> None:
        """The cards in ``readers`` have gone (taken out, reader unplugged or pcscd gone)."""
        for reader in readers & self._readers_with_card:
            self._readers_with_card.discard(reader)
            self._notify(lambda listener: listener.card_removed())

    def _notify_error(self, reason: str) -> None:
        self._notify(lambda listener: listener.card_error(reason))

    def _notify(self, event: Callable[[CardListener], None]) -> None:
        if not self._stopping.is_set():
            deliver(self._listener, event)
