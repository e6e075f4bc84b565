"""``smartsuite sheets``: list, export and upsert Smartsheet sheets."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Annotated

import typer

from .._core.errors import ConfigurationError
from ..etl import key_fields, read_records, stream_sheet, upsert_rows
from ..smartsheet import Column, SmartsheetClient
from ..smartsheet.resources.downloads import PAPER_SIZES
from ._common import (
    CheckpointOpt,
    DryRunOpt,
    EmulatorOpt,
    FailuresOpt,
    JsonOpt,
    VerboseOpt,
    print_listing,
    remember_resume,
    resolve_id,
    run,
)
from ._connect import SsBaseUrlOpt, SsRegionOpt, SsTokenOpt, smartsheet
from ._download import (
    SHEET_KINDS,
    DownloadOutputOpt,
    check_binary_stdout,
    download,
    download_format,
)
from ._export import export_and_report, output_format
from ._help import command, group
from ._output import upsert_and_report

app = group("Smartsheet sheets: list, export, download, upsert.")

SheetArg = Annotated[str, typer.Argument(help="Sheet id, or its exact name.")]
OutputOpt = Annotated[str, typer.Option("-o", "--output", help="File to write; - for stdout.")]
FormatOpt = Annotated[
    str | None, typer.Option("--format", help="csv, jsonl or parquet (default: from -o).")
]


async def resolve_sheet(
    ss: SmartsheetClient,
    ref: str,
    create: Callable[[], Awaitable[int]] | None = None,
    hint: str = "",
) -> int:
    """The id of the sheet given by id or by name, else made by ``create`` (see
    :func:`resolve_id`)."""
    return await resolve_id(
        ref, ss.sheets.list, "sheet", "give the sheet id", create=create, hint=hint
    )


@command(app, "list")
def list_sheets(
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """List the sheets the token can see."""

    async def job() -> int:
        async with smartsheet(emulator, base_url, token, region) as (ss, _):
            sheets = [
                {"id": s.id, "name": s.name, "modified_at": s.modified_at}
                async for s in ss.sheets.list()
            ]
        columns = {"id": "id", "name": "name", "modified": "modified_at"}
        return print_listing(sheets, columns, as_json=as_json)

    run(job, as_json=as_json, verbose=verbose)


@command(app, "export")
def export(
    sheet: SheetArg,
    output: OutputOpt,
    fmt: FormatOpt = None,
    page_size: Annotated[int, typer.Option("--page-size", min=1, help="Rows per request.")] = 1000,
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Export every row of a sheet to CSV, JSON Lines or Parquet, page by page (-o - writes to
    stdout, CSV unless --format says otherwise)."""

    async def job() -> int:
        kind = output_format(output, fmt)
        start = time.perf_counter()
        async with smartsheet(emulator, base_url, token, region) as (ss, limiter):
            sheet_id = await resolve_sheet(ss, sheet)
            return await export_and_report(
                lambda: stream_sheet(ss, sheet_id, page_size=page_size), output, kind, limiter,
                ss.stats, start, as_json=as_json, every=page_size, what="rows",
            )  # fmt: skip

    run(job, as_json=as_json, verbose=verbose)


@command(app, "download")
def download_sheet(
    sheet: SheetArg,
    output: DownloadOutputOpt,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="csv, excel or pdf (default: from -o; CSV for -o -)."),
    ] = None,
    paper_size: Annotated[
        str | None,
        typer.Option("--paper-size", help="For PDF: LETTER, LEGAL, WIDE, ARCHD, A4 ... A0."),
    ] = None,
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Download a sheet as Smartsheet renders it: CSV, Excel (.xlsx) or PDF, in one request
    (-o - writes the file's bytes to stdout)."""

    async def job() -> int:
        kind = download_format(output, fmt, SHEET_KINDS, "sheet")
        if paper_size is not None and kind != "pdf":
            raise ConfigurationError(f"--paper-size is for --format pdf, not {kind}")
        if paper_size is not None and paper_size.upper() not in PAPER_SIZES:
            raise ConfigurationError(
                f"--paper-size must be one of {', '.join(PAPER_SIZES)}, got {paper_size!r}"
            )
        check_binary_stdout(output, kind)
        start = time.perf_counter()
        async with smartsheet(emulator, base_url, token, region) as (ss, _):
            sheet_id = await resolve_sheet(ss, sheet)
            await download(
                lambda dest: ss.downloads.sheet(sheet_id, kind, dest=dest, paper_size=paper_size),
                output, "sheet", sheet_id, kind, ss.stats, start, as_json=as_json,
            )  # fmt: skip
        return 0

    run(job, as_json=as_json, verbose=verbose)


@command(app, "upsert")
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
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Add or update rows of a sheet from a file, matching on the key column."""
    remember_resume(checkpoint)

    async def job() -> int:
        records = read_records(file)
        keys = key_list(key)
        start = time.perf_counter()
        async with smartsheet(emulator, base_url, token, region) as (ss, limiter):
            make = partial(create_sheet, ss, sheet, records, keys[0]) if create else None
            sheet_id = await resolve_sheet(ss, sheet, make, " (use --create to make it)")
            return await upsert_and_report(
                partial(upsert_rows, ss, sheet_id, key=keys), limiter, ss.stats, start,
                as_json=as_json, failures=failures, records=records, key=keys,
                checkpoint=checkpoint, dry_run=dry_run,
            )  # fmt: skip

    run(job, as_json=as_json, verbose=verbose)


def key_list(key: str) -> tuple[str, ...]:
    """``--key "a,b"`` as field names.

    Raises:
        ConfigurationError: no field named.
    """
    names = [k.strip() for k in key.split(",") if k.strip()]
    if not names:
        raise ConfigurationError(f"--key must name one or more fields, got {key!r}")
    return key_fields(names)


async def create_sheet(
    ss: SmartsheetClient, name: str, records: list[dict[str, object]], key: str
) -> int:
    """Create a sheet whose columns are the records' fields, the key column primary."""
    fields = list(dict.fromkeys(f for r in records for f in r))
    if key not in fields:
        raise ConfigurationError(f"the file has no column {key!r} (given as --key)")
    columns = [Column(title=key, type="TEXT_NUMBER", primary=True)]
    columns += [Column(title=f, type="TEXT_NUMBER") for f in fields if f != key]
    created = await ss.sheets.create(name, columns)
    assert created.id is not None
    return created.id
