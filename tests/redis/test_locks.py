"""RedisWriteLocks against a real redis-server."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from smartsuite._core.bulk import Outcome
from smartsuite._core.config import RateLimitConfig
from smartsuite._core.errors import ConfigurationError
from smartsuite.redis import (
    LeaseLostError,
    LockTimeoutError,
    RedisUnavailableError,
    RedisWriteLocks,
)
from smartsuite.smartsheet import Column, SmartsheetClient
from tests.redis.support import RedisServer, overlapping_writes


@pytest.mark.parametrize(
    ("kwargs", "names"),
    [
        ({"lease": 0}, "lease"),
        ({"lease": 1, "renew_every": 1}, "renew_every"),
        ({"wait_timeout": 0}, "wait_timeout"),
        ({"prefix": ""}, "prefix"),
    ],
)
def test_bad_settings_are_named(kwargs: dict[str, Any], names: str) -> None:
    with pytest.raises(ConfigurationError, match=names):
        RedisWriteLocks("redis://127.0.0.1:6379/0", **kwargs)


async def test_startup_check_names_url_without_password() -> None:
    down = RedisServer(password="hunter2")
    locks = RedisWriteLocks(down.url)
    assert "hunter2" not in repr(locks)
    with pytest.raises(RedisUnavailableError) as info:
        await locks.check()
    assert f"127.0.0.1:{down.port}" in str(info.value)
    assert "write locks" in str(info.value)
    assert "hunter2" not in str(info.value)
    with pytest.raises(RedisUnavailableError):
        async with locks.hold("sheet:1"):
            pass


async def test_workers_take_turns_with_growing_tokens(redis_server: RedisServer) -> None:
    # Two lock objects, two connections: two workers.
    a, b = RedisWriteLocks(redis_server.url), RedisWriteLocks(redis_server.url)
    events: list[tuple[str, str, int]] = []

    async def work(locks: RedisWriteLocks, name: str) -> None:
        for _ in range(3):
            async with locks.lease("sheet:7") as lease:
                events.append(("in", name, lease.token))
                await asyncio.sleep(0.02)
                events.append(("out", name, lease.token))

    await asyncio.gather(work(a, "a"), work(b, "b"))
    assert len(events) == 12
    for i in range(0, 12, 2):
        assert events[i][0] == "in" and events[i + 1][0] == "out"
        assert events[i][1:] == events[i + 1][1:]
    tokens = [t for kind, _, t in events if kind == "in"]
    assert tokens == sorted(tokens) and len(set(tokens)) == 6


async def test_other_keys_do_not_wait(redis_server: RedisServer) -> None:
    a, b = RedisWriteLocks(redis_server.url), RedisWriteLocks(redis_server.url, wait_timeout=0.5)
    async with a.hold("sheet:1"), b.hold("sheet:2"):
        pass


async def test_waiting_too_long_is_a_lock_timeout(redis_server: RedisServer) -> None:
    a = RedisWriteLocks(redis_server.url)
    b = RedisWriteLocks(redis_server.url, wait_timeout=0.3)
    async with a.hold("sheet:9"):
        with pytest.raises(LockTimeoutError, match="sheet:9") as info:
            async with b.hold("sheet:9"):
                pass
    assert info.value.key == "sheet:9"


async def test_reentrant_in_one_task(redis_server: RedisServer) -> None:
    locks = RedisWriteLocks(redis_server.url, wait_timeout=0.3)
    async with locks.lease("sheet:3") as outer:
        assert locks.current("sheet:3") is outer
        async with locks.lease("sheet:3") as inner:
            assert inner is outer
        await outer.ensure()  # the inner exit did not release it
    assert locks.current("sheet:3") is None


async def test_renewal_keeps_the_lock_past_its_lease(
    redis_server: RedisServer, redis_raw: Any
) -> None:
    a = RedisWriteLocks(redis_server.url, lease=0.3)
    b = RedisWriteLocks(redis_server.url, lease=0.3, wait_timeout=0.2)
    async with a.lease("sheet:4") as lease:
        await asyncio.sleep(0.9)
        await lease.ensure()
        with pytest.raises(LockTimeoutError):
            async with b.hold("sheet:4"):
                pass
    assert await redis_raw.exists(a.redis_key("sheet:4")) == 0  # released


async def test_lost_lease_cancels_the_block(redis_server: RedisServer, redis_raw: Any) -> None:
    locks = RedisWriteLocks(redis_server.url, lease=0.6, renew_every=0.1)
    rkey = locks.redis_key("sheet:5")
    with pytest.raises(LeaseLostError, match="fencing token 1") as info:
        async with locks.lease("sheet:5") as lease:
            await lease.ensure()
            await redis_raw.set(rkey, "another-worker:2")  # as if our lease ran out
            with pytest.raises(LeaseLostError):
                await lease.ensure()
            await asyncio.sleep(5)
    assert info.value.key == "sheet:5" and info.value.token == 1
    assert lease.lost
    assert await redis_raw.get(rkey) == b"another-worker:2"  # release left theirs alone
    current = asyncio.current_task()
    assert current is not None and current.cancelling() == 0


async def test_outside_cancellation_stays_a_cancellation(redis_server: RedisServer) -> None:
    locks = RedisWriteLocks(redis_server.url)

    async def body() -> None:
        async with locks.hold("sheet:6"):
            await asyncio.sleep(5)

    task = asyncio.create_task(body())
    await asyncio.sleep(0.1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with RedisWriteLocks(redis_server.url, wait_timeout=0.3).hold("sheet:6"):
        pass  # released on cancellation


async def make_sheet(ss: SmartsheetClient) -> int:
    sheet = await ss.sheets.create(
        "Locked", [Column(title="Key", type="TEXT_NUMBER", primary=True)]
    )
    assert sheet.id is not None
    return sheet.id


def rows(prefix: str, count: int) -> list[dict[str, Any]]:
    return [{"Key": f"{prefix}-{i}"} for i in range(count)]


async def test_shared_locks_keep_two_clients_serial_over_http(
    redis_server: RedisServer, smartsuite_emulator: Any
) -> None:
    emu = smartsuite_emulator
    emu.smartsheet.faults.latency = 0.03

    def client(**options: Any) -> SmartsheetClient:
        fast = RateLimitConfig(rate=1000, per=1, burst=100)
        return SmartsheetClient(
            emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=fast, **options
        )

    # Without shared locks, two workers' batches to one sheet overlap (errorCode 4004) ...
    async with client() as a, client() as b:
        sheet_id = await make_sheet(a)
        await asyncio.gather(
            a.rows.add(sheet_id, rows("a", 50), batch_size=5),
            b.rows.add(sheet_id, rows("b", 50), batch_size=5),
        )
    assert overlapping_writes(emu.smartsheet.log) > 0

    # ... with Redis locks they take turns.
    emu.smartsheet.log.clear()
    emu.smartsheet.overlapping_writes = 0
    async with (
        client(write_locks=RedisWriteLocks(redis_server.url)) as a,
        client(write_locks=RedisWriteLocks(redis_server.url)) as b,
    ):
        sheet_id = await make_sheet(a)
        results = await asyncio.gather(
            a.rows.add(sheet_id, rows("a", 50), batch_size=5),
            b.rows.add(sheet_id, rows("b", 50), batch_size=5),
        )
        assert all(r.ok for r in results)
    assert sum(1 for e in emu.smartsheet.log if e.write_key == f"sheet:{sheet_id}") == 20
    assert overlapping_writes(emu.smartsheet.log) == 0
    assert emu.smartsheet.overlapping_writes == 0


async def test_lease_lost_mid_request_marks_batch_unknown(
    redis_server: RedisServer, redis_raw: Any, smartsuite_emulator: Any
) -> None:
    emu = smartsuite_emulator
    locks = RedisWriteLocks(redis_server.url, lease=0.6, renew_every=0.1)
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, write_locks=locks
    ) as ss:
        sheet_id = await make_sheet(ss)
        emu.smartsheet.faults.latency = 1.0
        adding = asyncio.create_task(ss.rows.add(sheet_id, rows("x", 3)))
        rkey = locks.redis_key(f"sheet:{sheet_id}")
        for _ in range(200):  # until the batch holds the lock (it reads the columns first)
            if await redis_raw.exists(rkey):
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)  # the POST is at the server now
        await redis_raw.set(rkey, "another-worker:99", px=5000)
        result = await adding
    assert [r.outcome for r in result] == [Outcome.UNKNOWN] * 3
    assert all(isinstance(r.error, LeaseLostError) for r in result)
