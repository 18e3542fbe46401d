"""Staff mode's gate: the PIN (as a scrypt hash in the config), lockout, and the audit log.

After :data:`MAX_TRIES` wrong PINs in a row the gate locks for :data:`FIRST_LOCKOUT_S`; after
that each wrong PIN locks it again, twice as long as the time before (up to
:data:`MAX_LOCKOUT_S`). The count and the lockout are kept in a small file in the data
directory, so switching the kiosk off and on does not reset them; a correct PIN does.

The audit goes to its own logger, ``kiosk.audit``, one line per staff action, and never
carries citizen data: callers pass a :class:`StaffAction` and at most a short technical detail
(a receipt number, a language code, a preset's name).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

log = logging.getLogger(__name__)
audit_log = logging.getLogger("kiosk.audit")
# Kept whatever level the rest of the log is set to: an audit with gaps is no audit.
audit_log.setLevel(logging.INFO)

MAX_TRIES = 5
FIRST_LOCKOUT_S = 30.0
MAX_LOCKOUT_S = 3600.0
# A wrong PIN this long ago no longer counts against the next one.
FORGET_FAILURES_AFTER_S = 24 * 3600.0
LOCKOUT_FILE = "staff-lockout.json"

PIN_PATTERN = re.compile(r"[0-9]{4,12}")
# scrypt: 32 MiB and ~0.15 s per check on a small kiosk box; a stolen config still costs an
# attacker that much per guess (and 6 digits are only a million guesses: keep the file private).
DEFAULT_COST = 2**15
_BLOCK_SIZE, _PARALLEL, _KEY_BYTES = 8, 1, 32
_HASH_FORMAT = re.compile(
    r"scrypt\$n=(?P<n>[0-9]+),r=(?P<r>[0-9]+),p=(?P<p>[0-9]+)"
    r"\$(?P<salt>[A-Za-z0-9+/]+=*)\$(?P<key>[A-Za-z0-9+/]+=*)"
)


class PinHashError(ValueError):
    """A PIN hash (from the config) is not one ``kiosk staff pin-hash`` writes."""


class PinFormatError(ValueError):
    """A PIN is not 4 to 12 digits."""


def check_pin_format(pin: str) -> str:
    if not PIN_PATTERN.fullmatch(pin):
        raise PinFormatError("a staff PIN is 4 to 12 digits")
    return pin


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, *, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=length,
        maxmem=min(256 * 1024 * 1024, 130 * r * (n + p + 2)),
    )


def hash_pin(pin: str, *, cost: int = DEFAULT_COST, salt: bytes | None = None) -> str:
    """``scrypt$n=..,r=..,p=..$SALT$KEY`` for the config's ``staff.pin_hash``."""
    check_pin_format(pin)
    if cost < 2 or cost & (cost - 1):
        raise ValueError("the scrypt cost is a power of two")
    salt = secrets.token_bytes(16) if salt is None else salt
    key = _scrypt(pin, salt, n=cost, r=_BLOCK_SIZE, p=_PARALLEL, length=_KEY_BYTES)
    return f"scrypt$n={cost},r={_BLOCK_SIZE},p={_PARALLEL}${_b64(salt)}${_b64(key)}"


@dataclass(frozen=True)
class _ParsedHash:
    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def _parse(encoded: str) -> _ParsedHash:
    match = _HASH_FORMAT.fullmatch(encoded.strip())
    if match is None:
        raise PinHashError("not a PIN hash from `kiosk staff pin-hash`")
    n, r, p = int(match["n"]), int(match["r"]), int(match["p"])
    if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise PinHashError("scrypt parameters out of range")
    try:
        salt, key = base64.b64decode(match["salt"]), base64.b64decode(match["key"])
    except ValueError:
        raise PinHashError("salt or key is not base64") from None
    if len(salt) < 8 or len(key) < 16:
        raise PinHashError("salt or key too short")
    return _ParsedHash(n, r, p, salt, key)


