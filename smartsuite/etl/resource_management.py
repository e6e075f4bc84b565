"""The Resource Management adapter of the ETL engine: RM has no bulk writes, so a batch is a
handful of single-object writes sent concurrently, matched on a natural key of your choice
(for time entries, for example ``("user_id", "assignable_id", "date", "task")``)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._core.bulk import BatchOutcome, Outcome
from .._core.errors import ConfigurationError, OutcomeUnknownError, SmartsuiteError
from .._core.paging import AsyncPaginator
from .engine import Existing, OnProgress, Update, upsert
from .records import Key, Record, key_of
from .resend import without_resends
from .result import UpsertResult

if TYPE_CHECKING:
    import os

    from ..resource_management import ResourceManagementClient

Create = Callable[[Record], Awaitable[Any]]
Change = Callable[[Any, Mapping[str, Any], Record], Awaitable[Any]]


def rm_record(obj: Any) -> dict[str, Any]:
    """A flat record of an RM object: its attributes, dates as ISO text, nested objects left
    out."""
    return {
        k: v.isoformat() if isinstance(v, dt.date) else v
        for k, v in attrs.asdict(obj, recurse=False).items()
        if not attrs.has(type(v))
    }


class RMTarget:
    """Upserts RM objects through single-object create / update calls.

    Give it ``create`` / ``change`` calls made through ``without_resends(rm)`` (as
    :func:`time_entries_target` and :func:`assignments_target` do), so a create the server may
    have applied is re-read, never re-sent blind.

    Args:
        name: identifies the collection (for checkpoints).
        list_all: returns a paginator over the existing objects.
        create: creates one object from a record.
        change: updates object ``id`` with the changed fields (the whole record is given too).
        fields: the record fields allowed (None: any).
        concurrency: writes in flight at once (one batch).
        check: returns why a record must not be sent (bad values), or None.
    """

    def __init__(
        self,
        name: str,
        list_all: Callable[[], AsyncPaginator[Any]],
        create: Create,
        change: Change,
        *,
        fields: Sequence[str] | None = None,
        concurrency: int = 8,
        check: Callable[[Record], SmartsuiteError | None] | None = None,
    ) -> None:
        if concurrency < 1:
            raise ConfigurationError(f"concurrency must be >= 1, got {concurrency}")
        self._name = name
        self._list = list_all
        self._create = create
        self._change = change
        self._fields = set(fields) if fields is not None else None
        self._concurrency = concurrency
        self._check = check
        #: The values of each object seen by the last read, by id (for writes that need the
        #: whole object, such as a replacement).
        self.current: dict[Any, dict[str, Any]] = {}

    @property
    def name(self) -> str:
        return self._name

    @property
    def batch_size(self) -> int:
        return self._concurrency

    async def prepare(self, fields: Sequence[str], key: Sequence[str]) -> None:
        if self._fields is None:
            return
        unknown = [f for f in (*key, *fields) if f not in self._fields]
        if unknown:
            raise ConfigurationError(
                f"{self._name} has no field {unknown[0]!r} (fields: {sorted(self._fields)})"
            )

    def validate(self, record: Record) -> SmartsuiteError | None:
        return self._check(record) if self._check is not None else None

    def refuse_adds(self, count: int) -> SmartsuiteError | None:
        return None

    async def read(self, key: Sequence[str]) -> dict[Key, Existing]:
        found: dict[Key, Existing] = {}
        self.current = {}
        async for obj in self._list():
            record = rm_record(obj)
            self.current[record.get("id")] = record
            k = key_of(record, key)
            if k is not None and k not in found:
                found[k] = Existing(record.get("id"), record)
        return found

    async def add(self, records: Sequence[Record]) -> list[BatchOutcome[Any]]:
        return await _each([self._create(r) for r in records])

    async def update(self, updates: Sequence[Update]) -> list[BatchOutcome[Any]]:
        return await _each([self._change(u.id, u.changes, u.record) for u in updates])


async def _each(calls: list[Awaitable[Any]]) -> list[BatchOutcome[Any]]:
    answers = await asyncio.gather(*calls, return_exceptions=True)
    outcomes: list[BatchOutcome[Any]] = []
    for answer in answers:
        if isinstance(answer, OutcomeUnknownError):
            outcomes.append((Outcome.UNKNOWN, None, answer))
        elif isinstance(answer, SmartsuiteError):
            outcomes.append((Outcome.FAILED, None, answer))
        elif isinstance(answer, BaseException):
            raise answer
        else:
            outcomes.append((Outcome.LANDED, getattr(answer, "id", None), None))
    return outcomes


def stream_time_entries(
    rm: ResourceManagementClient, *, from_: dt.date | None = None, to: dt.date | None = None
) -> AsyncPaginator[dict[str, Any]]:
    """Time entries between two dates (both included) as flat records (see :func:`rm_record`),
    page by page with the next page prefetched.

    Args:
        rm: the client.
        from_ / to: the date window (None: open-ended).

    Returns:
        A paginator of records: ``async for record in stream_time_entries(rm)``.
    """
    return rm.time_entries.list(from_=from_, to=to).map(rm_record)


_TIME_FIELDS = ("id", "user_id", "assignable_id", "date", "hours", "task", "notes", "bill_rate_id")


def _time_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Record values (possibly text from a file) as the client's argument types."""
    out: dict[str, Any] = {}
    for field, value in values.items():
        if field in ("user_id", "id"):
            continue
        if value in (None, ""):
            out[field] = None
        elif field in ("assignable_id", "bill_rate_id"):
            out[field] = int(value)
        elif field == "hours":
            out[field] = float(value)
        elif field == "date":
            out[field] = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        else:
            out[field] = value
    return out


