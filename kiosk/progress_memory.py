"""What this kiosk last heard about applications it looked up, kept for when the backend is away.

A small JSON file in the kiosk's data directory. Nothing in it says whose an entry is: each
entry sits under a keyed hash (HMAC-SHA256 with a per-kiosk secret) of what the citizen proved
(number and the ID's last four, a receipt's number and access code, or the card), and its
content is sealed with AES-GCM under a key derived from that same proof. Without the proof an
entry cannot even be found, let alone read; a stolen disk shows hashes, times and ciphertext.
The content is the backend's citizen view of an application (no names, no ID numbers).

The memory is a convenience: any failure to read or write it is logged and forgotten, never
raised to a citizen's look-up.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.outbox_crypto import KeyFileError, OutboxKey

log = logging.getLogger(__name__)

MEMORY_FILE = "status-memory.json"
MEMORY_KEY_FILE = "status-memory.key"
_FORMAT = 1
_NONCE_BYTES = 12


@dataclass(frozen=True, repr=False)
class MemoryKey:
    """What a citizen proved to see an application; the material is never shown or stored."""

    material: bytes

    def __repr__(self) -> str:
        return "MemoryKey(<proof>)"


def _key(*parts: str) -> MemoryKey:
    return MemoryKey("\x1f".join(parts).encode("utf-8"))


def reference_key(reference: str, id_last4: str) -> MemoryKey:
    return _key("reference", reference.strip().upper(), id_last4.strip().upper())


def receipt_code_key(reference: str, access_code: str) -> MemoryKey:
    return _key("receipt-code", reference.strip().upper(), access_code.strip())


def identity_key(document_kind: str, id_number: str) -> MemoryKey:
    return _key("card", document_kind.strip(), id_number.strip().upper())


@dataclass(frozen=True)
class Recalled:
    """What was kept under one key, and when (epoch seconds) it was heard from the backend."""

    documents: tuple[Mapping[str, Any], ...]
    saved_at: float


class StatusMemory:
    """The kiosk's memory of looked-up statuses; safe to share between threads."""

    def __init__(
        self,
        directory: Path,
        *,
        max_entries: int = 300,
        max_age_days: float = 90,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = directory / MEMORY_FILE
        self._key_path = directory / MEMORY_KEY_FILE
        self._max_entries = max_entries
        self._max_age_s = max_age_days * 86400
        self._clock = clock
        self._lock = threading.Lock()
        self._secret: bytes | None = None
        self._entries: dict[str, dict[str, Any]] | None = None  # loaded at first use

    def keep(self, keys: Iterable[MemoryKey], documents: Sequence[Mapping[str, Any]]) -> None:
        """Remember ``documents`` under each of ``keys`` (replacing what each held)."""
        plain = json.dumps(list(documents), ensure_ascii=False, separators=(",", ":")).encode()
        with self._lock:
            try:
                secret, entries = self._load()
                now = self._clock()
                for key in set(keys):
                    tag = _tag(secret, key)
                    entries[tag] = {"saved_at": now, "sealed": _seal(secret, key, tag, plain)}
                self._prune(entries, now)
                self._write(entries)
            except (OSError, KeyFileError) as error:
                log.warning("status memory not written: %s", _kind(error))

    def recall(self, key: MemoryKey) -> Recalled | None:
        """What was kept under ``key``; ``None`` if nothing (or nothing readable) is."""
        with self._lock:
            try:
                secret, entries = self._load()
            except (OSError, KeyFileError) as error:
                log.warning("status memory unreadable: %s", _kind(error))
                return None
            tag = _tag(secret, key)
            entry = entries.get(tag)
            if entry is None or self._clock() - entry["saved_at"] > self._max_age_s:
                return None
        try:
            documents = json.loads(_open(secret, key, tag, entry["sealed"]))
        except (ValueError, InvalidTag, binascii.Error):
            log.warning("a status memory entry does not open; ignored")
            return None
        if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents):
            return None
        return Recalled(tuple(documents), float(entry["saved_at"]))

    def __len__(self) -> int:
        with self._lock:
            try:
                return len(self._load()[1])
            except (OSError, KeyFileError):
                return 0

    def _load(self) -> tuple[bytes, dict[str, dict[str, Any]]]:
        if self._secret is None:
            self._secret = _load_secret(self._key_path)
        if self._entries is None:
            self._entries = _read_entries(self.path)
        return self._secret, self._entries

    def _prune(self, entries: dict[str, dict[str, Any]], now: float) -> None:
        for tag in [t for t, e in entries.items() if now - e["saved_at"] > self._max_age_s]:
            del entries[tag]
        surplus = len(entries) - self._max_entries
        if surplus > 0:
            for tag in sorted(entries, key=lambda t: entries[t]["saved_at"])[:surplus]:
                del entries[tag]

    def _write(self, entries: Mapping[str, Mapping[str, Any]]) -> None:
        data = json.dumps({"format": _FORMAT, "entries": entries}, separators=(",", ":"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:  # mkstemp: mode 0600
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def _load_secret(path: Path) -> bytes:
    # The outbox's key-file rules (0600, whole or nothing, base64) fit this secret as well.
    OutboxKey.load_or_create(path)
    try:
        return base64.b64decode(path.read_bytes().strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(f"the status memory key {path} is not base64 text") from None


def _read_entries(path: Path) -> dict[str, dict[str, Any]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("status memory %s unreadable (%s); starting empty", path, _kind(error))
        return {}
    entries: dict[str, dict[str, Any]] = {}
    if not isinstance(raw, dict) or raw.get("format") != _FORMAT:
        log.warning("status memory %s has an unknown format; starting empty", path)
        return entries
    found = raw.get("entries")
    for tag, entry in found.items() if isinstance(found, dict) else ():
        with contextlib.suppress(KeyError, TypeError, ValueError):
            entries[str(tag)] = {
                "saved_at": float(entry["saved_at"]),
                "sealed": str(entry["sealed"]),
            }
    return entries


def _derive(secret: bytes, purpose: bytes, key: MemoryKey) -> bytes:
    return hmac.new(secret, purpose + b"\x00" + key.material, hashlib.sha256).digest()


def _tag(secret: bytes, key: MemoryKey) -> str:
    return _derive(secret, b"tag", key).hex()


def _seal(secret: bytes, key: MemoryKey, tag: str, plain: bytes) -> str:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = AESGCM(_derive(secret, b"seal", key)).encrypt(nonce, plain, tag.encode())
    return base64.b64encode(nonce + sealed).decode("ascii")


def _open(secret: bytes, key: MemoryKey, tag: str, sealed_text: str) -> bytes:
    sealed = base64.b64decode(sealed_text, validate=True)
    aead = AESGCM(_derive(secret, b"seal", key))
    return aead.decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], tag.encode())


def _kind(error: Exception) -> str:
    return type(error).__name__ if not isinstance(error, KeyFileError) else str(error)
