"""``smartsuite demo``: the main job, end to end, against the embedded emulator.

Generates a CSV of employees, upserts it into a sheet, changes 5% and upserts again (only the
changed rows are sent), exports the sheet back to CSV and checks it matches, then exports RM
time entries and adds / finds AppSheet rows, and prints a summary table.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import attrs
import typer
from rich.table import Table

from .._core.errors import NotFoundError, SmartsuiteError
from .._core.ratelimit import LocalRateLimit
from .._core.transport import TransportStats
from ..appsheet.client import DEFAULT_RATE_LIMIT as APPSHEET_RATE_LIMIT
from ..emulator import Emulator
from ..etl import (
    read_records,
    stream_sheet,
    stream_time_entries,
    upsert_rows,
    upsert_table,
    write_records,
)
from ..resource_management.client import DEFAULT_RATE_LIMIT as RM_RATE_LIMIT
from ..smartsheet import Column, SmartsheetClient
from ..smartsheet.client import DEFAULT_RATE_LIMIT
from ._common import out_console, run, say
from ._export import export_to_file
from ._output import JobProgress, MeasuredLimiter

TRY_NEXT = (
    "try next, with your own CSV (the background emulator keeps the sheet between commands): "
    'smartsuite sheets upsert Staff your.csv --key "Employee ID" --create --emulator, then '
    "smartsuite sheets export Staff -o - --emulator; stop it with smartsuite emulator --stop"
)

COLUMNS = ("Employee ID", "Name", "Email", "Department", "Title", "Salary", "Start Date")
_DEPARTMENTS = ("Ops", "Sales", "Engineering", "Finance", "Support", "Legal")
_TITLES = ("Associate", "Analyst", "Engineer", "Manager", "Director")


class DemoFailed(SmartsuiteError):
    """A check of the demo did not hold."""


def demo(
    rows: Annotated[
        int, typer.Option("--rows", min=20, help="Employee rows to generate.")
    ] = 50_000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated data.")] = 7,
) -> None:
    """Start the embedded emulator and run the main job: upsert, re-upsert 5% changes,
    export and verify, with RM and AppSheet steps."""
    run(lambda: _demo(rows, seed))


@attrs.define
class _Summary:
    table: Table = attrs.field(factory=lambda: _summary_table())
    started: float = attrs.field(factory=time.perf_counter)
    before: TransportStats | None = None
    waited: float = 0.0
    checks: list[str] = attrs.field(factory=list)

    def mark(self, stats: TransportStats, limiter: MeasuredLimiter) -> None:
        self.started = time.perf_counter()
        self.before = attrs.evolve(stats, retries=stats.retries.copy())
        self.waited = limiter.waited

    def add(self, step: str, rows: int, stats: TransportStats, limiter: MeasuredLimiter) -> None:
        b = self.before or TransportStats()
        self.table.add_row(
            step,
            f"{rows:,}",
            str(stats.requests - b.requests),
            str(stats.total_retries - b.total_retries),
            str(stats.rate_limited - b.rate_limited),
            f"{limiter.waited - self.waited:.2f}",
            f"{time.perf_counter() - self.started:.2f}",
        )

    def check(self, condition: bool, what: str, detail: str = "") -> None:
        """Check a claim of the demo; it is listed in the closing verification line."""
        check(condition, what + (f" ({detail})" if detail else ""))
        self.checks.append(what)


def _summary_table() -> Table:
    table = Table(title="smartsuite demo (embedded emulator)")
    for name in ("step", "rows", "requests", "retries", "429s", "rate-limit wait s", "seconds"):
        table.add_column(name, justify="left" if name == "step" else "right")
    return table


def generate(count: int, seed: int) -> list[dict[str, Any]]:
    """Employee records, deterministic for a seed."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    return [
        {
            "Employee ID": f"E{i:06d}",
            "Name": f"Employee {i}",
            "Email": f"employee{i}@example.com",
            "Department": rng.choice(_DEPARTMENTS),
            "Title": rng.choice(_TITLES),
            "Salary": str(rng.randrange(40_000, 200_000, 500)),
            "Start Date": (start + dt.timedelta(days=rng.randrange(3650))).isoformat(),
        }
        for i in range(count)
    ]


def check(condition: bool, what: str) -> None:
    if not condition:
        raise DemoFailed(f"demo check failed: {what}")


