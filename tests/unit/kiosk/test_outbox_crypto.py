"""The outbox key file and sealing: AES-GCM under the kiosk key, scrypt + AES-GCM for exports."""

from __future__ import annotations

import base64
import os
import threading
from pathlib import Path

import pytest

from kiosk.outbox_crypto import (
    KeyFileError,
    NotAnExport,
    OutboxKey,
    SealError,
    WrongPassphraseOrTampered,
    open_with_passphrase,
    seal_with_passphrase,
)

SECRET = "王小明 11010519491231002X 13800138000".encode()


def flipped(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def test_sealed_data_opens_and_does_not_show_the_plaintext() -> None:
    key = OutboxKey.generate()
    sealed = key.seal(SECRET, b"key-00000001")
    assert SECRET not in sealed and b"11010519491231002X" not in sealed
    assert key.open(sealed, b"key-00000001") == SECRET
    assert key.seal(SECRET, b"key-00000001") != sealed, "a fresh nonce every time"


@pytest.mark.parametrize("index", [0, 11, 12, 20, -1])
def test_any_altered_byte_is_an_error_not_wrong_data(index: int) -> None:
    key = OutboxKey.generate()
    sealed = key.seal(SECRET, b"key-00000001")
    with pytest.raises(SealError):
        key.open(flipped(sealed, index), b"key-00000001")


def test_another_place_or_another_key_does_not_open() -> None:
    key = OutboxKey.generate()
    sealed = key.seal(SECRET, b"key-00000001")
    with pytest.raises(SealError):
        key.open(sealed, b"key-00000002")
    with pytest.raises(SealError):
        OutboxKey.generate().open(sealed, b"key-00000001")
    with pytest.raises(SealError):
        key.open(sealed[:20], b"key-00000001")


def test_a_new_key_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "data" / "outbox.key"
    old_umask = os.umask(0)
    try:
        key = OutboxKey.load_or_create(path)
    finally:
        os.umask(old_umask)
    assert path.stat().st_mode & 0o777 == 0o600
    assert len(base64.b64decode(path.read_text().strip(), validate=True)) == 32
    assert list(path.parent.iterdir()) == [path], "no temporary file left behind"
    again = OutboxKey.load_or_create(path)
    assert again.open(key.seal(SECRET, b"a"), b"a") == SECRET
    assert "secret" in repr(key) and path.read_text().strip() not in repr(key)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_others_can_read_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "outbox.key"
    OutboxKey.load_or_create(path)
    path.chmod(mode)
    with pytest.raises(KeyFileError, match=f"mode {mode:04o}.*chmod 600"):
        OutboxKey.load_or_create(path)
    with pytest.raises(KeyFileError):
        OutboxKey.load(path)


def test_a_malformed_or_missing_key_file_is_a_key_file_error(tmp_path: Path) -> None:
    path = tmp_path / "outbox.key"
    with pytest.raises(KeyFileError, match="no outbox key"):
        OutboxKey.load(path)
    path.write_text("not base64 at all!\n")
    path.chmod(0o600)
    with pytest.raises(KeyFileError, match="not base64"):
        OutboxKey.load(path)
    path.write_text(base64.b64encode(b"short").decode())
    with pytest.raises(KeyFileError, match="32 bytes"):
        OutboxKey.load(path)


def test_processes_racing_to_create_the_key_all_get_the_same_one(tmp_path: Path) -> None:
    path = tmp_path / "outbox.key"
    keys: list[OutboxKey] = []
    start = threading.Barrier(8)

    def create() -> None:
        start.wait()
        keys.append(OutboxKey.load_or_create(path))

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    sealed = keys[0].seal(SECRET, b"a")
    assert len(keys) == 8 and all(key.open(sealed, b"a") == SECRET for key in keys)
    assert [p.name for p in tmp_path.iterdir()] == ["outbox.key"]


def test_an_export_opens_with_its_passphrase_only() -> None:
    sealed = seal_with_passphrase(SECRET, b"correct horse battery staple")
    assert SECRET not in sealed
    assert open_with_passphrase(sealed, b"correct horse battery staple") == SECRET
    with pytest.raises(WrongPassphraseOrTampered, match="wrong passphrase"):
        open_with_passphrase(sealed, b"correct horse battery stapler")


@pytest.mark.parametrize("index", [12, 20, 30, -1])  # salt, nonce, ciphertext, tag
def test_a_tampered_export_is_refused(index: int) -> None:
    sealed = seal_with_passphrase(SECRET, b"pass phrase")
    with pytest.raises(WrongPassphraseOrTampered):
        open_with_passphrase(flipped(sealed, index), b"pass phrase")


def test_a_file_that_is_no_export_says_so() -> None:
    with pytest.raises(NotAnExport):
        open_with_passphrase(b"PK\x03\x04 a zip file, not an export" * 4, b"pass phrase")
    with pytest.raises(ValueError, match="empty"):
        seal_with_passphrase(SECRET, b"")
