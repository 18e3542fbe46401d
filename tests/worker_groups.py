"""Which tests share a pytest-xdist worker (scripts/test.sh runs the suite with ``-n auto``).

Each test goes to whichever worker is free, except the tests under one of ``ONE_WORKER``: they
share something costly that a worker makes once, so they go to one worker together and it is
made once in the run. The xdist controller sees test IDs only, not fixtures: hence prefixes.
(``--dist loadgroup`` would do this from marks, but pytest-xdist 3.8 loses the marks under
pytest 9.2: its issue 1386.)
"""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]

ONE_WORKER = (
    # The .deb and the Debian root it is installed in (tests/packaging/conftest.py): minutes,
    # and one build cache.
    "tests/packaging/",
    # The module's ``tour`` fixture: twelve walks through every screen.
    "tests/e2e/test_tour.py::",
)


class SharedFixtureScheduling(LoadScopeScheduling):
    """Units of work: one test each, or all the tests under one ``ONE_WORKER`` prefix.

    The largest units are handed out first (LoadScopeScheduling's order), so the long shared
    ones start at once, in different workers, rather than last.
    """

    def _split_scope(self, nodeid: str) -> str:
        return next((prefix for prefix in ONE_WORKER if nodeid.startswith(prefix)), nodeid)
