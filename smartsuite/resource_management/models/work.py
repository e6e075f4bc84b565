"""Assignments (a person or placeholder on a project, phase or leave type) and their subtasks."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import UNSET, Model, track
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
    assignment_id: int | None = UNSET
    assignable_id: int | None = UNSET
    description: str | None = UNSET
    completed: bool | None = UNSET
    updated_by: int | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


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
    user_id: int | None = UNSET
    assignable_id: int | None = UNSET
    starts_at: dt.date | None = UNSET
    ends_at: dt.date | None = UNSET
    allocation_mode: str | None = UNSET
    percent: float | None = UNSET
    hours_per_day: float | None = UNSET
    fixed_hours: float | None = UNSET
    bill_rate: float | None = UNSET
    bill_rate_id: int | None = UNSET
    repetition_id: int | None = UNSET
    all_day_assignment: bool | None = UNSET
    resource_request_id: int | None = UNSET
    status: str | None = UNSET
    status_option_id: int | None = UNSET
    description: str | None = UNSET
    note: str | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET
    subtasks: Nested[Subtask] | None = UNSET
    subtask_counts: SubtaskCounts | None = UNSET
