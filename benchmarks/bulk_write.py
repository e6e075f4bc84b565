"""Benchmark 2: bulk write throughput against a rate limit.

The emulator runs in its own process, answers every request after 30 ms and allows 10 requests
per second per token (Smartsheet's 300 per minute, scaled down), with a bucket of 10. Every run
is a fresh emulator process and a fresh client process; the runs of a round are interleaved.

* ``upsert, limiter = server``: ``ss.rows.upsert`` of 100,000 rows into 5 sheets in parallel
  (500 rows per request, one request at a time per sheet), client configured like the server.
* ``rows.add, limiter = server``: the same rows with ``ss.rows.add``, 5 sheets in parallel.
* ``upsert, server 8/s < limiter 10/s``: the server allows less than the client is told.
* ``one sheet``: 10,000 rows into one sheet with the default limiter (300/min) against a server
  at 5/s. Writes to one sheet are serial, so this is bound by the round trip: its floor is the
  same job with no limit anywhere (round trip x requests), measured in the same round.
* ``sequential``: the official SDK's documented bulk add (``client.Sheets.add_rows`` with 500
  rows, one request after another, sheet after sheet) against smartsuite doing the same work
  the same way (``ss.rows.add`` of one sheet after another), on the same rows and limit.

Reported: requests accepted per second against the server's limit, 429 answers, the waits the
server asked for against the client's waits, and wall time against the minimum the server
allows ((accepted requests - the bucket) / limit). ``--limiter fixed`` runs smartsuite with the
plain token bucket (no adaptation), for before/after comparisons.

Run: ``python -m benchmarks.bulk_write`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Sequence
from typing import Any

import attrs

from smartsuite import LocalRateLimit, RateLimitConfig, RetryConfig, SmartsheetClient
from smartsuite._core.ratelimit import RateLimiter
from smartsuite.emulator import Emulator
from smartsuite.smartsheet.client import DEFAULT_RATE_LIMIT

from ._harness import Samples, emit, fmt_ratio, fmt_seconds, fresh, load, machine, table
from ._server import EmulatorProcess

LATENCY = 0.030
LIMIT = 10.0
BURST = 10
BATCH = 500
COLUMNS: list[dict[str, Any]] = [
    {"title": "Key", "type": "TEXT_NUMBER", "primary": True},
    {"title": "Name", "type": "TEXT_NUMBER"},
    {"title": "Status", "type": "PICKLIST", "options": ["Open", "Done", "Blocked"]},
    {"title": "Hours", "type": "TEXT_NUMBER"},
    {"title": "Done", "type": "CHECKBOX"},
]


def records(sheet_no: int, count: int) -> list[dict[str, Any]]:
    """``count`` rows for sheet ``sheet_no``, keyed by a unique ``Key``."""
    statuses = ("Open", "Done", "Blocked")
    return [
        {
            "Key": f"S{sheet_no}-{i:07d}",
            "Name": f"item {i} of sheet {sheet_no}",
            "Status": statuses[i % 3],
            "Hours": round(i * 0.25 % 40, 2),
            "Done": i % 2 == 0,
        }
        for i in range(count)
    ]


# -- run inside the server process -----------------------------------------------------------


@attrs.define
class ServerTally:
    """What the emulator saw during one run: requests by status, and the waits it asked for."""

    accepted: int = 0
    limited: int = 0
    asked_wait: float = 0.0


def server_limits(emu: Emulator, rate: float | None, latency: float = LATENCY) -> None:
    faults = emu.smartsheet.faults
    faults.rate_limit = rate
    faults.burst = BURST
    faults.latency = latency if rate is not None else 0.0


def server_unlimited_latency(emu: Emulator) -> None:
    """No rate limit, but the same latency: the round-trip floor."""
    faults = emu.smartsheet.faults
    faults.rate_limit = None
    faults.latency = LATENCY


def tally_start(emu: Emulator) -> None:
    service = emu.smartsheet
    tally = ServerTally()
    original = type(service).rate_limited

    def rate_limited(wait: float) -> Any:
        tally.asked_wait += max(wait, 0.001)
        return original(service, wait)

    service.rate_limited = rate_limited  # type: ignore[method-assign]
    emu._bench = (tally, len(service.log))  # type: ignore[attr-defined]


def tally_stop(emu: Emulator) -> ServerTally:
    tally, mark = emu._bench  # type: ignore[attr-defined]
    for entry in emu.smartsheet.log[mark:]:
        if entry.status == 429:
            tally.limited += 1
        else:
            tally.accepted += 1
    return tally  # type: ignore[no-any-return]


def rows_in(emu: Emulator, sheet_ids: Sequence[int]) -> int:
    return sum(len(emu.smartsheet.state.sheet(s).rows) for s in sheet_ids)


# -- run inside a client process --------------------------------------------------------------


@attrs.frozen
class Job:
    """One client run: what to write and how."""

    kind: str  # "upsert", "add", "sequential", "sdk"
    url: str
    token: str
    sheet_ids: tuple[int, ...]
    per_sheet: int
    client: RateLimitConfig | None  # None: no limiter to speak of (the round-trip floor)
    limiter: str  # "adaptive" (the default) or "fixed"


@attrs.frozen
class ClientResult:
    wall: float
    waited: float | None


UNLIMITED = RateLimitConfig(rate=1_000_000, per=1, burst=1_000_000)


def _rate_limit(job: Job) -> RateLimitConfig | RateLimiter:
    config = job.client or UNLIMITED
    return LocalRateLimit(config) if job.limiter == "fixed" else config


async def _smartsuite(job: Job, inputs: list[list[dict[str, Any]]]) -> float:
    async with SmartsheetClient(
        job.token,
        base_url=job.url,
        rate_limit=_rate_limit(job),
        retry=RetryConfig(max_attempts=20, max_total_seconds=600),
    ) as ss:
        if job.kind == "upsert":
            results = await asyncio.gather(
                *(
                    ss.rows.upsert(sheet_id, inputs[n], key="Key")
                    for n, sheet_id in enumerate(job.sheet_ids)
                )
            )
            added = [len(r.added) for r in results]
        elif job.kind == "add":
            adds = await asyncio.gather(
                *(ss.rows.add(sheet_id, inputs[n]) for n, sheet_id in enumerate(job.sheet_ids))
            )
            added = [len(r.landed) for r in adds]
        else:  # sequential: one sheet after another, one request at a time
            added = []
            for n, sheet_id in enumerate(job.sheet_ids):
                added.append(len((await ss.rows.add(sheet_id, inputs[n])).landed))
        if added != [job.per_sheet] * len(job.sheet_ids):
            raise RuntimeError(f"added {added}, expected {job.per_sheet} per sheet")
        return ss.stats.waited_seconds


def _sdk(job: Job, inputs: list[list[dict[str, Any]]]) -> None:
    """The official SDK's documented bulk add: 500 rows per ``add_rows``, sequentially."""
    import smartsheet  # type: ignore[import-untyped]

    client = smartsheet.Smartsheet(access_token=job.token, api_base=job.url, user_agent="bench")
    client.errors_as_exceptions(True)
    for n, sheet_id in enumerate(job.sheet_ids):
        columns = client.Sheets.get_columns(sheet_id, include_all=True).data
        ids = {c.title: c.id for c in columns}
        recs = inputs[n]
        for start in range(0, len(recs), BATCH):
            rows = []
            for rec in recs[start : start + BATCH]:
                row = smartsheet.models.Row()
                row.to_bottom = True
                row.cells = [{"column_id": ids[k], "value": v} for k, v in rec.items()]
                rows.append(row)
            client.Sheets.add_rows(sheet_id, rows)


