"""RM assignments through the ETL engine, matched on a natural key of your choice (by default
``("user_id", "assignable_id", "starts_at")``).

The Resource Management API has no call that changes an assignment, only create and delete
(https://10kft.github.io/10kft-api/#assignments). A changed assignment is
therefore *replaced*: the old one is deleted, then one with the merged values is created, and
the result reports the new id. Deleting first keeps the natural key unique even when an answer
is lost: the engine re-reads, finds either the old assignment (nothing landed), nothing (only
the delete landed: the record is added) or the replacement (nothing left to do).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._core.errors import ConfigurationError, SmartsuiteError
from .._core.paging import AsyncPaginator
from .engine import OnProgress, upsert
from .records import Record
from .resend import may_have_landed, without_resends
from .resource_management import RMTarget, rm_record
from .result import UpsertResult

if TYPE_CHECKING:
    import os

    from ..resource_management import ResourceManagementClient

#: The natural key used when none is given.
DEFAULT_KEY = ("user_id", "assignable_id", "starts_at")
#: The amount field of each allocation mode.
_AMOUNTS = {"percent": "percent", "hours_per_day": "hours_per_day", "fixed": "fixed_hours"}
_ALLOCATION = ("allocation_mode", *_AMOUNTS.values())
#: The fields a record may carry: those an assignment is created with.
ASSIGNMENT_FIELDS = (
    "user_id",
    "assignable_id",
    "starts_at",
    "ends_at",
    *_ALLOCATION,
    "status_option_id",
    "description",
    "note",
)
_INTS = ("user_id", "assignable_id", "status_option_id")
_DATES = ("starts_at", "ends_at")
_NUMBERS = tuple(_AMOUNTS.values())


class AssignmentReplaceError(SmartsuiteError):
    """An assignment was deleted to be replaced, but creating its replacement failed.

    Attributes:
        removed_id: the id of the assignment that was deleted.
    """

    def __init__(self, message: str, removed_id: int) -> None:
        super().__init__(message)
        self.removed_id = removed_id


def _blank(value: Any) -> bool:
    return value is None or value == ""


def assignment_values(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's assignment fields as the client's argument types (text from a file is
    converted; blank values are dropped).

    Raises:
        ConfigurationError: a value that is not a whole number, a number or an ISO date, or an
            unknown allocation mode.
    """
    out: dict[str, Any] = {}
    for field in ASSIGNMENT_FIELDS:
        value: Any = record.get(field)
        if _blank(value):
            continue
        try:
            if field in _INTS:
                out[field] = int(value)
            elif field in _DATES:
                out[field] = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
            elif field in _NUMBERS:
                out[field] = float(value)
            else:
                out[field] = value
        except (TypeError, ValueError):
            raise ConfigurationError(f"assignment field {field!r}: bad value {value!r}") from None
    mode = out.get("allocation_mode")
    if mode is not None and mode not in _AMOUNTS:
        raise ConfigurationError(
            f"allocation_mode must be one of {', '.join(_AMOUNTS)}, got {mode!r}"
        )
    return out


def _merged(current: Mapping[str, Any], record: Record) -> dict[str, Any]:
    """The replacement's values: the record over the current assignment. The allocation comes
    whole from one side, so a new amount never mixes with the old mode."""
    now = assignment_values(current)
    new = assignment_values(record)
    if any(f in new for f in _ALLOCATION):
        for field in _ALLOCATION:
            now.pop(field, None)
    else:  # keep the current mode and only its amount
        mode = now.get("allocation_mode")
        for field in _AMOUNTS.values():
            if mode is not None and field != _AMOUNTS[mode]:
                now.pop(field, None)
    for field in ASSIGNMENT_FIELDS:  # a blank in the record clears the field
        if field in record and _blank(record[field]):
            now.pop(field, None)
    return {**now, **new}


def _check_dates(values: Mapping[str, Any]) -> None:
    missing = [f for f in ("user_id", "assignable_id", *_DATES) if f not in values]
    if missing:
        raise ConfigurationError(f"an assignment needs {', '.join(missing)}")
    if values["ends_at"] < values["starts_at"]:
        raise ConfigurationError(
            f"ends_at {values['ends_at']} is before starts_at {values['starts_at']}"
        )


async def _create(rm: ResourceManagementClient, values: Mapping[str, Any]) -> Any:
    """Create the assignment of ``values`` (only :data:`ASSIGNMENT_FIELDS`, each the client's
    argument of that name; the ones absent are left unset)."""
    _check_dates(values)
    fields = {k: v for k, v in values.items() if k != "user_id"}
    return await rm.assignments.create(values["user_id"], **fields)


