"""Per-caller request budgets (token buckets), kept in the memory of each server process.

With several uvicorn workers or hosts each keeps its own buckets, so the effective limit is
the per-process limit times the number of processes; that is enough to stop one runaway or
hostile kiosk from starving the others, which is what the limit is for.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

# Every so many calls, buckets that have filled up again are dropped: memory holds only the
# callers seen within one refill time (3 s for a kiosk at the default 20/60).
_SWEEP_EVERY = 4096


@dataclass(frozen=True)
class RateLimit:
    """``per_second`` sustained, bursts of up to ``burst`` requests."""

    per_second: float
    burst: int

    def __post_init__(self) -> None:
        if self.per_second <= 0 or self.burst < 1:
            raise ValueError("a rate limit needs per_second > 0 and burst >= 1")


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Thread-safe: FastAPI runs sync endpoints and dependencies in a thread pool."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._burst = float(limit.burst)
        self._per_second = limit.per_second
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()
        self._calls = 0

    def try_acquire(self, caller: str) -> float:
        """0 if ``caller`` may go ahead now, else the seconds until it may."""
        now = self._clock()
        with self._lock:
            self._calls += 1
            if self._calls % _SWEEP_EVERY == 0:
                self._forget_full(now)
            bucket = self._buckets.get(caller)
            if bucket is None:
                bucket = self._buckets[caller] = _Bucket(self._burst, now)
            tokens = min(bucket.tokens + (now - bucket.updated) * self._per_second, self._burst)
            bucket.updated = now
            if tokens >= 1:
                bucket.tokens = tokens - 1
                return 0.0
            bucket.tokens = tokens
            return (1 - tokens) / self._per_second

    def tracked_callers(self) -> int:
        """How many callers' buckets are kept in memory."""
        with self._lock:
            return len(self._buckets)

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled is the same as a new one, so dropping it changes nothing
        # for its caller. (Dropping buckets merely idle for a fixed time would hand a fresh
        # burst to a caller whose bucket refills more slowly than that.)
        limit = self.limit
        full = [
            caller
            for caller, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.updated) * limit.per_second >= limit.burst
        ]
        for caller in full:
            del self._buckets[caller]


def retry_after_header(wait_s: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(wait_s)))}
