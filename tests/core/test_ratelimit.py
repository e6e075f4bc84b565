"""Limiter pacing (real time, small numbers) and the shared hold gate (fake clock)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from smartsuite._core.config import RateLimitConfig
from smartsuite._core.ratelimit import LocalRateLimit, shared_local_limiter
from smartsuite.smartsheet import SmartsheetClient
from tests.core.support import FakeClock


async def test_bucket_paces_to_the_configured_rate() -> None:
    limiter = LocalRateLimit(RateLimitConfig(rate=50, per=1, burst=5))
    stamps: list[float] = []
    start = time.monotonic()
    for _ in range(30):
        await limiter.acquire()
        stamps.append(time.monotonic() - start)
    # 5 at once, then 25 more at 50/s: at least ~0.45 s must pass (never faster than allowed)
    assert stamps[4] < 0.2
    assert stamps[-1] >= 0.4
    # in any 1-second window there are at most rate + burst acquisitions
    assert all(sum(1 for s in stamps if t <= s < t + 1) <= 55 for t in stamps)


async def test_every_attempt_takes_a_token(smartsuite_emulator) -> None:
    emu = smartsuite_emulator
    from smartsuite.emulator import Fault

    emu.smartsheet.faults.script(Fault.ERROR_4004, method="GET", times=2)
    from smartsuite._core.config import RetryConfig

    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        retry=RetryConfig(backoff_base=0.01, backoff_max=0.02, retry_error_codes=frozenset({4004})),
    ) as ss:
        costs = record_takes(ss._transport.limiter)
        await ss.sheets.list()
    assert len(costs) == 3


def record_takes(limiter: Any) -> list[int]:
    """The cost of every token taking of ``limiter``: the immediate ones (``take_now``, the
    transport's fast path) and the waiting ones (``acquire``)."""
    costs: list[int] = []
    take_now, acquire = limiter.take_now, limiter.acquire

    def taking(cost: int = 1) -> bool:
        taken: bool = take_now(cost)
        if taken:
            costs.append(cost)
        return taken

    async def acquiring(cost: int = 1) -> None:
        costs.append(cost)
        await acquire(cost)

    limiter.take_now, limiter.acquire = taking, acquiring
    return costs


async def test_hold_gate_delays_everyone() -> None:
    clock = FakeClock()
    limiter = LocalRateLimit(RateLimitConfig(rate=1000, per=1, burst=100), clock=clock)
    limiter.hold_for(12.5)
    await asyncio.gather(limiter.acquire(), limiter.acquire())
    assert clock.sleeps and clock.sleeps[0] == 12.5
    assert clock.monotonic() >= 12.5


def test_observe_slows_down_near_the_wall() -> None:
    clock = FakeClock()
    limiter = LocalRateLimit(RateLimitConfig(slow_down_remaining=2), clock=clock)
    limiter.observe(
        {"X-RateLimit-Remaining": "10", "X-RateLimit-Reset": str(int(clock.time()) + 30)}
    )
    assert limiter._hold_until == 0.0
    limiter.observe(
        {"X-RateLimit-Remaining": "1", "X-RateLimit-Reset": str(int(clock.time()) + 30)}
    )
    assert 29 <= limiter._hold_until <= 31


async def test_limiter_shared_per_credential() -> None:
    cfg = RateLimitConfig()
    a = shared_local_limiter("smartsheet", "fp1", cfg)
    b = shared_local_limiter("smartsheet", "fp1", cfg)
    c = shared_local_limiter("smartsheet", "fp2", cfg)
    assert a is b and a is not c


async def test_two_clients_with_one_token_share_a_bucket(smartsuite_emulator) -> None:
    emu = smartsuite_emulator
    async with (
        SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as one,
        SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as two,
    ):
        assert one._transport.limiter is two._transport.limiter


async def test_cost_takes_that_many_tokens() -> None:
    limiter = LocalRateLimit(RateLimitConfig(rate=1, per=1, burst=10))
    await limiter.acquire(cost=10)
    bucket = limiter._get_bucket()
    assert not bucket.has_capacity(1)
    # a cost above the bucket size is clamped, so the request can still be sent
    roomy = LocalRateLimit(RateLimitConfig(rate=1000, per=1, burst=5))
    await roomy.acquire(cost=50)
    assert not roomy._get_bucket().has_capacity(1)


async def test_smartsheet_uploads_and_cell_history_count_as_ten(smartsuite_emulator) -> None:
    from smartsuite.smartsheet import Column

    emu = smartsuite_emulator
    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        rate_limit=RateLimitConfig(rate=1000, per=1, burst=100),
    ) as ss:
        sheet = await ss.sheets.create("S", [Column(title="A", primary=True)])
        added = await ss.rows.add(sheet.id, [{"A": "x"}])
        row_id = added[0].value.id
        costs = record_takes(ss._transport.limiter)
        await ss.sheets.get(sheet.id)
        await ss.attachments.attach_to_sheet(sheet.id, b"hello", filename="a.txt")
        await ss.cells.history(sheet.id, row_id, sheet.columns[0].id).to_list()
    assert costs == [1, 10, 10]


async def test_ready_says_whether_acquire_would_give_tokens_without_waiting() -> None:
    from smartsuite._core.ratelimit import AdaptiveRateLimit

    clock = FakeClock()
    limiter = AdaptiveRateLimit(RateLimitConfig(rate=3, per=1000, burst=3), clock=clock)
    assert limiter.ready(2)  # the bucket keeps one token in reserve: 2 of 3
    await limiter.acquire(2)
    assert not limiter.ready(1)  # empty: acquire would wait, so the caller arms its deadline
    fresh = AdaptiveRateLimit(RateLimitConfig(rate=100, per=1, burst=100), clock=clock)
    fresh.hold_for(5.0)
    assert not fresh.ready()  # held
    clock.elapsed += 6.0
    assert fresh.ready()
    await fresh.acquire()  # after the 429 the learned pace spaces callers: the next must wait
    assert not fresh.ready()
    clock.elapsed += 1.0
    assert fresh.ready()


async def test_take_now_takes_only_what_acquire_would_give_without_waiting() -> None:
    from smartsuite._core.ratelimit import AdaptiveRateLimit

    clock = FakeClock()
    limiter = AdaptiveRateLimit(RateLimitConfig(rate=3, per=1000, burst=3), clock=clock)
    assert limiter.take_now(2)  # 2 of the 3 (one kept in reserve)
    assert not limiter.take_now(1)  # empty: nothing taken, the caller waits in acquire()
    assert not limiter._get_bucket().has_capacity(1)
    held = AdaptiveRateLimit(RateLimitConfig(rate=100, per=1, burst=100), clock=clock)
    held.hold_for(5.0)
    assert not held.take_now()  # held
    assert held._get_bucket().has_capacity(99)  # and nothing was taken
    clock.elapsed += 6.0
    # After the 429 the learned pace decides (acquire() spaces the callers), never take_now.
    assert not held.take_now()
    plain = LocalRateLimit(RateLimitConfig(rate=100, per=1, burst=100), clock=clock)
    assert plain.take_now(150)  # capped at the bucket, as acquire() does
    assert not plain.take_now()
