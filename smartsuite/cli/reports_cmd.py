"""``smartsuite reports``: list and export Smartsheet reports (rows gathered from sheets)."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.table import Table

from .._core.errors import ConfigurationError
from ..etl import stream_report
from ..smartsheet import SmartsheetClient
from ._common import EmulatorOpt, JsonOpt, VerboseOpt, out_console, print_json, run
from ._connect import SsBaseUrlOpt, SsRegionOpt, SsTokenOpt, smartsheet
from ._download import (
    REPORT_KINDS,
    DownloadOutputOpt,
    check_binary_stdout,
    download,
    download_format,
    report_download,
)
from ._export import export_to_file, output_format, report_written
from ._help import command, group
from ._output import JobProgress, stats_dict
from .sheets_cmd import FormatOpt, OutputOpt

app = group("Smartsheet reports: list, export, download.")

ReportArg = Annotated[str, typer.Argument(help="Report id, or its exact name.")]


async def resolve_report(ss: SmartsheetClient, ref: str) -> int:
    """The id of the report given by id or by name.

    Raises:
        ConfigurationError: no report, or several reports, have that name.
    """
    if ref.isdigit():
        return int(ref)
    found = [r.id async for r in ss.reports.list() if r.name == ref and r.id is not None]
    if not found:
        raise ConfigurationError(f"no report named {ref!r}")
    if len(found) > 1:
        raise ConfigurationError(f"{len(found)} reports are named {ref!r}; give the report id")
    return found[0]


@command(app, "list")
def list_reports(
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """List the reports the token can see."""

    async def job() -> int:
        async with smartsheet(emulator, base_url, token, region) as (ss, _):
            reports = [r async for r in ss.reports.list()]
        if as_json:
            print_json([{"id": r.id, "name": r.name} for r in reports])
            return 0
        table = Table("id", "name")
        for r in reports:
            table.add_row(str(r.id), r.name or "")
        out_console.print(table)
        return 0

    run(job, as_json=as_json, verbose=verbose)


@command(app, "export")
def export(
    report: ReportArg,
    output: OutputOpt,
    fmt: FormatOpt = None,
    page_size: Annotated[
        int, typer.Option("--page-size", min=1, max=10_000, help="Rows per request.")
    ] = 1000,
    source_column: Annotated[
        str | None,
        typer.Option(
            "--source-column",
            help="Add a column of this name holding each row's source sheet id.",
        ),
    ] = None,
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Export every row of a report to CSV, JSON Lines or Parquet, page by page (the next
    page prefetched)."""

    async def job() -> int:
        kind = output_format(output, fmt)
        start = time.perf_counter()
        async with smartsheet(emulator, base_url, token, region) as (ss, limiter):
            report_id = await resolve_report(ss, report)
            with JobProgress(not as_json, limiter) as progress:
                records = stream_report(
                    ss, report_id, page_size=page_size, source_field=source_column
                )
                count = await export_to_file(records, output, kind, progress, every=page_size)
            summary = {"rows": count, "file": output, "format": kind, "report_id": report_id}
            summary.update(stats_dict(ss.stats, time.perf_counter() - start))
        report_written(summary, f"exported {count} report rows", as_json=as_json)
        return 0

    run(job, as_json=as_json, verbose=verbose)


@command(app, "download")
def download_report(
    report: ReportArg,
    output: DownloadOutputOpt,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="csv or excel (default: from -o; CSV for -o -); reports have no PDF."
        ),
    ] = None,
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Download a report as Smartsheet renders it: CSV or Excel (.xlsx), in one request (-o -
    writes the file's bytes to stdout)."""

    async def job() -> int:
        kind = download_format(output, fmt, REPORT_KINDS, "report")
        check_binary_stdout(output, kind)
        start = time.perf_counter()
        async with smartsheet(emulator, base_url, token, region) as (ss, _):
            report_id = await resolve_report(ss, report)
            size = await download(
                lambda dest: ss.downloads.report(report_id, kind, dest=dest), output
            )
            report_download(
                "report", report_id, output, kind, size, ss.stats, start, as_json=as_json
            )
        return 0

    run(job, as_json=as_json, verbose=verbose)
