"""Assignables: projects (and their phases) and leave types, plus what hangs off a project:
budget items, budget categories and bill rates."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import UNSET, Model, track
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
    name: str | None = UNSET
    type: str | None = UNSET
    description: str | None = UNSET
    guid: str | None = UNSET
    deleted_at: dt.datetime | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class LeaveType(AssignableBase):
    """A leave type (vacation, sick ...): an assignable outside any project."""


@attrs.define(on_setattr=track)
class BudgetItem(Model):
    """A project budget line (fees, hours or expenses)."""

    id: int
    amount: float | None = UNSET
    item_type: str | None = UNSET
    category: str | None = UNSET
    assignable_id: int | None = UNSET
    assignable_parent_id: int | None = UNSET
    peritem_amount: float | None = UNSET
    peritem_label: str | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class BudgetItemCategory(Model):
    """An account-level budget category."""

    id: int
    category: str | None = UNSET


@attrs.define(on_setattr=track)
class BillRate(Model):
    """A bill rate: account default (no assignable), project/phase default, or per user."""

    id: int
    rate: float | None = UNSET
    assignable_id: int | None = UNSET
    user_id: int | None = UNSET
    role_id: int | None = UNSET
    discipline_id: int | None = UNSET
    #: Documented as dates; the API also sends timestamps here (seed 002, "Bill Rates":
    #: ``"starts_at": "2013-09-27T00:00:00Z"``), which keep their time of day.
    starts_at: dt.date | dt.datetime | None = UNSET
    ends_at: dt.date | dt.datetime | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class Project(AssignableBase):
    """A project, or a phase of one (a phase has ``parent_id`` and ``phase_name``).

    Nested collections (``tags``, ``children``, ``budget_items``, ``custom_field_values``) and
    the summary figures are present only when asked for with ``fields=``.
    """

    starts_at: dt.date | None = UNSET
    ends_at: dt.date | None = UNSET
    parent_id: int | None = UNSET
    phase_name: str | None = UNSET
    project_code: str | None = UNSET
    client: str | None = UNSET
    project_state: str | None = UNSET
    archived: bool | None = UNSET
    archived_at: dt.datetime | None = UNSET
    timeentry_lockout: int | None = UNSET
    use_parent_bill_rates: bool | None = UNSET
    has_pending_updates: bool | None = UNSET
    thumbnail: str | None = UNSET
    secureurl: str | None = UNSET
    secureurl_expiration: dt.datetime | None = UNSET
    settings: int | None = UNSET
    phase_count: int | None = UNSET
    tags: Nested[Tag] | None = UNSET
    children: Nested[Project] | None = UNSET
    budget_items: Nested[BudgetItem] | None = UNSET
    custom_field_values: Nested[CustomFieldValue] | None = UNSET
    bounding_startdate: dt.date | None = UNSET
    bounding_enddate: dt.date | None = UNSET
    confirmed_hours: float | None = UNSET
    confirmed_dollars: float | None = UNSET
    approved_hours: float | None = UNSET
    approved_dollars: float | None = UNSET
    unconfirmed_hours: float | None = UNSET
    unconfirmed_dollars: float | None = UNSET
    scheduled_hours: float | None = UNSET
    scheduled_dollars: float | None = UNSET
    future_hours: float | None = UNSET
    future_dollars: float | None = UNSET

    @property
    def is_phase(self) -> bool:
        return self.parent_id is not None


#: What ``GET /assignables`` returns, decided by each item's ``type``.
Assignable = Project | LeaveType | AssignableBase
