"""The one upsert engine; each service plugs in through an :class:`UpsertTarget` adapter.

Steps: read the target's current state once, split the records into updates (existing keys,
changed fields only) and adds, write both through the bulk chunker, then reconcile any write
whose outcome is unknown by reading again and writing only what did not land.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from .._core.bulk import BatchOutcome, Outcome, run_in_batches
from .._core.errors import ConfigurationError, OutcomeUnknownError, SmartsuiteError
from .checkpoint import (
    ADD_IN_FLIGHT,
    SETTLED_NAMES,
    UPDATE_IN_FLIGHT,
    Checkpoint,
    job_fingerprint,
)
from .records import Key, Record, changed_fields, key_fields, key_of, show_key
from .resend import may_have_landed
from .result import (
    DuplicateKeyError,
    RecordResult,
    RecordStatus,
    UpsertInterruptedError,
    UpsertResult,
)

T = TypeVar("T")

#: A resumed record whose write may have landed, found with nothing left to change: what it was.
_LANDED_AS = {ADD_IN_FLIGHT: RecordStatus.ADDED, UPDATE_IN_FLIGHT: RecordStatus.UPDATED}


@attrs.frozen
class Existing:
    """A row / object already in the target.

    Attributes:
        id: its id (row id, AppSheet key, RM id).
        values: its current field values.
    """

    id: Any
    values: Mapping[str, Any]


@attrs.frozen
class Update:
    """One update to send.

    Attributes:
        id: the id of the existing row / object.
        key: the record's key.
        record: the whole input record.
        changes: only the fields whose value differs.
    """

    id: Any
    key: Key
    record: Record
    changes: Mapping[str, Any]


@attrs.frozen
class ProgressEvent:
    """Reported after each batch (and after each read).

    Attributes:
        phase: ``read``, ``update``, ``add`` or ``reconcile``.
        done: records of this phase handled so far.
        total: records in this phase.
    """

    phase: str
    done: int
    total: int


OnProgress = Callable[[ProgressEvent], None]


class UpsertTarget(Protocol):
    """What the engine needs from a service. Outcomes are the chunker's
    ``(Outcome, id, error)`` triples, one per item in order."""

    @property
    def name(self) -> str:
        """Identifies the target (``smartsheet:sheet:123``), for checkpoints and messages."""
        ...

    @property
    def batch_size(self) -> int:
        """Items per write request."""
        ...

    async def prepare(self, fields: Sequence[str], key: Sequence[str]) -> None:
        """Check the fields exist (raise :class:`ConfigurationError` naming the unknown ones)."""
        ...

    def validate(self, record: Record) -> SmartsuiteError | None:
        """A reason to refuse this record before sending it, or None."""
        ...

    async def read(self, key: Sequence[str]) -> dict[Key, Existing]:
        """The current rows / objects by key (the first one wins when keys repeat)."""
        ...

    def refuse_adds(self, count: int) -> SmartsuiteError | None:
        """A reason to add none of ``count`` new items (a size limit of the target), or None.

        Asked after :meth:`read`, before anything is written, so a job that cannot fit is
        refused whole instead of landing part-way.
        """
        ...

    async def add(self, records: Sequence[Record]) -> Sequence[BatchOutcome[Any]]:
        """Create one batch; the outcome value is the new id."""
        ...

    async def update(self, updates: Sequence[Update]) -> Sequence[BatchOutcome[Any]]:
        """Write one batch of changes; the outcome value is the id."""
        ...


def _unless_landed(outcome: BatchOutcome[Any]) -> BatchOutcome[Any]:
    """A failure that may hide an applied write is unknown: re-read before any re-send."""
    kind, value, error = outcome
    if kind is Outcome.FAILED and may_have_landed(error):
        return (Outcome.UNKNOWN, value, error)
    return outcome


class _Job:
    def __init__(
        self,
        target: UpsertTarget,
        records: Sequence[Record],
        key: tuple[str, ...],
        on_progress: OnProgress | None,
        checkpoint: Checkpoint | None,
    ) -> None:
        self.target = target
        self.records = records
        self.key = key
        self.keys = [key_of(r, key) for r in records]
        self.results: list[RecordResult | None] = [None] * len(records)
        self.on_progress = on_progress
        self.cp = checkpoint
        self.origin: dict[int, str] = {}  # index -> "A"/"U": a write that may have landed
        self.sent: dict[int, tuple[str, ...]] = {}  # fields sent for a record
        self.out = UpsertResult([], resumed=checkpoint is not None and checkpoint.resumed)

    def progress(self, phase: str, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(ProgressEvent(phase, done, total))

    def fail(self, i: int, error: SmartsuiteError) -> None:
        self.settle(RecordResult(i, self.keys[i], RecordStatus.FAILED, error=error))

    def settle(self, result: RecordResult) -> None:
        self.results[result.index] = result
        if self.cp is not None:
            error = str(result.error) if result.error is not None else None
            self.cp.settle(result.index, result.status.value, error)

    def screen(self) -> list[int]:
        """Refuse keyless, duplicate and invalid records; the indices left to write."""
        first: dict[Key, int] = {}
        todo = []
        for i, (record, key) in enumerate(zip(self.records, self.keys, strict=True)):
            if key is None:
                err: SmartsuiteError = ConfigurationError(
                    f"record {i} has no value for the key field(s) {list(self.key)}"
                )
                self.fail(i, err)
            elif key in first:
                dup = DuplicateKeyError(
                    f"record {i} repeats key {show_key(key)} of record {first[key]}; "
                    "only the first is written"
                )
                self.settle(
                    RecordResult(i, key, RecordStatus.DUPLICATE, error=dup, duplicate_of=first[key])
                )
            elif (invalid := self.target.validate(record)) is not None:
                self.fail(i, invalid)
            else:
                first[key] = i
                todo.append(i)
        return todo

    def restore(self, todo: list[int]) -> list[int]:
        """Take settled records from a resumed checkpoint; remember the in-flight ones."""
        if self.cp is None or not self.cp.resumed:
            return todo
        left = []
        for i in todo:
            state = self.cp.states[i]
            if state in SETTLED_NAMES:
                status = RecordStatus(SETTLED_NAMES[state])
                msg = self.cp.errors.get(i)
                error = SmartsuiteError(msg) if msg is not None else None
                self.results[i] = RecordResult(i, self.keys[i], status, error=error)
            else:
                if state in (ADD_IN_FLIGHT, UPDATE_IN_FLIGHT):
                    self.origin[i] = state
                left.append(i)
        return left

    def fill_ids(self, existing: Mapping[Key, Existing]) -> None:
        for i, res in enumerate(self.results):
            if res is not None and res.id is None and res.ok and res.key in existing:
                self.results[i] = attrs.evolve(res, id=existing[res.key].id)  # type: ignore[index]

    def plan(
        self, indices: Sequence[int], existing: Mapping[Key, Existing]
    ) -> tuple[list[int], list[tuple[int, Update]]]:
        adds: list[int] = []
        updates: list[tuple[int, Update]] = []
        for i in indices:
            key = self.keys[i]
            assert key is not None
            record = self.records[i]
            current = existing.get(key)
            if current is None:
                adds.append(i)
                continue
            changes = changed_fields(record, current.values)
            if changes:
                updates.append(
                    (i, Update(current.id, key, record, {f: record[f] for f in changes}))
                )
                continue
            status = _LANDED_AS.get(self.origin.get(i, ""), RecordStatus.UNCHANGED)
            self.settle(RecordResult(i, key, status, current.id, self.sent.get(i, ())))
        return adds, updates

    async def write(
        self,
        phase: str,
        indices: Sequence[int],
        payloads: Sequence[Any],
        send: Callable[[Sequence[Any]], Awaitable[Sequence[BatchOutcome[Any]]]],
        in_flight: str,
        status: RecordStatus,
        fields: Sequence[tuple[str, ...]],
    ) -> list[int]:
        """Write through the chunker; settle what landed or failed; return the unknown ones."""
        items = list(zip(indices, payloads, fields, strict=True))
        done = 0
        unknown: list[int] = []

        async def send_batch(
            batch: Sequence[tuple[int, Any, tuple[str, ...]]],
        ) -> Sequence[BatchOutcome[Any]]:
            nonlocal done
            batch_indices = [i for i, _, _ in batch]
            for i, _, sent in batch:
                self.origin.setdefault(i, in_flight)
                self.sent[i] = sent
            if self.cp is not None:
                self.cp.mark(batch_indices, in_flight)
            await self.save()
            try:
                outcomes = [_unless_landed(o) for o in await send([p for _, p, _ in batch])]
            except SmartsuiteError as exc:
                kind = Outcome.UNKNOWN if may_have_landed(exc) else Outcome.FAILED
                outcomes = [(kind, None, exc)] * len(batch)
                if kind is Outcome.FAILED:
                    self.settle_batch(batch_indices, outcomes, status)
                    await self.save()
                    raise
            if len(outcomes) != len(batch):
                err = OutcomeUnknownError(
                    f"{self.target.name}: {len(outcomes)} outcomes for {len(batch)} items"
                )
                outcomes = [(Outcome.UNKNOWN, None, err)] * len(batch)
            self.settle_batch(batch_indices, outcomes, status)
            await self.save()
            done += len(batch)
            self.progress(phase, done, len(items))
            return outcomes

        bulk = await run_in_batches(items, send_batch, batch_size=self.target.batch_size)
        self.out.write_requests += bulk.requests
        for item in bulk:
            index = items[item.index][0]
            if item.outcome is Outcome.UNKNOWN:
                unknown.append(index)
            elif item.outcome is Outcome.NOT_SENT:
                err = item.error or SmartsuiteError("not sent: the job stopped first")
                self.results[index] = RecordResult(
                    index, self.keys[index], RecordStatus.FAILED, error=err
                )
        return unknown

    def settle_batch(
        self, indices: Sequence[int], outcomes: Sequence[BatchOutcome[Any]], status: RecordStatus
    ) -> None:
        for i, (outcome, value, error) in zip(indices, outcomes, strict=True):
            key = self.keys[i]
            if outcome is Outcome.LANDED:
                final = RecordStatus.ADDED if self.origin.get(i) == ADD_IN_FLIGHT else status
                self.settle(RecordResult(i, key, final, value, self.sent.get(i, ())))
            elif outcome is Outcome.FAILED:
                err = error or SmartsuiteError("the service refused the record")
                self.fail(i, err)

    def interrupted(self, cause: SmartsuiteError) -> UpsertResult:
        """The result so far: every unsettled record FAILED with an unknown outcome."""
        for i, settled in enumerate(self.results):
            if settled is None:
                err = OutcomeUnknownError(
                    f"the job stopped before this record was settled ({cause}); it may or may "
                    "not have landed: run the upsert again"
                )
                self.results[i] = RecordResult(i, self.keys[i], RecordStatus.FAILED, error=err)
        self.out.records = [r for r in self.results if r is not None]
        return self.out

    async def save(self) -> None:
        if self.cp is not None:
            await asyncio.to_thread(self.cp.save)

    async def run(self, dry_run: bool, max_rounds: int) -> UpsertResult:
        todo = self.restore(self.screen())
        existing = await self.target.read(self.key)
        self.out.read_requests += 1
        self.progress("read", len(existing), len(existing))
        for round_ in range(max_rounds + 1):
            adds, updates = self.plan(todo, existing)
            if adds and (refusal := self.target.refuse_adds(len(adds))) is not None:
                for i in adds:
                    self.fail(i, refusal)
                adds = []
            if dry_run:
                self.out.dry_run = True
                for i, up in updates:
                    self.results[i] = RecordResult(
                        i, self.keys[i], RecordStatus.UPDATED, up.id, tuple(up.changes)
                    )
                for i in adds:
                    self.results[i] = RecordResult(
                        i, self.keys[i], RecordStatus.ADDED, None, tuple(self.records[i])
                    )
                break
            phase = "reconcile" if round_ else "update"
            unknown = await self.write(
                phase,
                [i for i, _ in updates],
                [u for _, u in updates],
                self.target.update,
                UPDATE_IN_FLIGHT,
                RecordStatus.UPDATED,
                [tuple(u.changes) for _, u in updates],
            )
            unknown += await self.write(
                "reconcile" if round_ else "add",
                adds,
                [self.records[i] for i in adds],
                self.target.add,
                ADD_IN_FLIGHT,
                RecordStatus.ADDED,
                [tuple(self.records[i]) for i in adds],
            )
            if not unknown:
                break
            if round_ == max_rounds:
                for i in unknown:
                    err = OutcomeUnknownError(
                        f"the outcome stayed unknown after {max_rounds} reconciliation rounds"
                    )
                    self.fail(i, err)
                break
            # Re-read: what landed is now visible and will not be written again.
            self.out.reconciled += len(unknown)
            existing = await self.target.read(self.key)
            self.out.read_requests += 1
            todo = sorted(unknown)
        self.fill_ids(existing)
        missing = [i for i, r in enumerate(self.results) if r is None]
        if missing:  # every record must be accounted for
            raise SmartsuiteError(f"internal error: records {missing[:5]} have no result")
        self.out.records = [r for r in self.results if r is not None]
        if self.cp is not None:
            if all(s in SETTLED_NAMES for s in self.cp.states):
                self.cp.remove()
            else:
                await self.save()
        return self.out


async def upsert(
    target: UpsertTarget,
    records: Iterable[Record],
    *,
    key: str | Sequence[str],
    checkpoint: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    on_progress: OnProgress | None = None,
    max_reconcile_rounds: int = 5,
) -> UpsertResult:
    """Insert or update ``records`` in ``target``, matching on ``key``.

    Args:
        target: the adapter (:class:`SheetTarget`, :class:`AppSheetTarget`, :class:`RMTarget`,
            :func:`time_entries_target`, :func:`assignments_target`).
        records: mappings of field name to value.
        key: the key field, or several fields for a composite natural key.
        checkpoint: a JSON file written after each batch; if it holds this job already (same
            target, key and input), the job resumes from it. Deleted when the job completes.
        dry_run: read and compare only; the result says what would be added and updated.
        on_progress: called with a :class:`ProgressEvent` after each batch.
        max_reconcile_rounds: how often writes with an unknown outcome are re-read and retried.

    Returns:
        An :class:`UpsertResult` with one entry per input record.

    Raises:
        ConfigurationError: an unknown field, a bad key, or a checkpoint of another job.
        UpsertInterruptedError: the job stopped part-way (reading the current state failed
            for good); its ``.result`` accounts for every record.
    """
    rows = list(records)
    fields = key_fields(key)
    await target.prepare(list(dict.fromkeys(f for r in rows for f in r)), fields)
    cp = None
    if checkpoint is not None and not dry_run:
        keys = [key_of(r, fields) for r in rows]
        cp = Checkpoint.open(checkpoint, job_fingerprint(target.name, fields, keys), len(rows))
    job = _Job(target, rows, fields, on_progress, cp)
    try:
        return await job.run(dry_run, max_reconcile_rounds)
    except (ConfigurationError, UpsertInterruptedError):
        raise
    except SmartsuiteError as exc:
        raise UpsertInterruptedError(job.interrupted(exc), exc) from exc


async def run_many(jobs: Iterable[Awaitable[T]], *, concurrency: int | None = None) -> list[T]:
    """Run several jobs (for example upserts into many sheets) at once.

    Writes to one sheet stay serial (the transport's write locks) and every request still takes
    its credential's rate-limit token, so many sheets share one token's budget fairly.

    Args:
        jobs: the awaitables to run.
        concurrency: at most this many at a time (None: all at once).

    Returns:
        Their results, in order.
    """
    if concurrency is None:
        return list(await asyncio.gather(*jobs))
    if concurrency < 1:
        raise ConfigurationError(f"concurrency must be >= 1, got {concurrency}")
    gate = asyncio.Semaphore(concurrency)

    async def limited(job: Awaitable[T]) -> T:
        async with gate:
            return await job

    return list(await asyncio.gather(*(limited(j) for j in jobs)))
