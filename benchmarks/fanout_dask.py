"""Fan-out: one ETL job of many rows split across the worker processes of a Dask cluster.

Every task upserts a slice of the rows into its sheet. All workers share one Smartsheet token,
so they share its rate limit (``RedisRateLimit``) and keep writes to one sheet serial
(``RedisWriteLocks``); the emulator plays Smartsheet with the same limit and its request log
gives the figures.

    python benchmarks/fanout_dask.py                          # 1,000,000 rows, 4 workers, 300/min
    python benchmarks/fanout_dask.py --rows 20000 --workers 2 --rate 20 --per 1
    python benchmarks/fanout_dask.py --redis-url redis://localhost:6379/0

Without ``--redis-url`` a throwaway ``redis-server`` is started on a free loopback port.
Needs ``pip install ".[redis,dask]"``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import attrs

from smartsuite.emulator import Emulator
from smartsuite.redis import RedisRateLimit, RedisWriteLocks
from smartsuite.smartsheet import Column, SmartsheetClient

try:
    from benchmarks._server import EmulatorProcess
except ImportError:  # run as ``python benchmarks/fanout_dask.py``: its folder is on the path
    from _server import EmulatorProcess  # type: ignore[no-redef]

#: Smartsheet allows 500,000 cells per sheet: two columns, so at most 250,000 rows.
ROWS_PER_SHEET = 100_000


@attrs.frozen
class Chunk:
    """One task: upsert keys ``start`` to ``stop`` into one sheet."""

    sheet_id: int
    start: int
    stop: int
    redis_url: str
    base_url: str
    token: str
    rate: float
    per: float
    burst: int


def records(start: int, stop: int) -> list[dict[str, Any]]:
    """The job's input rows ``start`` to ``stop`` (a real job would read its source here)."""
    return [{"Key": f"K{i:07d}", "Amount": i % 997} for i in range(start, stop)]


async def upsert_chunk(chunk: Chunk) -> dict[str, Any]:
    """Upsert one chunk through the shared limiter and locks; the counters it saw."""
    limiter = RedisRateLimit(
        chunk.redis_url, key="smartsheet:etl-token", rate=chunk.rate, per=chunk.per,
        burst=chunk.burst,
    )  # fmt: skip
    locks = RedisWriteLocks(chunk.redis_url, lease=15)
    async with (
        limiter,
        SmartsheetClient(
            chunk.token, base_url=chunk.base_url, rate_limit=limiter, write_locks=locks
        ) as ss,
    ):
        result = await ss.rows.upsert(chunk.sheet_id, records(chunk.start, chunk.stop), key="Key")
        await locks.aclose()
        return {
            "counts": result.counts(),
            "failed": len(result.failed),
            "requests": ss.stats.requests,
            "rate_limited": ss.stats.rate_limited,
        }


def run_chunk(chunk: Chunk) -> dict[str, Any]:
    """The Dask task: one event loop per task, so workers need no long-lived loop."""
    return asyncio.run(upsert_chunk(chunk))


@contextlib.contextmanager
def local_redis() -> Iterator[str]:
    """A throwaway ``redis-server`` on a free loopback port; its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server not found: install it or pass --redis-url")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    try:
        for _ in range(500):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.1):
                break
            time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)


def busiest_second(starts: list[float]) -> int:
    """The most requests that arrived within any half-open one-second window."""
    starts = sorted(starts)
    best, lo = 0, 0
    for hi, t in enumerate(starts):
        while starts[lo] <= t - 1.0:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def overlapping_writes(log: list[Any]) -> int:
    """Writes to one sheet that were at the server at the same time."""
    spans: dict[str, list[tuple[float, float]]] = {}
    for e in log:
        if e.write_key is not None and e.finished:
            spans.setdefault(e.write_key, []).append((e.started, e.finished))
    count = 0
    for items in spans.values():
        items.sort()
        busy = float("-inf")
        for started, finished in items:
            count += started < busy
            busy = max(busy, finished)
    return count


def _limit(emu: Emulator, rate: float, burst: int) -> None:
    """In the server process: enforce the job's limit, start a fresh log."""
    emu.smartsheet.faults.rate_limit = rate
    emu.smartsheet.faults.burst = burst
    emu.smartsheet.log.clear()


def _figures(emu: Emulator, sheets: list[int]) -> dict[str, Any]:
    """In the server process: what its log and state say about the run."""
    log = list(emu.smartsheet.log)
    rows = [r for s in sheets for r in emu.smartsheet.state.sheets[s].rows]
    return {
        "starts": [e.started for e in log],
        "limited": sum(1 for e in log if e.status == 429),
        "overlapping": overlapping_writes(log),
        "stored": len(rows),
        "keys": len({c.get("value") for r in rows for c in r["cells"][:1]}),
    }


