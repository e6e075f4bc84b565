"""Assignables: projects (and their phases) and leave types, plus what hangs off a project:
budget items, budget categories and bill rates."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

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


@attrs.define
class AssignableBase:
    """What every assignable has. An assignable of a type this library does not know decodes
    to this class, so a new kind on the server never breaks a listing."""

    id: int
    name: str | None = None
    type: str | None = None
    description: str | None = None
    guid: str | None = None
    deleted_at: dt.datetime | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@attrs.define
class LeaveType(AssignableBase):
    """A leave type (vacation, sick ...): an assignable outside any project."""


@attrs.define
class BudgetItem:
    """A project budget line (fees, hours or expenses)."""

    id: int
    amount: float | None = None
    item_type: str | None = None
    category: str | None = None
    assignable_id: int | None = None
    assignable_parent_id: int | None = None
    peritem_amount: float | None = None
    peritem_label: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@attrs.define
class BudgetItemCategory:
    """An account-level budget category."""

    id: int
    category: str | None = None


@attrs.define
class BillRate:
    """A bill rate: account default (no assignable), project/phase default, or per user."""

    id: int
    rate: float | None = None
    assignable_id: int | None = None
    user_id: int | None = None
    role_id: int | None = None
    discipline_id: int | None = None
    starts_at: dt.date | None = None
    ends_at: dt.date | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@attrs.define
class Project(AssignableBase):
    """A project, or a phase of one (a phase has ``parent_id`` and ``phase_name``).

    Nested collections (``tags``, ``children``, ``budget_items``, ``custom_field_values``) and
    the summary figures are present only when asked for with ``fields=``.
    """

    starts_at: dt.date | None = None
    ends_at: dt.date | None = None
    parent_id: int | None = None
    phase_name: str | None = None
    project_code: str | None = None
    client: str | None = None
    project_state: str | None = None
    archived: bool | None = None
    archived_at: dt.datetime | None = None
    timeentry_lockout: int | None = None
    use_parent_bill_rates: bool | None = None
    has_pending_updates: bool | None = None
    thumbnail: str | None = None
    secureurl: str | None = None
    secureurl_expiration: dt.datetime | None = None
    settings: int | None = None
    phase_count: int | None = None
    tags: Nested[Tag] | None = None
    children: Nested[Project] | None = None
    budget_items: Nested[BudgetItem] | None = None
    custom_field_values: Nested[CustomFieldValue] | None = None
    bounding_startdate: dt.date | None = None
    bounding_enddate: dt.date | None = None
    confirmed_hours: float | None = None
    confirmed_dollars: float | None = None
    approved_hours: float | None = None
    approved_dollars: float | None = None
    unconfirmed_hours: float | None = None
    unconfirmed_dollars: float | None = None
    scheduled_hours: float | None = None
    scheduled_dollars: float | None = None
    future_hours: float | None = None
    future_dollars: float | None = None

    @property
    def is_phase(self) -> bool:
        return self.parent_id is not None


#: What ``GET /assignables`` returns, decided by each item's ``type``.
Assignable = Project | LeaveType | AssignableBase
