"""Benchmark 4: per-request overhead of the client.

20,000 small GETs (``GET /sheets/{id}/rows/{rowId}``, a row of 5 cells) to the emulator with no
latency, one after another. The floor is a bare aiohttp loop doing the same requests: the same
URL and bearer header, read the body, parse the JSON. smartsuite's ``ss.rows.get`` adds the rate
limiter, the retry and error judgement, logging and the typed decode into a ``Row``.

Measured: CPU time of the client's thread per request (``time.thread_time``; the emulator serves
from another thread and is not counted), and wall time per request.

Run: ``python -m benchmarks.request_overhead`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import attrs

from smartsuite import RateLimitConfig, SmartsheetClient
from smartsuite._core import sansio
from smartsuite.emulator import Emulator

from ._harness import EmulatorThread, Samples, emit, fmt_ratio, fmt_seconds, machine, table

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


async def make_row(emu: Emulator) -> tuple[int, int]:
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
    cpu, wall = time.thread_time(), time.perf_counter()
    for _ in range(requests):
        await loop_body()
    return Round(time.thread_time() - cpu, time.perf_counter() - wall)


async def bare_round(emu: Emulator, sheet_id: int, row_id: int, requests: int) -> Round:
    url = f"{emu.smartsheet_url}/sheets/{sheet_id}/rows/{row_id}"
    headers = {"Authorization": f"Bearer {emu.smartsheet_token}", "Accept": "application/json"}
    async with aiohttp.ClientSession() as session:

        async def one() -> None:
            async with session.get(url, headers=headers) as resp:
                body = await resp.read()
                if resp.status != 200:
                    raise RuntimeError(f"GET answered {resp.status}")
                sansio.loads(body)

        return await timed(one, requests)


async def smartsuite_round(emu: Emulator, sheet_id: int, row_id: int, requests: int) -> Round:
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=NO_WAIT
    ) as ss:

        async def one() -> None:
            row = await ss.rows.get(sheet_id, row_id)
            if row.id != row_id:
                raise RuntimeError("got another row")

        return await timed(one, requests)


def run(*, requests: int, repeat: int) -> list[Result]:
    with EmulatorThread() as emu:
        sheet_id, row_id = asyncio.run(make_row(emu))
        contenders = ((FLOOR, bare_round), ("smartsuite ss.rows.get", smartsuite_round))
        rounds: dict[str, list[Round]] = {name: [] for name, _ in contenders}
        for _ in range(repeat):  # interleaved, so drifting machine load hits both alike
            for name, fn in contenders:
                rounds[name].append(asyncio.run(fn(emu, sheet_id, row_id, requests)))
    return [Result(name, tuple(r), requests) for name, r in rounds.items()]


def render(results: list[Result]) -> str:
    floor = results[0]
    lines = [
        (
            r.name,
            fmt_seconds(r.cpu_per_request.median),
            fmt_seconds(r.cpu_per_request.min),
            fmt_seconds(r.cpu_per_request.max),
            fmt_ratio(r.cpu_per_request.median / floor.cpu_per_request.median),
            fmt_seconds(r.wall_per_request.median),
            fmt_ratio(r.wall_per_request.median / floor.wall_per_request.median),
        )
        for r in results
    ]
    title = (
        f"Per-request overhead: {floor.requests:,} sequential GETs of one row, no latency; "
        f"{len(floor.rounds)} rounds"
    )
    headers = (
        "client",
        "CPU/request",
        "min",
        "max",
        "CPU vs floor",
        "wall/request",
        "wall vs floor",
    )
    ours = results[1]
    note = (
        f"\n- smartsuite CPU per request: "
        f"{fmt_ratio(ours.cpu_per_request.median / floor.cpu_per_request.median)} the bare "
        "aiohttp loop (target <= 1.5x)\n"
    )
    return table(title, headers, lines) + note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.request_overhead", description=__doc__
    )
    parser.add_argument("--requests", type=int, default=20_000, help="GETs per round (20000)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per client (5)")
    args = parser.parse_args(argv)
    emit(f"machine: {machine()}")
    emit(render(run(requests=args.requests, repeat=args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
