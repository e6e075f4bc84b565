"""RedisRateLimit against a real redis-server."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from smartsuite._core.errors import ConfigurationError
from smartsuite._core.ratelimit import RateLimiter
from smartsuite.emulator.faults import Fault
from smartsuite.redis import RedisRateLimit, RedisUnavailableError
from smartsuite.smartsheet import Column, SmartsheetClient
from tests.redis.support import RedisServer


def limiter(url: str, **kwargs: Any) -> RedisRateLimit:
    kwargs.setdefault("key", "test-token")
    return RedisRateLimit(url, **kwargs)


def test_is_a_rate_limiter() -> None:
    assert isinstance(limiter("redis://127.0.0.1:1/0"), RateLimiter)


@pytest.mark.parametrize(
    ("kwargs", "names"),
    [
        ({"key": ""}, "key"),
        ({"rate": 0}, "rate"),
        ({"per": -1}, "per"),
        ({"burst": 0}, "burst"),
        ({"on_unavailable": "ignore"}, "on_unavailable"),
        ({"on_unavailable": "local"}, "local_share"),
        ({"on_unavailable": "local", "local_share": 1.5}, "local_share"),
        ({"timeout": 0}, "timeout"),
        ({"retry_redis_after": 0}, "retry_redis_after"),
    ],
)
def test_bad_settings_are_named(kwargs: dict[str, Any], names: str) -> None:
    with pytest.raises(ConfigurationError, match=names):
        limiter("redis://127.0.0.1:6379/0", **kwargs)


def test_bad_url_scheme_hides_password() -> None:
    with pytest.raises(ConfigurationError, match="redis://") as info:
        RedisRateLimit("http://user:hunter2@example.com/0", key="k")
    assert "hunter2" not in str(info.value)


async def test_startup_check_names_url_without_password() -> None:
    down = RedisServer(password="hunter2")  # never started: nothing listens on its port
    lim = limiter(down.url)
    assert "hunter2" not in repr(lim)
    with pytest.raises(RedisUnavailableError) as info:
        await lim.check()
    message = str(info.value)
    assert f"redis://:***@127.0.0.1:{down.port}/0" in message
    assert "rate limit" in message
    assert "hunter2" not in message
    assert info.value.url == f"redis://:***@127.0.0.1:{down.port}/0"


async def test_first_acquire_fails_at_startup_whatever_the_policy() -> None:
    down = RedisServer()
    lim = limiter(down.url, on_unavailable="local", local_share=0.5)
    with pytest.raises(RedisUnavailableError, match=str(down.port)):
        await lim.acquire()
    assert not lim.degraded


async def test_wrong_password_is_unavailable_and_not_shown() -> None:
    server = RedisServer(password="right-secret")
    server.start()
    try:
        wrong = server.url.replace("right-secret", "wrong-secret")
        with pytest.raises(RedisUnavailableError) as info:
            await limiter(wrong).check()
        assert "wrong-secret" not in str(info.value)
        assert "right-secret" not in str(info.value)
        lim = limiter(server.url)
        await lim.check()
        await lim.acquire()
        await lim.aclose()
    finally:
        server.stop()


async def test_workers_share_one_bucket(redis_server: RedisServer) -> None:
    # Two limiters with their own connections stand for two worker processes.
    a = limiter(redis_server.url, rate=1, per=1, burst=3)
    b = limiter(redis_server.url, rate=1, per=1, burst=3)
    other = limiter(redis_server.url, key="another-token", rate=1, per=1, burst=3)
    waits = [(await a.reserve())[0] for _ in range(3)]
    assert waits == [0.0, 0.0, 0.0]  # the burst
    w4, _ = await b.reserve()  # b sees a's use of the bucket
    w5, _ = await a.reserve()
    assert 0 < w4 <= 1.0
    assert w4 < w5 <= 2.0
    assert (await other.reserve())[0] == 0.0  # another key is another bucket
    for lim in (a, b, other):
        await lim.aclose()


async def test_acquire_sleeps_for_its_slot(redis_server: RedisServer) -> None:
    lim = limiter(redis_server.url, rate=20, per=1, burst=1)
    async with lim:
        for _ in range(4):
            await lim.acquire()
    assert lim.stats.reservations == 4
    assert lim.stats.waited_seconds > 0


async def test_hold_reaches_every_worker(redis_server: RedisServer, redis_raw: Any) -> None:
    a = limiter(redis_server.url, rate=10, per=1, burst=5)
    b = limiter(redis_server.url, rate=10, per=1, burst=5)
    await a.check()
    a.hold_for(3.0)
    await a.flush()
    assert a.stats.holds == 1
    assert await redis_raw.exists("{test-token}:hold") == 1
    first, _ = await b.reserve()
    second, _ = await b.reserve()
    assert 2.0 < first <= 3.0
    # After a hold there is no burst: one interval between slots.
    assert second > first
    await a.aclose()
    await b.aclose()


async def test_slot_taken_again_when_a_hold_lands_while_sleeping(redis_server: RedisServer) -> None:
    a = limiter(redis_server.url, rate=2, per=1, burst=1)
    b = limiter(redis_server.url, rate=2, per=1, burst=1)
    await a.acquire()
    waiting = asyncio.create_task(a.acquire())  # its slot is half a second away
    await asyncio.sleep(0.1)
    b.hold_for(1.0)
    await b.flush()
    await waiting
    assert a.stats.rereserved == 1
    await a.aclose()
    await b.aclose()


async def test_evalsha_falls_back_to_eval(redis_server: RedisServer, redis_raw: Any) -> None:
    from smartsuite.redis.ratelimit import _RESERVE

    lim = limiter(redis_server.url)
    await lim.check()
    assert await redis_raw.script_exists(_RESERVE.sha) == [True]
    await redis_raw.script_flush()
    assert await redis_raw.script_exists(_RESERVE.sha) == [False]
    await lim.acquire()
    assert await redis_raw.script_exists(_RESERVE.sha) == [True]
    await lim.aclose()


async def test_midrun_failure_raises_with_fail_policy(redis_server: RedisServer) -> None:
    lim = limiter(redis_server.url)
    await lim.acquire()
    redis_server.stop()
    with pytest.raises(RedisUnavailableError, match=str(redis_server.port)):
        await lim.acquire()


async def test_midrun_failure_falls_back_to_local_share(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    lim = limiter(
        redis_server.url,
        rate=20,
        per=1,
        burst=4,
        on_unavailable="local",
        local_share=0.5,
        retry_redis_after=0.2,
    )
    await lim.acquire()
    redis_server.stop()
    with caplog.at_level(logging.INFO, logger="smartsuite.redis"):
        for _ in range(3):
            await lim.acquire()
        assert lim.degraded
        assert lim.stats.fallbacks == 1
        assert lim.stats.local_acquires == 3
        warning = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warning) == 1
        assert "10 requests per 1 s" in warning[0].getMessage()
        assert str(redis_server.port) in warning[0].getMessage()
        redis_server.start()  # same port
        await asyncio.sleep(0.25)
        await lim.acquire()
        assert not lim.degraded
        assert any("back on the shared rate limit" in r.getMessage() for r in caplog.records)
    await lim.aclose()


async def test_low_remaining_header_holds_every_worker(redis_server: RedisServer) -> None:
    a = limiter(redis_server.url, slow_down_remaining=1)
    b = limiter(redis_server.url)
    await a.check()
    a.observe({"X-RateLimit-Remaining": "5", "X-RateLimit-Reset": "2"})
    await a.flush()
    assert a.stats.holds == 0
    a.observe({"X-RateLimit-Remaining": "1", "X-RateLimit-Reset": "2"})
    await a.flush()
    assert a.stats.holds == 1
    wait, _ = await b.reserve()
    assert 1.0 < wait <= 2.0
    await a.aclose()
    await b.aclose()


async def test_client_429_holds_every_worker_over_http(
    redis_server: RedisServer, redis_raw: Any, smartsuite_emulator: Any
) -> None:
    emu = smartsuite_emulator
    lim = limiter(redis_server.url, rate=50, per=1, burst=5)
    async with (
        lim,
        SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=lim) as ss,
    ):
        sheet = await ss.sheets.create(
            "Held", [Column(title="Name", type="TEXT_NUMBER", primary=True)]
        )
        emu.smartsheet.faults.script(Fault.RATE_LIMIT, method="GET")
        got = await ss.sheets.get(sheet.id)
        assert got.id == sheet.id
        await lim.flush()
        assert ss.stats.rate_limited == 1
        assert lim.stats.holds == 1
        assert await redis_raw.exists("{test-token}:hold") == 1
    statuses = [e.status for e in emu.smartsheet.log]
    assert statuses.count(429) == 1
    assert lim.stats.reservations == len(statuses)


async def test_a_costly_request_takes_that_many_slots(redis_server: RedisServer) -> None:
    a = limiter(redis_server.url, rate=1, per=1, burst=10)
    b = limiter(redis_server.url, rate=1, per=1, burst=10)
    first, _ = await a.reserve(cost=10)  # an upload: the whole burst at once
    assert first == 0.0
    after, _ = await b.reserve()  # the next worker waits about one interval
    assert 0.5 < after <= 1.0
    huge, _ = await a.reserve(cost=50)  # clamped to the bucket size, so it can still go
    assert huge <= 11.0
    for lim in (a, b):
        await lim.aclose()
