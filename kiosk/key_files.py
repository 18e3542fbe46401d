"""Secret keys kept as base64 text in files only their owner may read (the outbox key, the
staff card key): one way to read them, with one set of plain reasons when that fails."""

from __future__ import annotations

import base64
import binascii
import os
import stat
from pathlib import Path


class PrivateKeyFileError(Exception):
    """The key file is missing, unreadable, open to group or others, or not base64 text."""


def read_private_key(path: Path, name: str) -> bytes:
    """The key in ``path`` (``name`` says which, in messages: "the outbox key"). Symlinks are
    not followed, and a file group or others may read is refused before it is read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        raise PrivateKeyFileError(f"no {name.removeprefix('the ')} at {path}") from None
    except OSError as error:
        raise PrivateKeyFileError(f"cannot open {name} {path}: {error.strerror}") from None
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise PrivateKeyFileError(
                f"{name} {path} has mode {stat.S_IMODE(mode):04o}; it must be readable by its "
                f"owner only (chmod 600 {path})"
            )
        text = handle.read()
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise PrivateKeyFileError(f"{name} {path} is not base64 text") from None
