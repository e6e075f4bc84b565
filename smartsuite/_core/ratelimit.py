"""Pacing: a token bucket per credential, plus a gate that holds everyone when the server says so.

Every attempt, retries included, takes a token. A 429 or a near-empty ``X-RateLimit-Remaining``
closes the gate for all requests sharing the credential, not just the one that saw it.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Coroutine, Mapping
from typing import Any, Protocol, runtime_checkable

from aiolimiter import AsyncLimiter

from . import sansio
from .adaptive import AdaptivePace, PaceGate
from .clock import SYSTEM_CLOCK, Clock
from .config import RateLimitConfig


@runtime_checkable
class RateLimiter(Protocol):
    """What the transport needs from a limiter. In-process and Redis backends implement it."""

    async def acquire(self, cost: int = 1) -> None:
        """Wait for ``cost`` tokens (and for any server-imposed hold) before one attempt."""
        ...

    def hold_for(self, seconds: float, cost: int = 1) -> None:
        """Hold every acquirer for ``seconds`` from now (server asked us to back off).

        ``cost`` is the declared cost of the request whose answer asked for the wait (an
        adaptive limiter takes it back out of what it counted as accepted)."""
        ...

    def observe(self, headers: Mapping[str, str], cost: int = 1) -> None:
        """Look at a response's rate-limit headers and slow down before the wall. ``cost`` is
        the declared cost of the request it answers (uploads count 10), the unit the bucket
        is paced in."""
        ...


class LocalRateLimit:
    """In-process token bucket (aiolimiter) with a shared hold gate, at the configured rate
    whatever the server answers (clients built from a :class:`RateLimitConfig` get the
    :class:`AdaptiveRateLimit` below, which also learns from 429s)."""

    def __init__(self, config: RateLimitConfig, *, clock: Clock = SYSTEM_CLOCK) -> None:
        self.config = config
        self._clock = clock
        self._bucket: AsyncLimiter | None = None  # created lazily: it binds to the running loop
        self._hold_until = 0.0

    def _get_bucket(self) -> AsyncLimiter:
        if self._bucket is None:
            cfg = self.config
            # One token of the bucket is kept in reserve: the server's bucket fills by arrival
            # times, ours by send times, and a request that travels a few ms faster than the
            # one before it would otherwise arrive while the server is a fraction of a token
            # short (a 429 although both sides agree on the limit). The steady rate is unchanged.
            size = cfg.burst - 1 if cfg.burst > 1 else 1
            self._bucket = AsyncLimiter(size, size / cfg.per_second)
        return self._bucket

    def ready(self, cost: int = 1) -> bool:
        """Whether :meth:`acquire` would give ``cost`` tokens now, without waiting (so the
        caller need not arm a deadline timer for it)."""
        if self._hold_until > self._clock.monotonic():
            return False
        bucket = self._get_bucket()
        return bucket.has_capacity(_bucket_cost(bucket, cost))

    def take_now(self, cost: int = 1) -> bool:
        """Take ``cost`` tokens if :meth:`acquire` would give them without waiting, in one
        step (no coroutine, no second capacity check); False, and nothing taken, otherwise."""
        if self._hold_until > self._clock.monotonic():
            return False
        bucket = self._get_bucket()
        amount = _bucket_cost(bucket, cost)
        if not bucket.has_capacity(amount):
            return False
        _run_ready(bucket.acquire(amount))
        return True

    async def acquire(self, cost: int = 1) -> None:
        # Bounded: a hold can be extended while we sleep, but not forever.
        for _ in range(100):
            wait = self._hold_until - self._clock.monotonic()
            if wait <= 0:
                break
            await self._clock.sleep(wait)
        bucket = self._get_bucket()
        await bucket.acquire(_bucket_cost(bucket, cost))

    def hold_for(self, seconds: float, cost: int = 1) -> None:
        if sansio.holdable(seconds):
            self._hold_until = max(self._hold_until, self._clock.monotonic() + seconds)

    def observe(self, headers: Mapping[str, str], cost: int = 1) -> None:
        remaining = sansio.parse_remaining(headers.get("X-RateLimit-Remaining"))
        if remaining is None or remaining > self.config.slow_down_remaining:
            return
        wait = sansio.parse_reset(headers.get("X-RateLimit-Reset"), now=self._clock.time())
        if wait:
            self.hold_for(wait)

    def __repr__(self) -> str:
        c = self.config
        return f"LocalRateLimit(rate={c.rate}, per={c.per}, burst={c.burst})"


class AdaptiveRateLimit(LocalRateLimit):
    """The in-process limiter that also learns the rate the server accepts.

    After a 429 it paces every request sharing the credential at the learned rate (one at a
    time, no burst) and climbs back towards the configured rate while the server stays quiet;
    the rules are :class:`~smartsuite._core.adaptive.AdaptivePace`. A server-requested wait
    (``hold_for`` from the transport, after a 429 or a ``Retry-After``) counts as a rejection;
    a hold this limiter sets itself from ``X-RateLimit-Remaining`` does not.
    """

    def __init__(
        self,
        config: RateLimitConfig,
        *,
        clock: Clock = SYSTEM_CLOCK,
        pace: AdaptivePace | None = None,
    ) -> None:
        super().__init__(config, clock=clock)
        self.pace = pace if pace is not None else AdaptivePace(config.per_second)
        self._gate = PaceGate()
        self._observing = False

    def ready(self, cost: int = 1) -> bool:
        if not super().ready(cost):
            return False
        now = self._clock.monotonic()
        return not self.pace.adapted(now) or self._gate.next_at <= now

    def take_now(self, cost: int = 1) -> bool:
        # While the pace is adapted the gate decides: left to acquire(), as before.
        if self.pace.adapted(self._clock.monotonic()):
            return False
        return super().take_now(cost)

    async def acquire(self, cost: int = 1) -> None:
        await super().acquire(cost)
        now = self._clock.monotonic()
        if self.pace.adapted(now):
            wait = self._gate.reserve(now, self.pace.rate(now), _units(cost))
            if wait > 0:
                await self._clock.sleep(wait)

    def observe(self, headers: Mapping[str, str], cost: int = 1) -> None:
        # Every response is counted as accepted here, in cost units like the bucket and the
        # gate (an upload is 10); hold_for takes the 429s back out.
        self.pace.on_accepted(_units(cost))
        self._observing = True
        try:
            super().observe(headers, cost)
        finally:
            self._observing = False

    def hold_for(self, seconds: float, cost: int = 1) -> None:
        super().hold_for(seconds, cost)
        if self._observing or seconds <= 0:
            return
        now = self._clock.monotonic()
        self.pace.on_accepted(-_units(cost))
        self.pace.on_rejected(now)
        self._gate.push_past(now + seconds)

    def __repr__(self) -> str:
        c = self.config
        return (
            f"AdaptiveRateLimit(rate={c.rate}, per={c.per}, burst={c.burst}, "
            f"learned={self.pace.rate(self._clock.monotonic()):.4g}/s)"
        )


def _run_ready(coro: Coroutine[Any, Any, None]) -> None:
    """Run a coroutine that cannot suspend (aiolimiter's ``acquire`` right after
    ``has_capacity`` said yes: it checks capacity first, and only waits when there is none)."""
    try:
        coro.send(None)
    except StopIteration:
        return
    coro.close()
    raise RuntimeError("the rate limiter waited after reporting capacity")


def _bucket_cost(bucket: AsyncLimiter, cost: int) -> int:
    """A request never costs more than the bucket holds, or it could never be sent."""
    return max(1, min(int(cost), int(bucket.max_rate)))


def _units(cost: int) -> int:
    """A request's cost in the limiter's units: at least one."""
    return max(1, int(cost))


# One bucket per (event loop, service, credential): two clients built with the same token share
# the token's budget, as the server sees it.
_SHARED: weakref.WeakValueDictionary[tuple[int, str, str, int], LocalRateLimit] = (
    weakref.WeakValueDictionary()
)


def shared_local_limiter(
    service: str, fingerprint: str, config: RateLimitConfig, clock: Clock = SYSTEM_CLOCK
) -> LocalRateLimit:
    """The adaptive limiter every client built from the same credential shares."""
    try:
        loop_id = id(asyncio.get_running_loop())
    except RuntimeError:
        loop_id = 0
    key = (loop_id, service, fingerprint, id(clock))
    limiter = _SHARED.get(key)
    if limiter is None or limiter.config != config:
        limiter = AdaptiveRateLimit(config, clock=clock)
        _SHARED[key] = limiter
    return limiter
