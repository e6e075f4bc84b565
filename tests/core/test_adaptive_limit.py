"""The adaptive limiter: its rules without a loop, then its behaviour over HTTP against the
emulator's rate limit (a server that accepts less than the client is configured for)."""

from __future__ import annotations

import asyncio

import pytest

from smartsuite._core.adaptive import AdaptivePace, PaceGate
from smartsuite._core.config import RateLimitConfig, RetryConfig
from smartsuite._core.ratelimit import AdaptiveRateLimit, LocalRateLimit, shared_local_limiter
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from tests.core.support import FakeClock


def saturate(pace: AdaptivePace, start: float, seconds: float, rate: float) -> float:
    """The server accepted ``rate`` per second from ``start`` for ``seconds``; the end time."""
    pace.on_accepted(round(rate * seconds))
    return start + seconds


def test_the_configured_rate_holds_until_a_429() -> None:
    pace = AdaptivePace(10.0)
    pace.on_accepted(500)
    assert pace.rate(100.0) == 10.0
    assert not pace.adapted(100.0)


def test_a_first_429_cuts_a_little_and_later_ones_inside_the_cooldown_do_nothing() -> None:
    pace = AdaptivePace(10.0)
    assert pace.on_rejected(5.0)
    assert pace.rate(5.0) == pytest.approx(9.8)
    assert not pace.on_rejected(5.5)  # sent at the old rate
    assert pace.rate(5.5) == pytest.approx(9.8)
    assert pace.cuts == 1


@pytest.mark.parametrize("margin", [0.0, 0.01])
def test_a_later_429_settles_at_the_rate_the_server_accepted(margin: float) -> None:
    pace = AdaptivePace(10.0, margin=margin)
    pace.on_rejected(0.0)
    now = saturate(pace, 0.0, 10.0, 8.0)  # the server took 8/s since the first cut
    assert pace.on_rejected(now)
    assert pace.rate(now) == pytest.approx(8.0 * (1 - pace.margin))
    assert pace.adapted(now)


def test_one_cut_never_more_than_halves_the_rate_nor_goes_under_the_floor() -> None:
    pace = AdaptivePace(10.0)
    pace.on_rejected(0.0)
    now = saturate(pace, 0.0, 10.0, 0.1)  # a quiet spell reads as a tiny limit
    before = pace.rate(now)
    pace.on_rejected(now)
    assert pace.rate(now) == pytest.approx(before * 0.5)
    for step in range(1, 30):
        pace.on_rejected(now + 2.0 * step)  # nothing accepted at all
    assert pace.rate(now + 60) >= 10.0 * pace.floor_share


def test_the_rate_climbs_back_slowly_then_faster_and_forgets_the_cut() -> None:
    pace = AdaptivePace(10.0)
    pace.on_rejected(0.0)
    now = saturate(pace, 0.0, 5.0, 6.0)
    pace.on_rejected(now)
    settled = pace.rate(now)
    assert settled == pytest.approx(6.0 * (1 - pace.margin))
    assert pace.rate(now + pace.cooldown) == pytest.approx(settled)
    first = pace.rate(now + pace.cooldown + 5) - settled
    second = pace.rate(now + pace.cooldown + 10) - pace.rate(now + pace.cooldown + 5)
    assert 0 < first < second  # accelerating
    assert pace.rate(now + 120) == 10.0
    assert pace.base is None


def test_a_cut_long_ago_is_not_a_measurement() -> None:
    pace = AdaptivePace(10.0)
    pace.on_rejected(0.0)
    now = saturate(pace, 0.0, 100.0, 1.0)  # past max_window
    assert pace.rate(now) == 10.0
    pace.on_rejected(now)
    assert pace.rate(now) == pytest.approx(9.8)  # a first cut, not 1/s measured


def test_the_ceiling_must_be_positive() -> None:
    with pytest.raises(ValueError, match="ceiling"):
        AdaptivePace(0.0)


def test_the_gate_spaces_callers_and_honours_holds() -> None:
    gate = PaceGate()
    assert gate.reserve(0.0, 4.0) == 0.0
    assert gate.reserve(0.0, 4.0) == pytest.approx(0.25)
    assert gate.reserve(0.0, 4.0, cost=2) == pytest.approx(0.5)
    assert gate.reserve(5.0, 4.0) == 0.0  # idle time is not saved up as a burst
    gate.push_past(7.0)
    assert gate.reserve(6.0, 4.0) == pytest.approx(1.0)


