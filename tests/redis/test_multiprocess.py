"""Several worker processes share one token's limit and one sheet's lock through Redis.

The workers are separate Python processes (``tests/redis/worker.py``) talking to one emulator
served by this test's event loop; the emulator's request log is the judge.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from smartsuite.emulator import Emulator
from smartsuite.emulator.base import LoggedRequest
from smartsuite.smartsheet import Column, SmartsheetClient
from tests.redis.support import RedisServer, overlapping_writes

ROOT = Path(__file__).resolve().parents[2]
RATE = 20  # requests per second, for all workers together
BURST = 5


async def spawn(mode: str, cfg: dict[str, Any]) -> asyncio.subprocess.Process:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.redis.worker",
        mode,
        json.dumps(cfg),
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def make_sheets(emu: Emulator, count: int) -> list[tuple[int, int]]:
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        out = []
        for i in range(count):
            sheet = await ss.sheets.create(
                f"Shared {i}", [Column(title="Key", type="TEXT_NUMBER", primary=True)]
            )
            assert sheet.id is not None and sheet.columns and sheet.columns[0].id is not None
            out.append((sheet.id, sheet.columns[0].id))
    return out


def busiest_second(log: list[LoggedRequest]) -> int:
    """The most requests that arrived within any half-open window of one second."""
    starts = sorted(e.started for e in log)
    best, lo = 0, 0
    for hi, t in enumerate(starts):
        while starts[lo] <= t - 1.0:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


async def run_load(redis_url: str, seconds: float, workers: int = 4) -> dict[str, Any]:
    async with Emulator() as emu:
        sheets = await make_sheets(emu, 4)
        # The emulator enforces the same limit per token, so going over it would show as 429s.
        emu.smartsheet.faults.rate_limit = RATE
        emu.smartsheet.faults.burst = BURST
        emu.smartsheet.log.clear()
        start_at = time.time() + 3.0  # every worker imported and connected by then
        cfg = {
            "redis_url": redis_url,
            "base_url": emu.smartsheet_url,
            "token": emu.smartsheet_token,
            "key": "shared-token",
            "rate": RATE,
            "burst": BURST,
            "sheets": sheets,
            "seconds": seconds,
            "start_at": start_at,
        }
        procs = [await spawn("load", {**cfg, "name": f"w{i}"}) for i in range(workers)]
        outputs = await asyncio.wait_for(
            asyncio.gather(*(p.communicate() for p in procs)), timeout=seconds + 60
        )
        for proc, (_, err) in zip(procs, outputs, strict=True):
            assert proc.returncode == 0, err.decode()[-2000:]
        reports = [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in outputs]
        log = list(emu.smartsheet.log)
        span = max(e.started for e in log) - min(e.started for e in log)
        return {
            "workers": workers,
            "seconds": seconds,
            "requests": len(log),
            "rate": len(log) / span,
            "busiest_second": busiest_second(log),
            "429s": sum(1 for e in log if e.status == 429),
            "overlaps": overlapping_writes(log),
            "service_overlaps": emu.smartsheet.overlapping_writes,
            "writes": sum(1 for e in log if e.write_key is not None),
            "reports": reports,
        }


def check_load(figures: dict[str, Any]) -> None:
    print(
        f"\n{figures['workers']} processes x {figures['seconds']:g} s, limit {RATE}/s burst "
        f"{BURST}: {figures['requests']} requests, {figures['rate']:.2f} req/s achieved, "
        f"busiest second {figures['busiest_second']}, 429s {figures['429s']}, overlapping "
        f"writes {figures['overlaps']}"
    )
    assert figures["busiest_second"] <= RATE + BURST
    assert figures["overlaps"] == 0 and figures["service_overlaps"] == 0
    assert figures["writes"] > 0
    assert all(r["requests"] > 0 and r["landed"] > 0 for r in figures["reports"])
    assert sum(r["attempts"] for r in figures["reports"]) == figures["requests"]


async def test_four_processes_share_the_limit(redis_server: RedisServer) -> None:
    check_load(await run_load(redis_server.url, seconds=3))


@pytest.mark.slow
async def test_four_processes_share_the_limit_for_15_seconds(redis_server: RedisServer) -> None:
    check_load(await run_load(redis_server.url, seconds=15))


async def read_event(proc: asyncio.subprocess.Process, event: str) -> dict[str, Any]:
    assert proc.stdout is not None
    seen = []
    for _ in range(100):
        line = await asyncio.wait_for(proc.stdout.readline(), timeout=30)
        if not line:
            break
        data = json.loads(line)
        seen.append(data)
        if data.get("event") == event:
            return data
    err = await proc.stderr.read() if proc.stderr else b""
    raise AssertionError(f"no {event!r} event; saw {seen}; stderr: {err.decode()[-2000:]}")


@pytest.mark.parametrize("crash_point", ["before", "after"])
async def test_killed_holder_frees_the_sheet_after_its_lease(
    redis_server: RedisServer, redis_raw: Any, crash_point: str
) -> None:
    lease = 1.0
    async with Emulator() as emu:
        [(sheet_id, column_id)] = await make_sheets(emu, 1)
        cfg = {
            "redis_url": redis_server.url,
            "base_url": emu.smartsheet_url,
            "token": emu.smartsheet_token,
            "sheet_id": sheet_id,
            "column_id": column_id,
            "batches": [0, 1, 2, 3],
            "batch_size": 7,
            "lease": lease,
        }
        a = await spawn("job", {**cfg, "name": "a", "crash_at": 1, "crash_point": crash_point})
        holding = await read_event(a, "holding")
        b = await spawn("job", {**cfg, "name": "b"})
        await read_event(b, "ready")
        await asyncio.sleep(0.3)  # b is waiting for the lock now

        rkey = f"{{smartsuite:lock:sheet:{sheet_id}}}:lock"
        value = await redis_raw.get(rkey)
        assert value is not None and value.endswith(f":{holding['token']}".encode())
        assert await redis_raw.pttl(rkey) > 0
        sec, usec = await redis_raw.time()
        killed_at = sec + usec / 1e6
        a.send_signal(signal.SIGKILL)
        await a.wait()

        out, err = await asyncio.wait_for(b.communicate(), timeout=60)
        assert b.returncode == 0, err.decode()[-2000:]
        b_events = [json.loads(line) for line in out.decode().splitlines()]

        async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
            sheet = await ss.sheets.get(sheet_id)
        log = list(emu.smartsheet.log)

    # b took the lock only once a was dead and its lease had run out, with a larger token.
    acquired = [e for e in b_events if e["event"] == "acquired"]
    assert acquired[0]["at"] >= killed_at
    assert acquired[0]["token"] > holding["token"]
    assert [e["token"] for e in acquired] == sorted({e["token"] for e in acquired})
    # No batch written twice: every key exactly once.
    values = [c.value for r in sheet.rows or () for c in r.cells or ()]
    expected = [f"b{batch}-{i}" for batch in range(4) for i in range(7)]
    assert sorted(values) == sorted(expected)
    written_by_b = {e["batch"]: e["rows"] for e in b_events if e["event"] == "written"}
    assert written_by_b == {0: 0, 1: 7 if crash_point == "before" else 0, 2: 7, 3: 7}
    assert overlapping_writes(log) == 0
