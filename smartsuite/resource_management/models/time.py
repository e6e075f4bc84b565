"""Time entries, expense items and their approvals."""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

from ..._core.errors import ConfigurationError
from ..._core.model import Model, track, unset
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
    status: str | None = unset
    approvable_id: int | None = unset
    approvable_type: str | None = unset
    submitted_by: int | None = unset
    submitted_at: dt.datetime | None = unset
    approved_by: int | None = unset
    approved_at: dt.datetime | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset
    approvable: TimeEntry | ExpenseItem | None = unset


@attrs.define(on_setattr=track)
class TimeEntry(Model):
    """Hours on an assignable. Suggested entries (``is_suggestion``) are derived from
    assignments, carry ``scheduled_hours`` and are read-only."""

    id: int
    user_id: int | None = unset
    assignable_id: int | None = unset
    assignable_type: str | None = unset
    date: dt.date = unset
    hours: float | None = unset
    is_suggestion: bool | None = unset
    scheduled_hours: float | None = unset
    task: str | None = unset
    notes: str | None = unset
    bill_rate: float | None = unset
    bill_rate_id: int | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset
    approvals: Nested[Approval] | None = unset

    approvable_type: ClassVar[str] = ApprovableType.TIME_ENTRY


@attrs.define(on_setattr=track)
class ExpenseItem(Model):
    """An expense a user reported on a project or leave type."""

    id: int
    user_id: int | None = unset
    assignable_id: int | None = unset
    assignable_type: str | None = unset
    date: dt.date = unset
    amount: float | None = unset
    category: str | None = unset
    notes: str | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset
    approvals: Nested[Approval] | None = unset

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
        if not isinstance(record.updated_at, dt.datetime):
            raise ConfigurationError(
                f"{type(record).__name__} {record.id} has no updated_at; read it from the API "
                "before submitting or approving it"
            )
        return cls(record.id, str(record.approvable_type), record.updated_at)
