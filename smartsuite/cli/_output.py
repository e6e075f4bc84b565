"""Progress bars, failure reports and upsert summaries for the commands."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

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
from ..etl import (
    ProgressEvent,
    RecordResult,
    RecordStatus,
    UpsertInterruptedError,
    UpsertResult,
)
from ._common import err_console, out_console, print_json, say

#: Dry-run changes and problems listed in the human summary.
SHOWN = 20


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

    def hold_for(self, seconds: float, cost: int = 1) -> None:
        """Hold every acquirer (delegated)."""
        self.inner.hold_for(seconds, cost)

    def observe(self, headers: Mapping[str, str], cost: int = 1) -> None:
        """Watch rate-limit headers (delegated)."""
        self.inner.observe(headers, cost)


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
        self.started_wait: dict[str, float] = {}

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

    def _waited(self) -> float:
        return self.limiter.waited if self.limiter else 0.0

    def _wait(self, phase: str) -> str:
        """The rate-limit wait of this phase alone (since its bar appeared)."""
        if self.limiter is None:
            return "-"
        return f"{self._waited() - self.started_wait.get(phase, 0.0):.1f}s"

    def _update(self, phase: str, done: int, total: int | None) -> None:
        task = self.tasks.get(phase)
        if task is None:
            if not done and not total:
                return  # nothing to show yet (an empty target has nothing to read)
            self.started_wait[phase] = self._waited()
            task = self.progress.add_task(phase, total=total, wait=self._wait(phase))
            self.tasks[phase] = task
        self.progress.update(task, completed=done, total=total, wait=self._wait(phase))

    def __call__(self, event: ProgressEvent) -> None:
        self._update(event.phase, event.done, event.total)

    def count(self, phase: str, done: int, total: int | None = None) -> None:
        """Progress of a job that is not an upsert (exports)."""
        self._update(phase, done, total)


def raw_key(record: Mapping[str, Any], fields: Sequence[str]) -> Any:
    """The key as the input gave it: the value itself for one key field, else a list."""
    values = [record.get(f) for f in fields]
    return values[0] if len(values) == 1 else values


def problem_text(problem: RecordResult) -> str:
    """Why a record failed, with a duplicate named by its record index (the library's message
    shows the normalised key as a Python tuple)."""
    if problem.status is RecordStatus.DUPLICATE and problem.duplicate_of is not None:
        return f"same key as record {problem.duplicate_of}, which is the one written"
    return str(problem.error or "")


def _key_text(key: Any) -> str:
    if isinstance(key, list):
        return json.dumps(key, default=str)
    return "" if key is None else str(key)


def write_failure_report(
    path: str, result: UpsertResult, records: Sequence[Mapping[str, Any]], key: Sequence[str]
) -> int:
    """Write every failed or duplicate record with its error; returns how many.

    The key is the raw value from the input (a JSON list for a composite key). A ``.csv`` report
    has columns index, key, status, error and then the record's fields; any other name gets
    JSON Lines (one object per failed record, the record under ``record``).
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
                    [p.index, _key_text(raw_key(record, key)), p.status.value, problem_text(p)]
                    + [record.get(f, "") for f in fields]
                )
    else:
        with target.open("w", encoding="utf-8") as handle:
            for p in problems:
                line = {
                    "index": p.index,
                    "key": raw_key(records[p.index], key),
                    "status": p.status.value,
                    "error": problem_text(p),
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
    key: Sequence[str],
    checkpoint: str | None = None,
) -> int:
    """Print the outcome, write the failure report; the exit code (1 when any record failed)."""
    written = write_failure_report(failures, result, records, key) if failures else 0
    changes = [
        {
            "index": r.index,
            "key": raw_key(records[r.index], key),
            "status": r.status.value,
            "fields": list(r.changed),
        }
        for r in result
        if result.dry_run and r.status.value in ("added", "updated")
    ]
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
                        "key": raw_key(records[p.index], key),
                        "status": p.status.value,
                        "error": problem_text(p),
                    }
                    for p in result.problems
                ],
                "changes": changes,
            }
        )
    else:
        if result.resumed:
            say(f"resumed from checkpoint {checkpoint}" if checkpoint else "resumed")
        table = Table(title="dry run: nothing written" if result.dry_run else "upsert")
        for name in (*result.counts(), "requests", "seconds"):
            table.add_column(name, justify="right")
        table.add_row(
            *(str(n) for n in result.counts().values()), str(stats.requests), f"{seconds:.2f}"
        )
        out_console.print(table)
        for change in changes[:SHOWN]:
            verb = "add" if change["status"] == "added" else "update"
            fields = ", ".join(change["fields"])
            say(f"would {verb} {_key_text(change['key'])}: {fields}", error=False)
        if len(changes) > SHOWN:
            say(f"... and {len(changes) - SHOWN} more (--json lists them all)", error=False)
        for p in result.problems[:SHOWN]:
            line = f"#{p.index} {_key_text(raw_key(records[p.index], key))}: {p.status.value}"
            text = problem_text(p)
            say(line + (f": {text}" if text else ""), style="red")
        if written:
            say(f"{written} failed rows written to {failures}")
    return 0 if result.ok else 1


async def upsert_and_report(
    upsert: Callable[..., Awaitable[UpsertResult]],
    limiter: MeasuredLimiter | None,
    stats: TransportStats,
    started: float,
    *,
    as_json: bool,
    failures: str | None,
    records: Sequence[Mapping[str, Any]],
    key: Sequence[str],
    checkpoint: str | None,
    dry_run: bool,
) -> int:
    """Run ``upsert(records, checkpoint=, dry_run=, on_progress=)`` (an ETL upsert with its
    target bound) under a progress display, then report it (see :func:`report_upsert`).
    A job stopped part-way still gets its summary and failures file before its error
    propagates."""
    options: dict[str, Any] = {
        "failures": failures, "records": records, "key": key, "checkpoint": checkpoint,
    }  # fmt: skip
    progress = JobProgress(not as_json, limiter)
    try:
        with progress:
            result = await upsert(
                records, checkpoint=checkpoint, dry_run=dry_run, on_progress=progress
            )
    except UpsertInterruptedError as exc:
        if as_json:  # one JSON document on stdout: the error's
            if failures:
                write_failure_report(failures, exc.result, records, key)
        else:
            report_upsert(
                exc.result, stats, time.perf_counter() - started, as_json=False, **options
            )
        raise
    return report_upsert(result, stats, time.perf_counter() - started, as_json=as_json, **options)
