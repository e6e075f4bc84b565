"""Emulated reports: rows and totals computed from stored time entries, assignments, expenses,
budgets and availability (seed 002, "Reports API").

Every source becomes "facts" (attributes plus measures); filters drop facts, ``group_by`` buckets
them, and the view picks which measures become columns.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Route, body, service_of
from .report_facts import Facts
from .schedule import WORKDAY_HOURS
from .state import ApiFailure, Record, RMState

if TYPE_CHECKING:
    pass

USER_ATTRS = ("user_id", "role", "discipline", "location", "assignment_status")
DATE_ATTRS = ("date", "week", "month")
OTHER_ATTRS = (
    "project_id",
    "client",
    "leave_type",
    "project_type",
    "project_state",
    "phase_name",
    "record_type",
    "entry_type",
    "category",
    "approval_status",
    "approved_by",
)
FILTER_ONLY = ("people_tags", "project_tags", "custom_fields")
HOURS = (
    "incurred_hours",
    "scheduled_hours",
    "difference_from_past_scheduled_hours",
    "future_scheduled_hours",
    "total_hours",
)
AMOUNTS = tuple(c.replace("hours", "amount") for c in HOURS)
DAYS = tuple(c.replace("hours", "days") for c in HOURS)
VIEWS: dict[str, tuple[str, ...]] = {
    "time_fees_hours": HOURS,
    "time_fees_days": DAYS,
    "time_fees_amounts": AMOUNTS,
    "time_fees_hours_and_amounts": HOURS + AMOUNTS,
    "time_fees_days_and_amounts": DAYS + AMOUNTS,
    "budgets_hours": (
        "budget_hours",
        "incurred_hours",
        "future_scheduled_hours",
        "total_hours",
        "remaining_hours",
    ),
    "budgets_days": (
        "budget_days",
        "incurred_days",
        "future_scheduled_days",
        "total_days",
        "remaining_days",
    ),
    "budgets_amounts": (
        "budget_amount",
        "incurred_amount",
        "future_scheduled_amount",
        "total_amount",
        "remaining_amount",
    ),
    "utilization": (
        "available_hours",
        "incurred_hours",
        "billable_hours",
        "scheduled_hours",
        "utilization",
    ),
    "expenses": ("incurred_amount", "budget_amount"),
}
CALCS = ("confirmed-unconfirmed", "confirmed", "approved")


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def time_frame(value: Any, today: dt.date) -> tuple[dt.date, dt.date]:
    """A named or ``{"from", "to"}`` time frame as two dates, both included."""
    one = dt.timedelta(days=1)
    if isinstance(value, dict):
        try:
            start, end = dt.date.fromisoformat(value["from"]), dt.date.fromisoformat(value["to"])
        except (KeyError, TypeError, ValueError):
            raise ApiFailure(400, "time_frame needs from and to dates (YYYY-MM-DD)") from None
        if end < start:
            raise ApiFailure(400, "time_frame ends before it starts")
        return start, end
    week = today - dt.timedelta(days=today.weekday())
    month = today.replace(day=1)
    quarter = _quarter_start(today)
    frames = {
        "this_week": (week, week + 6 * one),
        "last_week": (week - 7 * one, week - one),
        "this_month": (month, _add_months(month, 1) - one),
        "last_month": (_add_months(month, -1), month - one),
        "this_quarter": (quarter, _add_months(quarter, 3) - one),
        "last_quarter": (_add_months(quarter, -3), quarter - one),
        "this_year": (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
        "last_year": (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
        "last_and_next_90": (today - 90 * one, today + 90 * one),
    }
    for n in (30, 60, 90):
        frames[f"next_{n}"] = (today, today + n * one)
        frames[f"last_{n}"] = (today - n * one, today)
    if value not in frames:
        raise ApiFailure(400, f"unknown time_frame {value!r}")
    return frames[value]


def _keep(fact: Record, filters: Record) -> bool:
    for name, spec in filters.items():
        if name == "custom_fields":
            for item in spec:
                values = fact["custom_users"].get(item["id"], set()) | fact[
                    "custom_assignables"
                ].get(item["id"], set())
                hit = bool(values & set(item["values"]))
                if hit != (item.get("operation", "inclusion") == "inclusion"):
                    return False
            continue
        value = fact.get(name)
        hit = (
            bool(set(value) & set(spec["values"]))
            if isinstance(value, list)
            else value in spec["values"]
        )
        if hit != (spec.get("operation", "inclusion") == "inclusion"):
            return False
    return True


def _columns(view: str, sums: dict[str, float]) -> Record:
    s = defaultdict(float, sums)
    hours = {
        "incurred": s["incurred_hours"],
        "scheduled": s["scheduled_hours"],
        "difference_from_past_scheduled": s["incurred_hours"] - s["past_scheduled_hours"],
        "future_scheduled": s["future_scheduled_hours"],
        "total": s["incurred_hours"] + s["future_scheduled_hours"],
    }
    amounts = {
        "incurred": s["incurred_amount"],
        "scheduled": s["scheduled_amount"],
        "difference_from_past_scheduled": s["incurred_amount"] - s["past_scheduled_amount"],
        "future_scheduled": s["future_scheduled_amount"],
        "total": s["incurred_amount"] + s["future_scheduled_amount"],
    }
    values: Record = {}
    for k, v in hours.items():
        values[f"{k}_hours"], values[f"{k}_days"] = v, v / WORKDAY_HOURS
    for k, v in amounts.items():
        values[f"{k}_amount"] = v
    values.update(
        budget_hours=s["budget_hours"],
        budget_days=s["budget_hours"] / WORKDAY_HOURS,
        budget_amount=s["budget_amount"],
        remaining_hours=s["budget_hours"] - hours["total"],
        remaining_days=(s["budget_hours"] - hours["total"]) / WORKDAY_HOURS,
        remaining_amount=s["budget_amount"] - amounts["total"],
        available_hours=s["available_hours"],
        billable_hours=s["billable_hours"],
        utilization=round(s["billable_hours"] / s["available_hours"], 4)
        if s["available_hours"]
        else 0.0,
    )
    return {c: round(values[c], 4) for c in VIEWS[view]}


def compute(state: RMState, params: Record) -> tuple[Record, Record, list[Record], Record]:
    """(params with defaults, dates, rows, totals) for a report request."""
    view = params.get("view", "time_fees_hours")
    if view not in VIEWS:
        raise ApiFailure(400, f"unknown view {view!r}")
    today = state.current_date()
    if params.get("today"):
        try:
            today = dt.date.fromisoformat(params["today"])
        except (TypeError, ValueError):
            raise ApiFailure(400, "today must be YYYY-MM-DD") from None
    calc = params.get("calc_incurred_using", "confirmed-unconfirmed")
    if calc not in CALCS:
        raise ApiFailure(400, f"calc_incurred_using must be one of {', '.join(CALCS)}")
    group_by = params.get("group_by") or (["user_id"] if view == "utilization" else ["project_id"])
    allowed = USER_ATTRS + DATE_ATTRS + (() if view == "utilization" else OTHER_ATTRS)
    if (
        not isinstance(group_by, list)
        or not 1 <= len(group_by) <= 5
        or any(g not in allowed for g in group_by)
    ):
        raise ApiFailure(400, f"group_by takes 1 to 5 of: {', '.join(allowed)}")
    filters = params.get("filters") or {}
    if not isinstance(filters, dict) or any(
        k not in allowed + OTHER_ATTRS + FILTER_ONLY for k in filters
    ):
        raise ApiFailure(
            400, "filters must map groupable attributes (or tags/custom_fields) to filters"
        )
    start, end = time_frame(params.get("time_frame", "this_week"), today)
    facts = [f for f in Facts(state, start, end, today, calc).collect(view) if _keep(f, filters)]
    groups: dict[tuple[Any, ...], dict[str, float]] = {}
    names: dict[tuple[Any, ...], Record] = {}
    totals: defaultdict[str, float] = defaultdict(float)
    for fact in facts:
        key = tuple(fact.get(g) for g in group_by)
        bucket = groups.setdefault(key, defaultdict(float))
        names.setdefault(key, fact)
        for measure, value in fact["measures"].items():
            bucket[measure] += value
            totals[measure] += value
    rows = []
    for key in sorted(groups, key=lambda k: tuple((v is None, str(v)) for v in k)):
        row: Record = dict(zip(group_by, key, strict=True))
        if "user_id" in group_by:
            row["user_name"] = names[key]["user_name"]
        if "project_id" in group_by:
            row["project_name"] = names[key]["project_name"]
        row.update(_columns(view, groups[key]))
        rows.append(row)
    echoed = {
        "view": view,
        "time_frame": params.get("time_frame", "this_week"),
        "group_by": group_by,
        "filters": filters or None,
        "today": today.isoformat(),
        "calc_incurred_using": calc,
    }
    dates = {
        "today": today.isoformat(),
        "range": {"from": start.isoformat(), "to": end.isoformat()},
    }
    return echoed, dates, rows, _columns(view, totals)


async def rows(request: web.Request) -> web.Response:
    params, dates, rows_, _ = compute(service_of(request).state, await body(request))
    return json_response({"params": params, "dates": dates, "rows": rows_})


async def totals(request: web.Request) -> web.Response:
    params, dates, _, totals_ = compute(service_of(request).state, await body(request))
    return json_response({"params": params, "dates": dates, "totals": totals_})


ROUTES: tuple[Route, ...] = (
    ("POST", "/reports/rows", rows),
    ("POST", "/reports/totals", totals),
)
