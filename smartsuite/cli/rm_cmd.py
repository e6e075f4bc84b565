"""``smartsuite rm``: export Resource Management collections."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

import attrs
import typer

from .._core.errors import ConfigurationError
from .._core.ratelimit import LocalRateLimit
from ..etl import write_records
from ..etl.files import guess_format
from ..resource_management import ResourceManagementClient
from ..resource_management.client import DEFAULT_RATE_LIMIT
from ._common import BaseUrlOpt, EmulatorOpt, JsonOpt, maybe_emulator, out_console, print_json, run
from ._output import JobProgress, MeasuredLimiter, stats_dict

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


def record_of(entry: Any) -> dict[str, Any]:
    """A flat record of an RM object (nested collections left out)."""
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in attrs.asdict(entry, recurse=False).items()
        if not attrs.has(type(v))
    }


@export_app.command("time-entries")
def time_entries(
    output: Annotated[str, typer.Option("-o", "--output", help="File to write.")],
    from_: Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="csv, jsonl or parquet.")] = None,
    emulator: EmulatorOpt = False,
    base_url: BaseUrlOpt = None,
    token: TokenOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Export the time entries between two dates, page by page (next page prefetched)."""

    async def job() -> int:
        kind = guess_format(output, fmt)
        start, end = _date(from_, "--from"), _date(to, "--to")
        limiter = MeasuredLimiter(LocalRateLimit(DEFAULT_RATE_LIMIT))
        began = time.perf_counter()
        async with maybe_emulator(emulator) as emu:
            url, secret = (emu.rm_url, emu.rm_token) if emu else (base_url, token)
            options: dict[str, Any] = {"base_url": url} if url else {}
            async with ResourceManagementClient(secret, rate_limit=limiter, **options) as rm:
                with JobProgress(not as_json, limiter) as progress:
                    done = 0

                    async def records() -> AsyncIterator[dict[str, Any]]:
                        nonlocal done
                        async for entry in rm.time_entries.list(from_=start, to=end):
                            done += 1
                            progress.count("export", done)
                            yield record_of(entry)

                    count = await write_records(records(), output, kind)
                summary = {"rows": count, "file": output, "format": kind}
                summary.update(stats_dict(rm.stats, time.perf_counter() - began))
        if as_json:
            print_json(summary)
        else:
            out_console.print(f"exported {count} time entries to {output} ({kind})")
        return 0

    run(job)
