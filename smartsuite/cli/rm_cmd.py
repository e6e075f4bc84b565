"""``smartsuite rm``: export Resource Management collections."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import AsyncIterable, Callable
from typing import Annotated, Any

import typer
from rich.markup import escape

from .._core.errors import ConfigurationError
from .._core.ratelimit import LocalRateLimit
from ..etl import stream_assignments, stream_time_entries
from ..etl.files import guess_format
from ..resource_management import ResourceManagementClient
from ..resource_management.client import DEFAULT_RATE_LIMIT
from ._common import BaseUrlOpt, EmulatorOpt, JsonOpt, maybe_emulator, out_console, print_json, run
from ._output import JobProgress, MeasuredLimiter, export_to_file, stats_dict

app = typer.Typer(help="Resource Management: export collections.", no_args_is_help=True)
export_app = typer.Typer(help="Export a collection to a file.", no_args_is_help=True)
app.add_typer(export_app, name="export")

TokenOpt = Annotated[
    str | None,
    typer.Option(
        "--token",
        help="API token (default: $SMARTSHEET_RM_TOKEN). Never printed.",
        show_default=False,
    ),
]


def _date(text: str | None, flag: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigurationError(f"{flag} must be a date like 2024-03-31, got {text!r}") from None


async def _export(
    what: str,
    stream: Callable[[ResourceManagementClient], AsyncIterable[dict[str, Any]]],
    output: str,
    fmt: str | None,
    emulator: bool,
    base_url: str | None,
    token: str | None,
    as_json: bool,
) -> int:
    """Export one RM collection (``stream`` opens it on the client) to a file."""
    kind = guess_format(output, fmt)
    limiter = MeasuredLimiter(LocalRateLimit(DEFAULT_RATE_LIMIT))
    began = time.perf_counter()
    async with maybe_emulator(emulator) as emu:
        url, secret = (emu.rm_url, emu.rm_token) if emu else (base_url, token)
        options: dict[str, Any] = {"base_url": url} if url else {}
        async with ResourceManagementClient(secret, rate_limit=limiter, **options) as rm:
            with JobProgress(not as_json, limiter) as progress:
                count = await export_to_file(stream(rm), output, kind, progress, every=100)
            summary: dict[str, Any] = {"rows": count, "file": output, "format": kind}
            summary.update(stats_dict(rm.stats, time.perf_counter() - began))
    if as_json:
        print_json(summary)
    else:
        out_console.print(escape(f"exported {count} {what} to {output} ({kind})"))
    return 0


OutputOpt = Annotated[str, typer.Option("-o", "--output", help="File to write.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]
FormatOpt = Annotated[str | None, typer.Option("--format", help="csv, jsonl or parquet.")]


@export_app.command("time-entries")
def time_entries(
    output: OutputOpt,
    from_: FromOpt = None,
    to: ToOpt = None,
    fmt: FormatOpt = None,
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    token: TokenOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Export the time entries between two dates, page by page (next page prefetched)."""

    async def job() -> int:
        start, end = _date(from_, "--from"), _date(to, "--to")
        return await _export(
            "time entries",
            lambda rm: stream_time_entries(rm, from_=start, to=end),
            output,
            fmt,
            emulator,
            base_url,
            token,
            as_json,
        )

    run(job)


@export_app.command("assignments")
def assignments(
    output: OutputOpt,
    from_: Annotated[
        str | None, typer.Option("--from", help="Assignments ending on or after this date.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Assignments starting on or before this date.")
    ] = None,
    phases: Annotated[
        bool, typer.Option("--phases/--no-phases", help="Include assignments to phases.")
    ] = True,
    fmt: FormatOpt = None,
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    token: TokenOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Export assignments (people and placeholders on projects, phases and leave), page by
    page (next page prefetched)."""

    async def job() -> int:
        start, end = _date(from_, "--from"), _date(to, "--to")
        return await _export(
            "assignments",
            lambda rm: stream_assignments(rm, from_=start, to=end, with_phases=phases),
            output,
            fmt,
            emulator,
            base_url,
            token,
            as_json,
        )

    run(job)