async def _create_sheets(emu: EmulatorProcess, count: int) -> list[int]:
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        ids = []
        for i in range(count):
            sheet = await ss.sheets.create(
                f"Fan-out {i}",
                [
                    Column(title="Key", type="TEXT_NUMBER", primary=True),
                    Column(title="Amount", type="TEXT_NUMBER"),
                ],
            )
            assert sheet.id is not None
            ids.append(sheet.id)
        return ids


def run(
    *,
    rows: int = 1_000_000,
    workers: int = 4,
    chunk_rows: int = 25_000,
    rate: float = 300.0,
    per: float = 60.0,
    burst: int = 10,
    redis_url: str | None = None,
) -> dict[str, Any]:
    """Run the job on a Dask ``LocalCluster``; the run's figures."""
    from dask.distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        url = redis_url or stack.enter_context(local_redis())
        emu = stack.enter_context(EmulatorProcess())  # the server in its own process
        sheets = asyncio.run(_create_sheets(emu, math.ceil(rows / ROWS_PER_SHEET)))
        emu.call(_limit, rate / per, burst)  # the server enforces the same limit
        chunks = [
            Chunk(
                sheet_id=sheets[start // ROWS_PER_SHEET],
                start=start,
                stop=min(start + chunk_rows, rows, (start // ROWS_PER_SHEET + 1) * ROWS_PER_SHEET),
                redis_url=url,
                base_url=emu.smartsheet_url,
                token=emu.smartsheet_token,
                rate=rate,
                per=per,
                burst=burst,
            )
            for start in _starts(rows, chunk_rows)
        ]
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
        )
        client = stack.enter_context(Client(cluster))
        started = time.monotonic()
        reports = client.gather(client.map(run_chunk, chunks))
        wall = time.monotonic() - started
        seen = emu.call(_figures, sheets)
    starts: list[float] = seen["starts"]
    span = max(starts) - min(starts) if len(starts) > 1 else float("nan")
    return {
        "rows": rows,
        "workers": workers,
        "tasks": len(chunks),
        "sheets": len(sheets),
        "limit": rate / per,
        "burst": burst,
        "wall_seconds": wall,
        "rows_per_second": rows / wall,
        "requests": len(starts),
        "requests_per_second": len(starts) / span,
        "steady_requests_per_second": (len(starts) - burst) / span,
        "busiest_second": busiest_second(starts),
        "rate_limited_429": seen["limited"],
        "overlapping_writes": seen["overlapping"],
        "added": sum(r["counts"].get("added", 0) for r in reports),
        "failed": sum(r["failed"] for r in reports),
        "rows_stored": seen["stored"],
        "distinct_keys": seen["keys"],
    }


def _starts(rows: int, chunk_rows: int) -> Iterator[int]:
    """Chunk starts that never cross a sheet boundary."""
    start = 0
    while start < rows:
        yield start
        start = min(start + chunk_rows, (start // ROWS_PER_SHEET + 1) * ROWS_PER_SHEET)


def report(f: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"rows                {f['rows']:,} in {f['sheets']} sheets, {f['tasks']} Dask tasks "
            f"on {f['workers']} worker processes",
            f"wall time           {f['wall_seconds']:.1f} s",
            f"rows/s              {f['rows_per_second']:,.0f}",
            f"requests            {f['requests']:,}",
            f"requests/s          {f['requests_per_second']:.2f} (limit {f['limit']:.2f}/s, "
            f"burst {f['burst']}; {f['steady_requests_per_second']:.2f}/s after the burst)",
            f"busiest second      {f['busiest_second']} requests",
            f"429s                {f['rate_limited_429']}",
            f"overlapping writes  {f['overlapping_writes']}",
            f"rows stored         {f['rows_stored']:,} ({f['distinct_keys']:,} distinct keys, "
            f"{f['failed']} failed)",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--chunk-rows", type=int, default=25_000)
    parser.add_argument("--rate", type=float, default=300.0, help="requests per --per seconds")
    parser.add_argument("--per", type=float, default=60.0)
    parser.add_argument("--burst", type=int, default=10)
    parser.add_argument("--redis-url", default=None)
    args = parser.parse_args()
    figures = run(
        rows=args.rows,
        workers=args.workers,
        chunk_rows=args.chunk_rows,
        rate=args.rate,
        per=args.per,
        burst=args.burst,
        redis_url=args.redis_url,
    )
    print(report(figures))


if __name__ == "__main__":
    main()
