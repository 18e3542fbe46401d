"""The durable outbox: what the kiosk filed, kept on disk until the backend has it.

One SQLite file in WAL mode with ``synchronous=FULL``: an item is on disk before ``put``
returns, so the citizen's "submitted" screen never outlives a power cut. The payload (names, ID
numbers, phones, form values) is sealed with the kiosk's key (:mod:`kiosk.outbox_crypto`), bound
to the item's idempotency key, and wiped once the backend accepted or refused it; what stays is
the reference, the official number, the status link and the times. One lock serialises every use
of the connection: the UI's worker thread and the forwarder's thread share one ``Outbox``.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from kiosk.outbox_crypto import KeyFileError, OutboxKey, SealError

# As the backend's (server/keyed_hash.py); the kiosk shares nothing with it but the contract.
ACCESS_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
ACCESS_CODE_LENGTH = 10
OUTBOX_FILE = "outbox.sqlite3"
KEY_FILE = "outbox.key"
_SCHEMA_VERSION = 1
_KEY_CHECK = b"onestop outbox key check"
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread


class OutboxError(Exception):
    """The outbox could not do what was asked. Messages never carry personal data."""


class OutboxFull(OutboxError):
    """The disk (or the database's size limit) is full; nothing of the new item was kept."""


class OutboxUnavailable(OutboxError):
    """The outbox's storage failed (unreadable file, I/O error, a key that does not fit)."""


class OutboxConflict(OutboxError):
    """An item with this idempotency key or provisional reference is already in the outbox."""


class PayloadUnreadable(OutboxUnavailable):
    """This item's sealed payload does not open (altered on disk, or sealed by another key)."""


class UnknownItem(OutboxError):
    """No item has this id."""


class PayloadGone(OutboxError):
    """The item was delivered or refused, and its payload wiped."""


class OutboxKind(Enum):
    APPLICATION = "application"
    HOTLINE = "hotline"
    EVALUATION = "evaluation"


class OutboxState(Enum):
    PENDING = "pending"
    SENT = "sent"
    REJECTED = "rejected"  # the backend refused it for good


@dataclass(frozen=True)
class OutboxItem:
    """An item without its payload: nothing here is personal data. Times are epoch seconds."""

    id: int
    kind: OutboxKind
    idempotency_key: str
    provisional_ref: str
    created_at: float
    state: OutboxState
    attempts: int
    next_attempt_at: float
    official_number: str | None
    last_error: str | None
    status_url: str | None
    settled_at: float | None  # when it was sent or rejected
    # An application's promised date as the backend answered it (ISO), for its receipt.
    promised_by: str | None = None


def new_access_code() -> str:
    """The code a receipt's status link carries, chosen here so that a receipt printed
    offline links right; the backend's own alphabet (no 0/O, 1/I/L) and length."""
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


def new_provisional_ref(kiosk_id: str, *, now: float | None = None) -> str:
    """``P260301-7KQD-M4XH2CZA``: the local date, a tag of the kiosk, 40 random bits.

    Short enough to read off a receipt, unique across a province's kiosks in practice (the
    server still refuses a repeat), and it says nothing about the citizen.
    """
    day = time.strftime("%y%m%d", time.localtime(time.time() if now is None else now))
    digest = hashlib.sha256(kiosk_id.encode()).digest()
    tag = "".join(_REFERENCE_ALPHABET[byte % 32] for byte in digest[:4])
    tail = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"P{day}-{tag}-{tail}"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    provisional_ref TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    official_number TEXT,
    last_error TEXT,
    status_url TEXT,
    settled_at REAL,
    promised_by TEXT,
    sealed_payload BLOB
);
CREATE INDEX IF NOT EXISTS items_by_state ON items (state, next_attempt_at, id);
CREATE INDEX IF NOT EXISTS items_by_number ON items (official_number);
"""
_COLUMNS = (
    "id, kind, idempotency_key, provisional_ref, created_at, state, attempts, next_attempt_at, "
    "official_number, last_error, status_url, settled_at, promised_by"
)


def _item(row: tuple[Any, ...]) -> OutboxItem:
    values = list(row)  # in the order of _COLUMNS, which is the order of OutboxItem's fields
    values[1], values[5] = OutboxKind(row[1]), OutboxState(row[5])
    return OutboxItem(*values)


@contextlib.contextmanager
def _storage_errors() -> Iterator[None]:
    """SQLite and OS failures as outbox errors, worded without anything from the rows."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise OutboxConflict("an item with this key or reference is already queued") from None
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", -1) & 0xFF
        name = getattr(error, "sqlite_errorname", type(error).__name__)
        if code == sqlite3.SQLITE_FULL:
            raise OutboxFull("the outbox's disk is full") from None
        raise OutboxUnavailable(f"the outbox's storage failed ({name})") from None
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise OutboxFull("the outbox's disk is full") from None
        raise OutboxUnavailable(f"the outbox's storage failed ({error.strerror})") from None


