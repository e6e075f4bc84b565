"""A rate limit shared by every worker, kept in Redis.

The bucket is GCRA (the generic cell rate algorithm: one "theoretical arrival time" per key)
run in a Lua script, so taking a slot is atomic however many processes or machines ask, and
it reads Redis's own clock (``TIME``), so the workers' clocks do not matter. Each ``acquire``
reserves the next free slot in one round trip and sleeps until it. A server-imposed hold
(a 429) is written to Redis too, so every worker backs off, not just the one that saw it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Literal, Self

import attrs

from .._core import sansio
from .._core.adaptive import AdaptivePace
from .._core.config import RateLimitConfig
from .._core.errors import ConfigurationError
from .._core.ratelimit import LocalRateLimit
from ._connection import RedisConnection, Script
from .adaptive import _PACE, SharedPace
from .errors import RedisUnavailableError

log = logging.getLogger("smartsuite.redis")

OnUnavailable = Literal["fail", "local"]

# KEYS: tat, hold. ARGV: emission interval (µs), burst, cost (requests this one counts as).
# Times are µs of Redis's clock.
# Returns {wait µs, hold-until seen}: the caller sleeps the wait, then checks the hold is
# unchanged (a hold set while it slept means its slot must be taken again, after the hold).
_RESERVE = Script(
    """
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3] or '1')
local hold = tonumber(redis.call('GET', KEYS[2]) or '0')
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local new_tat = tat + interval * cost
local allow_at = new_tat - burst * interval
if allow_at < now then allow_at = now end
local ttl = math.ceil((new_tat - now) / 1000) + 1000
redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', ttl)
return {string.format('%d', allow_at - now), string.format('%d', hold)}
"""
)

# KEYS: tat, hold. ARGV: emission interval (µs), burst, hold (µs).
# Pushes the bucket past the hold so that, when it ends, requests resume one interval apart
# (no burst straight into a server that just said 429).
_HOLD = Script(
    """
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local until_ = now + tonumber(ARGV[3])
local hold = tonumber(redis.call('GET', KEYS[2]) or '0')
if until_ <= hold then return string.format('%d', hold) end
local ttl = math.ceil((until_ - now) / 1000) + 1000
redis.call('SET', KEYS[2], string.format('%d', until_), 'PX', ttl)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local floor = until_ + (burst - 1) * interval
if tat < floor then
  ttl = math.ceil((floor - now) / 1000) + 1000
  redis.call('SET', KEYS[1], string.format('%d', floor), 'PX', ttl)
end
return string.format('%d', until_)
"""
)

# KEYS: hold. Returns {hold-until, wait µs until it ends}.
_HOLD_STATE = Script(
    """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local hold = tonumber(redis.call('GET', KEYS[1]) or '0')