async def test_the_limiter_counts_429s_and_not_its_own_slow_down() -> None:
    clock = FakeClock()
    config = RateLimitConfig(rate=10, per=1, burst=10, slow_down_remaining=1)
    limiter = AdaptiveRateLimit(config, clock=clock)
    limiter.observe({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(clock.time()) + 2)})
    assert limiter.pace.cuts == 0 and limiter.pace.accepted == 1  # our own hold, not a 429
    limiter.observe({"Retry-After": "0.2"})
    limiter.hold_for(0.2)  # the transport, after that 429
    assert limiter.pace.cuts == 1 and limiter.pace.accepted == 1
    assert "learned=9.8" in repr(limiter)
    clock.elapsed += 3.0
    sleeps = len(clock.sleeps)
    rate = limiter.pace.rate(clock.monotonic())
    assert 9.8 < rate < 10.0  # climbing back
    await limiter.acquire()
    await limiter.acquire()
    assert clock.sleeps[sleeps:] == [pytest.approx(1 / rate)]  # paced, no burst


def test_clients_built_from_a_config_get_the_adaptive_limiter() -> None:
    config = RateLimitConfig(rate=10, per=1)
    assert isinstance(shared_local_limiter("smartsheet", "x", config), AdaptiveRateLimit)


async def write_burst(emu: Emulator, limiter: LocalRateLimit, seconds: float) -> tuple[int, int]:
    """Four tasks GET as fast as the limiter lets them for ``seconds``: (accepted, 429s)."""
    before = len(emu.smartsheet.log)
    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        rate_limit=limiter,
        retry=RetryConfig(max_attempts=50, max_total_seconds=30),
    ) as ss:
        loop = asyncio.get_running_loop()
        stop = loop.time() + seconds

        async def worker() -> None:
            while loop.time() < stop:
                await ss.sheets.list()

        await asyncio.gather(*(worker() for _ in range(4)))
    log = emu.smartsheet.log[before:]
    limited = sum(1 for e in log if e.status == 429)
    return len(log) - limited, limited


async def test_over_http_it_settles_at_the_rate_the_server_accepts(
    smartsuite_emulator: Emulator,
) -> None:
    emu = smartsuite_emulator
    emu.smartsheet.faults.rate_limit = 20.0
    emu.smartsheet.faults.burst = 2
    config = RateLimitConfig(rate=40, per=1, burst=2)
    fixed = await write_burst(emu, LocalRateLimit(config), 2.0)
    await asyncio.sleep(0.2)  # the server's bucket refills
    adaptive = AdaptiveRateLimit(config)
    await write_burst(emu, adaptive, 1.5)  # meets the lower limit and learns it
    accepted, limited = await write_burst(emu, adaptive, 2.0)
    learned = adaptive.pace.rate(asyncio.get_running_loop().time())
    # The fixed limiter keeps offering 40/s and meets a 429 about every other request; the
    # adaptive one has learned about 20/s and stays under it.
    assert fixed[1] > 15
    assert limited <= 3
    assert 14.0 <= learned <= 20.5
    assert accepted >= 25


def test_accepted_answers_are_counted_in_cost_units_like_the_bucket() -> None:
    limiter = AdaptiveRateLimit(RateLimitConfig(rate=100, per=1, burst=100), clock=FakeClock())
    limiter.observe({}, 10)  # an upload
    limiter.observe({})
    assert limiter.pace.accepted == 11
    limiter.observe({"Retry-After": "1"}, 10)  # an upload answered 429 ...
    limiter.hold_for(1.0, 10)  # ... which the transport reports: its 10 are taken back out
    assert limiter.pace.accepted == 11 and limiter.pace.cuts == 1
    limiter.observe({}, 0)  # a request never counts less than one unit
    assert limiter.pace.accepted == 12


def test_the_measured_rate_is_in_the_units_the_bucket_paces() -> None:
    # 3 uploads (cost 10) and 10 reads a second accepted since the first cut: 40 units/s,
    # which is what a 40/s bucket spends; counting requests would read 13/s and cut to half.
    pace = AdaptivePace(50.0)
    pace.on_rejected(0.0)
    for _ in range(10):  # ten seconds
        for _ in range(3):
            pace.on_accepted(10)
        pace.on_accepted(10 * 1)
    pace.on_rejected(10.0)
    assert pace.rate(10.0) == pytest.approx(40.0)


async def test_over_http_uploads_count_their_declared_cost(smartsuite_emulator: Emulator) -> None:
    from smartsuite.emulator import Fault
    from smartsuite.smartsheet import Column

    emu = smartsuite_emulator
    limiter = AdaptiveRateLimit(RateLimitConfig(rate=1000, per=1, burst=100))
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=limiter
    ) as ss:
        sheet = await ss.sheets.create("Costs", [Column(title="A", primary=True)])
        assert sheet.id is not None
        start = limiter.pace.accepted
        await ss.sheets.get(sheet.id)
        await ss.attachments.attach_to_sheet(sheet.id, b"one", filename="a.txt")
        assert limiter.pace.accepted - start == 1 + 10
        # a 429 to an upload (documented as not applied): its 10 units are not accepted
        emu.smartsheet.faults.script(Fault.RATE_LIMIT, method="POST", path_contains="attach")
        await ss.attachments.attach_to_sheet(sheet.id, b"two", filename="b.txt")
        assert limiter.pace.accepted - start == 1 + 10 + 10
        assert limiter.pace.cuts == 1
