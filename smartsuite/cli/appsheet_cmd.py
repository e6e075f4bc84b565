"""``smartsuite appsheet``: find and upsert rows of an AppSheet table."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .._core.ratelimit import LocalRateLimit
from ..appsheet import AppSheetClient
from ..appsheet.client import DEFAULT_RATE_LIMIT
from ..etl import read_records, upsert_table, write_records
from ._common import (
    BaseUrlOpt,
    CheckpointOpt,
    DryRunOpt,
    EmulatorOpt,
    FailuresOpt,
    JsonOpt,
    maybe_emulator,
    out_console,
    print_json,
    run,
)
from ._output import JobProgress, MeasuredLimiter, report_upsert

app = typer.Typer(help="AppSheet tables: find, upsert.", no_args_is_help=True)

AppIdOpt = Annotated[
    str | None, typer.Option("--app-id", help="The app id (default: $APPSHEET_APP_ID).")
]
KeyOpt = Annotated[
    str | None,
    typer.Option(
        "--access-key",
        help="Application Access Key (default: $APPSHEET_ACCESS_KEY). Never printed.",
        show_default=False,
    ),
]
AsRegionOpt = Annotated[str, typer.Option("--region", help="global, eu or asia-southeast.")]


@contextlib.asynccontextmanager
async def connect(
    emulator: bool, base_url: str | None, app_id: str | None, access_key: str | None, region: str
) -> AsyncIterator[tuple[AppSheetClient, MeasuredLimiter]]:
    """An AppSheet client (on an embedded emulator with ``--emulator``)."""
    limiter = MeasuredLimiter(LocalRateLimit(DEFAULT_RATE_LIMIT))
    async with maybe_emulator(emulator) as emu:
        if emu is not None:
            base_url, app_id = emu.appsheet_url, emu.appsheet_app_id
            access_key = emu.appsheet_access_key
        async with AppSheetClient(
            app_id, access_key, region=region, base_url=base_url, rate_limit=limiter
        ) as client:
            yield client, limiter


@app.command("find")
def find(
    table: Annotated[str, typer.Argument(help="The table name.")],
    selector: Annotated[
        str | None,
        typer.Option("--selector", help="An AppSheet expression, e.g. Filter(People, [Age] > 30)."),
    ] = None,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write the rows to this file.")
    ] = None,
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    app_id: AppIdOpt = None,
    access_key: KeyOpt = None,
    region: AsRegionOpt = "global",
    as_json: JsonOpt = False,
) -> None:
    """Read the rows of a table (those the selector picks)."""

    async def job() -> int:
        async with connect(emulator, base_url, app_id, access_key, region) as (client, _):
            rows: list[dict[str, object]] = await client.table(table).find(selector)
        if output is not None:
            await write_records(rows, output)
        if as_json:
            print_json(rows)
        elif output is None:
            columns = list(dict.fromkeys(c for r in rows for c in r))
            view = Table(*columns, title=f"{table}: {len(rows)} rows")
            for r in rows:
                view.add_row(*(str(r.get(c, "")) for c in columns))
            out_console.print(view)
        else:
            out_console.print(escape(f"wrote {len(rows)} rows to {output}"))
        return 0

    run(job)


@app.command("upsert")
def upsert(
    table: Annotated[str, typer.Argument(help="The table name.")],
    file: Annotated[str, typer.Argument(help="CSV, JSON Lines or Parquet file of rows.")],
    key: Annotated[str, typer.Option("--key", help="The table's key column.")],
    dry_run: DryRunOpt = False,
    checkpoint: CheckpointOpt = None,
    failures: FailuresOpt = None,
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    app_id: AppIdOpt = None,
    access_key: KeyOpt = None,
    region: AsRegionOpt = "global",
    as_json: JsonOpt = False,
) -> None:
    """Add or update rows of a table from a file, matching on its key column."""

    async def job() -> int:
        records = read_records(file)
        start = time.perf_counter()
        async with connect(emulator, base_url, app_id, access_key, region) as (client, limiter):
            with JobProgress(not as_json, limiter) as progress:
                result = await upsert_table(
                    client,
                    table,
                    records,
                    key=key,
                    checkpoint=checkpoint,
                    dry_run=dry_run,
                    on_progress=progress,
                )
            return report_upsert(
                result,
                client.stats,
                time.perf_counter() - start,
                as_json=as_json,
                failures=failures,
                records=records,
            )

    run(job)
