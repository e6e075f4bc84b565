"""Working time: a user's hours per day (work week, availabilities, holidays) and the hours an
assignment schedules per day. Suggested time entries and reports are derived from these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .state import Record, RMState

#: The default work week: eight hours Monday to Friday (``weekday()`` numbering).
WORKDAY_HOURS = 8.0

#: Ids of suggested entries live above every stored id, and are stable across requests.
SUGGESTION_ID_BASE = 1_000_000_000


def days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=1)


def holiday_dates(state: RMState) -> set[str]:
    return {h["date"] for h in state.all("holidays")}


def work_hours(state: RMState, user_id: int | None, day: dt.date, holidays: set[str]) -> float:
    """Hours ``user_id`` works on ``day``: 0 on holidays, an availability block's ``dayN`` when
    one covers the day (``day0`` is Sunday), else the default work week."""
    if day.isoformat() in holidays:
        return 0.0
    iso = day.isoformat()
    for block in state.all("availabilities"):
        if (
            block["user_id"] == user_id
            and (block["starts_at"] is None or block["starts_at"] <= iso)
            and (block["ends_at"] is None or block["ends_at"] >= iso)
        ):
            return float(block[f"day{(day.weekday() + 1) % 7}"] or 0.0)
    return WORKDAY_HOURS if day.weekday() < 5 else 0.0


def scheduled(
    state: RMState, assignment: Record, start: dt.date | None, end: dt.date | None
) -> list[tuple[dt.date, float]]:
    """(day, hours) the assignment schedules within ``start``..``end`` (None: unbounded)."""
    a_start = dt.date.fromisoformat(assignment["starts_at"])
    a_end = dt.date.fromisoformat(assignment["ends_at"])
    holidays = holiday_dates(state)
    user = assignment["user_id"]
    working = [(d, work_hours(state, user, d, holidays)) for d in days(a_start, a_end)]
    working = [(d, h) for d, h in working if h > 0]
    mode = assignment.get("allocation_mode") or "percent"
    out = []
    for day, hours in working:
        if mode == "hours_per_day":
            amount = min(float(assignment.get("hours_per_day") or 0.0), hours)
        elif mode == "fixed":
            amount = float(assignment.get("fixed_hours") or 0.0) / len(working)
        else:
            amount = hours * float(assignment.get("percent") or 1.0)
        if (start is None or day >= start) and (end is None or day <= end):
            out.append((day, round(amount, 4)))
    return out


def suggestions(state: RMState, start: dt.date | None, end: dt.date | None) -> list[Record]:
    """Suggested (unconfirmed) entries for every assignment, except on days where the user
    already confirmed time on that assignable."""
    confirmed = {(e["user_id"], e["assignable_id"], e["date"]) for e in state.all("time_entries")}
    out = []
    for assignment in state.all("assignments"):
        if assignment["user_id"] is None:
            continue
        first = dt.date.fromisoformat(assignment["starts_at"])
        assignable = state.tables["projects"].get(assignment["assignable_id"])
        kind = "Project" if assignable is not None else "LeaveType"
        for day, hours in scheduled(state, assignment, start, end):
            key = (assignment["user_id"], assignment["assignable_id"], day.isoformat())
            if key in confirmed:
                continue
            out.append(
                {
                    "id": SUGGESTION_ID_BASE + assignment["id"] * 10_000 + (day - first).days,
                    "user_id": assignment["user_id"],
                    "assignable_id": assignment["assignable_id"],
                    "assignable_type": kind,
                    "date": day.isoformat(),
                    "hours": None,
                    "is_suggestion": True,
                    "scheduled_hours": hours,
                    "task": None,
                    "notes": None,
                    "bill_rate": assignment.get("bill_rate"),
                    "bill_rate_id": assignment.get("bill_rate_id"),
                    "created_at": assignment["created_at"],
                    "updated_at": assignment["updated_at"],
                }
            )
    return out
