"""Benchmark: per-call overhead of the sync facade (``smartsuite.sync``) over the async client.

The same work both ways: ``--calls`` sequential ``rows.get`` of one row (5 cells) against the
emulator with no latency, which serves from a process of its own (so its work competes with
neither client for the GIL, and is not in the client's CPU time). The async run awaits
``ss.rows.get`` in ``asyncio.run``; the sync run calls ``ss.rows.get`` of a
``smartsuite.sync.SmartsheetClient``, which hands each call to its portal thread and blocks
for the answer. A second pair times the hop alone: a coroutine that does nothing, run
through ``Portal.call`` and through the standard library's
``asyncio.run_coroutine_threadsafe(...).result()`` on a loop thread.

Measured per call: wall time, and CPU time of the whole client process (``process_time``:
the sync facade's work is split between the caller and the portal thread). Rounds alternate
between the contenders so drifting machine load hits both alike.

Run: ``python -m benchmarks.sync_overhead`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from smartsuite import RateLimitConfig, SmartsheetClient
from smartsuite.emulator import DEFAULT_SMARTSHEET_TOKEN
from smartsuite.sync import Portal
from smartsuite.sync import SmartsheetClient as SyncSmartsheetClient

from ._harness import Samples, emit, fmt_ratio, fmt_seconds, machine, table

ASYNC = "async ss.rows.get"
SYNC = "sync ss.rows.get (facade)"
HOP_STDLIB = "run_coroutine_threadsafe(no-op).result()"
HOP_SYNC = "Portal.call(no-op coroutine)"
#: High enough that the limiter never waits; its bookkeeping still runs on every request.
NO_WAIT = RateLimitConfig(rate=1_000_000, per=1, burst=1_000_000)
COLUMNS: list[dict[str, Any]] = [
    {"title": "Key", "type": "TEXT_NUMBER", "primary": True},
    {"title": "Name", "type": "TEXT_NUMBER"},
    {"title": "Hours", "type": "TEXT_NUMBER"},
    {"title": "Done", "type": "CHECKBOX"},
    {"title": "Due", "type": "DATE"},
]


@attrs.frozen
class Round:
    cpu: float
    wall: float


@attrs.frozen
class Result:
    name: str
    rounds: tuple[Round, ...]
    calls: int

    @property
    def cpu(self) -> Samples:
        return Samples(tuple(r.cpu / self.calls for r in self.rounds))

    @property
    def wall(self) -> Samples:
        return Samples(tuple(r.wall / self.calls for r in self.rounds))


@contextlib.contextmanager
def emulator_process() -> Iterator[str]:
    """``smartsuite emulator`` in a child process; yields its Smartsheet URL."""
    code = "from smartsuite.cli import main; main(['emulator', '--port', '0'])"
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        if not line.startswith("smartsuite emulator on "):
            raise RuntimeError(f"the emulator did not start: {line!r}")
        words = child.stdout.readline().split()  # "Smartsheet <url> token <token>"
        if words[:1] != ["Smartsheet"]:
            raise RuntimeError(f"unexpected emulator banner: {words!r}")
        yield words[1]
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


async def make_row(url: str) -> tuple[int, int]:
    async with SmartsheetClient(DEFAULT_SMARTSHEET_TOKEN, base_url=url) as ss:
        workspace = await ss.workspaces.create("overhead")
        sheet = await ss.sheets.create_in_workspace(workspace.id, "overhead", COLUMNS)
        assert sheet.id is not None
        record = {"Key": "K-1", "Name": "first", "Hours": 7.5, "Done": True, "Due": "2024-05-01"}
        row = (await ss.rows.add(sheet.id, [record]))[0].value
        assert row is not None and row.id is not None
        return sheet.id, row.id


def measured(body: Callable[[], None], calls: int) -> Round:
    body()  # warm-up: connection, caches
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(calls):
        body()
    return Round(time.process_time() - cpu, time.perf_counter() - wall)


def async_round(url: str, sheet_id: int, row_id: int, calls: int) -> Round:
    async def run() -> Round:
        async with SmartsheetClient(
            DEFAULT_SMARTSHEET_TOKEN, base_url=url, rate_limit=NO_WAIT
        ) as ss:
            await ss.rows.get(sheet_id, row_id)
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(calls):
                row = await ss.rows.get(sheet_id, row_id)
                if row.id != row_id:
                    raise RuntimeError("got another row")
            return Round(time.process_time() - cpu, time.perf_counter() - wall)

    return asyncio.run(run())


def sync_round(url: str, sheet_id: int, row_id: int, calls: int) -> Round:
    with SyncSmartsheetClient(DEFAULT_SMARTSHEET_TOKEN, base_url=url, rate_limit=NO_WAIT) as ss:

        def one() -> None:
            if ss.rows.get(sheet_id, row_id).id != row_id:
                raise RuntimeError("got another row")

        return measured(one, calls)


async def _noop() -> int:
    return 1


def hop_stdlib_round(calls: int) -> Round:
    """The standard library's own hop into a loop thread, for reference."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:

        def one() -> None:
            asyncio.run_coroutine_threadsafe(_noop(), loop).result()

        return measured(one, calls)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


