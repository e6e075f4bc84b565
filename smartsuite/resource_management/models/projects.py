"""Assignables: projects (and their phases) and leave types, plus what hangs off a project:
budget items, budget categories and bill rates."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, track, unset
from .common import Nested, Tag
from .settings import CustomFieldValue


class ProjectState(enum.StrEnum):
    """Known ``project_state`` values."""

    CONFIRMED = "Confirmed"
    TENTATIVE = "Tentative"
    INTERNAL = "Internal"


class BudgetItemType(enum.StrEnum):
    """The ``item_type`` of a budget item (``TimeFeesDays`` is counted in hours)."""

    TIME_FEES = "TimeFees"
    TIME_FEES_DAYS = "TimeFeesDays"
    EXPENSES = "Expenses"


@attrs.define(on_setattr=track)
class AssignableBase(Model):
    """What every assignable has. An assignable of a type this library does not know decodes
    to this class, so a new kind on the server never breaks a listing."""

    id: int
    name: str | None = unset
    type: str | None = unset
    description: str | None = unset
    guid: str | None = unset
    deleted_at: dt.datetime | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class LeaveType(AssignableBase):
    """A leave type (vacation, sick ...): an assignable outside any project."""


@attrs.define(on_setattr=track)
class BudgetItem(Model):
    """A project budget line (fees, hours or expenses)."""

    id: int
    amount: float | None = unset
    item_type: str | None = unset
    category: str | None = unset
    assignable_id: int | None = unset
    assignable_parent_id: int | None = unset
    peritem_amount: float | None = unset
    peritem_label: str | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class BudgetItemCategory(Model):
    """An account-level budget category."""

    id: int
    category: str | None = unset


@attrs.define(on_setattr=track)
class BillRate(Model):
    """A bill rate: account default (no assignable), project/phase default, or per user."""

    id: int
    rate: float | None = unset
    assignable_id: int | None = unset
    user_id: int | None = unset
    role_id: int | None = unset
    discipline_id: int | None = unset
    #: Documented as dates; the API also sends timestamps here (seed 002, "Bill Rates":
    #: ``"starts_at": "2013-09-27T00:00:00Z"``), which keep their time of day.
    starts_at: dt.date | dt.datetime | None = unset
    ends_at: dt.date | dt.datetime | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class Project(AssignableBase):
    """A project, or a phase of one (a phase has ``parent_id`` and ``phase_name``).

    Nested collections (``tags``, ``children``, ``budget_items``, ``custom_field_values``) and
    the summary figures are present only when asked for with ``fields=``.
    """

    starts_at: dt.date | None = unset
    ends_at: dt.date | None = unset
    parent_id: int | None = unset
    phase_name: str | None = unset
    project_code: str | None = unset
    client: str | None = unset
    project_state: str | None = unset
    archived: bool | None = unset
    archived_at: dt.datetime | None = unset
    timeentry_lockout: int | None = unset
    use_parent_bill_rates: bool | None = unset
    has_pending_updates: bool | None = unset
    thumbnail: str | None = unset
    secureurl: str | None = unset
    secureurl_expiration: dt.datetime | None = unset
    settings: int | None = unset
    phase_count: int | None = unset
    tags: Nested[Tag] | None = unset
    children: Nested[Project] | None = unset
    budget_items: Nested[BudgetItem] | None = unset
    custom_field_values: Nested[CustomFieldValue] | None = unset
    bounding_startdate: dt.date | None = unset
    bounding_enddate: dt.date | None = unset
    confirmed_hours: float | None = unset
    confirmed_dollars: float | None = unset
    approved_hours: float | None = unset
    approved_dollars: float | None = unset
    unconfirmed_hours: float | None = unset
    unconfirmed_dollars: float | None = unset
    scheduled_hours: float | None = unset
    scheduled_dollars: float | None = unset
    future_hours: float | None = unset
    future_dollars: float | None = unset

    @property
    def is_phase(self) -> bool:
        return self.parent_id is not None


#: What ``GET /assignables`` returns, decided by each item's ``type``.
Assignable = Project | LeaveType | AssignableBase