async def _smartsheet(emu: Emulator, count: int, seed: int, work: Path, out: _Summary) -> None:
    limiter = MeasuredLimiter(LocalRateLimit(DEFAULT_RATE_LIMIT))
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=limiter
    ) as ss:
        out.mark(ss.stats, limiter)
        # In a workspace: POST /sheets (the Sheets folder) is deprecated by Smartsheet.
        workspace = await ss.workspaces.create("smartsuite demo")
        sheet = await ss.sheets.create_in_workspace(
            workspace.id,
            "Employees",
            [Column(title=c, type="TEXT_NUMBER", primary=c == COLUMNS[0]) for c in COLUMNS],
        )
        assert sheet.id is not None
        sheet_id = sheet.id
        source = work / "employees.csv"
        await write_records(generate(count, seed), source)
        records = read_records(source)
        with JobProgress(True, limiter) as progress:
            first = await upsert_rows(
                ss, sheet.id, records, key="Employee ID", on_progress=progress
            )
        out.check(
            first.ok and len(first.added) == count,
            f"{count:,} rows added",
            f"first upsert: {first.summary()}",
        )
        out.add("upsert (all new)", count, ss.stats, limiter)

        out.mark(ss.stats, limiter)
        rng = random.Random(seed + 1)
        changed = sorted(rng.sample(range(count), count // 20))
        for i in changed:
            records[i]["Salary"] = str(int(records[i]["Salary"]) + 1000)
        await write_records(records, source)
        records = read_records(source)
        emu.smartsheet.log.clear()
        with JobProgress(True, limiter) as progress:
            second = await upsert_rows(
                ss, sheet.id, records, key="Employee ID", on_progress=progress
            )
        out.check(
            [r.index for r in second.updated] == changed
            and len(second.unchanged) == count - len(changed)
            and all(r.changed == ("Salary",) for r in second.updated),
            f"{len(changed):,} changed rows updated",
            f"second upsert: {second.summary()}",
        )
        sent = [e.json() for e in emu.smartsheet.log if e.method in ("PUT", "POST")]
        out.check(sum(len(body) for body in sent) == len(changed), "only those rows sent")
        out.add(f"upsert ({len(changed):,} changed)", count, ss.stats, limiter)

        out.mark(ss.stats, limiter)
        exported = work / "export.csv"
        with JobProgress(True, limiter) as progress:
            records_out = stream_sheet(ss, sheet_id, page_size=5000)
            written = await export_to_file(
                records_out, str(exported), "csv", progress, every=5000, total=count
            )
        out.check(read_records(exported) == records, "the exported CSV matches the source")
        out.add("export to CSV + verify", written, ss.stats, limiter)


async def _resource_management(emu: Emulator, work: Path, out: _Summary) -> None:
    from ..resource_management import ResourceManagementClient

    limiter = MeasuredLimiter(LocalRateLimit(RM_RATE_LIMIT))
    async with ResourceManagementClient(
        emu.rm_token, base_url=emu.rm_url, rate_limit=limiter
    ) as rm:
        out.mark(rm.stats, limiter)
        user = await rm.users.create(first_name="Ada", last_name="Lovelace")
        project = await rm.projects.create(name="Demo project")
        day = dt.date(2024, 3, 4)
        for offset in range(5):
            await rm.time_entries.create(
                user.id,
                assignable_id=project.id,
                date=day + dt.timedelta(days=offset),
                hours=8.0,
            )
        entries = stream_time_entries(rm, from_=day, to=day + dt.timedelta(days=6))
        written = await write_records(entries, work / "time.jsonl")
        out.check(written == 5, "RM time entries read back", f"exported: {written}")
        out.add("RM time-entry export", written, rm.stats, limiter)


async def _appsheet(emu: Emulator, out: _Summary) -> None:
    from ..appsheet import AppSheetClient

    limiter = MeasuredLimiter(LocalRateLimit(APPSHEET_RATE_LIMIT))
    async with AppSheetClient(
        emu.appsheet_app_id, emu.appsheet_access_key, base_url=emu.appsheet_url, rate_limit=limiter
    ) as app:
        out.mark(app.stats, limiter)
        rows = [{"ID": f"D{i}", "Name": f"Demo {i}", "Age": str(30 + i)} for i in range(3)]
        result = await upsert_table(app, "People", rows, key="ID")
        found = await app.table("People").list("Filter(People, [Age] >= 31)").to_list()
        ids = {r["ID"] for r in found}
        out.check(result.ok and {"D1", "D2"} <= ids, "AppSheet rows found")
        out.add("AppSheet add + find", len(rows), app.stats, limiter)


async def _demo(count: int, seed: int) -> int:
    summary = _Summary()
    total = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="smartsuite-demo-") as tmp:
        async with Emulator() as emu:
            await _smartsheet(emu, count, seed, Path(tmp), summary)
            try:
                await _resource_management(emu, Path(tmp), summary)
            except NotFoundError as exc:  # an emulator without the RM time-entry routes
                say(f"RM step skipped: {exc}", style="yellow")
            await _appsheet(emu, summary)
    summary.table.caption = f"total {time.perf_counter() - total:.1f} s"
    out_console.print(summary.table)
    say(f"verified: {'; '.join(summary.checks)}.", error=False, style="green")
    say(TRY_NEXT, error=False)
    return 0
