"""Time entries, expense items and their approvals."""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

from ..._core.model import UNSET, Model, track
from .common import Nested


class ApprovalStatus(enum.StrEnum):
    """``pending`` means submitted; ``approved`` means approved."""

    PENDING = "pending"
    APPROVED = "approved"


class ApprovableType(enum.StrEnum):
    TIME_ENTRY = "TimeEntry"
    EXPENSE_ITEM = "ExpenseItem"


@attrs.define(on_setattr=track)
class Approval(Model):
    """The approval record of a time entry or expense item.

    Attributes:
        approvable: the time entry or expense item itself, with ``fields=approvables``.
    """

    id: int
    status: str | None = UNSET
    approvable_id: int | None = UNSET
    approvable_type: str | None = UNSET
    submitted_by: int | None = UNSET
    submitted_at: dt.datetime | None = UNSET
    approved_by: int | None = UNSET
    approved_at: dt.datetime | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET
    approvable: TimeEntry | ExpenseItem | None = UNSET


@attrs.define(on_setattr=track)
class TimeEntry(Model):
    """Hours on an assignable. Suggested entries (``is_suggestion``) are derived from
    assignments, carry ``scheduled_hours`` and are read-only."""

    id: int
    user_id: int | None = UNSET
    assignable_id: int | None = UNSET
    assignable_type: str | None = UNSET
    date: dt.date = UNSET
    hours: float | None = UNSET
    is_suggestion: bool | None = UNSET
    scheduled_hours: float | None = UNSET
    task: str | None = UNSET
    notes: str | None = UNSET
    bill_rate: float | None = UNSET
    bill_rate_id: int | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET
    approvals: Nested[Approval] | None = UNSET

    approvable_type: ClassVar[str] = ApprovableType.TIME_ENTRY


@attrs.define(on_setattr=track)
class ExpenseItem(Model):
    """An expense a user reported on a project or leave type."""

    id: int
    user_id: int | None = UNSET
    assignable_id: int | None = UNSET
    assignable_type: str | None = UNSET
    date: dt.date = UNSET
    amount: float | None = UNSET
    category: str | None = UNSET
    notes: str | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET
    approvals: Nested[Approval] | None = UNSET

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

        if not isinstance(record.updated_at, dt.datetime):
            raise ConfigurationError(
                f"{type(record).__name__} {record.id} has no updated_at; read it from the API "
                "before submitting or approving it"
            )
        return cls(record.id, str(record.approvable_type), record.updated_at)
