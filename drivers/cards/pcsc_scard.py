"""A typed skin over pyscard's ``smartcard.scard`` (the PC/SC calls, one to one).

Every call returns its result or raises ``ScardError`` with the PC/SC code, so the reader
code above reads as plain Python. pyscard ships no type information: this module is the only
place that imports it.
"""

from __future__ import annotations

from smartcard import scard  # type: ignore[import-untyped]

PNP_NOTIFICATION = r"\\?PnP?\Notification"  # a pseudo-reader whose state changes on (un)plug

STATE_UNAWARE: int = scard.SCARD_STATE_UNAWARE
STATE_CHANGED: int = scard.SCARD_STATE_CHANGED
STATE_PRESENT: int = scard.SCARD_STATE_PRESENT
STATE_MUTE: int = scard.SCARD_STATE_MUTE

# Errors meaning "the card is not (or no longer) there to talk to".
CARD_GONE_CODES: frozenset[int] = frozenset(
    {
        scard.SCARD_W_REMOVED_CARD,
        scard.SCARD_E_NO_SMARTCARD,
        scard.SCARD_W_RESET_CARD,
        scard.SCARD_E_NOT_TRANSACTED,
        scard.SCARD_E_READER_UNAVAILABLE,
    }
)
CARD_MUTE_CODES: frozenset[int] = frozenset(
    {scard.SCARD_W_UNRESPONSIVE_CARD, scard.SCARD_W_UNPOWERED_CARD}
)
# pcscd itself is gone (stopped, crashed, restarted): the context must be made again.
SERVICE_GONE_CODES: frozenset[int] = frozenset(
    {
        scard.SCARD_E_NO_SERVICE,
        scard.SCARD_E_SERVICE_STOPPED,
        scard.SCARD_E_INVALID_HANDLE,
        scard.SCARD_F_COMM_ERROR,
    }
)
TIMEOUT: int = scard.SCARD_E_TIMEOUT
CANCELLED: int = scard.SCARD_E_CANCELLED
UNKNOWN_READER: int = scard.SCARD_E_UNKNOWN_READER

ReaderState = tuple[str, int, bytes]  # reader name, event state, ATR


class ScardError(Exception):
    def __init__(self, call: str, code: int) -> None:
        self.code = code & 0xFFFFFFFF
        super().__init__(f"{call}: {scard.SCardGetErrorMessage(code)} (0x{self.code:08X})")

    @property
    def service_gone(self) -> bool:
        return self.code in SERVICE_GONE_CODES


def _check(call: str, code: int) -> None:
    if code != scard.SCARD_S_SUCCESS:
        raise ScardError(call, code)


def establish_context() -> int:
    code, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _check("SCardEstablishContext", code)
    return int(context)


def release_context(context: int) -> None:
    scard.SCardReleaseContext(context)  # the context may already be dead: nothing to report


def cancel(context: int) -> None:
    """Wake a ``get_status_change`` blocked on ``context`` in another thread."""
    scard.SCardCancel(context)


def list_readers(context: int) -> list[str]:
    code, readers = scard.SCardListReaders(context, [])
    if code == scard.SCARD_E_NO_READERS_AVAILABLE:
        return []
    _check("SCardListReaders", code)
    return [str(name) for name in readers]


def get_status_change(
    context: int, timeout_ms: int, states: list[tuple[str, int]]
) -> list[ReaderState] | None:
    """The readers' new states, or None when nothing changed within ``timeout_ms``."""
    code, changed = scard.SCardGetStatusChange(context, timeout_ms, states)
    if code == TIMEOUT:
        return None
    _check("SCardGetStatusChange", code)
    return [(str(name), int(state), bytes(atr)) for name, state, atr in changed]


def connect(context: int, reader: str) -> tuple[int, int]:
    """(card handle, protocol): T=0 or T=1, whichever the card and reader agree on."""
    protocols = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
    code, handle, protocol = scard.SCardConnect(
        context, reader, scard.SCARD_SHARE_SHARED, protocols
    )
    _check("SCardConnect", code)
    return int(handle), int(protocol)


def card_atr(handle: int) -> bytes:
    code, _reader, _state, _protocol, atr = scard.SCardStatus(handle)
    _check("SCardStatus", code)
    return bytes(atr)


def transmit(handle: int, protocol: int, apdu: bytes) -> bytes:
    code, response = scard.SCardTransmit(handle, protocol, list(apdu))
    _check("SCardTransmit", code)
    return bytes(response)


def disconnect(handle: int) -> None:
    # Leave the card as it is: no PIN was verified, so there is no security state to clear,
    # and a reset would cost the next reader user a power cycle.
    scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)


def is_scard_failure(error: BaseException) -> bool:
    """pyscard raises its own ``scard.error`` for handles it cannot even pass to PC/SC."""
    return isinstance(error, scard.error)
