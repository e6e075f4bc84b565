"""``smartsuite sheets``: list, export and upsert Smartsheet sheets."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .._core.errors import ConfigurationError
from .._core.ratelimit import LocalRateLimit
from ..etl import read_records, stream_sheet, upsert_rows
from ..etl.files import guess_format
from ..smartsheet import Column, SmartsheetClient
from ..smartsheet.client import DEFAULT_RATE_LIMIT
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
from ._output import JobProgress, MeasuredLimiter, export_to_file, report_upsert, stats_dict

app = typer.Typer(help="Smartsheet sheets: list, export, upsert.", no_args_is_help=True)

TokenOpt = Annotated[
    str | None,
    typer.Option(
        "--token",
        help="Access token (default: $SMARTSHEET_ACCESS_TOKEN). Never printed.",
        show_default=False,
    ),
]
SsRegionOpt = Annotated[str, typer.Option("--region", help="us, eu, gov or au.")]
SheetArg = Annotated[str, typer.Argument(help="Sheet id, or its exact name.")]


@contextlib.asynccontextmanager
async def connect(
    emulator: bool, base_url: str | None, token: str | None, region: str
) -> AsyncIterator[tuple[SmartsheetClient, MeasuredLimiter]]:
    """A Smartsheet client (on an embedded emulator with ``--emulator``) and its measured
    rate limiter."""
    limiter = MeasuredLimiter(LocalRateLimit(DEFAULT_RATE_LIMIT))
    async with maybe_emulator(emulator) as emu:
        if emu is not None:
            base_url, token = emu.smartsheet_url, emu.smartsheet_token
        async with SmartsheetClient(
            token, region=region, base_url=base_url, rate_limit=limiter
        ) as ss:
            yield ss, limiter


async def resolve_sheet(ss: SmartsheetClient, ref: str) -> int | None:
    """The id of the sheet given by id or by name; None when no sheet has that name.

    Raises:
        ConfigurationError: several sheets have that name.
    """
    if ref.isdigit():
        return int(ref)
    found = [s.id async for s in ss.sheets.list() if s.name == ref and s.id is not None]
    if len(found) > 1:
        raise ConfigurationError(f"{len(found)} sheets are named {ref!r}; give the sheet id")
    return found[0] if found else None


@app.command("list")
def list_sheets(
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    token: TokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
) -> None:
    """List the sheets the token can see."""

    async def job() -> int:
        async with connect(emulator, base_url, token, region) as (ss, _):
            sheets = [s async for s in ss.sheets.list()]
        if as_json:
            print_json([{"id": s.id, "name": s.name, "modified_at": s.modified_at} for s in sheets])
            return 0
        table = Table("id", "name", "modified")
        for s in sheets:
            table.add_row(str(s.id), s.name or "", str(s.modified_at or ""))
        out_console.print(table)
        return 0

    run(job)


@app.command("export")
def export(
    sheet: SheetArg,
    output: Annotated[str, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv, jsonl or parquet (default: from -o).")
    ] = None,
    page_size: Annotated[int, typer.Option("--page-size", min=1, help="Rows per request.")] = 1000,
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    token: TokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
) -> None:
    """Export every row of a sheet to CSV, JSON Lines or Parquet, page by page."""

    async def job() -> int:
        kind = guess_format(output, fmt)
        start = time.perf_counter()
        async with connect(emulator, base_url, token, region) as (ss, limiter):
            sheet_id = await resolve_sheet(ss, sheet)
            if sheet_id is None:
                raise ConfigurationError(f"no sheet named {sheet!r}")
            with JobProgress(not as_json, limiter) as progress:
                records = stream_sheet(ss, sheet_id, page_size=page_size)
                count = await export_to_file(records, output, kind, progress, every=page_size)
            summary = {"rows": count, "file": output, "format": kind}
            summary.update(stats_dict(ss.stats, time.perf_counter() - start))
        if as_json:
            print_json(summary)
        else:
            out_console.print(escape(f"exported {count} rows to {output} ({kind})"))
        return 0

    run(job)


@app.command("upsert")
def upsert(
    sheet: SheetArg,
    file: Annotated[str, typer.Argument(help="CSV, JSON Lines or Parquet file of records.")],
    key: Annotated[str, typer.Option("--key", help="The key column (comma-separate several).")],
    create: Annotated[
        bool, typer.Option("--create", help="Create the sheet (from the file's columns) if absent.")
    ] = False,
    dry_run: DryRunOpt = False,
    checkpoint: CheckpointOpt = None,
    failures: FailuresOpt = None,
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    token: TokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
) -> None:
    """Add or update rows of a sheet from a file, matching on the key column."""

    async def job() -> int:
        records = read_records(file)
        keys = [k.strip() for k in key.split(",") if k.strip()]
        start = time.perf_counter()
        async with connect(emulator, base_url, token, region) as (ss, limiter):
            sheet_id = await resolve_sheet(ss, sheet)
            if sheet_id is None:
                if not create or sheet.isdigit():
                    raise ConfigurationError(f"no sheet named {sheet!r} (use --create to make it)")
                sheet_id = await create_sheet(ss, sheet, records, keys[0])
            with JobProgress(not as_json, limiter) as progress:
                result = await upsert_rows(
                    ss,
                    sheet_id,
                    records,
                    key=keys,
                    checkpoint=checkpoint,
                    dry_run=dry_run,
                    on_progress=progress,
                )
            return report_upsert(
                result,
                ss.stats,
                time.perf_counter() - start,
                as_json=as_json,
                failures=failures,
                records=records,
            )

    run(job)


async def create_sheet(
    ss: SmartsheetClient, name: str, records: list[dict[str, object]], key: str
) -> int:
    """Create a sheet whose columns are the records' fields, the key column primary."""
    fields = list(dict.fromkeys(f for r in records for f in r))
    if key not in fields:
        raise ConfigurationError(f"the file has no column {key!r}")
    columns = [Column(title=key, type="TEXT_NUMBER", primary=True)]
    columns += [Column(title=f, type="TEXT_NUMBER") for f in fields if f != key]
    created = await ss.sheets.create(name, columns)
    assert created.id is not None
    return created.id