def hop_sync_round(calls: int) -> Round:
    portal = Portal("bench")
    try:

        def one() -> None:
            portal.call(_noop())

        return measured(one, calls)
    finally:
        portal.close()


def run(*, calls: int, hops: int, repeat: int) -> list[Result]:
    with emulator_process() as url:
        sheet_id, row_id = asyncio.run(make_row(url))
        contenders: list[tuple[str, Callable[[], Round], int]] = [
            (ASYNC, lambda: async_round(url, sheet_id, row_id, calls), calls),
            (SYNC, lambda: sync_round(url, sheet_id, row_id, calls), calls),
            (HOP_STDLIB, lambda: hop_stdlib_round(hops), hops),
            (HOP_SYNC, lambda: hop_sync_round(hops), hops),
        ]
        rounds: dict[str, list[Round]] = {name: [] for name, _, _ in contenders}
        for _ in range(repeat):  # interleaved
            for name, fn, _ in contenders:
                rounds[name].append(fn())
    return [Result(name, tuple(rounds[name]), n) for name, _, n in contenders]


def render(results: list[Result]) -> str:
    by = {r.name: r for r in results}
    rows = []
    for r in results:
        base = by[ASYNC] if r.name in (ASYNC, SYNC) else by[HOP_STDLIB]
        rows.append(
            (
                r.name,
                fmt_seconds(r.wall.median),
                fmt_seconds(r.wall.min),
                fmt_seconds(r.wall.max),
                fmt_ratio(r.wall.median / base.wall.median),
                fmt_seconds(r.cpu.median),
                fmt_ratio(r.cpu.median / base.cpu.median),
            )
        )
    first = results[0]
    title = (
        f"Sync facade overhead: {first.calls:,} sequential GETs of one row (server in its own "
        f"process, no latency) and {results[2].calls:,} no-op hops; {len(first.rounds)} rounds"
    )
    headers = ("call", "wall/call", "min", "max", "wall ratio", "CPU/call", "CPU ratio")
    extra = by[SYNC].wall.median - by[ASYNC].wall.median
    note = (
        f"\n- ratios: the facade against the async client, the portal against the standard "
        f"library's hop\n- the facade adds {fmt_seconds(extra)} wall per request "
        f"({fmt_ratio(by[SYNC].wall.median / by[ASYNC].wall.median)} the async client); one "
        f"portal hop alone costs {fmt_seconds(by[HOP_SYNC].wall.median)}\n"
    )
    return table(title, headers, rows) + note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sync_overhead", description=__doc__)
    parser.add_argument("--calls", type=int, default=5_000, help="GETs per round (5000)")
    parser.add_argument("--hops", type=int, default=20_000, help="no-op hops per round (20000)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per contender (5)")
    args = parser.parse_args(argv)
    emit(f"machine: {machine()}")
    emit(render(run(calls=args.calls, hops=args.hops, repeat=args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
