"""Report facts: every time entry, scheduled assignment day, expense, budget line and
available hour, flattened into attributes (who, what, when) and measures (hours, amounts)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .schedule import days, holiday_dates, scheduled, work_hours
from .state import Record, RMState


class Facts:
    def __init__(
        self, state: RMState, start: dt.date, end: dt.date, today: dt.date, calc: str
    ) -> None:
        self.state, self.start, self.end, self.today, self.calc = state, start, end, today, calc
        self.out: list[Record] = []
        self.approved = {
            (a["approvable_type"], a["approvable_id"]): a for a in state.all("approvals")
        }

    def person(self, user_id: int | None) -> Record:
        user = (
            self.state.tables["users"].get(user_id or -1)
            or self.state.tables["placeholders"].get(user_id or -1)
            or {}
        )
        return {
            "user_id": user_id,
            "user_name": user.get("display_name") or user.get("title"),
            "role": user.get("role"),
            "discipline": user.get("discipline"),
            "location": user.get("location"),
            "assignment_status": None,
            "people_tags": [
                t["value"] for t in self.state.tag_records(self.state.user_tags[user_id or -1])
            ],
            "custom_users": self.custom("user_id", user_id),
        }

    def custom(self, key: str, owner: int | None) -> dict[int, set[str]]:
        found: defaultdict[int, set[str]] = defaultdict(set)
        for value in self.state.all("custom_field_values"):
            if value.get(key) == owner:
                found[value["custom_field_id"]].add(value["value"])
        return dict(found)

    def assignable(self, assignable_id: int | None) -> Record:
        project = self.state.tables["projects"].get(assignable_id or -1)
        if project is None:
            leave = self.state.tables["leave_types"].get(assignable_id or -1, {})
            return {
                "project_id": None,
                "project_name": None,
                "client": None,
                "leave_type": leave.get("name"),
                "project_type": "LeaveType",
                "project_state": None,
                "phase_name": None,
                "project_tags": [],
                "custom_assignables": {},
            }
        parent = self.state.tables["projects"].get(project.get("parent_id") or -1, project)
        return {
            "project_id": parent["id"],
            "project_name": parent.get("name"),
            "client": parent.get("client"),
            "leave_type": None,
            "project_type": "Project",
            "project_state": parent.get("project_state"),
            "phase_name": project.get("phase_name"),
            "project_tags": [
                t["value"] for t in self.state.tag_records(self.state.project_tags[parent["id"]])
            ],
            "custom_assignables": self.custom("project_id", parent["id"]),
        }

    def add(self, day: dt.date | None, attrs: Record, **measures: float) -> None:
        dated: dict[str, str | None] = {"date": None, "week": None, "month": None}
        if day is not None:
            dated = {
                "date": day.isoformat(),
                "week": (day - dt.timedelta(days=day.weekday())).isoformat(),
                "month": day.strftime("%Y-%m"),
            }
        self.out.append({**attrs, **dated, "measures": measures})

    def collect(self, view: str) -> list[Record]:
        state = self.state
        lo, hi = self.start.isoformat(), self.end.isoformat()
        confirmed_keys = set()
        if view != "expenses":
            for e in state.all("time_entries"):
                confirmed_keys.add((e["user_id"], e["assignable_id"], e["date"]))
                if not lo <= e["date"] <= hi:
                    continue
                approval = self.approved.get(("TimeEntry", e["id"]))
                status = approval["status"] if approval else "unsubmitted"
                if self.calc == "approved" and status != "approved":
                    continue
                day = dt.date.fromisoformat(e["date"])
                hours = float(e["hours"] or 0) if day <= self.today else 0.0
                amount = hours * float(e.get("bill_rate") or 0)
                attrs = {
                    **self.person(e["user_id"]),
                    **self.assignable(e["assignable_id"]),
                    "record_type": "TimeEntry",
                    "entry_type": "Confirmed",
                    "category": e.get("task"),
                    "approval_status": status,
                    "approved_by": approval and approval["approved_by"],
                }
                billable = hours if attrs["project_type"] == "Project" else 0.0
                self.add(
                    day,
                    attrs,
                    incurred_hours=hours,
                    incurred_amount=amount,
                    billable_hours=billable,
                )
            for a in state.all("assignments"):
                if a["user_id"] is None:
                    continue
                attrs = {
                    **self.person(a["user_id"]),
                    **self.assignable(a["assignable_id"]),
                    "record_type": "Assignment",
                    "entry_type": "Unconfirmed",
                    "category": None,
                    "approval_status": None,
                    "approved_by": None,
                }
                rate = float(a.get("bill_rate") or 0)
                for day, hours in scheduled(state, a, self.start, self.end):
                    m: dict[str, float] = {
                        "scheduled_hours": hours,
                        "scheduled_amount": hours * rate,
                    }
                    if day > self.today:
                        m.update(future_scheduled_hours=hours, future_scheduled_amount=hours * rate)
                    else:
                        m.update(past_scheduled_hours=hours, past_scheduled_amount=hours * rate)
                        key = (a["user_id"], a["assignable_id"], day.isoformat())
                        if self.calc == "confirmed-unconfirmed" and key not in confirmed_keys:
                            billable = hours if attrs["project_type"] == "Project" else 0.0
                            m.update(
                                incurred_hours=hours,
                                incurred_amount=hours * rate,
                                billable_hours=billable,
                            )
                    self.add(day, attrs, **m)
        if view == "utilization":
            holidays = holiday_dates(state)
            for user in state.all("users"):
                if user.get("archived"):
                    continue
                attrs = {
                    **self.person(user["id"]),
                    **self.assignable(None),
                    "record_type": None,
                    "entry_type": None,
                    "category": None,
                    "approval_status": None,
                    "approved_by": None,
                }
                for day in days(self.start, self.end):
                    self.add(
                        day, attrs, available_hours=work_hours(state, user["id"], day, holidays)
                    )
        if view.startswith("budgets") or view == "expenses":
            for b in state.all("budget_items"):
                kind = b["item_type"]
                if (view == "expenses") != (kind == "Expenses"):
                    continue
                attrs = {
                    **self.person(None),
                    **self.assignable(b["assignable_id"]),
                    "record_type": "BudgetItem",
                    "entry_type": None,
                    "category": b.get("category"),
                    "approval_status": None,
                    "approved_by": None,
                }
                amount = float(b.get("amount") or 0)
                if kind == "TimeFeesDays":
                    self.add(None, attrs, budget_hours=amount)
                else:
                    self.add(None, attrs, budget_amount=amount)
        if view == "expenses":
            for x in state.all("expense_items"):
                if lo <= x["date"] <= hi:
                    attrs = {
                        **self.person(x["user_id"]),
                        **self.assignable(x["assignable_id"]),
                        "record_type": "ExpenseItem",
                        "entry_type": "Confirmed",
                        "category": x.get("category"),
                        "approval_status": None,
                        "approved_by": None,
                    }
                    self.add(
                        dt.date.fromisoformat(x["date"]),
                        attrs,
                        incurred_amount=float(x["amount"] or 0),
                    )
        return self.out
