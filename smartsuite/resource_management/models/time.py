"""Time entries, expense items and their approvals."""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

from .common import Nested


class ApprovalStatus(enum.StrEnum):
    """``pending`` means submitted; ``approved`` means approved."""

    PENDING = "pending"
    APPROVED = "approved"


class ApprovableType(enum.StrEnum):
    TIME_ENTRY = "TimeEntry"
    EXPENSE_ITEM = "ExpenseItem"


@attrs.define
class Approval:
    """The approval record of a time entry or expense item.

    Attributes:
        approvable: the time entry or expense item itself, with ``fields=approvables``.
    """

    id: int
    status: str | None = None
    approvable_id: int | None = None
    approvable_type: str | None = None
    submitted_by: int | None = None
    submitted_at: dt.datetime | None = None
    approved_by: int | None = None
    approved_at: dt.datetime | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    approvable: TimeEntry | ExpenseItem | None = None


@attrs.define
class TimeEntry:
    """Hours on an assignable. Suggested entries (``is_suggestion``) are derived from
    assignments, carry ``scheduled_hours`` and are read-only."""

    id: int
    user_id: int | None = None
    assignable_id: int | None = None
    assignable_type: str | None = None
    date: dt.date | None = None
    hours: float | None = None
    is_suggestion: bool | None = None
    scheduled_hours: float | None = None
    task: str | None = None
    notes: str | None = None
    bill_rate: float | None = None
    bill_rate_id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    approvals: Nested[Approval] | None = None

    approvable_type: ClassVar[str] = ApprovableType.TIME_ENTRY


@attrs.define
class ExpenseItem:
    """An expense a user reported on a project or leave type."""

    id: int
    user_id: int | None = None
    assignable_id: int | None = None
    assignable_type: str | None = None
    date: dt.date | None = None
    amount: float | None = None
    category: str | None = None
    notes: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    approvals: Nested[Approval] | None = None

    approvable_type: ClassVar[str] = ApprovableType.EXPENSE_ITEM


@attrs.frozen
class Approvable:
    """What ``POST /approvals`` needs to name one record: its id, type and the ``updated_at``
    the caller saw (the server refuses a record changed since)."""

    id: int
    type: str
    updated_at: dt.datetime

    @classmethod
    def of(cls, record: TimeEntry | ExpenseItem) -> Approvable:
        """The approvable for a time entry or expense item model.

        Raises:
            ConfigurationError: the record has no ``updated_at`` (it was not read from the API).
        """
        from ..._core.errors import ConfigurationError

        if record.updated_at is None:
            raise ConfigurationError(
                f"{type(record).__name__} {record.id} has no updated_at; read it from the API "
                "before submitting or approving it"
            )
        return cls(record.id, str(record.approvable_type), record.updated_at)
