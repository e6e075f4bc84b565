"""Reports (``POST /reports/rows`` and ``/reports/totals``): request pieces and answers."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import Model, track, unset


class ReportView(enum.StrEnum):
    """The ten report views; the view decides the columns."""

    TIME_FEES_HOURS = "time_fees_hours"
    TIME_FEES_DAYS = "time_fees_days"
    TIME_FEES_AMOUNTS = "time_fees_amounts"
    TIME_FEES_HOURS_AND_AMOUNTS = "time_fees_hours_and_amounts"
    TIME_FEES_DAYS_AND_AMOUNTS = "time_fees_days_and_amounts"
    BUDGETS_HOURS = "budgets_hours"
    BUDGETS_DAYS = "budgets_days"
    BUDGETS_AMOUNTS = "budgets_amounts"
    UTILIZATION = "utilization"
    EXPENSES = "expenses"


class TimeFrameName(enum.StrEnum):
    """Named time frames."""

    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    LAST_WEEK = "last_week"
    LAST_MONTH = "last_month"
    LAST_QUARTER = "last_quarter"
    LAST_YEAR = "last_year"
    NEXT_30 = "next_30"
    NEXT_60 = "next_60"
    NEXT_90 = "next_90"
    LAST_30 = "last_30"
    LAST_60 = "last_60"
    LAST_90 = "last_90"
    LAST_AND_NEXT_90 = "last_and_next_90"


class CalcIncurredUsing(enum.StrEnum):
    CONFIRMED_UNCONFIRMED = "confirmed-unconfirmed"
    CONFIRMED = "confirmed"
    APPROVED = "approved"


@attrs.frozen
class TimeFrame:
    """A custom report period, both ends included."""

    from_: dt.date
    to: dt.date


@attrs.frozen
class ReportFilter:
    """Include or exclude rows whose attribute is one of ``values``.

    Attributes:
        operation: ``inclusion`` or ``exclusion``.
        values: integers or strings, depending on the attribute.
    """

    values: list[int | str]
    operation: str = "inclusion"


@attrs.frozen
class CustomFieldFilter:
    """A filter on one custom field (``filters["custom_fields"]`` is a list of these)."""

    id: int
    values: list[str]
    operation: str = "inclusion"


@attrs.define(on_setattr=track)
class DateRange(Model):
    from_: dt.date | None = unset
    to: dt.date | None = unset


@attrs.define(on_setattr=track)
class ReportDates(Model):
    """The dates a report was computed for: ``today`` splits incurred from future time."""

    today: dt.date | None = unset
    range: DateRange | None = unset


@attrs.define(on_setattr=track)
class Report(Model):
    """Report rows. Row columns depend on the view and grouping, so rows stay dictionaries
    keyed by the column names (``project_id``, ``incurred_hours`` ...)."""

    params: dict[str, Any] = attrs.field(factory=dict)
    dates: ReportDates | None = unset
    rows: list[dict[str, Any]] = attrs.field(factory=list)


@attrs.define(on_setattr=track)
class ReportTotals(Model):
    """Report totals: one dictionary of column totals."""

    params: dict[str, Any] = attrs.field(factory=dict)
    dates: ReportDates | None = unset
    totals: dict[str, Any] = attrs.field(factory=dict)
