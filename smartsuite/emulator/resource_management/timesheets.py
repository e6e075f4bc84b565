"""Emulated time routes: time entries (with derived suggestions), expense items, approvals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from ._http import (
    Route,
    b_date,
    b_int,
    b_number,
    body,
    fetch,
    int_id,
    nested,
    no_content,
    paged,
    project_of,
    q_bool,
    q_date,
    q_fields,
    single_page,
    sort_records,
    state_of,
    user_of,
)
from .finance import rate_for
from .projects import is_locked
from .schedule import suggestions
from .state import ApiFailure, Record, RMState, parse_iso

if TYPE_CHECKING:
    pass

_TEXT_LIMIT = 255
_KINDS = {"TimeEntry": "time_entries", "ExpenseItem": "expense_items"}


def approvals_of(state: RMState, kind: str, record_id: int) -> list[Record]:
    return [
        a
        for a in state.all("approvals")
        if a["approvable_type"] == kind and a["approvable_id"] == record_id
    ]


def dresser(request: web.Request, kind: str, base: str) -> Callable[[Record], Record] | None:
    if "approvals" not in q_fields(request, ("approvals",)):
        return None

    def dress(record: Record) -> Record:
        items = approvals_of(state_of(request), kind, record["id"])
        return {
            **record,
            "approvals": nested(request, f"{base}/{record['id']}/approvals", items),
        }

    return dress


# -- time entries ----------------------------------------------------------------------
def entries(request: web.Request, keep: Callable[[Record], bool]) -> list[Record]:
    state = state_of(request)
    start, end = q_date(request, "from"), q_date(request, "to")
    records = [e for e in state.tables["time_entries"].values() if keep(e)]
    if q_bool(request, "with_suggestions"):
        records += [s for s in suggestions(state, start, end) if keep(s)]
    if start is not None:
        lo = start.isoformat()
        records = [e for e in records if e["date"] >= lo]
    if end is not None:
        hi = end.isoformat()
        records = [e for e in records if e["date"] <= hi]
    return sort_records(request, records, {"created": "created_at", "updated": "updated_at"})


def entry_changes(data: Record) -> Record:
    changes: Record = {}
    if "hours" in data:
        hours = b_number(data, "hours")
        if hours is None or not 0 <= hours <= 24:
            raise ApiFailure(400, "hours must be between 0 and 24")
        changes["hours"] = hours
    if "date" in data:
        changes["date"] = b_date(data, "date", required=True)
    for name in ("task", "notes"):
        if name in data:
            if isinstance(data[name], str) and len(data[name]) > _TEXT_LIMIT:
                raise ApiFailure(400, f"{name} must be fewer than 256 characters")
            changes[name] = data[name]
    for name in ("assignable_id", "project_id", "leave_type_id"):
        if data.get(name) is not None:
            changes["assignable_id"] = b_int(data, name)
    if "bill_rate_id" in data:
        changes["bill_rate_id"] = b_int(data, "bill_rate_id")
    return changes


def check_entry(state: RMState, record: Record) -> Record:
    assignable = state.assignable(record["assignable_id"])
    record["assignable_type"] = "LeaveType" if assignable.get("type") == "LeaveType" else "Project"
    user = state.tables["users"].get(record["user_id"])
    if user is None:
        if record["user_id"] in state.tables["placeholders"]:
            raise ApiFailure(400, "Time cannot be tracked for placeholders")
        raise ApiFailure(404, f"user {record['user_id']} not found")
    if user.get("license_type") == "managed_resource":
        raise ApiFailure(403, "Confirmed time cannot be created for managed resources")
    if record["assignable_type"] == "Project" and is_locked(
        assignable, dt.date.fromisoformat(record["date"]), state.current_date()
    ):
        raise ApiFailure(
            400, f"Project {assignable['id']} is locked for time entries on {record['date']}"
        )
    rate = state.tables["bill_rates"].get(record.get("bill_rate_id") or -1) or rate_for(
        state, record["user_id"], record["assignable_id"], record["date"]
    )
    record["bill_rate"] = rate["rate"] if rate else 0.0
    record["bill_rate_id"] = rate["id"] if rate else None
    return record


async def create_entry(request: web.Request, user_id: int, data: Record) -> web.Response:
    state = state_of(request)
    if data.get("user_id") is not None and b_int(data, "user_id") != user_id:
        raise ApiFailure(400, "user_id in the body does not match the URL")
    changes = entry_changes(data)
    if "assignable_id" not in changes:
        raise ApiFailure(400, "assignable_id is required")
    if "hours" not in changes or "date" not in changes:
        raise ApiFailure(400, "date and hours are required")
    record = {
        "user_id": user_id,
        "is_suggestion": False,
        "scheduled_hours": None,
        "task": None,
        "notes": None,
    }
    record.update(changes)
    entry = state.insert("time_entries", check_entry(state, record))
    state.emit("time.entry.created", entry)
    return json_response(entry)


def entry(request: web.Request, owner: str | None) -> Record:
    record = fetch(request, "time_entries", "time entry")
    if owner is not None and record[owner] != int_id(
        request, owner.replace("assignable", "project")
    ):
        raise ApiFailure(404, f"time entry {record['id']} not found here")
    return record


async def list_entries(request: web.Request) -> web.Response:
    return paged(
        request,
        entries(request, lambda e: True),
        dresser(request, "TimeEntry", "/time_entries"),
    )


async def get_entry(request: web.Request) -> web.Response:
    return json_response(entry(request, None))


async def list_user_entries(request: web.Request) -> web.Response:
    uid = state_of(request).person(int_id(request, "user_id"))["id"]
    records = entries(request, lambda e: e["user_id"] == uid)
    return paged(request, records, dresser(request, "TimeEntry", "/time_entries"))


async def get_user_entry(request: web.Request) -> web.Response:
    return json_response(entry(request, "user_id"))


async def create_user_entry(request: web.Request) -> web.Response:
    uid = int_id(request, "user_id")
    return await create_entry(request, uid, await body(request))


async def update_entry(request: web.Request) -> web.Response:
    state = state_of(request)
    record = entry(request, "user_id")
    merged = {**record, **entry_changes(await body(request))}
    check_entry(state, merged)
    state.touch(
        record, {k: v for k, v in merged.items() if k not in ("id", "created_at", "updated_at")}
    )
    state.emit("time.entry.updated", record)
    return json_response(record)


async def delete_entry(request: web.Request) -> web.Response:
    record = entry(request, "user_id")
    del state_of(request).tables["time_entries"][record["id"]]
    return no_content()


async def list_project_entries(request: web.Request) -> web.Response:
    pid = project_of(state_of(request), request)["id"]
    records = entries(request, lambda e: e["assignable_id"] == pid)
    return paged(request, records, dresser(request, "TimeEntry", "/time_entries"))


async def get_project_entry(request: web.Request) -> web.Response:
    return json_response(entry(request, "assignable_id"))


async def create_project_entry(request: web.Request) -> web.Response:
    pid = project_of(state_of(request), request)["id"]
    data = await body(request)
    if data.get("assignable_id") is not None and b_int(data, "assignable_id") != pid:
        raise ApiFailure(400, "assignable_id in the body does not match the URL")
    user_id = b_int(data, "user_id", required=True)
    assert user_id is not None
    return await create_entry(request, user_id, {**data, "assignable_id": pid})


# -- expense items ---------------------------------------------------------------------
def expense_changes(data: Record) -> Record:
    changes: Record = {}
    if "date" in data:
        changes["date"] = b_date(data, "date", required=True)
    if "amount" in data:
        changes["amount"] = b_number(data, "amount", required=True)
    for name in ("category", "notes"):
        if name in data:
            changes[name] = data[name]
    return changes


def expense(request: web.Request) -> Record:
    record = fetch(request, "expense_items", "expense item")
    for key, owner in (("user_id", "user_id"), ("project_id", "assignable_id")):
        if key in request.match_info and record[owner] != int_id(request, key):
            raise ApiFailure(404, f"expense item {record['id']} not found here")
    return record


async def list_user_expenses(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = user_of(state, request)["id"]
    start, end = q_date(request, "from"), q_date(request, "to")
    records = [
        x
        for x in state.all("expense_items")
        if x["user_id"] == uid
        and (start is None or x["date"] >= start.isoformat())
        and (end is None or x["date"] <= end.isoformat())
    ]
    return paged(request, records, dresser(request, "ExpenseItem", "/expense_items"))


async def list_project_expenses(request: web.Request) -> web.Response:
    state = state_of(request)
    pid = project_of(state, request)["id"]
    return paged(request, [x for x in state.all("expense_items") if x["assignable_id"] == pid])


async def get_expense(request: web.Request) -> web.Response:
    return json_response(expense(request))


async def create_expense(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = user_of(state, request)["id"]
    data = await body(request)
    targets = [
        data[k] for k in ("project_id", "leave_type_id", "assignable_id") if data.get(k) is not None
    ]
    if len(targets) != 1:
        raise ApiFailure(400, "give one of project_id, leave_type_id or assignable_id")
    assignable = state.assignable(int(targets[0]))
    b_date(data, "date", required=True)
    b_number(data, "amount", required=True)
    record = {
        "user_id": uid,
        "assignable_id": assignable["id"],
        "assignable_type": "LeaveType" if assignable.get("type") == "LeaveType" else "Project",
        "category": None,
        "notes": None,
        **expense_changes(data),
    }
    return json_response(state.insert("expense_items", record))


async def update_expense(request: web.Request) -> web.Response:
    record = expense(request)
    return json_response(state_of(request).touch(record, expense_changes(await body(request))))


async def delete_expense(request: web.Request) -> web.Response:
    del state_of(request).tables["expense_items"][expense(request)["id"]]
    return no_content()


# -- approvals -------------------------------------------------------------------------
async def list_approvals(request: web.Request) -> web.Response:
    state = state_of(request)
    with_records = "approvables" in q_fields(request, ("approvables",))

    def dress(approval: Record) -> Record:
        kind = _KINDS[approval["approvable_type"]]
        target = state.tables[kind].get(approval["approvable_id"])
        return {
            **approval,
            "approvable": {**target, "type": approval["approvable_type"]} if target else None,
        }

    return paged(request, state.all("approvals"), dress if with_records else None)


async def create_approvals(request: web.Request) -> web.Response:
    state = state_of(request)
    data = await body(request)
    status = data.get("status")
    if status not in ("pending", "approved"):
        raise ApiFailure(400, "status must be pending or approved")
    items = data.get("approvables")
    if not isinstance(items, list) or not items:
        raise ApiFailure(400, "approvables is required")
    out, stale = [], []
    for item in items:
        if not isinstance(item, dict) or item.get("type") not in _KINDS:
            raise ApiFailure(
                400,
                "each approvable needs an id, a type (TimeEntry or ExpenseItem) and updated_at",
            )
        kind = item["type"]
        record = state.get(_KINDS[kind], int(item.get("id", 0)), kind)
        try:
            seen = parse_iso(str(item.get("updated_at")))
        except ValueError:
            raise ApiFailure(400, "updated_at must be a timestamp") from None
        if seen != parse_iso(record["updated_at"]):
            stale.append(f"{kind} {record['id']}")
            continue
        existing = approvals_of(state, kind, record["id"])
        now = state.stamp()
        if existing:
            approval = existing[0]
            if approval["status"] == "approved":
                stale.append(f"{kind} {record['id']} (already approved)")
                continue
        else:
            approval = state.insert(
                "approvals",
                {
                    "status": "pending",
                    "approvable_id": record["id"],
                    "approvable_type": kind,
                    "submitted_by": record["user_id"],
                    "submitted_at": now,
                    "approved_by": None,
                    "approved_at": None,
                },
            )
        if status == "approved":
            state.touch(
                approval,
                {"status": "approved", "approved_by": record["user_id"], "approved_at": now},
            )
        out.append(approval)
    if not out:
        raise ApiFailure(
            409, f"nothing was submitted or approved; changed since read: {', '.join(stale)}"
        )
    return json_response(single_page(out))


async def delete_approval(request: web.Request) -> web.Response:
    approval = fetch(request, "approvals", "approval", "approval_id")
    if approval["status"] != "pending":
        raise ApiFailure(400, "Only pending approvals can be deleted")
    del state_of(request).tables["approvals"][approval["id"]]
    return no_content()


ROUTES: tuple[Route, ...] = (
    ("GET", "/time_entries", list_entries),
    ("GET", "/time_entries/{id}", get_entry),
    ("GET", "/users/{user_id}/time_entries", list_user_entries),
    ("POST", "/users/{user_id}/time_entries", create_user_entry),
    ("GET", "/users/{user_id}/time_entries/{id}", get_user_entry),
    ("PUT", "/users/{user_id}/time_entries/{id}", update_entry),
    ("DELETE", "/users/{user_id}/time_entries/{id}", delete_entry),
    ("GET", "/projects/{project_id}/time_entries", list_project_entries),
    ("POST", "/projects/{project_id}/time_entries", create_project_entry),
    ("GET", "/projects/{project_id}/time_entries/{id}", get_project_entry),
    ("GET", "/users/{user_id}/expense_items", list_user_expenses),
    ("POST", "/users/{user_id}/expense_items", create_expense),
    ("GET", "/users/{user_id}/expense_items/{id}", get_expense),
    ("DELETE", "/users/{user_id}/expense_items/{id}", delete_expense),
    ("GET", "/projects/{project_id}/expense_items", list_project_expenses),
    ("GET", "/projects/{project_id}/expense_items/{id}", get_expense),
    ("PUT", "/projects/{project_id}/users/{user_id}/expense_items/{id}", update_expense),
    ("GET", "/approvals", list_approvals),
    ("POST", "/approvals", create_approvals),
    ("DELETE", "/approvals/{approval_id}", delete_approval),
)
