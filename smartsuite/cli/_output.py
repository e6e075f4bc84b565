"""Progress bars, failure reports and result summaries for the commands."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import AsyncIterable, AsyncIterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from .._core.ratelimit import RateLimiter
from .._core.transport import TransportStats
from ..etl import ProgressEvent, UpsertResult, write_records
from ..etl.records import show_key
from ._common import err_console, out_console, print_json


class MeasuredLimiter:
    """Wraps a rate limiter and adds up the time spent waiting for tokens (shown as the
    rate-limit wait)."""

    def __init__(self, inner: RateLimiter) -> None:
        self.inner = inner
        self.waited = 0.0

    async def acquire(self, cost: int = 1) -> None:
        """Wait for ``cost`` tokens, timing the wait."""
        start = time.perf_counter()
        await self.inner.acquire(cost)
        self.waited += time.perf_counter() - start

    def hold_for(self, seconds: float) -> None:
        """Hold every acquirer (delegated)."""
        self.inner.hold_for(seconds)

    def observe(self, headers: Mapping[str, str]) -> None:
        """Watch rate-limit headers (delegated)."""
        self.inner.observe(headers)


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "- rows/s", style="cyan")


class JobProgress:
    """A rich progress display fed by the engine's :class:`ProgressEvent` s.

    Args:
        enabled: False shows nothing (``--json`` or a non-terminal).
        limiter: its waits are shown as "rate-limit wait".
    """

    def __init__(self, enabled: bool, limiter: MeasuredLimiter | None = None) -> None:
        self.limiter = limiter
        self.progress = Progress(
            TextColumn("[bold]{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("rate-limit wait {task.fields[wait]}"),
            console=err_console,
            disable=not enabled,
            transient=False,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> Self:
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def _wait(self) -> str:
        return f"{self.limiter.waited:.1f}s" if self.limiter else "-"

    def __call__(self, event: ProgressEvent) -> None:
        task = self.tasks.get(event.phase)
        if task is None:
            task = self.progress.add_task(event.phase, total=event.total, wait=self._wait())
            self.tasks[event.phase] = task
        self.progress.update(task, completed=event.done, total=event.total, wait=self._wait())

    def count(self, phase: str, done: int, total: int | None = None) -> None:
        """Progress of a job that is not an upsert (exports)."""
        task = self.tasks.get(phase)
        if task is None:
            task = self.progress.add_task(phase, total=total, wait=self._wait())
            self.tasks[phase] = task
        self.progress.update(task, completed=done, total=total, wait=self._wait())


async def export_to_file(
    records: AsyncIterable[Mapping[str, Any]],
    output: str,
    kind: str,
    progress: JobProgress,
    *,
    every: int = 1000,
) -> int:
    """Write streamed records to ``output`` as they arrive, counting them on the progress bar
    every ``every`` records; returns how many were written."""
    done = 0

    async def counted() -> AsyncIterator[Mapping[str, Any]]:
        nonlocal done
        async for record in records:
            done += 1
            if done % every == 0:
                progress.count("export", done)
            yield record

    count = await write_records(counted(), output, kind)
    progress.count("export", count, count)
    return count


def write_failure_report(
    path: str, result: UpsertResult, records: Sequence[Mapping[str, Any]]
) -> int:
    """Write every failed or duplicate record with its error; returns how many.

    A ``.csv`` report has columns index, key, status, error and then the record's fields; any
    other name gets JSON Lines (one object per failed record, the record under ``record``).
    """
    problems = result.problems
    target = Path(path)
    if target.suffix.lower() == ".csv":
        fields: dict[str, None] = {}
        for p in problems:
            fields.update(dict.fromkeys(records[p.index]))
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["index", "key", "status", "error", *fields])
            for p in problems:
                record = records[p.index]
                writer.writerow(
                    [p.index, show_key(p.key), p.status.value, str(p.error or "")]
                    + [record.get(f, "") for f in fields]
                )
    else:
        with target.open("w", encoding="utf-8") as handle:
            for p in problems:
                line = {
                    "index": p.index,
                    "key": list(p.key) if p.key else None,
                    "status": p.status.value,
                    "error": str(p.error or ""),
                    "record": dict(records[p.index]),
                }
                handle.write(json.dumps(line, default=str) + "\n")
    return len(problems)


def stats_dict(stats: TransportStats, seconds: float) -> dict[str, Any]:
    return {
        "requests": stats.requests,
        "retries": stats.total_retries,
        "rate_limited": stats.rate_limited,
        "unknown_outcomes": stats.unknown_outcomes,
        "seconds": round(seconds, 3),
    }


def report_upsert(
    result: UpsertResult,
    stats: TransportStats,
    seconds: float,
    *,
    as_json: bool,
    failures: str | None,
    records: Sequence[Mapping[str, Any]],
) -> int:
    """Print the outcome, write the failure report; the exit code (1 when any record failed)."""
    written = write_failure_report(failures, result, records) if failures else 0
    if as_json:
        print_json(
            {
                "counts": result.counts(),
                "ok": result.ok,
                "dry_run": result.dry_run,
                "resumed": result.resumed,
                "write_requests": result.write_requests,
                "reconciled": result.reconciled,
                **stats_dict(stats, seconds),
                "problems": [
                    {
                        "index": p.index,
                        "key": list(p.key) if p.key else None,
                        "status": p.status.value,
                        "error": str(p.error or ""),
                    }
                    for p in result.problems
                ],
                "changes": [
                    {"index": r.index, "status": r.status.value, "fields": list(r.changed)}
                    for r in result
                    if result.dry_run and r.status.value in ("added", "updated")
                ],
            }
        )
    else:
        table = Table(title="dry run: nothing written" if result.dry_run else "upsert")
        for name in (*result.counts(), "requests", "seconds"):
            table.add_column(name, justify="right")
        table.add_row(
            *(str(n) for n in result.counts().values()), str(stats.requests), f"{seconds:.2f}"
        )
        out_console.print(table)
        if result.dry_run:
            for r in [r for r in result if r.status.value == "updated"][:20]:
                out_console.print(escape(f"would update {show_key(r.key)}: {', '.join(r.changed)}"))
        for p in result.problems[:20]:
            err_console.print(f"[red]{escape(p.describe())}[/red]", highlight=False)
        if written:
            err_console.print(escape(f"{written} failed rows written to {failures}"))
    return 0 if result.ok else 1