local wait = hold - now
if wait < 0 then wait = 0 end
return {string.format('%d', hold), string.format('%d', wait)}
"""
)

_MAX_REROUNDS = 20


@attrs.define
class RedisRateLimitStats:
    """What one process's limiter did.

    Attributes:
        reservations: slots taken in Redis.
        rereserved: slots given up and taken again because a hold was set meanwhile.
        waited_seconds: time slept waiting for slots and holds.
        holds: holds this process wrote to Redis.
        fallbacks: times this process fell back to its local share.
        local_acquires: slots taken from the local share while Redis was unavailable.
    """

    reservations: int = 0
    rereserved: int = 0
    waited_seconds: float = 0.0
    holds: int = 0
    fallbacks: int = 0
    local_acquires: int = 0


class RedisRateLimit:
    """A token's rate limit shared by every process that uses the same Redis key.

    Pass it to any client: ``SmartsheetClient(rate_limit=RedisRateLimit(url, key=...))``.

    Args:
        url: the Redis URL (``redis://[:password@]host:port/db``, ``rediss://`` for TLS).
        key: the bucket's name; use one per API token (not the token itself).
        rate / per: ``rate`` requests per ``per`` seconds, for all workers together.
        burst: how many requests may go back to back after a quiet spell.
        on_unavailable: what to do when Redis fails after the start-up check: ``"fail"``
            raises :class:`RedisUnavailableError`; ``"local"`` paces this process alone at
            ``local_share`` of the rate (with a WARNING) until Redis answers again.
        local_share: this process's fraction of the limit while Redis is unavailable, for
            example ``1 / number_of_workers``. Required with ``on_unavailable="local"``.
        slow_down_remaining: when a response says ``X-RateLimit-Remaining`` is at or below
            this, every worker waits for ``X-RateLimit-Reset``.
        timeout: Redis connect and command timeout in seconds.
        retry_redis_after: while on the local share, how often to try Redis again.
        adaptive: learn the rate the server accepts from its 429s, shared by every worker
            (:class:`~smartsuite.redis.adaptive.SharedPace`); ``False`` paces at ``rate``
            whatever the server answers.

    Raises:
        ConfigurationError: on invalid settings.
    """

    def __init__(
        self,
        url: str,
        *,
        key: str,
        rate: float = 300.0,
        per: float = 60.0,
        burst: int = 10,
        on_unavailable: OnUnavailable = "fail",
        local_share: float | None = None,
        slow_down_remaining: int = 0,
        timeout: float = 2.0,
        retry_redis_after: float = 5.0,
        adaptive: bool = True,
    ) -> None:
        if not isinstance(key, str) or not key.strip():
            raise ConfigurationError("key must be a non-empty string naming the shared bucket")
        self.config = RateLimitConfig(
            rate=rate, per=per, burst=burst, slow_down_remaining=slow_down_remaining
        )
        if on_unavailable not in ("fail", "local"):
            raise ConfigurationError(
                f"on_unavailable must be 'fail' or 'local', got {on_unavailable!r}"
            )
        if on_unavailable == "local" and local_share is None:
            raise ConfigurationError(
                "on_unavailable='local' needs local_share, for example 1 / number of workers"
            )
        if local_share is not None and not 0 < local_share <= 1:
            raise ConfigurationError(f"local_share must be in (0, 1], got {local_share!r}")
        if retry_redis_after <= 0:
            raise ConfigurationError(f"retry_redis_after must be > 0, got {retry_redis_after!r}")
        self.key = key
        self.on_unavailable: OnUnavailable = on_unavailable
        self.local_share = local_share
        self.retry_redis_after = retry_redis_after
        self.stats = RedisRateLimitStats()
        self._conn = RedisConnection(url, timeout=timeout, purpose="rate limit")
        self._keys = [f"{{{key}}}:tat", f"{{{key}}}:hold"]
        self._interval_us = max(1, round(per / rate * 1_000_000))
        self._checked = False
        self._local_hold_until = 0.0
        self._fallback: LocalRateLimit | None = None
        self._retry_at = 0.0
        self._tasks: set[asyncio.Task[None]] = set()
        self.pace: SharedPace | None = (
            SharedPace(self._conn, key, AdaptivePace(self.config.per_second)) if adaptive else None
        )
        self._observing = False

    @property
    def url(self) -> str:
        """The Redis URL with any password masked."""
        return self._conn.safe_url

    @property
    def degraded(self) -> bool:
        """True while Redis is unavailable and this process paces itself on its local share."""
        return self._fallback is not None

    # -- lifecycle ---------------------------------------------------------------------------

    async def check(self) -> None:
        """Check Redis answers and load the scripts. Done by the first ``acquire`` otherwise.

        Raises:
            RedisUnavailableError: Redis cannot be reached (the message names the URL,
                never its password). Raised whatever ``on_unavailable`` says.
        """
        await self._conn.load(_RESERVE, _HOLD, _HOLD_STATE, _PACE)
        self._checked = True

    async def flush(self) -> None:
        """Wait until holds set by :meth:`hold_for` have reached Redis."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        if self.pace is not None:
            await self.pace.flush()

    async def aclose(self) -> None:
        """Send pending holds and close the connections."""
        await self.flush()
        await self._conn.aclose()

    async def __aenter__(self) -> Self:
        await self.check()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- the RateLimiter protocol ---------------------------------------------------------------

    async def acquire(self, cost: int = 1) -> None:
        """Wait for this process's hold, then for ``cost`` slots in the shared bucket.

        Raises:
            RedisUnavailableError: at the first call when Redis cannot be reached, and later
                when it fails and ``on_unavailable="fail"``.
        """
        if not self._checked:
            await self.check()
        await self._wait_local_hold()
        if self._fallback is not None and time.monotonic() < self._retry_at:
            await self._acquire_local(cost)
            return
        try:
            await self._acquire_shared(cost)
        except RedisUnavailableError as exc:
            if self.on_unavailable == "fail":
                raise
            self._fall_back(exc)
            await self._acquire_local(cost)
            return
        if self._fallback is not None:
            self._fallback = None
            log.info("Redis at %s answers again: back on the shared rate limit", self.url)

    def hold_for(self, seconds: float, cost: int = 1) -> None:
        """Hold every worker for ``seconds`` from now: at once in this process, and in Redis
        as soon as the write lands (see :meth:`flush`). ``inf`` and ``nan`` are ignored."""
        if not sansio.holdable(seconds):
            return
        if self.pace is not None and not self._observing:
            self.pace.on_rejected(cost)  # the server asked to back off: every worker learns it
        self._local_hold_until = max(self._local_hold_until, time.monotonic() + seconds)
        if self._fallback is not None:
            self._fallback.hold_for(seconds, cost)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        task = loop.create_task(self._push_hold(seconds))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def observe(self, headers: Mapping[str, str], cost: int = 1) -> None:
        """Hold every worker until ``X-RateLimit-Reset`` when the remaining budget is low.
        ``cost``: the answered request's declared cost, the unit the pace is measured in."""
        if self.pace is not None:
            self.pace.on_accepted(max(1, int(cost)))  # a 429 is taken back out by hold_for
        self._observing = True
        try:
            self._observe(headers)
        finally:
            self._observing = False

    def _observe(self, headers: Mapping[str, str]) -> None:
        remaining = sansio.parse_remaining(headers.get("X-RateLimit-Remaining"))
        if remaining is None or remaining > self.config.slow_down_remaining:
            return
        wait = sansio.parse_reset(headers.get("X-RateLimit-Reset"), now=time.time())
        if wait:
            self.hold_for(wait)

    # -- internals -----------------------------------------------------------------------------

    async def reserve(self, cost: int = 1) -> tuple[float, int]:
        """Take the next slot in Redis: (seconds until it, the hold-until seen, µs).

        Raises:
            RedisUnavailableError: Redis failed.
        """
        interval_us, burst = self._paced()
        wait_us, hold = await self._conn.run(
            _RESERVE,
            "taking a rate-limit slot",
            self._keys,
            [interval_us, burst, max(1, min(int(cost), self.config.burst))],
        )
        self.stats.reservations += 1
        return int(wait_us) / 1_000_000, int(hold)

    def _paced(self) -> tuple[int, int]:
        """(interval µs, burst) for the next slot: the configured ones, or the learned rate
        one request at a time once the server has pushed back."""
        if self.pace is not None and self.pace.adapted:
            return max(self._interval_us, round(1_000_000 / self.pace.rate)), 1
        return self._interval_us, self.config.burst

    async def _acquire_shared(self, cost: int) -> None:
        for _ in range(_MAX_REROUNDS):
            wait, hold_seen = await self.reserve(cost)
            if wait <= 0:
                return
            await self._sleep(wait)
            hold, hold_wait_us = await self._conn.run(
                _HOLD_STATE, "reading the rate-limit hold", self._keys[1:], []
            )
            if int(hold) == hold_seen:
                return
            # A hold was set while we slept: our slot may fall inside it. Take a new one,
            # which the hold script has placed after the hold.
            self.stats.rereserved += 1
            if int(hold_wait_us) > 0:
                await self._sleep(int(hold_wait_us) / 1_000_000)
        log.warning(
            "rate limit %r: holds kept moving; going ahead after %d tries", self.key, _MAX_REROUNDS
        )

    async def _push_hold(self, seconds: float) -> None:
        try:
            await self._conn.run(
                _HOLD,
                "sharing a rate-limit hold",
                self._keys,
                [self._interval_us, self.config.burst, max(1, round(seconds * 1_000_000))],
            )
            self.stats.holds += 1
        except RedisUnavailableError as exc:
            # This process holds anyway (the local gate); the others learn of it from their
            # own 429s.
            log.warning("could not share a %.2f s hold: %s", seconds, exc)

    async def _wait_local_hold(self) -> None:
        for _ in range(100):
            wait = self._local_hold_until - time.monotonic()
            if wait <= 0:
                return
            await self._sleep(wait)

    async def _sleep(self, seconds: float) -> None:
        self.stats.waited_seconds += seconds
        await asyncio.sleep(seconds)

    def _fall_back(self, exc: RedisUnavailableError) -> None:
        self._retry_at = time.monotonic() + self.retry_redis_after
        if self._fallback is not None:
            return
        share = self.local_share or 1.0
        cfg = self.config
        local = RateLimitConfig(
            rate=cfg.rate * share,
            per=cfg.per,
            burst=max(1, math.floor(cfg.burst * share)),
            slow_down_remaining=cfg.slow_down_remaining,
        )
        self._fallback = LocalRateLimit(local)
        self.stats.fallbacks += 1
        log.warning(
            "%s; pacing this process alone at %.4g requests per %.4g s (%.0f%% of the shared "
            "limit) until Redis answers",
            exc,
            local.rate,
            local.per,
            share * 100,
        )

    async def _acquire_local(self, cost: int) -> None:
        assert self._fallback is not None
        await self._fallback.acquire(cost)
        self.stats.local_acquires += 1

    def __repr__(self) -> str:
        c = self.config
        return (
            f"RedisRateLimit(url={self.url!r}, key={self.key!r}, rate={c.rate}, per={c.per}, "
            f"burst={c.burst}, on_unavailable={self.on_unavailable!r})"
        )
