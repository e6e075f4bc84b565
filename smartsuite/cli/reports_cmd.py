"""``smartsuite reports``: list and export Smartsheet reports (rows gathered from sheets)."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from ..etl import stream_report
from ..smartsheet import SmartsheetClient
from ._common import EmulatorOpt, JsonOpt, VerboseOpt, print_listing, resolve_id, run
from ._connect import SsBaseUrlOpt, SsRegionOpt, SsTokenOpt, smartsheet
from ._download import (
    REPORT_KINDS,
    DownloadOutputOpt,
    check_binary_stdout,
    download,
    download_format,
)
from ._export import export_and_report, output_format
from ._help import command, group
from .sheets_cmd import FormatOpt, OutputOpt

app = group("Smartsheet reports: list, export, download.")

ReportArg = Annotated[str, typer.Argument(help="Report id, or its exact name.")]


async def resolve_report(ss: SmartsheetClient, ref: str) -> int:
    """The id of the report given by id or by name (see :func:`resolve_id`)."""
    return await resolve_id(ref, ss.reports.list, "report", "give the report id")


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
            reports = [{"id": r.id, "name": r.name} async for r in ss.reports.list()]
        return print_listing(reports, {"id": "id", "name": "name"}, as_json=as_json)

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
            return await export_and_report(
                lambda: stream_report(
                    ss, report_id, page_size=page_size, source_field=source_column
                ),
                output, kind, limiter, ss.stats, start, as_json=as_json, every=page_size,
                what="report rows", report_id=report_id,
            )  # fmt: skip

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
            await download(
                lambda dest: ss.downloads.report(report_id, kind, dest=dest),
                output, "report", report_id, kind, ss.stats, start, as_json=as_json,
            )  # fmt: skip
        return 0

    run(job, as_json=as_json, verbose=verbose)
