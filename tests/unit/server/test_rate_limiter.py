"""Token buckets of :class:`server.rate_limit.RateLimiter`, driven by a fake clock."""

from __future__ import annotations

import pytest

from server.rate_limit import RateLimit, RateLimiter, retry_after_header

# Calls after which the limiter sweeps its buckets (a multiple of its sweep period).
SWEEP_CALLS = 4096


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(per_second: float, burst: int) -> tuple[RateLimiter, FakeClock]:
    clock = FakeClock()
    return RateLimiter(RateLimit(per_second, burst), clock=clock), clock


def granted(rate_limiter: RateLimiter, caller: str, attempts: int) -> int:
    return sum(rate_limiter.try_acquire(caller) == 0 for _ in range(attempts))


def test_a_burst_goes_through_and_the_next_request_waits() -> None:
    rate_limiter, _clock = limiter(2, 4)

    assert [rate_limiter.try_acquire("kiosk-a") for _ in range(4)] == [0.0] * 4
    assert rate_limiter.try_acquire("kiosk-a") == pytest.approx(0.5)


def test_the_wait_shrinks_as_time_passes() -> None:
    rate_limiter, clock = limiter(2, 4)
    granted(rate_limiter, "kiosk-a", 4)

    clock.now += 0.2

    assert rate_limiter.try_acquire("kiosk-a") == pytest.approx(0.3)


def test_tokens_come_back_at_the_sustained_rate() -> None:
    rate_limiter, clock = limiter(2, 4)
    granted(rate_limiter, "kiosk-a", 4)

    clock.now += 1.0

    assert granted(rate_limiter, "kiosk-a", 10) == 2


def test_the_bucket_never_holds_more_than_the_burst() -> None:
    rate_limiter, clock = limiter(2, 4)
    granted(rate_limiter, "kiosk-a", 1)

    clock.now += 3600

    assert granted(rate_limiter, "kiosk-a", 10) == 4


def test_refused_requests_do_not_spend_tokens() -> None:
    rate_limiter, clock = limiter(1, 1)
    rate_limiter.try_acquire("kiosk-a")
    for _ in range(50):
        assert rate_limiter.try_acquire("kiosk-a") > 0

    clock.now += 1.0

    assert rate_limiter.try_acquire("kiosk-a") == 0


def test_each_caller_has_its_own_bucket() -> None:
    rate_limiter, _clock = limiter(1, 3)
    granted(rate_limiter, "kiosk-a", 3)

    assert rate_limiter.try_acquire("kiosk-a") > 0
    assert granted(rate_limiter, "kiosk-b", 3) == 3


def test_sweeping_forgets_only_buckets_that_filled_up_again() -> None:
    rate_limiter, clock = limiter(10, 5)
    granted(rate_limiter, "busy", 5)
    for number in range(1000):
        rate_limiter.try_acquire(f"passer-by-{number}")
    assert rate_limiter.tracked_callers() == 1001

    clock.now += 0.5
    # Every passer-by's bucket is full again; "busy" empties its own up to the sweep.
    granted(rate_limiter, "busy", SWEEP_CALLS - 1005)

    assert rate_limiter.tracked_callers() == 1


def test_a_slowly_refilling_bucket_is_not_forgotten_early() -> None:
    # Refilling 1,000 tokens at 1 a second takes far longer than any fixed idle time.
    rate_limiter, clock = limiter(1, 1000)
    assert granted(rate_limiter, "kiosk-a", 1000) == 1000
    clock.now += 700
    # Other callers bring the call count to a sweep while kiosk-a's bucket holds 700 tokens.
    for number in range(SWEEP_CALLS - 1000):
        rate_limiter.try_acquire(f"other-{number % 100}")

    assert granted(rate_limiter, "kiosk-a", 1000) == 700


@pytest.mark.parametrize(("per_second", "burst"), [(0, 1), (-1, 5), (1, 0)])
def test_impossible_limits_are_refused(per_second: float, burst: int) -> None:
    with pytest.raises(ValueError):
        RateLimit(per_second, burst)


@pytest.mark.parametrize(("wait_s", "header"), [(0.01, "1"), (1.0, "1"), (1.2, "2"), (30, "30")])
def test_retry_after_is_whole_seconds_rounded_up(wait_s: float, header: str) -> None:
    assert retry_after_header(wait_s) == {"Retry-After": header}
