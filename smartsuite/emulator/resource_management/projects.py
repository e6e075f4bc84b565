"""Emulated project routes: projects, phases, project tags, users and placeholders on projects."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from ._http import (
    Route,
    b_bool,
    b_date,
    b_int,
    body,
    fetch,
    nested,
    no_content,
    paged,
    project_of,
    q_bool,
    q_date,
    q_fields,
    service_of,
    sort_records,
    state_of,
    tag_routes,
)
from .people import USER_FIELDS, USER_SORTS, render_person, visible_users
from .state import ApiFailure, Record, RMState

if TYPE_CHECKING:
    from .service import ResourceManagementService

PROJECT_FIELDS = (
    "children",
    "tags",
    "budget_items",
    "project_state",
    "phase_count",
    "summary",
    "custom_field_values",
)
PROJECT_STATES = ("Confirmed", "Tentative", "Internal")
_EDITABLE = ("name", "description", "client", "project_code", "phase_name")


def phases_of(state: RMState, project_id: int) -> list[Record]:
    return [p for p in state.all("projects") if p.get("parent_id") == project_id]


def summary(state: RMState, project: Record) -> Record:
    """The ``summary`` figures of a project, from its time entries and assignments."""
    ids = {project["id"], *(p["id"] for p in phases_of(state, project["id"]))}
    today = state.current_date().isoformat()
    entries = [e for e in state.all("time_entries") if e["assignable_id"] in ids]
    confirmed = sum(e["hours"] or 0 for e in entries)
    dollars = sum((e["hours"] or 0) * (e.get("bill_rate") or 0) for e in entries)
    approved_ids = {
        a["approvable_id"]
        for a in state.all("approvals")
        if a["status"] == "approved" and a["approvable_type"] == "TimeEntry"
    }
    approved = [e for e in entries if e["id"] in approved_ids]
    future = [e for e in entries if e["date"] > today]
    dates = [e["date"] for e in entries] + [
        d for d in (project["starts_at"], project["ends_at"]) if d
    ]
    return {
        "bounding_startdate": min(dates) if dates else None,
        "bounding_enddate": max(dates) if dates else None,
        "confirmed_hours": confirmed,
        "confirmed_dollars": dollars,
        "approved_hours": sum(e["hours"] or 0 for e in approved),
        "approved_dollars": sum((e["hours"] or 0) * (e.get("bill_rate") or 0) for e in approved),
        "unconfirmed_hours": 0.0,
        "unconfirmed_dollars": 0.0,
        "scheduled_hours": confirmed,
        "scheduled_dollars": dollars,
        "future_hours": sum(e["hours"] or 0 for e in future),
        "future_dollars": sum((e["hours"] or 0) * (e.get("bill_rate") or 0) for e in future),
    }


def render_project(
    service: ResourceManagementService, request: web.Request, project: Record, fields: set[str]
) -> Record:
    state = service.state
    out = {k: v for k, v in project.items() if k != "project_state"}
    pid = project["id"]
    if "project_state" in fields:
        out["project_state"] = project["project_state"]
    if "tags" in fields:
        tags = state.tag_records(state.project_tags[pid])
        out["tags"] = nested(request, f"/projects/{pid}/tags", tags)
    if "children" in fields:
        out["children"] = nested(request, f"/projects/{pid}/phases", phases_of(state, pid))
    if "phase_count" in fields:
        out["phase_count"] = len(phases_of(state, pid))
    if "budget_items" in fields:
        items = [b for b in state.all("budget_items") if b["assignable_id"] == pid]
        # Budget lines of every item_type together: one page, since the list route
        # needs an item_type to page through them.
        page = nested(request, f"/projects/{pid}/budget_items", items)
        page["data"], page["paging"]["next"] = items, None
        page["paging"]["per_page"] = max(len(items), page["paging"]["per_page"])
        out["budget_items"] = page
    if "custom_field_values" in fields:
        values = [v for v in state.all("custom_field_values") if v.get("project_id") == pid]
        out["custom_field_values"] = nested(request, f"/projects/{pid}/custom_field_values", values)
    if "summary" in fields:
        out.update(summary(state, project))
    return out


def changes_from(data: Record) -> Record:
    changes = {k: data[k] for k in _EDITABLE if k in data}
    for name in ("starts_at", "ends_at"):
        if name in data:
            changes[name] = b_date(data, name)
    if "project_state" in data:
        if data["project_state"] not in PROJECT_STATES:
            raise ApiFailure(400, f"project_state must be one of {', '.join(PROJECT_STATES)}")
        changes["project_state"] = data["project_state"]
    if "timeentry_lockout" in data:
        lockout = b_int(data, "timeentry_lockout")
        if lockout is None or lockout < -1:
            raise ApiFailure(400, "timeentry_lockout must be -1, 0 or a positive number of days")
        changes["timeentry_lockout"] = lockout
    if "use_parent_bill_rates" in data:
        changes["use_parent_bill_rates"] = b_bool(data["use_parent_bill_rates"])
    starts, ends = changes.get("starts_at"), changes.get("ends_at")
    if starts and ends and ends < starts:
        raise ApiFailure(400, "ends_at must not be before starts_at")
    return changes


def new_project(state: RMState, data: Record, parent: Record | None = None) -> Record:
    record: Record = {
        "name": parent["name"] if parent else None,
        "description": "",
        "guid": str(uuid.uuid4()),
        "parent_id": parent["id"] if parent else None,
        "phase_name": None,
        "project_code": "",
        "client": parent["client"] if parent else None,
        "project_state": "Confirmed",
        "archived": False,
        "archived_at": None,
        "deleted_at": None,
        "timeentry_lockout": -1,
        "use_parent_bill_rates": parent is not None,
        "starts_at": None,
        "ends_at": None,
        "type": "Project",
        "has_pending_updates": False,
        "thumbnail": None,
        "settings": 0,
    }
    record.update(changes_from(data))
    return state.insert("projects", record)


async def list_projects(request: web.Request) -> web.Response:
    fields = q_fields(request, PROJECT_FIELDS)
    start, end = q_date(request, "from"), q_date(request, "to")
    strict = q_bool(request, "strict")
    records = state_of(request).all("projects")
    if request.query.get("phase_name"):
        records = [p for p in records if p.get("phase_name") == request.query["phase_name"]]
    elif not q_bool(request, "with_phases"):
        records = [p for p in records if p.get("parent_id") is None]
    if not q_bool(request, "with_archived"):
        records = [p for p in records if not p.get("archived")]
    if "project_code" in request.query:
        records = [p for p in records if p.get("project_code") == request.query["project_code"]]
    filter_field = request.query.get("filter_field")
    if filter_field is not None:
        if filter_field != "project_state":
            raise ApiFailure(400, "filter_field supports only project_state")
        wanted = set(request.query.get("filter_list", "").split(","))
        records = [p for p in records if p.get("project_state") in wanted]

    def within(p: Record) -> bool:
        s, e = p.get("starts_at"), p.get("ends_at")
        if strict:
            return bool(
                (start is None or (s and s >= start.isoformat()))
                and (end is None or (e and e <= end.isoformat()))
            )
        return (start is None or e is None or e >= start.isoformat()) and (
            end is None or s is None or s <= end.isoformat()
        )

    records = sort_records(
        request,
        [p for p in records if within(p)],
        {"created": "created_at", "updated": "updated_at"},
    )
    return paged(
        request, [render_project(service_of(request), request, p, fields) for p in records]
    )


async def get_project(request: web.Request) -> web.Response:
    fields = q_fields(request, PROJECT_FIELDS)
    project = project_of(state_of(request), request)
    return json_response(render_project(service_of(request), request, project, fields))


async def create_project(request: web.Request) -> web.Response:
    state = state_of(request)
    data = await body(request)
    if not data.get("name"):
        raise ApiFailure(400, "name is required")
    project = new_project(state, data)
    state.emit("project.created", project)
    return json_response(project)


async def update_project(request: web.Request) -> web.Response:
    state = state_of(request)
    project = project_of(state, request)
    data = await body(request)
    archived = b_bool(data["archived"]) if "archived" in data else None
    if project.get("archived") and archived is not False:
        raise ApiFailure(400, "Archived projects cannot be updated; unarchive it first")
    changes = changes_from(data)
    if archived is not None:
        changes["archived"] = archived
        changes["archived_at"] = state.stamp() if archived else None
    state.touch(project, changes)
    state.emit("project.updated", project)
    return json_response(project)


async def delete_project(request: web.Request) -> web.Response:
    state = state_of(request)
    project = project_of(state, request)
    for phase in phases_of(state, project["id"]):
        del state.tables["projects"][phase["id"]]
    del state.tables["projects"][project["id"]]
    return no_content()


# -- phases ----------------------------------------------------------------------------
def phase_of(request: web.Request) -> tuple[Record, Record]:
    project = project_of(state_of(request), request)
    phase = fetch(request, "projects", "phase", "phase_id")
    if phase.get("parent_id") != project["id"]:
        raise ApiFailure(404, f"phase {phase['id']} not found in project {project['id']}")
    return project, phase


async def list_phases(request: web.Request) -> web.Response:
    state = state_of(request)
    project = project_of(state, request)
    return paged(request, phases_of(state, project["id"]))


async def create_phase(request: web.Request) -> web.Response:
    state = state_of(request)
    project = project_of(state, request)
    data = await body(request)
    if not data.get("phase_name"):
        raise ApiFailure(400, "phase_name is required")
    b_date(data, "starts_at", required=True)
    b_date(data, "ends_at", required=True)
    phase = new_project(state, data, parent=project)
    state.emit("project.created", phase)
    return json_response(phase)


async def update_phase(request: web.Request) -> web.Response:
    state = state_of(request)
    _, phase = phase_of(request)
    state.touch(phase, changes_from(await body(request)))
    state.emit("project.updated", phase)
    return json_response(phase)


async def delete_phase(request: web.Request) -> web.Response:
    state = state_of(request)
    _, phase = phase_of(request)
    if any(a["assignable_id"] == phase["id"] for a in state.all("assignments")):
        raise ApiFailure(400, "A phase cannot be deleted while it has assignments")
    del state.tables["projects"][phase["id"]]
    return no_content()


# -- tags, users and placeholders on a project -----------------------------------------
def assigned_ids(request: web.Request, project_id: int) -> set[int]:
    state = state_of(request)
    targets = {project_id}
    if q_bool(request, "with_phases"):
        targets |= {p["id"] for p in phases_of(state, project_id)}
    return {a["user_id"] for a in state.all("assignments") if a["assignable_id"] in targets}


async def project_users(request: web.Request) -> web.Response:
    state = state_of(request)
    pid = project_of(state, request)["id"]
    fields = q_fields(request, USER_FIELDS)
    ids = assigned_ids(request, pid)
    people = visible_users(request, [u for u in state.all("users") if u["id"] in ids])
    if q_bool(request, "include_placeholders"):
        people += [p for p in state.all("placeholders") if p["id"] in ids]
    people = sort_records(request, people, USER_SORTS)
    return paged(request, [render_person(request, p, fields) for p in people])


async def project_placeholders(request: web.Request) -> web.Response:
    state = state_of(request)
    pid = project_of(state, request)["id"]
    ids = assigned_ids(request, pid)
    return paged(request, [p for p in state.all("placeholders") if p["id"] in ids])


ROUTES: tuple[Route, ...] = (
    ("GET", "/projects", list_projects),
    ("POST", "/projects", create_project),
    ("GET", "/projects/{project_id}", get_project),
    ("PUT", "/projects/{project_id}", update_project),
    ("DELETE", "/projects/{project_id}", delete_project),
    ("GET", "/projects/{project_id}/phases", list_phases),
    ("POST", "/projects/{project_id}/phases", create_phase),
    ("PUT", "/projects/{project_id}/phases/{phase_id}", update_phase),
    ("DELETE", "/projects/{project_id}/phases/{phase_id}", delete_phase),
    *tag_routes("projects", "project_id", "project", "project_tags"),
    ("GET", "/projects/{project_id}/users", project_users),
    ("GET", "/projects/{project_id}/placeholder_resources", project_placeholders),
)


def is_locked(project: Record, day: dt.date, today: dt.date) -> bool:
    """Whether ``timeentry_lockout`` refuses an entry on ``day`` (-1 open, 0 closed, N days)."""
    lockout = project.get("timeentry_lockout", -1)
    if lockout is None or lockout < 0:
        return False
    return lockout == 0 or day < today - dt.timedelta(days=lockout)
