"""The citizen's words for each kind of backend failure (the UI translates them)."""

from __future__ import annotations

from kiosk.backend_errors import (
    BackendAnswerInvalid,
    BackendConnectionLost,
    BackendError,
    BackendNameNotResolved,
    BackendRejected,
    BackendTimedOut,
    BackendTlsFailed,
    BackendUnreachable,
    TlsProblem,
)

SECRET = "4418**********123X phone 13800138000"


def test_every_kind_has_its_own_plain_words_and_none_repeats_the_message() -> None:
    errors: list[BackendError] = [
        BackendError(SECRET),
        BackendUnreachable(SECRET),
        BackendNameNotResolved(SECRET),
        BackendTlsFailed(TlsProblem.UNTRUSTED, SECRET),
        BackendConnectionLost(SECRET),
        BackendTimedOut(SECRET),
        BackendRejected(422, "Invalid", SECRET),
        BackendRejected(429, "Too many requests", SECRET),
        BackendRejected(503, "Unavailable", SECRET),
        BackendAnswerInvalid(SECRET),
    ]
    words = [error.plain_words() for error in errors]
    assert len(set(words)) == len(words), words
    assert all(phrase and SECRET not in phrase and "13800" not in phrase for phrase in words)


def test_a_subclass_without_words_of_its_own_borrows_its_parents() -> None:
    class ProxyRefused(BackendUnreachable):
        pass

    assert ProxyRefused().plain_words() == BackendUnreachable().plain_words()


def test_tls_failures_say_what_was_wrong_without_the_plain_words_changing() -> None:
    mismatch = BackendTlsFailed(TlsProblem.NAME_MISMATCH, "not valid for '127.0.0.1'")
    assert "does not name this host" in str(mismatch)
    assert mismatch.problem is TlsProblem.NAME_MISMATCH
    assert mismatch.plain_words() == BackendTlsFailed(TlsProblem.UNTRUSTED).plain_words()
