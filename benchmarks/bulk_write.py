"""Benchmark 2: bulk write throughput against a rate limit.

The emulator answers every request after 30 ms and allows 10 requests per second per token
(Smartsheet's 300 per minute, scaled down). smartsuite upserts 100,000 rows into 5 sheets
(``ss.rows.upsert``: 500 rows per request, one request at a time per sheet, the sheets in
parallel) in two set-ups: its limiter configured like the server, and the server allowing less
than configured (8 requests/s). The official SDK then adds the same rows the way its docs show:
``Sheets.add_rows`` with 500 rows, one request after another.

Reported: requests/s achieved against the server's limit, 429 answers, the waits the server asked
for against the waits taken, and wall time against the theoretical minimum
(accepted requests / limit).

Run: ``python -m benchmarks.bulk_write`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Sequence
from typing import Any

import attrs

from smartsuite import RateLimitConfig, RetryConfig, SmartsheetClient
from smartsuite.emulator import Emulator

from ._harness import EmulatorThread, emit, fmt_ratio, fmt_seconds, machine, table

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


@attrs.define
class ServerTally:
    """What the emulator saw during one run: requests by status, and the waits it asked for."""

    accepted: int = 0
    limited: int = 0
    asked_wait: float = 0.0


@attrs.frozen
class RunResult:
    name: str
    wall: float
    tally: ServerTally
    server_limit: float
    client_waited: float | None
    rows_landed: int
    rows_expected: int

    @property
    def minimum(self) -> float:
        """The fastest the server allows: accepted requests at its limit, less the bucket's
        worth that may go at once at the start."""
        return max(0, self.tally.accepted - BURST) / self.server_limit

    @property
    def rate(self) -> float:
        return self.tally.accepted / self.wall


class Recorder:
    """Counts the emulator's answers and the Retry-After waits it hands out."""

    def __init__(self, emu: Emulator) -> None:
        self.service = emu.smartsheet
        self.tally = ServerTally()
        self._mark = 0
        original = type(self.service).rate_limited

        def rate_limited(wait: float) -> Any:
            self.tally.asked_wait += max(wait, 0.001)
            return original(self.service, wait)

        self.service.rate_limited = rate_limited  # type: ignore[method-assign]

    def start(self) -> None:
        self.tally = ServerTally(asked_wait=0.0)
        self._mark = len(self.service.log)

    def stop(self) -> ServerTally:
        for entry in self.service.log[self._mark :]:
            if entry.status == 429:
                self.tally.limited += 1
            else:
                self.tally.accepted += 1
        return self.tally


def server_limits(emu: Emulator, rate: float | None) -> None:
    faults = emu.smartsheet.faults
    faults.rate_limit = rate
    faults.burst = BURST
    faults.latency = LATENCY if rate is not None else 0.0


async def make_sheets(emu: Emulator, count: int, label: str) -> list[int]:
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        return [(await ss.sheets.create(f"{label} {n}", COLUMNS)).id or 0 for n in range(count)]


def rows_in(emu: Emulator, sheet_ids: Sequence[int]) -> int:
    return sum(len(emu.smartsheet.state.sheet(s).rows) for s in sheet_ids)


async def smartsuite_upsert(
    emu: Emulator, sheet_ids: Sequence[int], per_sheet: int, client_rate: float
) -> float:
    """Upsert every sheet's records in parallel; returns the seconds the client waited."""
    config = RateLimitConfig(rate=client_rate, per=1, burst=BURST)
    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        rate_limit=config,
        retry=RetryConfig(max_attempts=20, max_total_seconds=600),
    ) as ss:
        results = await asyncio.gather(
            *(
                ss.rows.upsert(sheet_id, records(n, per_sheet), key="Key")
                for n, sheet_id in enumerate(sheet_ids)
            )
        )
        for result in results:
            if len(result.added) != per_sheet:
                raise RuntimeError(f"upsert added {len(result.added)} of {per_sheet} rows")
        return ss.stats.waited_seconds