def client_run(job: Job) -> ClientResult:
    """Run one job and time it (called in a fresh process). The input rows are built before
    the clock starts: making them is the caller's work, not the client's."""
    inputs = [records(n, job.per_sheet) for n in range(len(job.sheet_ids))]
    start = time.perf_counter()
    if job.kind == "sdk":
        _sdk(job, inputs)
        return ClientResult(time.perf_counter() - start, None)
    waited = asyncio.run(_smartsuite(job, inputs))
    return ClientResult(time.perf_counter() - start, waited)


# -- the parent: scenarios, rounds, tables --------------------------------------------------------


@attrs.frozen
class Scenario:
    name: str
    kind: str
    sheets: int
    rows: int
    server_rate: float | None
    client: RateLimitConfig | None
    floor_of: str | None = None  # the name of the no-limit run this one is measured against
    limiter: str = "adaptive"


@attrs.frozen
class RunResult:
    scenario: Scenario
    wall: float
    tally: ServerTally
    client_waited: float | None
    rows_landed: int

    @property
    def minimum(self) -> float:
        """The fastest the server allows: accepted requests at its limit, less the bucket's
        worth that may go at once at the start."""
        if self.scenario.server_rate is None:
            return 0.0
        return max(0, self.tally.accepted - BURST) / self.scenario.server_rate

    @property
    def of_limit(self) -> float:
        return self.minimum / self.wall


