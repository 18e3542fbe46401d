"""The problem-document handlers run on the event loop, not in the thread pool."""

from __future__ import annotations

import inspect

from server.app import ServerOptions, create_app


def test_every_exception_handler_is_a_coroutine_function() -> None:
    # Starlette runs a plain function handler in the thread pool: a hop that cost each 404,
    # 422 or 429 answer more CPU than building the answer.
    app = create_app(ServerOptions("sqlite://", seed_demo=False))
    handlers = app.exception_handlers
    assert len(handlers) >= 5
    assert [h for h in handlers.values() if not inspect.iscoroutinefunction(h)] == []