def sdk_add_rows(emu: Emulator, sheet_ids: Sequence[int], per_sheet: int) -> None:
    """The official SDK's documented bulk add: 500 rows per ``add_rows``, sequentially."""
    import smartsheet  # type: ignore[import-untyped]

    client = smartsheet.Smartsheet(
        access_token=emu.smartsheet_token, api_base=emu.smartsheet_url, user_agent="bench"
    )
    client.errors_as_exceptions(True)
    for n, sheet_id in enumerate(sheet_ids):
        columns = client.Sheets.get_columns(sheet_id, include_all=True).data
        ids = {c.title: c.id for c in columns}
        recs = records(n, per_sheet)
        for start in range(0, len(recs), BATCH):
            rows = []
            for rec in recs[start : start + BATCH]:
                row = smartsheet.models.Row()
                row.to_bottom = True
                row.cells = [{"column_id": ids[k], "value": v} for k, v in rec.items()]
                rows.append(row)
            client.Sheets.add_rows(sheet_id, rows)


def run(*, sheets: int, rows: int, with_sdk: bool, lower_rate: float = 8.0) -> list[RunResult]:
    """Every scenario on one emulator; ``rows`` in all, spread over ``sheets`` sheets."""
    per_sheet = rows // sheets
    out: list[RunResult] = []
    with EmulatorThread() as emu:
        recorder = Recorder(emu)
        scenarios: list[tuple[str, float, float | None]] = [
            (f"smartsuite upsert, limiter = server ({LIMIT:g}/s)", LIMIT, LIMIT),
            (
                f"smartsuite upsert, server {lower_rate:g}/s < limiter {LIMIT:g}/s",
                lower_rate,
                LIMIT,
            ),
        ]
        if with_sdk:
            scenarios.append(("official SDK add_rows x500, sequential", LIMIT, None))
        for name, server_rate, client_rate in scenarios:
            server_limits(emu, None)
            sheet_ids = asyncio.run(make_sheets(emu, sheets, name))
            server_limits(emu, server_rate)
            recorder.start()
            start = time.perf_counter()
            waited: float | None = None
            if client_rate is None:
                sdk_add_rows(emu, sheet_ids, per_sheet)
            else:
                waited = asyncio.run(smartsuite_upsert(emu, sheet_ids, per_sheet, client_rate))
            wall = time.perf_counter() - start
            tally = recorder.stop()
            landed = rows_in(emu, sheet_ids)
            out.append(
                RunResult(name, wall, tally, server_rate, waited, landed, per_sheet * sheets)
            )
        server_limits(emu, None)
    return out


def render(results: list[RunResult], rows: int, sheets: int) -> str:
    lines = []
    for r in results:
        lines.append(
            (
                r.name,
                str(r.tally.accepted),
                f"{r.rate:.2f}/s",
                f"{r.minimum / r.wall:.1%}",
                str(r.tally.limited),
                fmt_seconds(r.tally.asked_wait),
                "-" if r.client_waited is None else fmt_seconds(r.client_waited),
                fmt_seconds(r.wall),
                fmt_seconds(r.minimum),
                fmt_ratio(r.wall / r.minimum) if r.minimum else "-",
                f"{r.rows_landed:,}/{r.rows_expected:,}",
            )
        )
    title = (
        f"Bulk write: {rows:,} rows into {sheets} sheets, server {LATENCY * 1000:.0f} ms latency, "
        f"bucket of {BURST}"
    )
    headers = (
        "run",
        "requests",
        "achieved",
        "of limit",
        "429s",
        "waits asked",
        "waits taken",
        "wall",
        "minimum",
        "wall / minimum",
        "rows landed",
    )
    return table(title, headers, lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bulk_write", description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000, help="rows in all (100000)")
    parser.add_argument("--sheets", type=int, default=5, help="sheets (5)")
    parser.add_argument("--lower-rate", type=float, default=8.0, help="the lower server limit")
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
    emit(f"machine: {machine()}")
    results = run(sheets=args.sheets, rows=args.rows, with_sdk=with_sdk, lower_rate=args.lower_rate)
    emit(render(results, args.rows, args.sheets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
