"""No value a server sends can hang the client, or the fleet.

A server-requested wait longer than ``max_wait_seconds`` is refused: the request that saw it
fails at once, nothing is held (locally or in Redis), it is logged once, and everyone else goes
on. Odd reset values are read sensibly or ignored. ``max_total_seconds`` is one deadline for
the whole call: limiter waits, the attempt in flight and every retry branch.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from aiohttp import web

from smartsuite._core import sansio
from smartsuite._core.config import RateLimitConfig, RetryConfig, Timeouts
from smartsuite._core.errors import (
    DecodeError,
    OutcomeUnknownError,
    RateLimitedError,
    RequestTimeoutError,
)
from tests.core.support import Answer, FakeClock, ScriptedServer, make_transport
from tests.core.support import server as server  # the scripted peer fixture

OK = Answer(200, {"ok": True})
NOW = 1_800_000_000.0


# -- the one pure check -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (str(NOW + 30), 30.0),  # epoch seconds, as documented
        (str((NOW + 30) * 1000), 30.0),  # above 1e11: epoch milliseconds
        ("12", 12.0),  # a delta
        ("inf", None),
        ("-inf", None),
        ("nan", None),
        ("soon", None),
        ("", None),
        ("1e400", None),  # overflows to inf
    ],
)
def test_reset_values(value: str, expected: float | None) -> None:
    got = sansio.parse_reset(value, now=NOW)
    assert got == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize("value", ["inf", "nan", "-nan", "1e999", "Thu, 99 Foo", "later"])
def test_retry_after_garbage_is_ignored(value: str) -> None:
    assert sansio.parse_retry_after(value, now=NOW) is None


def test_bound_wait() -> None:
    assert sansio.bound_wait(5.0, 60) == sansio.ServerWait(5.0)
    assert sansio.bound_wait(3600.0, 60) == sansio.ServerWait(refused=3600.0)
    for odd in (None, math.inf, math.nan, -1.0):
        assert sansio.bound_wait(odd, 60) == sansio.ServerWait()
    assert not sansio.holdable(math.inf) and not sansio.holdable(math.nan)


# -- waits longer than the cap ------------------------------------------------------------------


def warnings_about_waits(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "max_wait_seconds" in r.getMessage()]


async def test_too_long_retry_after_fails_at_once_and_holds_nobody(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="smartsuite")
    server.script(
        Answer(429, {"errorCode": 4003, "message": "Rate limit exceeded."}, {"Retry-After": "3600"})
    )
    retry = RetryConfig(max_wait_seconds=60)
    t = make_transport(server.url, retry=retry, rate=RateLimitConfig(rate=100, per=1, burst=10))
    started = time.monotonic()
    with pytest.raises(RateLimitedError):
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert time.monotonic() - started < 1.0 and len(server.seen) == 1
    # the other requests of that token, and a new client in the same process, go on
    again = time.monotonic()
    await t.request("GET", "/sheets")
    other = make_transport(server.url, retry=retry, rate=RateLimitConfig(rate=100, per=1, burst=10))
    await other.request("GET", "/sheets")
    assert time.monotonic() - again < 1.0
    assert t.limiter is other.limiter  # the same token's bucket: nothing was held in it
    assert len(warnings_about_waits(caplog)) == 1
    await t.aclose()
    await other.aclose()


async def test_reset_in_milliseconds_is_honoured(server: ScriptedServer) -> None:
    clock = FakeClock(epoch=NOW)
    reset_ms = int((NOW + 20) * 1000)
    server.script(
        Answer(429, {"message": "Too Many Requests"}, {"X-RateLimit-Reset": str(reset_ms)}), OK
    )
    t = make_transport(server.url, clock=clock)
    await t.request("GET", "/users")
    assert 20.0 <= sum(clock.sleeps) <= 21.5
    await t.aclose()


async def test_far_reset_in_milliseconds_is_refused(server: ScriptedServer) -> None:
    reset_ms = int((NOW + 7200) * 1000)
    server.script(
        Answer(429, {"message": "Too Many Requests"}, {"X-RateLimit-Reset": str(reset_ms)})
    )
    t = make_transport(
        server.url, clock=FakeClock(epoch=NOW), retry=RetryConfig(max_wait_seconds=600)
    )
    with pytest.raises(RateLimitedError):
        await t.request("GET", "/users")
    assert len(server.seen) == 1
    await t.aclose()


@pytest.mark.parametrize("value", ["inf", "nan", "garbage"])
async def test_odd_retry_after_falls_back_to_backoff(server: ScriptedServer, value: str) -> None:
    clock = FakeClock()
    server.script(Answer(429, {"errorCode": 4003, "message": "x"}, {"Retry-After": value}), OK)
    t = make_transport(server.url, clock=clock, retry=RetryConfig(backoff_base=0.5))
    await t.request("GET", "/x")
    assert len(clock.sleeps) == 1 and clock.sleeps[0] <= 1.0
    await t.aclose()


async def test_low_remaining_with_a_far_reset_holds_nobody(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="smartsuite")
    far = str(int(time.time() + 86_400 * 3))
    low = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": far}
    server.script(Answer(200, {}, low), Answer(200, {}, low), OK)
    t = make_transport(server.url, retry=RetryConfig(max_wait_seconds=60))
    started = time.monotonic()
    for _ in range(3):
        await t.request("GET", "/users")
    assert time.monotonic() - started < 1.0
    assert len(warnings_about_waits(caplog)) == 1  # logged once per client, not per answer
    await t.aclose()


async def test_low_remaining_with_a_near_reset_still_slows_down(server: ScriptedServer) -> None:
    clock = FakeClock(epoch=NOW)
    low = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW + 5))}
    server.script(Answer(200, {}, low), OK)
    t = make_transport(server.url, clock=clock)
    await t.request("GET", "/users")
    await t.request("GET", "/users")
    assert 4.0 <= sum(clock.sleeps) <= 5.5
    await t.aclose()


# -- the same across workers, in Redis ----------------------------------------------------------


@pytest.fixture
def redis_url() -> Iterator[str]:
    pytest.importorskip("redis")
    from tests.redis.support import RedisServer

    redis = RedisServer()
    redis.start()
    try:
        yield redis.url
    finally:
        redis.stop()


async def test_too_long_wait_is_not_held_in_redis(server: ScriptedServer, redis_url: str) -> None:
    import redis.asyncio

    from smartsuite.redis import RedisRateLimit

    server.script(Answer(429, {"errorCode": 4003, "message": "x"}, {"Retry-After": "5000"}))
    first = RedisRateLimit(redis_url, key="waits", rate=100, per=1, burst=10)
    second = RedisRateLimit(redis_url, key="waits", rate=100, per=1, burst=10)
    t = make_transport(server.url, retry=RetryConfig(max_wait_seconds=60))
    t._shared.rate_limit = first
    with pytest.raises(RateLimitedError):
        await t.request("GET", "/x")
    await first.flush()
    raw = redis.asyncio.Redis.from_url(redis_url)
    try:
        assert await raw.get("{waits}:hold") is None
    finally:
        await raw.aclose()
    started = time.monotonic()
    for _ in range(5):  # another worker on the same key keeps its normal pace
        await second.acquire()
    assert time.monotonic() - started < 1.0
    assert first.stats.holds == 0
    await t.aclose()
    await first.aclose()
    await second.aclose()


# -- one deadline per call ----------------------------------------------------------------------


@pytest.fixture
async def drip() -> AsyncIterator[str]:
    """A hostile server: answers 200 at once, then sends one body byte every 0.2 s, for 30 s.
    Each byte resets a read timeout, so only a deadline on the whole call ends it."""

    async def handle(request: web.Request) -> web.StreamResponse:
        await request.read()
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.content_length = 150
        await response.prepare(request)
        for _ in range(150):
            await response.write(b" ")
            await asyncio.sleep(0.2)
        return response

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/api"
    await runner.cleanup()


@pytest.mark.parametrize(
    ("method", "error"), [("GET", RequestTimeoutError), ("POST", OutcomeUnknownError)]
)
async def test_slow_drip_is_cut_at_the_call_deadline(
    drip: str, method: str, error: type[Exception]
) -> None:
    t = make_transport(
        drip,
        retry=RetryConfig(max_total_seconds=1.5),
        timeouts=Timeouts(total=120, connect=5, read=60),
    )
    started = time.monotonic()
    with pytest.raises(error):
        await t.request(method, "/slow", json={} if method == "POST" else None)
    assert time.monotonic() - started < 2.5
    await t.aclose()


async def test_limiter_wait_is_inside_the_deadline(server: ScriptedServer) -> None:
    t = make_transport(server.url, retry=RetryConfig(max_total_seconds=0.5))
    t.limiter.hold_for(120)  # as after a 429 seen by another request of the token
    started = time.monotonic()
    with pytest.raises(RequestTimeoutError, match="nothing was sent"):
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert time.monotonic() - started < 1.5 and server.seen == []
    await t.aclose()


async def test_unreadable_2xx_retries_stop_at_the_deadline(server: ScriptedServer) -> None:
    clock = FakeClock()
    page = Answer(200, "<html>oops</html>", content_type="text/html")
    server.script(*[page] * 10)
    t = make_transport(
        server.url,
        clock=clock,
        retry=RetryConfig(max_attempts=10, max_total_seconds=5, backoff_base=2, backoff_max=2),
    )
    with pytest.raises(DecodeError):
        await t.request("GET", "/sheets/1")
    assert sum(clock.sleeps) <= 5 and len(server.seen) < 10
    await t.aclose()