def valid_pin_hash(encoded: str) -> bool:
    try:
        _parse(encoded)
    except PinHashError:
        return False
    return True


def verify_pin(pin: str, encoded: str) -> bool:
    """Whether ``pin`` matches ``encoded`` (constant-time compare); PinHashError if malformed."""
    parsed = _parse(encoded)
    if not PIN_PATTERN.fullmatch(pin):
        return False
    key = _scrypt(pin, parsed.salt, n=parsed.n, r=parsed.r, p=parsed.p, length=len(parsed.key))
    return hmac.compare_digest(key, parsed.key)


# -- audit -------------------------------------------------------------------------------------


class StaffAction(Enum):
    ENTRY_CLOSED = "entry-closed"  # the hidden entry was used, but no PIN is configured
    CARD_PRESENTED = "card-presented"  # a listed staff card (never its number, not even masked)
    PIN_PAD_OPENED = "pin-pad-opened"
    PIN_WRONG = "pin-wrong"
    LOCKED_OUT = "locked-out"
    PIN_WHILE_LOCKED = "pin-while-locked"
    UNLOCKED = "unlocked"  # a vendor cleared the lockout (`kiosk staff unlock`)
    SIGNED_IN = "signed-in"
    SIGNED_OUT = "signed-out"
    HEALTH_CHECKED = "health-checked"
    TEST_PAGE = "test-page"
    CARD_TEST = "card-test"
    REPRINT = "reprint"
    PREVIEW = "preview"
    RESET = "reset"
    OUT_OF_SERVICE_ON = "out-of-service-on"
    OUT_OF_SERVICE_OFF = "out-of-service-off"
    DEFAULT_LANGUAGE = "default-language"
    LOG_VIEWED = "log-viewed"
    MAINTENANCE_ASKED = "maintenance-asked"
    MAINTENANCE = "maintenance"


_DETAIL = re.compile(r"[A-Za-z0-9 ._:=/+-]{0,120}")


def audit(action: StaffAction, detail: str = "") -> None:
    """One audit line. ``detail`` is technical (codes, counts, numbers), never about a citizen:
    anything beyond plain ASCII words is dropped rather than logged."""
    if not _DETAIL.fullmatch(detail):
        detail = "(detail withheld)"
    audit_log.info("staff %s%s", action.value, f" {detail}" if detail else "")


# -- the gate ----------------------------------------------------------------------------------


class Outcome(Enum):
    GRANTED = "granted"
    WRONG = "wrong"
    LOCKED = "locked"  # locked out now (this PIN was not even checked)
    CLOSED = "closed"  # no usable PIN configured: staff mode is closed


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    tries_left: int  # before the next lockout
    locked_for_s: float  # 0 unless locked


@dataclass
class _LockoutState:
    failures: int = 0
    lockouts: int = 0
    locked_until: float = 0.0  # wall-clock seconds: it must survive a reboot
    last_failure_at: float = 0.0


def lockout_delay_s(lockouts: int) -> float:
    """How long the ``lockouts``-th lockout in a row lasts: 30 s, 60 s, 2 min, ... 1 h."""
    if lockouts <= 0:
        return 0.0
    return min(MAX_LOCKOUT_S, FIRST_LOCKOUT_S * 2 ** min(lockouts - 1, 20))


