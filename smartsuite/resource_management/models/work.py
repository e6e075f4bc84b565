"""Assignments (a person or placeholder on a project, phase or leave type) and their subtasks."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, track, unset
from .common import Nested


class AllocationMode(enum.StrEnum):
    """How an assignment's load is expressed."""

    PERCENT = "percent"
    HOURS_PER_DAY = "hours_per_day"
    FIXED = "fixed"


@attrs.define(on_setattr=track)
class Subtask(Model):
    """One item of an assignment's task list."""

    id: int
    assignment_id: int | None = unset
    assignable_id: int | None = unset
    description: str | None = unset
    completed: bool | None = unset
    updated_by: int | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class SubtaskCounts(Model):
    """Completed and total subtasks of an assignment (``fields=subtasks_counts``)."""

    completed: int = 0
    total: int = 0


@attrs.define(on_setattr=track)
class NewSubtask(Model):
    """A subtask to create together with an assignment."""

    description: str
    completed: bool = False


@attrs.define(on_setattr=track)
class Assignment(Model):
    """A user (or placeholder) assigned to an assignable for a date range.

    Attributes:
        repetition_id: the first assignment of a repeating series this one belongs to, or None.
        subtasks: present on assignments created with subtasks.
        subtask_counts: present with ``fields=subtasks_counts``.
    """

    id: int
    user_id: int | None = unset
    assignable_id: int | None = unset
    starts_at: dt.date | None = unset
    ends_at: dt.date | None = unset
    allocation_mode: str | None = unset
    percent: float | None = unset
    hours_per_day: float | None = unset
    fixed_hours: float | None = unset
    bill_rate: float | None = unset
    bill_rate_id: int | None = unset
    repetition_id: int | None = unset
    all_day_assignment: bool | None = unset
    resource_request_id: int | None = unset
    status: str | None = unset
    status_option_id: int | None = unset
    description: str | None = unset
    note: str | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset
    subtasks: Nested[Subtask] | None = unset
    subtask_counts: SubtaskCounts | None = unset
