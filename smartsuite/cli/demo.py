"""``smartsuite demo``: the main job, end to end, against the embedded emulator."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.table import Table

from ..emulator import Emulator
from ..smartsheet import Column, SmartsheetClient
from ._common import err_console, out_console, run


def demo(
    rows: Annotated[int, typer.Option("--rows", min=1, help="Employee rows to generate.")] = 1000,
) -> None:
    """Start the embedded emulator and run a job through all three clients."""
    run(lambda: _demo(rows))


def _summary_table() -> Table:
    table = Table(title="smartsuite demo (embedded emulator)")
    for name in ("step", "rows", "requests", "retries", "429s", "seconds"):
        table.add_column(name, justify="left" if name == "step" else "right")
    return table


async def _smartsheet_step(emu: Emulator, count: int, summary: Table) -> bool:
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        t0 = time.perf_counter()
        sheet = await ss.sheets.create(
            "Employees",
            [
                Column(title="Employee ID", type="TEXT_NUMBER", primary=True),
                Column(title="Name", type="TEXT_NUMBER"),
            ],
        )
        assert sheet.id is not None
        records = [{"Employee ID": f"E{i:06d}", "Name": f"Person {i}"} for i in range(count)]
        result = await ss.rows.add(sheet.id, records)
        result.raise_for_failures()
        back = (await ss.sheets.get(sheet.id)).to_records()
        if back != records:
            err_console.print("[red]the sheet read back does not match what was written")
            return False
        stats = ss.stats
        summary.add_row(
            "Smartsheet: add rows, read back",
            str(count),
            str(stats.requests),
            str(stats.total_retries),
            str(stats.rate_limited),
            f"{time.perf_counter() - t0:.2f}",
        )
    return True


async def _demo(count: int) -> int:
    summary = _summary_table()
    async with Emulator() as emu:
        ok = await _smartsheet_step(emu, count, summary)
    out_console.print(summary)
    return 0 if ok else 1