class StaffGate:
    """Checks PINs against the configured hash and keeps the lockout. Thread-safe: the UI
    checks a PIN on a worker thread (scrypt takes a noticeable moment)."""

    def __init__(
        self, pin_hash: str, state_file: Path, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._pin_hash = pin_hash.strip()
        self._state_file = state_file
        self._clock = clock
        self._lock = threading.Lock()
        self.configured = bool(self._pin_hash)
        if self.configured and not valid_pin_hash(self._pin_hash):
            log.error("staff.pin_hash is not a hash from `kiosk staff pin-hash`: staff mode closed")
            self.configured = False
        self._state = self._load()

    # -- state on disk ------------------------------------------------------------------------

    def _load(self) -> _LockoutState:
        try:
            raw = json.loads(self._state_file.read_text(encoding="utf-8"))
            return _LockoutState(
                failures=int(raw["failures"]),
                lockouts=int(raw["lockouts"]),
                locked_until=float(raw["locked_until"]),
                last_failure_at=float(raw["last_failure_at"]),
            )
        except FileNotFoundError:
            return _LockoutState()
        except (OSError, ValueError, KeyError, TypeError) as error:
            # Deleting or spoiling the file must not buy more tries: one try, then a lockout.
            log.error("staff lockout state unreadable (%s): one PIN try left", error)
            return _LockoutState(failures=MAX_TRIES - 1, last_failure_at=self._clock())

    def _save(self) -> None:
        state = self._state
        record = {
            "failures": state.failures,
            "lockouts": state.lockouts,
            "locked_until": state.locked_until,
            "last_failure_at": state.last_failure_at,
        }
        temporary = self._state_file.with_suffix(".tmp")
        try:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8") as handle:
                json.dump(record, handle)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self._state_file)
        except OSError as error:  # the lockout still holds in memory until the next start
            temporary.unlink(missing_ok=True)
            log.error("staff lockout state not saved: %s", error)

    # -- queries ------------------------------------------------------------------------------

    def _settle(self, now: float) -> None:
        """Forget stale failures; bound a lockout a clock set backwards would stretch."""
        state = self._state
        longest = lockout_delay_s(state.lockouts)
        if state.locked_until - now > longest:
            state.locked_until = now + longest
        if (
            state.locked_until <= now
            and state.last_failure_at
            and now - state.last_failure_at > FORGET_FAILURES_AFTER_S
        ):
            self._state = _LockoutState()

    def locked_for(self) -> float:
        """Seconds until the next PIN may be tried (0: now)."""
        with self._lock:
            now = self._clock()
            self._settle(now)
            return max(0.0, self._state.locked_until - now)

    def tries_left(self) -> int:
        with self._lock:
            self._settle(self._clock())
            return MAX_TRIES - self._state.failures

    # -- the attempt ---------------------------------------------------------------------------

    def attempt(self, pin: str) -> Attempt:
        """Check ``pin``; audited. Never raises for a bad PIN or a bad config."""
        if not self.configured:
            audit(StaffAction.ENTRY_CLOSED)
            return Attempt(Outcome.CLOSED, 0, 0.0)
        with self._lock:
            now = self._clock()
            self._settle(now)
            state = self._state
            if state.locked_until > now:
                audit(StaffAction.PIN_WHILE_LOCKED)
                return Attempt(Outcome.LOCKED, MAX_TRIES - state.failures, state.locked_until - now)
            if verify_pin(pin, self._pin_hash):
                self._state = _LockoutState()
                self._save()
                audit(StaffAction.SIGNED_IN)
                return Attempt(Outcome.GRANTED, MAX_TRIES, 0.0)
            state.failures += 1
            state.last_failure_at = now
            if state.failures < MAX_TRIES:
                self._save()
                audit(StaffAction.PIN_WRONG, f"tries_left={MAX_TRIES - state.failures}")
                return Attempt(Outcome.WRONG, MAX_TRIES - state.failures, 0.0)
            # Locked; afterwards one more try, and a wrong one locks again for twice as long.
            state.lockouts += 1
            delay = lockout_delay_s(state.lockouts)
            state.locked_until = now + delay
            state.failures = MAX_TRIES - 1
            self._save()
            audit(StaffAction.LOCKED_OUT, f"lockout={state.lockouts} seconds={delay:.0f}")
            return Attempt(Outcome.LOCKED, 1, delay)

    def unlock(self) -> None:
        """Forget every failure and lockout (``kiosk staff unlock``, run by a vendor)."""
        with self._lock:
            self._state = _LockoutState()
            self._save()
