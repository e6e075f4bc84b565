"""What an upsert reports: one :class:`RecordResult` per input record."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from .._core.errors import ConfigurationError, SmartsuiteError
from .records import Key, show_key


class RecordStatus(enum.StrEnum):
    """The fate of one input record."""

    ADDED = "added"  # a new row / object was created (``id`` is its id)
    UPDATED = "updated"  # an existing one had its changed fields written
    UNCHANGED = "unchanged"  # already up to date: nothing sent
    FAILED = "failed"  # not written (``error`` says why)
    DUPLICATE = "duplicate"  # same key as an earlier record of the input: not written twice


class DuplicateKeyError(ConfigurationError):
    """An input record repeats the key of an earlier one; only the first is written."""


@attrs.frozen
class RecordResult:
    """The fate of one input record.

    Attributes:
        index: position in the caller's input.
        key: the record's normalised key (None when it has none).
        status: added, updated, unchanged, failed or duplicate.
        id: the row / object id (the new id for an added record).
        changed: the fields sent for an update (all fields for an add).
        error: why it failed, or which record it duplicates.
        duplicate_of: for a duplicate, the index of the record that was written.
    """

    index: int
    key: Key | None
    status: RecordStatus
    id: Any = None
    changed: tuple[str, ...] = ()
    error: SmartsuiteError | None = None
    duplicate_of: int | None = None

    @property
    def ok(self) -> bool:
        return self.status not in (RecordStatus.FAILED, RecordStatus.DUPLICATE)

    def describe(self) -> str:
        """One line for reports: ``#12 'E12': failed: <error>``."""
        text = f"#{self.index} {show_key(self.key)}: {self.status.value}"
        if self.error is not None:
            text += f": {self.error}"
        return text


class UpsertFailedError(SmartsuiteError):
    """Some records of an upsert failed or were duplicates; ``.result`` has every record."""

    def __init__(self, result: UpsertResult) -> None:
        self.result = result
        super().__init__(result.summary())


class UpsertInterruptedError(SmartsuiteError):
    """The job stopped part-way (a read failed for good, or the client was closed).

    ``.result`` still has one entry per record: what was settled before the stop keeps its
    status; the rest are FAILED with an :class:`OutcomeUnknownError` naming the stop. Running the
    same upsert again is safe: it matches on the key, so nothing is written twice.
    """

    def __init__(self, result: UpsertResult, cause: SmartsuiteError) -> None:
        self.result = result
        self.cause = cause
        unsettled = sum(1 for r in result.records if r.status is RecordStatus.FAILED)
        super().__init__(f"upsert stopped part-way ({cause}); {unsettled} records not settled")


@attrs.define
class UpsertResult:
    """Per-record results of an upsert, in input order.

    Attributes:
        records: one :class:`RecordResult` per input record (``records[i].index == i``).
        write_requests: batch write requests sent (adds and updates).
        read_requests: reads made to learn the current state (the first one, then one per
            reconciliation round).
        reconciled: records whose write had an unknown outcome and were settled by re-reading.
        dry_run: nothing was written; statuses say what would have happened.
        resumed: the job continued from a checkpoint.
    """

    records: list[RecordResult]
    write_requests: int = 0
    read_requests: int = 0
    reconciled: int = 0
    dry_run: bool = False
    resumed: bool = False

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[RecordResult]:
        return iter(self.records)

    def __getitem__(self, index: int) -> RecordResult:
        return self.records[index]

    def _with(self, status: RecordStatus) -> list[RecordResult]:
        return [r for r in self.records if r.status is status]

    @property
    def added(self) -> list[RecordResult]:
        return self._with(RecordStatus.ADDED)

    @property
    def updated(self) -> list[RecordResult]:
        return self._with(RecordStatus.UPDATED)

    @property
    def unchanged(self) -> list[RecordResult]:
        return self._with(RecordStatus.UNCHANGED)

    @property
    def failed(self) -> list[RecordResult]:
        return self._with(RecordStatus.FAILED)

    @property
    def duplicates(self) -> list[RecordResult]:
        return self._with(RecordStatus.DUPLICATE)

    @property
    def problems(self) -> list[RecordResult]:
        """Failed and duplicate records: every input record that was not written."""
        return [r for r in self.records if not r.ok]

    @property
    def ok(self) -> bool:
        """True when every record was added, updated or already up to date."""
        return all(r.ok for r in self.records)

    def counts(self) -> dict[str, int]:
        """How many records ended in each status (every status present, zeros included)."""
        found = Counter(r.status.value for r in self.records)
        return {s.value: found.get(s.value, 0) for s in RecordStatus}

    def summary(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts().items())
        text = f"{len(self.records)} records: {counts} ({self.write_requests} write requests)"
        return ("dry run: " + text) if self.dry_run else text

    def raise_for_failures(self) -> None:
        """Raise :class:`UpsertFailedError` unless every record was written or up to date."""
        if not self.ok:
            raise UpsertFailedError(self)

    def __repr__(self) -> str:
        return f"UpsertResult({self.summary()})"