async def _make_sheets(emu: EmulatorProcess, count: int, label: str) -> list[int]:
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        return [(await ss.sheets.create(f"{label} {n}", COLUMNS)).id or 0 for n in range(count)]


def run_once(scenario: Scenario) -> RunResult:
    """One scenario on a fresh emulator process, from a fresh client process."""
    per_sheet = scenario.rows // scenario.sheets
    with EmulatorProcess() as emu:
        sheet_ids = asyncio.run(_make_sheets(emu, scenario.sheets, scenario.name))
        if scenario.server_rate is None:
            emu.call(server_unlimited_latency)
        else:
            emu.call(server_limits, scenario.server_rate)
        emu.call(tally_start)
        job = Job(
            scenario.kind,
            emu.smartsheet_url,
            emu.smartsheet_token,
            tuple(sheet_ids),
            per_sheet,
            scenario.client,
            scenario.limiter,
        )
        result = fresh(client_run, job)
        tally = emu.call(tally_stop)
        landed = emu.call(rows_in, sheet_ids)
    if landed != per_sheet * scenario.sheets:
        raise RuntimeError(f"{scenario.name}: {landed} of {per_sheet * scenario.sheets} landed")
    return RunResult(scenario, result.wall, tally, result.waited, landed)


def scenarios(
    *, rows: int, sheets: int, lower_rate: float, one_sheet_rows: int, sdk_rows: int, sdk: bool
) -> list[Scenario]:
    agree = RateLimitConfig(rate=LIMIT, per=1, burst=BURST)
    out = [
        Scenario(f"upsert, {sheets} sheets, limiter = server {LIMIT:g}/s", "upsert", sheets, rows,
                 LIMIT, agree),
        Scenario(f"rows.add, {sheets} sheets in parallel, limiter = server {LIMIT:g}/s", "add",
                 sheets, rows, LIMIT, agree),
        Scenario(f"upsert, {sheets} sheets, server {lower_rate:g}/s < limiter {LIMIT:g}/s",
                 "upsert", sheets, rows, lower_rate, agree),
        Scenario("one sheet, no limit (round trip x requests)", "add", 1, one_sheet_rows, None,
                 None),
        Scenario(f"one sheet, default limiter ({DEFAULT_RATE_LIMIT.per_second:g}/s), server 5/s",
                 "add", 1, one_sheet_rows, 5.0, DEFAULT_RATE_LIMIT,
                 floor_of="one sheet, no limit (round trip x requests)"),
        Scenario(f"smartsuite rows.add, sequential, {sdk_rows:,} rows", "sequential", 2, sdk_rows,
                 LIMIT, agree),
    ]  # fmt: skip
    if sdk:
        out.append(
            Scenario(f"official SDK add_rows x500, sequential, {sdk_rows:,} rows", "sdk", 2,
                     sdk_rows, LIMIT, None)
        )  # fmt: skip
    return out


def _spread(s: Samples, fmt: Any) -> str:
    return f"{fmt(s.median)} ({fmt(s.min)} - {fmt(s.max)})"


def _pct(value: float) -> str:
    return f"{value:.1%}"


def with_limiters(chosen: list[Scenario], limiter: str) -> list[Scenario]:
    """Each smartsuite scenario with the limiter asked for; with ``both``, the fixed token
    bucket (before) and the adaptive one (after) side by side in every round."""
    out = []
    for s in chosen:
        if s.kind == "sdk" or s.client is None:
            out.append(s)
            continue
        for kind in ("fixed", "adaptive") if limiter == "both" else (limiter,):
            name = f"{s.name} [{kind}]" if limiter == "both" else s.name
            out.append(attrs.evolve(s, name=name, limiter=kind))
    return out