class Outbox:
    def __init__(
        self, path: Path, key: OutboxKey, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self._key = key
        self._clock = clock
        self._lock = threading.Lock()
        with _storage_errors():
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():  # private from the first byte; SQLite gives -wal/-shm its mode
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
            self._db = sqlite3.connect(
                path, timeout=10.0, isolation_level=None, check_same_thread=False
            )
        try:
            self._prepare()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def in_directory(cls, directory: Path, *, clock: Callable[[], float] = time.time) -> Outbox:
        """The kiosk's outbox in its data directory, with its key (made on first use, 0600)."""
        with _storage_errors():
            try:
                key = OutboxKey.load_or_create(directory / KEY_FILE)
            except KeyFileError as error:
                raise OutboxUnavailable(str(error)) from None
        return cls(directory / OUTBOX_FILE, key, clock=clock)

    def _prepare(self) -> None:
        with self._lock, _storage_errors():
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA secure_delete = ON")  # wiped payloads are zeroed, not freed
        with self._transaction() as db:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)
            row = db.execute("SELECT value FROM meta WHERE name = 'key_check'").fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO meta (name, value) VALUES ('key_check', ?)",
                    (self._key.seal(_KEY_CHECK, b"meta"),),
                )
                db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        if row is not None:
            try:
                self._key.open(row[0], b"meta")
            except SealError:
                raise OutboxUnavailable(
                    f"the outbox key does not fit {self.path} (was {KEY_FILE} replaced?)"
                ) from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed durably, or rolled back whole."""
        with self._lock, _storage_errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise

    def _query(self, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
        with self._lock, _storage_errors():
            return self._db.execute(sql, parameters).fetchall()

    def get(self, item_id: int) -> OutboxItem:
        rows = self._query(f"SELECT {_COLUMNS} FROM items WHERE id = ?", item_id)
        if not rows:
            raise UnknownItem(f"no outbox item {item_id}")
        return _item(rows[0])

    def put(
        self,
        kind: OutboxKind,
        *,
        idempotency_key: str,
        provisional_ref: str,
        payload: Mapping[str, Any],
    ) -> OutboxItem:
        """Keep an item to send; on disk when this returns. ``OutboxFull``: nothing was kept."""
        plain = json.dumps(dict(payload), ensure_ascii=False, separators=(",", ":")).encode()
        sealed = self._key.seal(plain, idempotency_key.encode())
        now = self._clock()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO items (kind, idempotency_key, provisional_ref, created_at, state, "
                "next_attempt_at, sealed_payload) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (kind.value, idempotency_key, provisional_ref, now, "pending", now, sealed),
            )
            item_id = cursor.lastrowid
        assert item_id is not None
        return self.get(item_id)

    def payload(self, item_id: int) -> dict[str, Any]:
        rows = self._query(
            "SELECT idempotency_key, sealed_payload FROM items WHERE id = ?", item_id
        )
        if not rows:
            raise UnknownItem(f"no outbox item {item_id}")
        key, sealed = rows[0]
        if sealed is None:
            raise PayloadGone(f"outbox item {item_id} was settled and its payload wiped")
        try:
            return dict(json.loads(self._key.open(sealed, key.encode())))
        except SealError:
            raise PayloadUnreadable(f"outbox item {item_id} does not open with this key") from None

    def due(self, now: float) -> list[OutboxItem]:
        """Pending items whose next attempt is due, oldest first."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM items WHERE state = 'pending' AND next_attempt_at <= ? "
            "ORDER BY id",
            now,
        )
        return [_item(row) for row in rows]

    def pending(self) -> list[OutboxItem]:
        """Every pending item, due or not, oldest first."""
        rows = self._query(f"SELECT {_COLUMNS} FROM items WHERE state = 'pending' ORDER BY id")
        return [_item(row) for row in rows]

    def next_attempt_at(self) -> float | None:
        """When the earliest pending item is due; ``None`` when nothing is pending."""
        rows = self._query("SELECT min(next_attempt_at) FROM items WHERE state = 'pending'")
        return None if rows[0][0] is None else float(rows[0][0])

    def _settle(self, item_id: int, state: OutboxState, sql: str, *parameters: Any) -> OutboxItem:
        with self._transaction() as db:
            cursor = db.execute(
                f"UPDATE items SET state = ?, settled_at = ?, sealed_payload = NULL, {sql} "
                "WHERE id = ? AND state = 'pending'",
                (state.value, self._clock(), *parameters, item_id),
            )
            changed = cursor.rowcount
        if changed:
            self._scrub()
        return self.get(item_id)

    def mark_sent(
        self,
        item_id: int,
        official_number: str,
        status_url: str = "",
        promised_by: str | None = None,
    ) -> OutboxItem:
        """The backend has it: keep its number and link, wipe the payload. A settled item is
        left as it is (another process, e.g. ``kiosk outbox flush``, got there first)."""
        return self._settle(
            item_id,
            OutboxState.SENT,
            "official_number = ?, status_url = ?, promised_by = ?, last_error = NULL",
            official_number,
            status_url or None,
            promised_by,
        )

    def mark_rejected(self, item_id: int, reason: str) -> OutboxItem:
        """The backend refused it for good: keep the reason, wipe the payload."""
        return self._settle(item_id, OutboxState.REJECTED, "last_error = ?", reason)

    def note_failure(self, item_id: int, reason: str, retry_at: float) -> OutboxItem:
        with self._transaction() as db:
            db.execute(
                "UPDATE items SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                "WHERE id = ? AND state = 'pending'",
                (reason, retry_at, item_id),
            )
        return self.get(item_id)

    def hold_back(self, item_id: int, until: float, reason: str) -> OutboxItem:
        """Not before ``until``, for ``reason`` (no personal data): it waits for another item,
        and no attempt was made, so its attempts and backoff are left as they are."""
        with self._transaction() as db:
            db.execute(
                "UPDATE items SET last_error = ?, next_attempt_at = ? "
                "WHERE id = ? AND state = 'pending'",
                (reason, until, item_id),
            )
        return self.get(item_id)

    def _scrub(self) -> None:
        """Copy the WAL into the file and empty it, so a wiped payload's old page is gone from
        both files. Best effort: a reader in another process can make it a partial one."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def depth(self) -> int:
        return int(self._query("SELECT count(*) FROM items WHERE state = 'pending'")[0][0])

    def counts(self) -> dict[OutboxState, int]:
        found = dict(self._query("SELECT state, count(*) FROM items GROUP BY state"))
        return {state: int(found.get(state.value, 0)) for state in OutboxState}

    def oldest_pending_age_s(self, now: float) -> float | None:
        rows = self._query("SELECT min(created_at) FROM items WHERE state = 'pending'")
        return None if rows[0][0] is None else max(0.0, now - float(rows[0][0]))

    def find(self, reference: str) -> OutboxItem | None:
        """The item with this provisional reference or official number (newest if several)."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM items WHERE provisional_ref = ? OR official_number = ? "
            "ORDER BY id DESC LIMIT 1",
            reference,
            reference,
        )
        return _item(rows[0]) if rows else None

    def items(self, limit: int = 50, state: OutboxState | None = None) -> list[OutboxItem]:
        """The newest ``limit`` items (of one state, if given), newest first."""
        where, parameters = ("WHERE state = ?", (state.value,)) if state else ("", ())
        rows = self._query(
            f"SELECT {_COLUMNS} FROM items {where} ORDER BY id DESC LIMIT ?", *parameters, limit
        )
        return [_item(row) for row in rows]

    def forget_delivered(self, older_than: float) -> int:
        """Delete sent and rejected items settled before ``older_than``; how many."""
        with self._transaction() as db:
            count = db.execute(
                "DELETE FROM items WHERE state != 'pending' AND settled_at < ?", (older_than,)
            ).rowcount
        if count:
            self._scrub()
        return count
