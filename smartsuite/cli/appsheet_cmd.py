"""``smartsuite appsheet``: find and upsert rows of an AppSheet table."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from functools import partial
from typing import Annotated

import typer
from rich.table import Table

from ..etl import read_records, upsert_table
from ._common import (
    CheckpointOpt,
    DryRunOpt,
    EmulatorOpt,
    FailuresOpt,
    JsonOpt,
    VerboseOpt,
    out_console,
    print_json,
    remember_resume,
    run,
)
from ._connect import AccessKeyOpt, AppIdOpt, AsBaseUrlOpt, AsRegionOpt, appsheet
from ._export import export_to_file, output_format, report_written
from ._help import command, group
from ._output import JobProgress, upsert_and_report

app = group("AppSheet tables: find, upsert.")


@command(app, "find")
def find(
    table: Annotated[str, typer.Argument(help="The table name.")],
    selector: Annotated[
        str | None,
        typer.Option("--selector", help="An AppSheet expression, e.g. Filter(People, [Age] > 30)."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Write the rows to this file; - for stdout."),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv, jsonl or parquet (default: from -o).")
    ] = None,
    emulator: EmulatorOpt = False,
    base_url: AsBaseUrlOpt = None,
    app_id: AppIdOpt = None,
    access_key: AccessKeyOpt = None,
    region: AsRegionOpt = "global",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Read the rows of a table (those the selector picks): a table on the terminal, JSON with
    --json, or a file with -o."""

    async def job() -> int:
        kind = output_format(output, fmt) if output is not None else ""
        async with appsheet(emulator, base_url, app_id, access_key, region) as (client, _):
            rows: list[dict[str, object]] = await client.table(table).list(selector).to_list()

        async def each() -> AsyncIterator[dict[str, object]]:
            for row in rows:
                yield row

        if output is not None:
            with JobProgress(False) as progress:
                await export_to_file(each(), output, kind, progress)
            summary = {"rows": len(rows), "file": output, "format": kind}
            report_written(summary, f"wrote {len(rows)} rows", as_json=as_json)
        elif as_json:
            print_json(rows)
        else:
            columns = list(dict.fromkeys(c for r in rows for c in r))
            view = Table(*columns, title=f"{table}: {len(rows)} rows")
            for r in rows:
                view.add_row(*(str(r.get(c, "")) for c in columns))
            out_console.print(view)
        return 0

    run(job, as_json=as_json, verbose=verbose)


@command(app, "upsert")
def upsert(
    table: Annotated[str, typer.Argument(help="The table name.")],
    file: Annotated[str, typer.Argument(help="CSV, JSON Lines or Parquet file of rows.")],
    key: Annotated[str, typer.Option("--key", help="The table's key column.")],
    dry_run: DryRunOpt = False,
    checkpoint: CheckpointOpt = None,
    failures: FailuresOpt = None,
    emulator: EmulatorOpt = False,
    base_url: AsBaseUrlOpt = None,
    app_id: AppIdOpt = None,
    access_key: AccessKeyOpt = None,
    region: AsRegionOpt = "global",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Add or update rows of a table from a file, matching on its key column."""
    remember_resume(checkpoint)

    async def job() -> int:
        records = read_records(file)
        start = time.perf_counter()
        async with appsheet(emulator, base_url, app_id, access_key, region) as (client, limiter):
            return await upsert_and_report(
                partial(upsert_table, client, table, key=key), limiter, client.stats, start,
                as_json=as_json, failures=failures, records=records, key=(key,),
                checkpoint=checkpoint, dry_run=dry_run,
            )  # fmt: skip

    run(job, as_json=as_json, verbose=verbose)
