"""A worker process for the multi-process tests: ``python -m tests.redis.worker MODE JSON``.

Modes:
    load: add rows to the given sheets (and read some back) for ``seconds``, through a
        RedisRateLimit and RedisWriteLocks, then print one JSON line of counters.
    job: write numbered batches of keyed rows to one sheet, each under the sheet's lease,
        skipping keys the sheet already holds; print one JSON line per event. With
        ``crash_at`` it stops inside the lease of that batch (before or after its write)
        and waits to be killed.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

from smartsuite.redis import RedisRateLimit, RedisWriteLocks
from smartsuite.smartsheet import Cell, Row, SmartsheetClient


def emit(**event: Any) -> None:
    print(json.dumps(event), flush=True)


async def load(cfg: dict[str, Any]) -> None:
    limiter = RedisRateLimit(
        cfg["redis_url"], key=cfg["key"], rate=cfg["rate"], per=1, burst=cfg["burst"]
    )
    locks = RedisWriteLocks(cfg["redis_url"], lease=cfg.get("lease", 5.0))
    sheets: list[tuple[int, int]] = [tuple(s) for s in cfg["sheets"]]  # (sheet id, column id)
    landed = 0
    async with (
        limiter,
        SmartsheetClient(
            cfg["token"], base_url=cfg["base_url"], rate_limit=limiter, write_locks=locks
        ) as ss,
    ):
        await locks.check()
        await asyncio.sleep(max(0.0, cfg["start_at"] - time.time()))
        deadline = time.monotonic() + cfg["seconds"]

        async def loop(n: int) -> None:
            nonlocal landed
            for i in range(1_000_000):
                if time.monotonic() >= deadline:
                    return
                sheet_id, column_id = sheets[(n + i) % len(sheets)]
                rows = [
                    Row(cells=[Cell(column_id=column_id, value=f"{cfg['name']}-{n}-{i}-{j}")])
                    for j in range(cfg.get("rows_per_batch", 5))
                ]
                result = await ss.rows.add(sheet_id, rows)
                landed += len(result.landed)
                values = result.values()
                if i % 2 == 1 and values and values[0].id is not None:
                    await ss.rows.get(sheet_id, values[0].id)

        await asyncio.gather(*(loop(n) for n in range(cfg.get("concurrency", 4))))
        emit(
            name=cfg["name"],
            requests=ss.stats.requests,
            attempts=ss.stats.attempts,
            rate_limited=ss.stats.rate_limited,
            landed=landed,
            reservations=limiter.stats.reservations,
            holds=limiter.stats.holds,
        )


async def job(cfg: dict[str, Any]) -> None:
    locks = RedisWriteLocks(cfg["redis_url"], lease=cfg["lease"], renew_every=cfg["lease"] / 4)
    sheet_id, column_id = cfg["sheet_id"], cfg["column_id"]
    size = cfg["batch_size"]
    async with SmartsheetClient(cfg["token"], base_url=cfg["base_url"], write_locks=locks) as ss:
        await locks.check()
        emit(event="ready", name=cfg["name"])
        for batch in cfg["batches"]:
            keys = [f"b{batch}-{i}" for i in range(size)]
            async with locks.lease(f"sheet:{sheet_id}") as lease:
                emit(event="acquired", batch=batch, token=lease.token, at=lease.acquired_at)
                sheet = await ss.sheets.get(sheet_id)
                present = {c.value for r in sheet.rows or () for c in r.cells or ()}
                todo = [k for k in keys if k not in present]
                crash = cfg.get("crash_at") == batch
                if crash and cfg["crash_point"] == "before":
                    emit(event="holding", batch=batch, token=lease.token)
                    await asyncio.sleep(3600)
                if todo:
                    await lease.ensure()  # fenced: a worker that lost its lease stops here
                    rows = [Row(cells=[Cell(column_id=column_id, value=k)]) for k in todo]
                    result = await ss.rows.add(sheet_id, rows)  # re-enters our lease
                    result.raise_for_failures()
                emit(event="written", batch=batch, token=lease.token, rows=len(todo))
                if crash and cfg["crash_point"] == "after":
                    emit(event="holding", batch=batch, token=lease.token)
                    await asyncio.sleep(3600)
        emit(event="done", name=cfg["name"])


def main() -> None:
    mode, raw = sys.argv[1], sys.argv[2]
    cfg = json.loads(raw)
    asyncio.run(load(cfg) if mode == "load" else job(cfg))


if __name__ == "__main__":
    main()
