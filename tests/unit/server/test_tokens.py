"""Tokens a vendor types on a command line."""

from __future__ import annotations

from server.keyed_hash import new_token


def test_no_token_starts_with_a_dash_that_argparse_would_take_for_an_option() -> None:
    tokens = [new_token() for _ in range(5000)]  # ~78 would start with "-" unguarded
    assert not [token for token in tokens if token.startswith("-")]
    assert len(set(tokens)) == len(tokens)
