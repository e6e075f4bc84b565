"""Exports: records to a file or, with ``-o -``, to stdout, and the export summary."""

from __future__ import annotations

import csv
import json
import shutil
import sys
import tempfile
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

from .._core.transport import TransportStats
from ..etl import normalize, write_records
from ..etl.files import guess_format
from ._common import print_json, say
from ._output import JobProgress, MeasuredLimiter, stats_dict

#: ``-o -``: write to stdout.
STDOUT = "-"


async def export_to_file(
    records: AsyncIterable[Mapping[str, Any]],
    output: str,
    kind: str,
    progress: JobProgress,
    *,
    every: int = 1000,
    total: int | None = None,
) -> int:
    """Write streamed records to ``output`` (``-``: stdout) as they arrive, counting them on the
    progress bar (of ``total``, when known) every ``every`` records; returns how many were
    written."""
    done = 0

    async def counted() -> AsyncIterator[Mapping[str, Any]]:
        nonlocal done
        async for record in records:
            done += 1
            if done % every == 0:
                progress.count("export", done, total)
            yield record

    if output == STDOUT:
        count = await write_stdout(counted(), kind)
    else:
        count = await write_records(counted(), output, kind)
    progress.count("export", count, count if total is None else total)
    return count


async def write_stdout(records: AsyncIterable[Mapping[str, Any]], kind: str) -> int:
    """Write records to stdout as CSV or JSON Lines, streaming; Parquet goes through a
    temporary file (its footer comes last)."""
    if kind == "parquet":
        with tempfile.TemporaryDirectory(prefix="smartsuite-") as tmp:
            path = Path(tmp) / "out.parquet"
            count = await write_records(records, path, kind)
            with path.open("rb") as handle:
                shutil.copyfileobj(handle, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return count
    count = 0
    writer: Any = None
    columns: list[str] = []
    async for record in records:
        if kind == "jsonl":
            sys.stdout.write(json.dumps(record, default=str) + "\n")
        else:
            if writer is None:
                columns = list(record)
                writer = csv.writer(sys.stdout, lineterminator="\n")
                writer.writerow(columns)
            writer.writerow([normalize(record.get(c)) for c in columns])
        count += 1
    sys.stdout.flush()
    return count


def output_format(output: str, fmt: str | None) -> str:
    """The format of ``-o``: from ``--format`` or the suffix; ``-o -`` is CSV by default."""
    if output == STDOUT and fmt is None:
        return "csv"
    return guess_format(output, fmt)


def report_written(summary: dict[str, Any], what: str, *, as_json: bool) -> None:
    """The summary of an export: on stdout, or on stderr when the data went to stdout."""
    to_stdout = summary.get("file") == STDOUT
    if as_json and to_stdout:
        sys.stderr.write(json.dumps(summary, default=str) + "\n")
    elif as_json:
        print_json(summary)
    else:
        where = "stdout" if to_stdout else summary.get("file")
        say(f"{what} to {where} ({summary.get('format')})", error=to_stdout)


async def export_and_report(
    records: Callable[[], AsyncIterable[Mapping[str, Any]]],
    output: str,
    kind: str,
    limiter: MeasuredLimiter | None,
    stats: TransportStats,
    started: float,
    *,
    as_json: bool,
    every: int,
    what: str,
    **extra: Any,
) -> int:
    """Export the records ``records()`` streams under a progress display, then print the
    summary (``extra`` added to it, then the transport's counters)."""
    with JobProgress(not as_json, limiter) as progress:
        count = await export_to_file(records(), output, kind, progress, every=every)
    summary: dict[str, Any] = {"rows": count, "file": output, "format": kind, **extra}
    summary.update(stats_dict(stats, time.perf_counter() - started))
    report_written(summary, f"exported {count} {what}", as_json=as_json)
    return 0
