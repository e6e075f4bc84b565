"""The learned rate, shared by every worker through Redis.

The rules are :class:`smartsuite._core.adaptive.AdaptivePace` (the in-process limiter follows
them too), run here in a Lua script on one hash per bucket, on Redis's clock. Every worker
reports the responses it got (accepted, or a 429) and receives the rate all of them pace at, so
a cut learned by one worker from the accepted count of all of them slows every worker down, and
the climb back is the same for all.
"""

from __future__ import annotations

import asyncio
import logging

from .._core.adaptive import AdaptivePace
from ._connection import RedisConnection, Script
from .errors import RedisUnavailableError

log = logging.getLogger("smartsuite.redis")

# KEYS: the pace hash. ARGV: ceiling (requests/s), accepted (count since the last report),
# rejected (1 when a 429 arrived), first_cut, margin, cooldown (µs), min_window (µs),
# max_window (µs), climb, floor_share, ttl (ms). Returns the rate to pace at, as a string.
# Mirrors AdaptivePace.rate / on_accepted / on_rejected.
_PACE = Script(
    """
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local ceiling = tonumber(ARGV[1])
local first_cut = tonumber(ARGV[4])
local margin = tonumber(ARGV[5])
local cooldown = tonumber(ARGV[6])
local min_window = tonumber(ARGV[7])
local max_window = tonumber(ARGV[8])
local climb = tonumber(ARGV[9])
local floor_share = tonumber(ARGV[10])
local s = redis.call('HMGET', KEYS[1], 'base', 'cut_at', 'cut_acc', 'acc', 'cuts')
local base = tonumber(s[1])
local cut_at = tonumber(s[2]) or 0
local cut_acc = tonumber(s[3]) or 0
local acc = (tonumber(s[4]) or 0) + tonumber(ARGV[2])
local cuts = tonumber(s[5]) or 0
local function rate_at(x)
  if base == nil then return ceiling end
  local dt = (x - cut_at - cooldown) / 1000000
  if dt < 0 then dt = 0 end
  local r = base + ceiling * climb * dt * (1 + dt / 10)
  if r >= ceiling then
    base = nil
    return ceiling
  end
  return r
end
local cooling = base ~= nil and now < cut_at + cooldown
local current = rate_at(now)
if tonumber(ARGV[3]) == 1 and not cooling then
  local elapsed = now - cut_at
  local new
  if cuts > 0 and elapsed >= min_window and elapsed <= max_window then
    local measured = (acc - cut_acc) / (elapsed / 1000000)
    new = math.min(measured, current) * (1 - margin)
    new = math.max(new, current * 0.5)
  else
    new = current * first_cut
  end
  base = math.max(new, ceiling * floor_share)
  cut_at = now
  cut_acc = acc
  cuts = cuts + 1
  current = base
end
if base == nil then
  redis.call('HDEL', KEYS[1], 'base')
else
  redis.call('HSET', KEYS[1], 'base', string.format('%.6f', base))
end
redis.call('HSET', KEYS[1], 'cut_at', string.format('%d', cut_at),
  'cut_acc', string.format('%d', cut_acc), 'acc', string.format('%d', acc),
  'cuts', string.format('%d', cuts))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[11]))
return string.format('%.6f', current)
"""
)


class SharedPace:
    """One worker's view of the shared learned rate, and its reports to Redis.

    Reports are sent in the background, one at a time, coalescing what arrived meanwhile; the
    rate returned by the last one is :attr:`rate`.
    """

    def __init__(self, conn: RedisConnection, key: str, pace: AdaptivePace) -> None:
        self._conn = conn
        self._keys = [f"{{{key}}}:pace"]
        self.params = pace
        self.rate = pace.ceiling
        self._accepted = 0
        self._rejected = False
        self._task: asyncio.Task[None] | None = None
        self.reports = 0

    @property
    def adapted(self) -> bool:
        return self.rate < self.params.ceiling

    def on_accepted(self, count: int = 1) -> None:
        self._accepted += count
        self._schedule()

    def on_rejected(self, cost: int = 1) -> None:
        # the 429 was counted (its cost) by on_accepted when it was observed
        self._accepted -= max(1, int(cost))
        self._rejected = True
        self._schedule()

    def _schedule(self) -> None:
        if self._task is not None and not self._task.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._task = loop.create_task(self._report_all())

    async def _report_all(self) -> None:
        while self._accepted or self._rejected:
            accepted, rejected = self._accepted, self._rejected
            self._accepted, self._rejected = 0, False
            try:
                await self.report(accepted, rejected=rejected)
            except RedisUnavailableError as exc:
                log.warning("could not share the learned rate: %s", exc)
                return

    async def report(self, accepted: int, *, rejected: bool = False) -> float:
        """Send counts to Redis; the shared rate (requests per second) to pace at now.

        Raises:
            RedisUnavailableError: Redis failed.
        """
        p = self.params
        value = await self._conn.run(
            _PACE,
            "sharing the learned rate",
            self._keys,
            [
                p.ceiling,
                accepted,
                1 if rejected else 0,
                p.first_cut,
                p.margin,
                round(p.cooldown * 1e6),
                round(p.min_window * 1e6),
                round(p.max_window * 1e6),
                p.climb,
                p.floor_share,
                round((p.max_window + 60) * 1000),
            ],
        )
        self.reports += 1
        self.rate = float(value)
        return self.rate

    async def flush(self) -> None:
        """Wait for the report in flight, if any."""
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
