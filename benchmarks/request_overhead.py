"""Benchmark 4: per-request overhead of the client.

20,000 small GETs (``GET /sheets/{id}/rows/{rowId}``, a row of 5 cells) to the emulator with no
latency, one after another. The floor is a bare aiohttp loop doing the same requests: the same
URL and bearer header, read the body, parse the JSON. smartsuite's ``ss.rows.get`` adds the rate
limiter, the retry and error judgement, logging and the typed decode into a ``Row``; the
"transport only" contender is ``Transport.request`` and ``Response.json()`` without the resource
wrapper and the decode, to tell the two apart.

The emulator runs in its own process; each round runs each client in a fresh process of its
own (interleaved: floor, smartsuite, floor, ...). Measured: the client process's CPU time per
request (``time.process_time``) and wall time per request. ``--profile`` runs one smartsuite
round under cProfile and prints where its CPU time goes.

Run: ``python -m benchmarks.request_overhead`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import attrs

from smartsuite import RateLimitConfig, SmartsheetClient
from smartsuite._core import sansio

from ._harness import (
    Samples,
    emit,
    fmt_ratio,
    fmt_seconds,
    fresh,
    load,
    machine,
    paired_ratios,
    table,
)
from ._server import EmulatorProcess

FLOOR = "bare aiohttp loop (floor)"
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
    requests: int

    @property
    def cpu_per_request(self) -> Samples:
        return Samples(tuple(r.cpu / self.requests for r in self.rounds))

    @property
    def wall_per_request(self) -> Samples:
        return Samples(tuple(r.wall / self.requests for r in self.rounds))


@attrs.frozen
class Target:
    url: str
    token: str
    sheet_id: int
    row_id: int


async def make_row(emu: EmulatorProcess) -> tuple[int, int]:
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        sheet = await ss.sheets.create("overhead", COLUMNS)
        assert sheet.id is not None
        record = {"Key": "K-1", "Name": "first", "Hours": 7.5, "Done": True, "Due": "2024-05-01"}
        added = await ss.rows.add(sheet.id, [record])
        row = added[0].value
        assert row is not None and row.id is not None
        return sheet.id, row.id


async def timed(loop_body: Callable[[], Awaitable[None]], requests: int) -> Round:
    await loop_body()  # warm-up: connection, caches
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(requests):
        await loop_body()
    return Round(time.process_time() - cpu, time.perf_counter() - wall)


async def bare_round(target: Target, requests: int) -> Round:
    url = f"{target.url}/sheets/{target.sheet_id}/rows/{target.row_id}"
    headers = {"Authorization": f"Bearer {target.token}", "Accept": "application/json"}
    async with aiohttp.ClientSession() as session:

        async def one() -> None:
            async with session.get(url, headers=headers) as resp:
                body = await resp.read()
                if resp.status != 200:
                    raise RuntimeError(f"GET answered {resp.status}")
                sansio.loads(body)

        return await timed(one, requests)


async def smartsuite_round(target: Target, requests: int) -> Round:
    async with SmartsheetClient(target.token, base_url=target.url, rate_limit=NO_WAIT) as ss:

        async def one() -> None:
            row = await ss.rows.get(target.sheet_id, target.row_id)
            if row.id != target.row_id:
                raise RuntimeError("got another row")

        return await timed(one, requests)


async def transport_round(target: Target, requests: int) -> Round:
    """The transport alone: the same GET and JSON parse, no resource wrapper, no typed decode."""
    path = f"/sheets/{target.sheet_id}/rows/{target.row_id}"
    async with SmartsheetClient(target.token, base_url=target.url, rate_limit=NO_WAIT) as ss:
        transport = ss._transport

        async def one() -> None:
            response = await transport.request("GET", path)
            if response.json()["id"] != target.row_id:
                raise RuntimeError("got another row")

        return await timed(one, requests)


OURS = "smartsuite ss.rows.get"
TRANSPORT = "smartsuite transport only"
ROUNDS = {FLOOR: bare_round, TRANSPORT: transport_round, OURS: smartsuite_round}


def client_round(name: str, target: Target, requests: int) -> Round:
    """One round of one client (run in a fresh process)."""
    return asyncio.run(ROUNDS[name](target, requests))


def profile_round(target: Target, requests: int, top: int) -> str:
    """One smartsuite round under cProfile: the functions with the most own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    asyncio.run(smartsuite_round(target, requests))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def run(*, requests: int, repeat: int, profile: int = 0) -> tuple[list[Result], str]:
    with EmulatorProcess() as emu:
        sheet_id, row_id = asyncio.run(make_row(emu))
        target = Target(emu.smartsheet_url, emu.smartsheet_token, sheet_id, row_id)
        rounds: dict[str, list[Round]] = {name: [] for name in ROUNDS}
        for _ in range(repeat):  # interleaved, so drifting machine load hits both alike
            for name in ROUNDS:
                rounds[name].append(fresh(client_round, name, target, requests))
        profiled = fresh(profile_round, target, requests, profile) if profile else ""
    return [Result(name, tuple(r), requests) for name, r in rounds.items()], profiled


def _span(samples: Samples) -> str:
    return f"{fmt_seconds(samples.min)} - {fmt_seconds(samples.max)}"


def render(results: list[Result]) -> str:
    floor = results[0]
    lines = []
    for r in results:
        cpu = paired_ratios(r.cpu_per_request.values, floor.cpu_per_request.values)
        wall = paired_ratios(r.wall_per_request.values, floor.wall_per_request.values)
        lines.append(
            (
                r.name,
                fmt_seconds(r.cpu_per_request.median),
                _span(r.cpu_per_request),
                f"{fmt_ratio(cpu.median)} ({fmt_ratio(cpu.min)} - {fmt_ratio(cpu.max)})",
                fmt_seconds(r.wall_per_request.median),
                _span(r.wall_per_request),
                f"{fmt_ratio(wall.median)} ({fmt_ratio(wall.min)} - {fmt_ratio(wall.max)})",
            )
        )
    title = (
        f"Per-request overhead: {floor.requests:,} sequential GETs of one row, no latency, "
        f"server in its own process; {len(floor.rounds)} fresh-process rounds"
    )
    headers = (
        "client",
        "CPU/request",
        "min - max",
        "CPU vs floor (min - max)",
        "wall/request",
        "min - max",
        "wall vs floor (min - max)",
    )
    ours = results[-1]
    cpu = paired_ratios(ours.cpu_per_request.values, floor.cpu_per_request.values)
    wall = paired_ratios(ours.wall_per_request.values, floor.wall_per_request.values)
    note = (
        f"\n- smartsuite per request: CPU {fmt_ratio(cpu.median)}, wall "
        f"{fmt_ratio(wall.median)} the bare aiohttp loop (target <= 1.15x both); "
        "ratios are per round, median (min - max)\n"
    )
    return table(title, headers, lines) + note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.request_overhead", description=__doc__
    )
    parser.add_argument("--requests", type=int, default=20_000, help="GETs per round (20000)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per client (5)")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="print cProfile's top N functions"
    )
    args = parser.parse_args(argv)
    emit(f"machine: {machine()}; {load()} at the start")
    results, profiled = run(requests=args.requests, repeat=args.repeat, profile=args.profile)
    emit(render(results))
    emit(f"{load()} at the end")
    if profiled:
        emit(profiled)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