def assignments_target(
    rm: ResourceManagementClient,
    *,
    from_: dt.date | None = None,
    to: dt.date | None = None,
    concurrency: int = 8,
) -> RMTarget:
    """An :class:`RMTarget` for assignments (phases included). Records carry ``user_id``,
    ``assignable_id``, ``starts_at``, ``ends_at``, an allocation (``percent``,
    ``hours_per_day`` or ``fixed_hours``, optionally ``allocation_mode``) and optionally
    ``status_option_id``, ``description`` and ``note``.

    Args:
        rm: the client.
        from_ / to: read only assignments ending after ``from_`` / starting before ``to``
            (None: all). The window must cover every assignment the records may match, or the
            ones outside it are added again.
        concurrency: writes in flight at once.
    """
    rm = without_resends(rm)

    def list_all() -> AsyncPaginator[Any]:
        return rm.assignments.list(from_=from_, to=to, with_phases=True)

    async def create(record: Record) -> Any:
        return await _create(rm, assignment_values(record))

    async def replace(old_id: Any, changes: Mapping[str, Any], record: Record) -> Any:
        current = target.current.get(old_id)
        if current is None:
            raise ConfigurationError(f"assignment {old_id} was not in the last read")
        values = _merged(current, record)
        _check_dates(values)  # refuse before deleting anything
        await rm.assignments.delete(int(current["user_id"]), int(old_id))
        try:
            return await _create(rm, values)
        except SmartsuiteError as exc:
            if may_have_landed(exc):
                raise  # settled by the engine's re-read: the old one is gone, so it is added

            raise AssignmentReplaceError(
                f"assignment {old_id} was deleted to be replaced, but the replacement failed: "
                f"{exc}",
                int(old_id),
            ) from exc

    target = RMTarget(
        "rm:assignments",
        list_all,
        create,
        replace,
        fields=ASSIGNMENT_FIELDS,
        concurrency=concurrency,
        check=_invalid,
    )
    return target


def _invalid(record: Record) -> SmartsuiteError | None:
    try:
        assignment_values(record)
    except ConfigurationError as exc:
        return exc
    return None


async def upsert_assignments(
    rm: ResourceManagementClient,
    records: Iterable[Record],
    *,
    key: Sequence[str] = DEFAULT_KEY,
    from_: dt.date | None = None,
    to: dt.date | None = None,
    checkpoint: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    on_progress: OnProgress | None = None,
    concurrency: int = 8,
) -> UpsertResult:
    """Insert or replace RM assignments matched on a natural key (default: user, assignable
    and start date), through the same engine as sheets, AppSheet tables and time entries.

    New keys are created; an assignment whose fields differ from its record is replaced (RM
    cannot change an assignment in place), and the result's ``id`` is the replacement's id.
    Lost answers are settled by re-reading, so each record lands exactly once.

    Args:
        rm: the client.
        records: dicts with ``user_id``, ``assignable_id``, ``starts_at``, ``ends_at`` ...
        key: the natural key fields (any of :data:`ASSIGNMENT_FIELDS`).
        from_ / to: the window read to find existing assignments (see
            :func:`assignments_target`).
        checkpoint / dry_run / on_progress: as for :func:`smartsuite.etl.upsert`.
        concurrency: writes in flight at once.

    Returns:
        An :class:`UpsertResult`: added, updated (replaced), unchanged, failed or duplicate.

    Raises:
        ConfigurationError: a record field that assignments do not have, or a bad key.
    """
    target = assignments_target(rm, from_=from_, to=to, concurrency=concurrency)
    return await upsert(
        target, records, key=key, checkpoint=checkpoint, dry_run=dry_run, on_progress=on_progress
    )


def stream_assignments(
    rm: ResourceManagementClient,
    *,
    from_: dt.date | None = None,
    to: dt.date | None = None,
    with_phases: bool = True,
) -> AsyncPaginator[dict[str, Any]]:
    """Assignments as flat records (see :func:`rm_record`), page by page with the next page
    prefetched.

    Args:
        rm: the client.
        from_ / to: assignments ending after ``from_`` / starting before ``to`` (None: all).
        with_phases: include assignments to project phases.

    Returns:
        A paginator of records: ``async for record in stream_assignments(rm)``.
    """
    return rm.assignments.list(from_=from_, to=to, with_phases=with_phases).map(rm_record)
