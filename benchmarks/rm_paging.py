"""Benchmark 3: walking 50,000 Resource Management time entries, sequentially and with prefetch.

The emulator answers every request after 50 ms. The consumer does what an export does with each
entry (turn it into a dict and JSON-encode it). Sequential paging asks for page n+1 only after
the consumer finished page n; with prefetch (the default of every smartsuite paginator) the next
page is already on its way while the consumer works. Reported: wall time, and the share of it
the consumer spent waiting for a page, and the share in which the client had nothing to run
(the client process's CPU time against wall time: what prefetch can still win). The emulator
runs in its own process; every walk is a fresh client process, modes interleaved.

Run: ``python -m benchmarks.rm_paging`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import time

import attrs

from smartsuite import RateLimitConfig, ResourceManagementClient
from smartsuite._core.paging import AsyncPaginator
from smartsuite.emulator import Emulator

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

LATENCY = 0.050
PER_PAGE = 1000
#: The emulator's limit is off; the client must not be the bottleneck either.
UNLIMITED = RateLimitConfig(rate=10_000, per=1, burst=10_000)


@attrs.frozen
class Walk:
    wall: float
    waiting: float
    cpu: float
    items: int
    pages: int


@attrs.frozen
class ModeResult:
    name: str
    walks: tuple[Walk, ...]

    @property
    def wall(self) -> Samples:
        return Samples(tuple(w.wall for w in self.walks))

    @property
    def waiting_share(self) -> Samples:
        return Samples(tuple(w.waiting / w.wall for w in self.walks))

    @property
    def idle_share(self) -> Samples:
        """Share of the wall time the client's thread was not running (nothing to do)."""
        return Samples(tuple(max(0.0, 1 - w.cpu / w.wall) for w in self.walks))


def add_entries(emu: Emulator, user_id: int, project_id: int, count: int) -> None:
    """Runs in the server process: ``count`` daily entries of one user."""
    start = dt.date(2020, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range(count)]
    emu.rm.state.add_time_entries(user_id, project_id, days, hours=1.5)


def set_latency(emu: Emulator, latency: float) -> None:
    emu.rm.faults.latency = latency


async def seed(emu: EmulatorProcess, entries: int) -> None:
    """``entries`` time entries spread over users of one project, loaded into the state."""
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url) as rm:
        project = await rm.projects.create(name="Benchmark project")
        per_user = 1000
        users = -(-entries // per_user)
        for n in range(users):
            user = await rm.users.create(first_name="Bench", last_name=f"User {n}")
            count = min(per_user, entries - n * per_user)
            emu.call(add_entries, user.id or 0, project.id or 0, count)


def consume(entry: object, sink: list[bytes]) -> None:
    """What an export does with one entry."""
    sink.append(json.dumps(attrs.asdict(entry), default=str).encode())  # type: ignore[arg-type]


async def walk(url: str, token: str, *, prefetch: bool) -> Walk:
    async with ResourceManagementClient(token, base_url=url, rate_limit=UNLIMITED) as rm:
        listed = rm.time_entries.list(page_size=PER_PAGE)
        # The same fetch function, with prefetch switched as asked (the default is on).
        paginator = AsyncPaginator(listed._fetch, prefetch=prefetch)
        sink: list[bytes] = []
        waiting = 0.0
        pages = 0
        start, cpu = time.perf_counter(), time.process_time()
        iterator = paginator.pages().__aiter__()
        while True:
            asked = time.perf_counter()
            try:
                page = await iterator.__anext__()
            except StopAsyncIteration:
                waiting += time.perf_counter() - asked
                break
            waiting += time.perf_counter() - asked
            pages += 1
            for entry in page.items:
                consume(entry, sink)
        wall = time.perf_counter() - start
        return Walk(wall, waiting, time.process_time() - cpu, len(sink), pages)


def walk_in_process(url: str, token: str, prefetch: bool) -> Walk:
    return asyncio.run(walk(url, token, prefetch=prefetch))


MODES = (("sequential", False), ("prefetch (default)", True))


def run(*, entries: int, repeat: int) -> list[ModeResult]:
    walks: dict[str, list[Walk]] = {name: [] for name, _ in MODES}
    with EmulatorProcess() as emu:
        asyncio.run(seed(emu, entries))
        emu.call(set_latency, LATENCY)
        for _ in range(repeat):  # interleaved
            for name, prefetch in MODES:
                w = fresh(walk_in_process, emu.rm_url, emu.rm_token, prefetch)
                if w.items != entries:
                    raise RuntimeError(f"{name} walk saw {w.items} of {entries} entries")
                walks[name].append(w)
    return [ModeResult(name, tuple(w)) for name, w in walks.items()]


def _paired(values: Samples, base: Samples) -> str:
    r = paired_ratios(values.values, base.values)
    return f"{fmt_ratio(r.median)} ({fmt_ratio(r.min)} - {fmt_ratio(r.max)})"


def render(results: list[ModeResult], entries: int) -> str:
    base = results[0]
    lines = [
        (
            r.name,
            str(r.walks[0].pages),
            fmt_seconds(r.wall.median),
            fmt_seconds(r.wall.min),
            fmt_seconds(r.wall.max),
            _paired(r.wall, base.wall),
            fmt_ratio(r.wall.median / (r.walks[0].pages * LATENCY)),
            f"{r.waiting_share.median:.0%}",
            f"{r.idle_share.median:.0%}",
        )
        for r in results
    ]
    title = (
        f"RM paging: {entries:,} time entries, {PER_PAGE} per page, server "
        f"{LATENCY * 1000:.0f} ms latency; {len(base.walks)} fresh-process rounds"
    )
    headers = (
        "mode",
        "pages",
        "median",
        "min",
        "max",
        "vs sequential, per round (min - max)",
        "vs pages x latency",
        "consumer waiting",
        "client idle",
    )
    note = (
        "\n- consumer waiting: time blocked on the next page (network and the client's own decode"
        " of it);\n  client idle: time the client process did not run (waiting on the server and"
        " the network).\n"
    )
    return table(title, headers, lines) + note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.rm_paging", description=__doc__)
    parser.add_argument("--entries", type=int, default=50_000, help="time entries (50000)")
    parser.add_argument("--repeat", type=int, default=5, help="walks per mode (5)")
    args = parser.parse_args(argv)
    emit(f"machine: {machine()}; {load()} at the start")
    emit(render(run(entries=args.entries, repeat=args.repeat), args.entries))
    emit(f"{load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
