"""Assignments (a person or placeholder on a project, phase or leave type) and their subtasks."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from .common import Nested


class AllocationMode(enum.StrEnum):
    """How an assignment's load is expressed."""

    PERCENT = "percent"
    HOURS_PER_DAY = "hours_per_day"
    FIXED = "fixed"


@attrs.define
class Subtask:
    """One item of an assignment's task list."""

    id: int
    assignment_id: int | None = None
    assignable_id: int | None = None
    description: str | None = None
    completed: bool | None = None
    updated_by: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@attrs.define
class SubtaskCounts:
    """Completed and total subtasks of an assignment (``fields=subtasks_counts``)."""

    completed: int = 0
    total: int = 0


@attrs.define
class NewSubtask:
    """A subtask to create together with an assignment."""

    description: str
    completed: bool = False


@attrs.define
class Assignment:
    """A user (or placeholder) assigned to an assignable for a date range.

    Attributes:
        repetition_id: the first assignment of a repeating series this one belongs to, or None.
        subtasks: present on assignments created with subtasks.
        subtask_counts: present with ``fields=subtasks_counts``.
    """

    id: int
    user_id: int | None = None
    assignable_id: int | None = None
    starts_at: dt.date | None = None
    ends_at: dt.date | None = None
    allocation_mode: str | None = None
    percent: float | None = None
    hours_per_day: float | None = None
    fixed_hours: float | None = None
    bill_rate: float | None = None
    bill_rate_id: int | None = None
    repetition_id: int | None = None
    all_day_assignment: bool | None = None
    resource_request_id: int | None = None
    status: str | None = None
    status_option_id: int | None = None
    description: str | None = None
    note: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    subtasks: Nested[Subtask] | None = None
    subtask_counts: SubtaskCounts | None = None
