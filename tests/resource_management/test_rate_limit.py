"""429 handling: wait until X-RateLimit-Reset, then succeed; slow down before the wall."""

from __future__ import annotations

import time

import pytest

from smartsuite._core.clock import SystemClock
from smartsuite._core.config import RateLimitConfig, RetryConfig
from smartsuite._core.errors import RateLimitedError
from smartsuite.emulator import Emulator
from smartsuite.emulator.faults import Fault
from smartsuite.resource_management import ResourceManagementClient


class RecordingClock(SystemClock):
    """The real clock, noting when each sleep started (wall time) and how long it was."""

    def __init__(self) -> None:
        self.sleeps: list[tuple[float, float]] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append((time.time(), seconds))
        await super().sleep(seconds)


async def test_429_waits_until_reset_then_succeeds(emu: Emulator) -> None:
    clock = RecordingClock()
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url, clock=clock) as rm:
        await rm.users.create(first_name="A", last_name="B")
        emu.rm.faults.script(Fault.RATE_LIMIT, method="GET", path_contains="/users")
        users = await rm.users.list().to_list()
    assert [u.first_name for u in users] == ["A"]
    statuses = [e.status for e in emu.rm.log if e.method == "GET"]
    assert statuses == [429, 200]
    assert emu.rm.last_reset is not None
    assert rm.stats.rate_limited == 1
    server_waits = [(start, s) for start, s in clock.sleeps if s > 0]
    assert server_waits, "the client never waited"
    started, seconds = server_waits[-1]
    assert started + seconds >= emu.rm.last_reset  # slept until the announced reset


async def test_429_retries_are_bounded(emu: Emulator) -> None:
    retry = RetryConfig(max_attempts=2, max_total_seconds=30)
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url, retry=retry) as rm:
        emu.rm.faults.script(Fault.RATE_LIMIT, times=5)
        with pytest.raises(RateLimitedError, match="Too Many Requests"):
            await rm.users.list()
    assert [e.status for e in emu.rm.log] == [429, 429]


async def test_remaining_headers_slow_the_client_before_the_wall(emu: Emulator) -> None:
    emu.rm.faults.rate_limit = 4.0  # four requests a second, one at a time
    emu.rm.faults.burst = 1
    pace = RateLimitConfig(rate=1000, per=1, burst=100, slow_down_remaining=0)
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url, rate_limit=pace) as rm:
        for n in range(3):
            await rm.users.create(first_name=f"U{n}", last_name="X")
    assert [e.status for e in emu.rm.log] == [200, 200, 200]
    assert rm.stats.rate_limited == 0


async def test_success_answers_carry_rate_limit_headers(emu: Emulator) -> None:
    emu.rm.faults.rate_limit = 100.0
    emu.rm.faults.burst = 5
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url) as rm:
        response = await rm.users._request("GET", "/users")
    assert response.headers["X-RateLimit-Limit"] == "6000"
    assert int(response.headers["X-RateLimit-Remaining"]) == 4
    assert int(response.headers["X-RateLimit-Reset"]) >= int(time.time())
