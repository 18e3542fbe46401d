"""Staff cards: ID cards that open the staff PIN pad, listed in the config as keyed hashes.

``staff.cards`` lists lines from ``kiosk staff card-hash``:
``hmac-sha256$k=KEYID$SALT$MAC``, where MAC is HMAC-SHA256 over the salt and the card's ID
number, keyed with 32 random bytes kept in ``<data_dir>/staff-card.key`` (mode 0600), never
in the config.

Why a key and not a slow salted hash like the PIN's: an ID number has little entropy. A
resident ID number is a region code, a birth date, a sequence number and a check character;
whoever knows roughly where and when a staff member was born has a few thousand candidates
left, and any hash of them, however slow, falls in minutes. A key the config does not hold
leaves nothing to try: a config pasted into a ticket, a backup or a template says nothing of
whose cards it lists. The per-line salt keeps two lines for one card (or for one card on two
kiosks sharing a key) from looking alike. A check costs microseconds per line, so a citizen's
card at the start screen is never held up (scrypt would cost ~0.15 s per listed card on every
insertion). Whoever holds both the key file and the config can test ID numbers; they hold the
kiosk itself, and the card only opens the PIN pad: the PIN is still needed.

An ID number belongs to a person, not to one card: a replacement card with the same number
opens the pad too (and so would a lost one, until the PIN is asked).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import re
import secrets
from collections.abc import Sequence
from pathlib import Path

from kiosk.catalog_cache import write_atomically
from kiosk.key_files import PrivateKeyFileError, read_private_key

log = logging.getLogger(__name__)

CARD_KEY_FILE = "staff-card.key"
KEY_BYTES, SALT_BYTES = 32, 16
_SCHEME = "hmac-sha256"
_DOMAIN = b"onestop-kiosk staff card v1\x00"
LINE_PATTERN = re.compile(
    r"hmac-sha256\$k=(?P<key_id>[0-9a-f]{8})"
    r"\$(?P<salt>[A-Za-z0-9+/]+=*)\$(?P<mac>[A-Za-z0-9+/]+=*)"
)
# What an ID number may look like as typed: letters and digits, with spaces, dots or dashes
# people write between groups (a Belgian national number: 85.07.30-033.28).
_TYPED_NUMBER = re.compile(r"[0-9A-Za-z .-]{4,40}")


class CardKeyError(Exception):
    """The staff card key file is missing, unreadable, malformed or open to others."""


class CardNumberError(ValueError):
    """The text given is not an ID number (says so without repeating it)."""


def normalise_id_number(text: str) -> str:
    """``11010519491231002x`` and ``1101 0519 4912 3100 2X`` are the same number."""
    if not _TYPED_NUMBER.fullmatch(text.strip()):
        raise CardNumberError("not an ID number: 4 to 40 letters and digits")
    number = re.sub(r"[ .-]", "", text.strip()).upper()
    if len(number) < 4:
        raise CardNumberError("not an ID number: 4 to 40 letters and digits")
    return number


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class CardKey:
    """This kiosk's staff card key. Its ``key_id`` (a hash of it) names it in every line, so
    a line made on another kiosk can be told apart from a card that is not listed."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != KEY_BYTES:
            raise CardKeyError(f"a staff card key has {KEY_BYTES} bytes, not {len(secret)}")
        self._secret = secret
        self.key_id = hashlib.sha256(_DOMAIN + b"key id\x00" + secret).hexdigest()[:8]

    def __repr__(self) -> str:
        return f"CardKey(k={self.key_id})"

    @classmethod
    def load(cls, path: Path) -> CardKey:
        try:
            return cls(read_private_key(path, "the staff card key"))
        except PrivateKeyFileError as error:
            raise CardKeyError(str(error)) from None

    @classmethod
    def load_or_create(cls, path: Path) -> tuple[CardKey, bool]:
        """The key in ``path``, made first (mode 0600) if there is none; (key, made now).

        Made by root for a data directory that belongs to the kiosk's own user (``sudo kiosk
        staff card-hash``), the file is given to that user, or the kiosk could not read it.
        """
        if path.exists():
            return cls.load(path), False
        directory_existed = path.parent.is_dir()
        write_atomically(path, base64.b64encode(secrets.token_bytes(KEY_BYTES)) + b"\n")
        if directory_existed and os.geteuid() == 0:
            owner = path.parent.stat()
            if owner.st_uid != 0:
                os.chown(path, owner.st_uid, owner.st_gid)
        return cls.load(path), True

    def _mac(self, salt: bytes, number: str) -> bytes:
        return hmac.new(self._secret, _DOMAIN + salt + number.encode("ascii"), "sha256").digest()

    def card_line(self, id_number: str, *, salt: bytes | None = None) -> str:
        """The config line for the card with ``id_number`` (CardNumberError if it is none)."""
        number = normalise_id_number(id_number)
        salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
        return f"{_SCHEME}$k={self.key_id}${_b64(salt)}${_b64(self._mac(salt, number))}"

    def matches(self, id_number: str, line: str) -> bool:
        """Whether ``line`` was made by this key for ``id_number`` (constant-time compare)."""
        match = LINE_PATTERN.fullmatch(line.strip())
        if match is None or match["key_id"] != self.key_id:
            return False
        try:
            number = normalise_id_number(id_number)
            salt, mac = base64.b64decode(match["salt"]), base64.b64decode(match["mac"])
        except (CardNumberError, binascii.Error, ValueError):
            return False
        return hmac.compare_digest(self._mac(salt, number), mac)


class StaffCards:
    """The cards ``staff.cards`` lists, checked with this kiosk's key.

    Without lines the key is never touched. With lines but no usable key, or with lines made
    with another kiosk's key, the log says so at start (no secret in it) and those cards open
    nothing: they are then citizens' cards like any other.
    """

    def __init__(self, lines: Sequence[str], key_file: Path) -> None:
        self._key: CardKey | None = None
        self._lines = tuple(line.strip() for line in lines)
        if not self._lines:
            return
        try:
            self._key = CardKey.load(key_file)
        except CardKeyError as error:
            log.error(
                "staff.cards lists %d card(s) but %s: staff cards open nothing "
                "(run `kiosk staff card-hash` on this kiosk)",
                len(self._lines),
                error,
            )
            return
        foreign = [line for line in self._lines if f"$k={self._key.key_id}$" not in line]
        if foreign:
            log.warning(
                "%d of %d staff.cards line(s) were made with another staff card key than this "
                "kiosk's (k=%s): they never match here",
                len(foreign),
                len(self._lines),
                self._key.key_id,
            )

    @property
    def configured(self) -> bool:
        return self._key is not None

    def is_listed(self, id_number: str) -> bool:
        """Whether the card with ``id_number`` is a staff card here. Every line is checked,
        listed or not, so the time taken says nothing about which line matched."""
        key = self._key
        if key is None:
            return False
        found = False
        for line in self._lines:
            found |= key.matches(id_number, line)
        return found
