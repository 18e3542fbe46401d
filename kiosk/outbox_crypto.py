"""Sealing the outbox's personal data: a per-kiosk key for the disk, a passphrase for exports.

AES-GCM (authenticated: an altered byte is an error, never wrong data) and scrypt come from the
``cryptography`` package rather than anything written here. A sealed value is the 12-byte random
nonce followed by the ciphertext and its tag; the associated data binds it to its place (an
outbox row's idempotency key), so a value moved to another row does not open.
"""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.key_files import PrivateKeyFileError, read_private_key

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
# scrypt cost: 32 MiB and about a tenth of a second per export or import.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_EXPORT_MAGIC = b"OSKOUTBOX1"


class KeyFileError(Exception):
    """The key file is missing, unreadable, malformed, or readable by others than its owner."""


class SealError(Exception):
    """A sealed value did not open: another key, or its bytes were altered."""


class WrongPassphraseOrTampered(SealError):
    """An export did not open: the passphrase is wrong or the file was altered (AES-GCM cannot
    tell which)."""


class NotAnExport(SealError):
    """The file is not an outbox export at all."""


class OutboxKey:
    """The kiosk's outbox key: 32 random bytes, base64 text in a file only its owner can read."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != KEY_BYTES:
            raise KeyFileError(f"an outbox key has {KEY_BYTES} bytes, not {len(secret)}")
        self._aead = AESGCM(secret)

    def __repr__(self) -> str:
        return "OutboxKey(<secret>)"

    @classmethod
    def generate(cls) -> OutboxKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def load(cls, path: Path) -> OutboxKey:
        """The key in ``path``; ``KeyFileError`` if missing, malformed or open to group/others."""
        try:
            secret = read_private_key(path, "the outbox key")
        except PrivateKeyFileError as error:
            raise KeyFileError(str(error)) from None
        return cls(secret)

    @classmethod
    def load_or_create(cls, path: Path) -> OutboxKey:
        """The key in ``path``, made first (mode 0600) if there is none.

        The new key is written whole to a private temporary file and then linked into place, so
        a second process racing to create it, or a power cut, never sees half a key.
        """
        if path.exists():
            return cls.load(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(descriptor, 0o600)  # whatever the umask said
            os.write(descriptor, base64.b64encode(secrets.token_bytes(KEY_BYTES)) + b"\n")
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            with contextlib.suppress(FileExistsError):  # another process won: use its key
                os.link(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        _fsync_directory(path.parent)
        return cls.load(path)

    def seal(self, plaintext: bytes, associated: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, associated)

    def open(self, sealed: bytes, associated: bytes) -> bytes:
        """The plaintext; ``SealError`` if another key sealed it or a byte was changed."""
        if len(sealed) < NONCE_BYTES + 16:
            raise SealError("sealed value too short")
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated)
        except InvalidTag:
            raise SealError("sealed value does not open with this key") from None


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _passphrase_key(passphrase: bytes, salt: bytes) -> AESGCM:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return AESGCM(kdf.derive(passphrase))


def seal_with_passphrase(plaintext: bytes, passphrase: bytes) -> bytes:
    """``magic ‖ salt ‖ nonce ‖ AES-GCM(scrypt(passphrase, salt))``; the header is authenticated."""
    if not passphrase:
        raise ValueError("the passphrase is empty")
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    header = _EXPORT_MAGIC + salt
    return header + nonce + _passphrase_key(passphrase, salt).encrypt(nonce, plaintext, header)


def open_with_passphrase(sealed: bytes, passphrase: bytes) -> bytes:
    """The plaintext of :func:`seal_with_passphrase`'s output.

    ``NotAnExport`` if the bytes are not one; ``WrongPassphraseOrTampered`` if they do not open.
    """
    header_size = len(_EXPORT_MAGIC) + SALT_BYTES
    if not sealed.startswith(_EXPORT_MAGIC) or len(sealed) < header_size + NONCE_BYTES + 16:
        raise NotAnExport("not an outbox export (no OSKOUTBOX1 header)")
    header, rest = sealed[:header_size], sealed[header_size:]
    aead = _passphrase_key(passphrase, header[len(_EXPORT_MAGIC) :])
    try:
        return aead.decrypt(rest[:NONCE_BYTES], rest[NONCE_BYTES:], header)
    except InvalidTag:
        raise WrongPassphraseOrTampered(
            "the export does not open: wrong passphrase, or the file was altered"
        ) from None