def render(results: dict[str, list[RunResult]], limiter: str) -> str:
    lines = []
    for name, runs in results.items():
        scenario = runs[0].scenario
        wall = Samples(tuple(r.wall for r in runs))
        if scenario.floor_of is not None:
            floor = Samples(tuple(r.wall for r in results[scenario.floor_of]))
            bound = [max(f, r.minimum) for f, r in zip(floor.values, runs, strict=True)]
            of = Samples(tuple(b / r.wall for b, r in zip(bound, runs, strict=True)))
            of_text = _spread(of, _pct) + " of max(round trips, limit)"
        elif scenario.server_rate is None:
            of_text = "(floor)"
        else:
            of_text = _spread(Samples(tuple(r.of_limit for r in runs)), _pct)
        limited = Samples(tuple(float(r.tally.limited) for r in runs))
        lines.append(
            (
                name,
                str(runs[0].tally.accepted),
                _spread(wall, fmt_seconds),
                of_text,
                _spread(limited, lambda v: f"{v:g}"),
                fmt_seconds(Samples(tuple(r.tally.asked_wait for r in runs)).median),
                "-"
                if runs[0].client_waited is None
                else fmt_seconds(Samples(tuple(r.client_waited or 0.0 for r in runs)).median),
                f"{runs[0].rows_landed:,}",
            )
        )
    rounds = len(next(iter(results.values())))
    title = (
        f"Bulk write, server {LATENCY * 1000:.0f} ms latency, bucket of {BURST}, smartsuite "
        f"limiter {limiter}; {rounds} fresh-process rounds, median (min - max)"
    )
    headers = (
        "run",
        "requests",
        "wall",
        "of limit",
        "429s",
        "waits asked",
        "waits taken",
        "rows landed",
    )
    text = table(title, headers, lines)
    seqs = [v for k, v in results.items() if k.startswith("smartsuite rows.add, seq")]
    seq = seqs[-1] if seqs else None  # the adaptive run when both limiters ran
    sdk = next((v for k, v in results.items() if k.startswith("official SDK")), None)
    if seq and sdk:
        ratios = Samples(tuple(s.wall / o.wall for s, o in zip(sdk, seq, strict=True)))
        text += (
            f"\n- official SDK / smartsuite, same sequential work: {_spread(ratios, fmt_ratio)}"
            " per round\n"
        )
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bulk_write", description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000, help="rows in all (100000)")
    parser.add_argument("--sheets", type=int, default=5, help="sheets (5)")
    parser.add_argument("--lower-rate", type=float, default=8.0, help="the lower server limit")
    parser.add_argument("--one-sheet-rows", type=int, default=10_000, help="one-sheet rows")
    parser.add_argument("--sdk-rows", type=int, default=20_000, help="sequential rows (20000)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh-process rounds (5)")
    parser.add_argument(
        "--limiter",
        choices=("adaptive", "fixed", "both"),
        default="adaptive",
        help="smartsuite's limiter: adaptive (the default), fixed (a plain token bucket), both",
    )
    parser.add_argument("--only", default="", help="run only scenarios whose name has this")
    parser.add_argument("--no-sdk", action="store_true", help="leave out the official SDK")
    args = parser.parse_args(argv)
    with_sdk = not args.no_sdk
    if with_sdk:
        try:
            import smartsheet  # noqa: F401
        except ImportError:
            emit(
                "smartsheet-python-sdk is not installed (pip install 'smartsuite[bench]'); skipped"
            )
            with_sdk = False
    emit(f"machine: {machine()}; {load()} at the start")
    chosen = scenarios(
        rows=args.rows,
        sheets=args.sheets,
        lower_rate=args.lower_rate,
        one_sheet_rows=args.one_sheet_rows,
        sdk_rows=args.sdk_rows,
        sdk=with_sdk,
    )
    if args.only:
        keep = {s.name for s in chosen if args.only in s.name}
        keep |= {s.floor_of for s in chosen if s.name in keep and s.floor_of}
        chosen = [s for s in chosen if s.name in keep]
    chosen = with_limiters(chosen, args.limiter)
    results: dict[str, list[RunResult]] = {s.name: [] for s in chosen}
    for _ in range(args.repeat):
        for scenario in chosen:
            results[scenario.name].append(run_once(scenario))
    emit(render(results, args.limiter))
    emit(f"{load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
