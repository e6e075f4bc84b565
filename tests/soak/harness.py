"""Soak harness: upsert many records through the emulator while it injects a random fault mix,
then read everything back and account for every input record.

Each record must end up present exactly once with the values it was sent with, or be listed in
the job's failure report (``UpsertResult.problems``) with its error. Anything else is a lost
record (absent and not reported), a duplicate (its key present more than once), a wrong value or
a misreported record (reported failed, yet present).

The same verification serves the three services; only the writer and the reader differ.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from smartsuite._core.errors import SmartsuiteError
from smartsuite._core.transport import TransportStats
from smartsuite.emulator import Fault
from smartsuite.emulator.base import EmulatedService
from smartsuite.etl import UpsertResult, normalize, same
from smartsuite.etl.records import Record

#: The fault mix: 3% 429 (with Retry-After), 2% 500/503 and 1% errorCode 4004 (not applied),
#: 1% drops before the request is applied, 1% drops after it was applied, 0.5% truncated or
#: HTML bodies, 1% latency spikes; and writes applied, then answered with an error (what real
#: gateways do): 1% each of a 500 JSON, an HTML 502, an HTML 503 and an empty 504, 0.5% each of
#: Smartsheet 4002 and the generic 4004, and 0.5% each of answers that claim "not applied"
#: although the write was (503/4001, the busy 4004, a 429): the ETL must still write once.
SOAK_MIX: dict[Fault, float] = {
    Fault.RATE_LIMIT: 0.03,
    Fault.SERVER_ERROR: 0.01,
    Fault.UNAVAILABLE: 0.01,
    Fault.ERROR_4004: 0.01,
    Fault.DROP_BEFORE: 0.01,
    Fault.DROP_AFTER: 0.01,
    Fault.TRUNCATED: 0.0025,
    Fault.HTML: 0.0025,
    Fault.SPIKE: 0.01,
    Fault.APPLIED_500: 0.01,
    Fault.APPLIED_502: 0.01,
    Fault.APPLIED_503: 0.01,
    Fault.APPLIED_504: 0.01,
    Fault.APPLIED_4002: 0.005,
    Fault.APPLIED_4004: 0.005,
    Fault.APPLIED_4001: 0.005,
    Fault.APPLIED_BUSY: 0.005,
    Fault.APPLIED_429: 0.005,
}

#: How often one target's job is started again (resuming its checkpoint) when a read it needs
#: fails for good (a plain 500 on a GET is final, so the whole job stops).
MAX_RESTARTS = 8


def describe_mix(mix: Mapping[Fault, float]) -> str:
    return ", ".join(f"{f.value} {p:.2%}" for f, p in mix.items())


@attrs.define
class Verification:
    """What reading a target back found, against the input and the job's result.

    Attributes:
        rows: input records.
        present_once: records present exactly once with the right values.
        reported_failed: records absent and listed in the failure report.
        lost: keys absent and not reported failed.
        duplicates: keys present more than once.
        wrong_values: keys present once but with a value other than the one sent.
        misreported: keys reported failed but present with new values (or present at all,
            when they did not exist before).
        unexpected: keys present that no input record has.
        failures_by_error: reported failures by error class.
    """

    rows: int = 0
    present_once: int = 0
    reported_failed: int = 0
    lost: list[str] = attrs.field(factory=list)
    duplicates: list[str] = attrs.field(factory=list)
    wrong_values: list[str] = attrs.field(factory=list)
    misreported: list[str] = attrs.field(factory=list)
    unexpected: list[str] = attrs.field(factory=list)
    failures_by_error: Counter[str] = attrs.field(factory=Counter)

    def merge(self, other: Verification) -> None:
        self.rows += other.rows
        self.present_once += other.present_once
        self.reported_failed += other.reported_failed
        self.lost += other.lost
        self.duplicates += other.duplicates
        self.wrong_values += other.wrong_values
        self.misreported += other.misreported
        self.unexpected += other.unexpected
        self.failures_by_error.update(other.failures_by_error)

    @property
    def clean(self) -> bool:
        """Every record accounted for: present once and right, or reported with its error."""
        return (
            self.present_once + self.reported_failed == self.rows
            and not (self.lost or self.duplicates or self.wrong_values)
            and not (self.misreported or self.unexpected)
        )


def verify(
    inputs: Sequence[Record],
    key: str | Sequence[str],
    result: UpsertResult,
    actual: Sequence[Mapping[str, Any]],
    *,
    before: Mapping[str, Mapping[str, Any]] | None = None,
    compare: Sequence[str] | None = None,
) -> Verification:
    """Check one target: ``actual`` is every row read back after the job.

    Args:
        inputs: the records the job was given.
        key: the key field (or fields, for a natural key).
        result: the job's result (its ``problems`` are the failure report).
        actual: the rows read back.
        before: the rows present before the job, by key: a failed update leaves its row
            present with these values.
        compare: the fields whose values must match (default: every field of the record).
    """
    out = Verification(rows=len(inputs))
    by_key: dict[str, list[Mapping[str, Any]]] = {}
    for row in actual:
        by_key.setdefault(key_text(row, key), []).append(row)
    reported = {r.index: r for r in result.problems}
    wanted = {key_text(r, key) for r in inputs}
    out.unexpected = sorted(k for k in by_key if k not in wanted)
    for index, record in enumerate(inputs):
        fields = compare or list(record)
        k = key_text(record, key)
        found = by_key.get(k, [])
        problem = reported.get(index)
        if len(found) > 1:
            out.duplicates.append(k)
        elif problem is not None:
            old = (before or {}).get(k)
            untouched = not found if old is None else _matches(old, found[0], fields)
            if untouched:
                out.reported_failed += 1
                out.failures_by_error[_error_name(problem.error)] += 1
            else:
                out.misreported.append(k)
        elif not found:
            out.lost.append(k)
        elif _matches(record, found[0], fields):
            out.present_once += 1
        else:
            out.wrong_values.append(k)
    return out


def key_text(row: Mapping[str, Any], key: str | Sequence[str]) -> str:
    """A row's key as one string (the fields' normalised values joined by ``|``)."""
    fields = (key,) if isinstance(key, str) else key
    return "|".join(normalize(row.get(f)) for f in fields)


def _matches(want: Mapping[str, Any], got: Mapping[str, Any], fields: Sequence[str]) -> bool:
    return all(same(want.get(f), got.get(f)) for f in fields)


def _error_name(error: SmartsuiteError | None) -> str:
    if error is None:
        return "no error given"
    code = getattr(error, "code", None)
    return type(error).__name__ + (f" {code}" if code is not None else "")


@attrs.define
class SoakReport:
    """The figures of one soak run.

    Attributes:
        service: which client.
        targets: sheets / tables / collections written.
        seconds: wall time of the writes (reading back not included).
        requests / attempts: the client's logical requests and attempts (``stats``).
        served: requests the emulator logged (every attempt that reached it).
        retries: the client's retries by cause.
        injected: faults the emulator injected, by kind.
        unknown_outcomes: writes whose answer was lost (the client's count).
        reconciled: records whose unknown outcome the engine settled by re-reading.
        restarts: jobs started again from their checkpoint after a read failed for good.
        verification: what reading back found.
    """

    service: str
    targets: int
    mix: dict[Fault, float]
    seconds: float = 0.0
    requests: int = 0
    attempts: int = 0
    served: int = 0
    retries: Counter[str] = attrs.field(factory=Counter)
    injected: Counter[str] = attrs.field(factory=Counter)
    unknown_outcomes: int = 0
    reconciled: int = 0
    restarts: Counter[str] = attrs.field(factory=Counter)
    verification: Verification = attrs.field(factory=Verification)

    def take_stats(self, stats: TransportStats, service: EmulatedService) -> None:
        self.requests = stats.requests
        self.attempts = stats.attempts
        self.retries = Counter(stats.retries)
        self.unknown_outcomes = stats.unknown_outcomes
        self.served = len(service.log)
        self.injected = Counter(e.fault.value for e in service.log if e.fault is not None)

    def lines(self) -> list[str]:
        v = self.verification
        retries = ", ".join(f"{c} {n}" for c, n in sorted(self.retries.items())) or "none"
        injected = ", ".join(f"{c} {n}" for c, n in sorted(self.injected.items())) or "none"
        failures = ", ".join(f"{c} {n}" for c, n in sorted(v.failures_by_error.items()))
        restarts = ", ".join(f"{c} {n}" for c, n in sorted(self.restarts.items()))
        return [
            f"service:              {self.service} ({self.targets} targets)",
            f"fault mix:            {describe_mix(self.mix)}",
            f"rows:                 {v.rows}",
            f"requests:             {self.requests} logical, {self.attempts} attempts, "
            f"{self.served} served by the emulator, in {self.seconds:.1f} s",
            f"faults injected:      {injected}",
            f"retries by cause:     {retries} (total {sum(self.retries.values())})",
            f"unknown outcomes:     {self.unknown_outcomes} writes; "
            f"reconciled records: {self.reconciled}",
            f"job restarts:         {sum(self.restarts.values())}"
            + (f" ({restarts})" if restarts else ""),
            f"present exactly once: {v.present_once}",
            f"in failure report:    {v.reported_failed}" + (f" ({failures})" if failures else ""),
            f"rows lost:            {len(v.lost)}",
            f"duplicates:           {len(v.duplicates)}",
            f"wrong values:         {len(v.wrong_values)}",
            f"misreported:          {len(v.misreported) + len(v.unexpected)}",
        ]


Job = Callable[[Path], Awaitable[UpsertResult]]


async def run_with_restarts(
    job: Job, checkpoint: Path, restarts: Counter[str], *, max_restarts: int = MAX_RESTARTS
) -> UpsertResult:
    """Run an upsert job; when it stops on an error (a read failed for good), start it again
    from its checkpoint, as an unattended ETL runner would."""
    for attempt in range(max_restarts + 1):
        try:
            return await job(checkpoint)
        except SmartsuiteError as exc:
            if attempt == max_restarts:
                raise
            restarts[_error_name(exc)] += 1
    raise AssertionError("unreachable")


async def timed(report: SoakReport, work: Awaitable[Any]) -> Any:
    started = time.perf_counter()
    try:
        return await work
    finally:
        report.seconds = time.perf_counter() - started


async def gather_limited(jobs: Sequence[Awaitable[Any]], concurrency: int) -> list[Any]:
    gate = asyncio.Semaphore(concurrency)

    async def one(job: Awaitable[Any]) -> Any:
        async with gate:
            return await job

    return list(await asyncio.gather(*(one(j) for j in jobs)))
