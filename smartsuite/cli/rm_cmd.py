"""``smartsuite rm``: export and upsert Resource Management time entries and assignments."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import AsyncIterable, Callable
from functools import partial
from typing import Annotated, Any

import typer

from .._core.errors import ConfigurationError
from ..etl import (
    read_records,
    stream_assignments,
    stream_time_entries,
    upsert_assignments,
    upsert_time_entries,
)
from ..etl.rm_assignments import DEFAULT_KEY as ASSIGNMENT_KEY
from ..resource_management import ResourceManagementClient
from ._common import (
    CheckpointOpt,
    DryRunOpt,
    EmulatorOpt,
    FailuresOpt,
    JsonOpt,
    VerboseOpt,
    remember_resume,
    run,
)
from ._connect import RmBaseUrlOpt, RmTokenOpt, resource_management
from ._export import export_and_report, output_format
from ._help import command, group
from ._output import upsert_and_report
from .sheets_cmd import FormatOpt, OutputOpt, key_list

app = group("Resource Management: export and upsert time entries and assignments.")
export_app = group("Export a collection to a file.")
upsert_app = group("Add or update a collection from a file, matched on a natural key.")
app.add_typer(export_app, name="export")
app.add_typer(upsert_app, name="upsert")

TIME_KEY = "user_id,assignable_id,date"


def _date(text: str | None, flag: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigurationError(f"{flag} must be a date like 2024-03-31, got {text!r}") from None


Window = tuple[str | None, str | None]
Stream = Callable[[ResourceManagementClient, dt.date | None, dt.date | None], AsyncIterable[Any]]


def _export(
    what: str,
    stream: Stream,
    window: Window,
    output: str,
    fmt: str | None,
    connection: tuple[bool, str | None, str | None],
    as_json: bool,
    verbose: bool,
) -> None:
    """Export one RM collection (``stream(rm, from, to)`` opens it) to a file."""

    async def job() -> int:
        start, end = _date(window[0], "--from"), _date(window[1], "--to")
        kind = output_format(output, fmt)
        began = time.perf_counter()
        async with resource_management(*connection) as (rm, limiter):
            return await export_and_report(
                lambda: stream(rm, start, end), output, kind, limiter, rm.stats, began,
                as_json=as_json, every=100, what=what,
            )  # fmt: skip

    run(job, as_json=as_json, verbose=verbose)


FromOpt = Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]
AssignFromOpt = Annotated[
    str | None, typer.Option("--from", help="Assignments ending on or after this date.")
]
AssignToOpt = Annotated[
    str | None, typer.Option("--to", help="Assignments starting on or before this date.")
]


@command(export_app, "time-entries")
def time_entries(
    output: OutputOpt,
    from_: FromOpt = None,
    to: ToOpt = None,
    fmt: FormatOpt = None,
    emulator: EmulatorOpt = False,
    base_url: RmBaseUrlOpt = None,
    token: RmTokenOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Export the time entries between two dates, page by page (next page prefetched)."""

    _export(
        "time entries", lambda rm, start, end: stream_time_entries(rm, from_=start, to=end),
        (from_, to), output, fmt, (emulator, base_url, token), as_json, verbose,
    )  # fmt: skip


@command(export_app, "assignments")
def assignments(
    output: OutputOpt,
    from_: AssignFromOpt = None,
    to: AssignToOpt = None,
    phases: Annotated[
        bool, typer.Option("--phases/--no-phases", help="Include assignments to phases.")
    ] = True,
    fmt: FormatOpt = None,
    emulator: EmulatorOpt = False,
    base_url: RmBaseUrlOpt = None,
    token: RmTokenOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Export assignments (people and placeholders on projects, phases and leave), page by
    page (next page prefetched)."""

    _export(
        "assignments",
        lambda rm, start, end: stream_assignments(rm, from_=start, to=end, with_phases=phases),
        (from_, to), output, fmt, (emulator, base_url, token), as_json, verbose,
    )  # fmt: skip


Upsert = Callable[..., Any]

FileArg = Annotated[str, typer.Argument(help="CSV, JSON Lines or Parquet file of records.")]


def _upsert(
    upsert: Upsert,
    file: str,
    key: str,
    window: Window,
    dry_run: bool,
    checkpoint: str | None,
    failures: str | None,
    connection: tuple[bool, str | None, str | None],
    as_json: bool,
    verbose: bool,
) -> None:
    remember_resume(checkpoint)

    async def job() -> int:
        start, end = _date(window[0], "--from"), _date(window[1], "--to")
        records = read_records(file)
        keys = key_list(key)
        began = time.perf_counter()
        async with resource_management(*connection) as (rm, limiter):
            return await upsert_and_report(
                partial(upsert, rm, key=keys, from_=start, to=end), limiter, rm.stats, began,
                as_json=as_json, failures=failures, records=records, key=keys,
                checkpoint=checkpoint, dry_run=dry_run,
            )  # fmt: skip

    run(job, as_json=as_json, verbose=verbose)


@command(upsert_app, "time-entries")
def upsert_time(
    file: FileArg,
    key: Annotated[
        str, typer.Option("--key", help="The natural key fields, comma-separated.")
    ] = TIME_KEY,
    from_: Annotated[
        str | None, typer.Option("--from", help="First date read to find existing entries.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Last date read to find existing entries.")
    ] = None,
    dry_run: DryRunOpt = False,
    checkpoint: CheckpointOpt = None,
    failures: FailuresOpt = None,
    emulator: EmulatorOpt = False,
    base_url: RmBaseUrlOpt = None,
    token: RmTokenOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Add or update time entries from a file (columns user_id, assignable_id, date, hours, and
    optionally task and notes), matched on the key; existing entries are read between --from and
    --to."""
    _upsert(
        upsert_time_entries, file, key, (from_, to), dry_run, checkpoint, failures,
        (emulator, base_url, token), as_json, verbose,
    )  # fmt: skip


@command(upsert_app, "assignments")
def upsert_assign(
    file: FileArg,
    key: Annotated[
        str, typer.Option("--key", help="The natural key fields, comma-separated.")
    ] = ",".join(ASSIGNMENT_KEY),
    from_: AssignFromOpt = None,
    to: AssignToOpt = None,
    dry_run: DryRunOpt = False,
    checkpoint: CheckpointOpt = None,
    failures: FailuresOpt = None,
    emulator: EmulatorOpt = False,
    base_url: RmBaseUrlOpt = None,
    token: RmTokenOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Add or replace assignments from a file (columns user_id, assignable_id, starts_at, ends_at,
    and an allocation such as percent), matched on the key. RM cannot change an assignment in
    place: a changed one is deleted and created again, with a new id."""
    _upsert(
        upsert_assignments, file, key, (from_, to), dry_run, checkpoint, failures,
        (emulator, base_url, token), as_json, verbose,
    )  # fmt: skip
