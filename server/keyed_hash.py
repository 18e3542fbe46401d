"""Keyed hashes and tokens: what the server keeps instead of identities and bearer tokens.

Tokens are 256-bit random strings, so a plain SHA-256 is enough to store them (nothing to
brute-force); identities are guessable (an ID number has few unknown digits), so they are
hashed with HMAC under a server secret that never leaves the database.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SECRET_SETTING = "identity_hmac_key"
TOKEN_BYTES = 32
ACCESS_CODE_LENGTH = 10
# No 0/O or 1/I/L: the code may be read aloud or typed from a printed receipt.
ACCESS_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
# What a kiosk may choose itself (an offline receipt's QR needs the code before the server).
ACCESS_CODE_PATTERN = f"^[{ACCESS_CODE_ALPHABET}]{{{ACCESS_CODE_LENGTH}}}$"


def new_secret() -> str:
    return secrets.token_hex(32)


def new_token() -> str:
    """A bearer or provisioning token that never starts with "-": a vendor types it after
    ``--token`` and the command line would take it for an option (1 token in 64 did)."""
    for _ in range(64):  # one draw in 64 starts with "-"
        token = secrets.token_urlsafe(TOKEN_BYTES)
        if not token.startswith("-"):
            return token
    return "A" + token[1:]  # 64 unlucky draws in a row: practically never


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_access_code() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


def identity_hash(secret: str, document_kind: str, id_number: str) -> str:
    """HMAC-SHA256 of a normalised identity: the same card always gives the same hash."""
    message = f"{document_kind.strip()}\x1f{id_number.strip().upper()}".encode()
    return hmac.new(bytes.fromhex(secret), message, hashlib.sha256).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
