"""The learned rate shared through Redis: one worker's 429 slows every worker, measured from
the accepted count of all of them; then over HTTP against the emulator's rate limit."""

from __future__ import annotations

import asyncio

import pytest

from smartsuite._core.adaptive import AdaptivePace
from smartsuite._core.config import RetryConfig
from smartsuite.emulator import Emulator
from smartsuite.redis import RedisRateLimit
from smartsuite.smartsheet import SmartsheetClient
from tests.redis.support import RedisServer


def worker(url: str, rate: float, **pace: float) -> RedisRateLimit:
    limiter = RedisRateLimit(url, key="shared-token", rate=rate, per=1, burst=2)
    if pace:
        assert limiter.pace is not None
        limiter.pace.params = AdaptivePace(rate, **pace)
    return limiter


async def test_one_workers_429_slows_every_worker(redis_server: RedisServer) -> None:
    fast = {"cooldown": 0.05, "min_window": 0.1}
    a, b = worker(redis_server.url, 10, **fast), worker(redis_server.url, 10, **fast)
    async with a, b:
        assert a.pace is not None and b.pace is not None
        assert a._paced() == (100_000, 2)  # the configured rate until the server objects
        a.observe({"Retry-After": "0.01"})
        a.hold_for(0.01)  # the transport, after that 429
        await a.flush()
        assert a.pace.rate == pytest.approx(9.8, abs=0.01)
        assert await b.pace.report(0) == pytest.approx(9.8, abs=0.01)  # B saw no 429
        interval, burst = b._paced()
        assert burst == 1 and interval >= 1_000_000 / 9.81
        await asyncio.sleep(0.2)
        # Between the two 429s the server accepted one request in all, B's: about 5/s.
        await b.pace.report(1)
        a.observe({})
        a.hold_for(0.01)
        await a.flush()
        assert a.pace.rate < 6.0
        assert await b.pace.report(0) == pytest.approx(a.pace.rate, abs=0.05)


async def test_a_limiter_without_adaptation_keeps_its_rate(redis_server: RedisServer) -> None:
    limiter = RedisRateLimit(redis_server.url, key="k", rate=10, per=1, adaptive=False)
    async with limiter:
        limiter.observe({})
        limiter.hold_for(0.01)
        await limiter.flush()
        assert limiter.pace is None
        assert limiter._paced() == (100_000, 10)


async def test_over_http_workers_settle_at_the_rate_the_server_accepts(
    redis_server: RedisServer, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    emu.smartsheet.faults.rate_limit = 20.0
    emu.smartsheet.faults.burst = 2
    limiters = [worker(redis_server.url, 40) for _ in range(2)]

    async def run(seconds: float) -> tuple[int, int]:
        before = len(emu.smartsheet.log)
        loop = asyncio.get_running_loop()
        stop = loop.time() + seconds

        async def one_worker(limiter: RedisRateLimit) -> None:
            async with SmartsheetClient(
                emu.smartsheet_token,
                base_url=emu.smartsheet_url,
                rate_limit=limiter,
                retry=RetryConfig(max_attempts=50, max_total_seconds=30),
            ) as ss:
                while loop.time() < stop:
                    await ss.sheets.list()

        await asyncio.gather(*(one_worker(lim) for lim in limiters for _ in range(2)))
        log = emu.smartsheet.log[before:]
        limited = sum(1 for e in log if e.status == 429)
        return len(log) - limited, limited

    try:
        _, learning = await run(1.5)
        accepted, limited = await run(2.0)
        for limiter in limiters:
            await limiter.flush()
        rates = [lim.pace.rate for lim in limiters if lim.pace is not None]
    finally:
        for limiter in limiters:
            await limiter.aclose()
    assert learning > limited
    assert limited <= 4
    assert all(14.0 <= r <= 20.5 for r in rates)
    assert abs(rates[0] - rates[1]) < 1.0  # one rate, shared
    assert accepted >= 25