def time_entries_target(
    rm: ResourceManagementClient,
    *,
    from_: dt.date | None = None,
    to: dt.date | None = None,
    concurrency: int = 8,
) -> RMTarget:
    """An :class:`RMTarget` for confirmed time entries between two dates. Records carry
    ``user_id``, ``assignable_id``, ``date``, ``hours`` and optionally ``task`` / ``notes``.

    Creates go through a view that never re-sends them (:func:`without_resends`): a failure
    that may hide a created entry is settled by the engine's re-read."""
    rm = without_resends(rm)

    def list_all() -> AsyncPaginator[Any]:
        return rm.time_entries.list(from_=from_, to=to)

    async def create(record: Record) -> Any:
        values = _time_values(record)
        return await rm.time_entries.create(int(record["user_id"]), **values)

    async def change(entry_id: Any, changes: Mapping[str, Any], record: Record) -> Any:
        return await rm.time_entries.update(
            int(record["user_id"]), int(entry_id), **_time_values(changes)
        )

    return RMTarget(
        "rm:time_entries", list_all, create, change, fields=_TIME_FIELDS, concurrency=concurrency
    )


async def upsert_time_entries(
    rm: ResourceManagementClient,
    records: Iterable[Record],
    *,
    key: Sequence[str] = ("user_id", "assignable_id", "date"),
    from_: dt.date | None = None,
    to: dt.date | None = None,
    checkpoint: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    on_progress: OnProgress | None = None,
) -> UpsertResult:
    """Insert or update RM time entries matched on a natural key (default: user, assignable
    and date), through the same engine as sheets and AppSheet tables.

    Args:
        rm: the client.
        records: dicts with ``user_id``, ``assignable_id``, ``date``, ``hours`` ...
        key: the natural key fields.
        from_ / to: the date window read to find existing entries.
        checkpoint / dry_run / on_progress: as for :func:`smartsuite.etl.upsert`.
    """
    target = time_entries_target(rm, from_=from_, to=to)
    return await upsert(
        target, records, key=key, checkpoint=checkpoint, dry_run=dry_run, on_progress=on_progress
    )
