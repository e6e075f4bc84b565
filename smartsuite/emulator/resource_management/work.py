"""Emulated work routes: assignments (all four mounts), subtasks and assignables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from ._http import (
    Route,
    b_bool,
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
    state_of,
)
from .finance import rate_for
from .state import ApiFailure, Record, RMState

if TYPE_CHECKING:
    pass

MODES = ("percent", "hours_per_day", "fixed")


def is_phase(state: RMState, assignable_id: int) -> bool:
    project = state.tables["projects"].get(assignable_id)
    return project is not None and project.get("parent_id") is not None


def filtered(request: web.Request, records: list[Record], *, phases: bool = True) -> list[Record]:
    start, end = q_date(request, "from"), q_date(request, "to")
    if start is not None:
        records = [a for a in records if a["ends_at"] >= start.isoformat()]
    if end is not None:
        records = [a for a in records if a["starts_at"] <= end.isoformat()]
    if phases and not q_bool(request, "with_phases"):
        records = [a for a in records if not is_phase(state_of(request), a["assignable_id"])]
    return records


def subtask_counts(state: RMState, assignment_id: int) -> Record:
    mine = [s for s in state.all("subtasks") if s["assignment_id"] == assignment_id]
    return {"completed": sum(1 for s in mine if s["completed"]), "total": len(mine)}


def build(state: RMState, data: Record, user_id: int | None) -> Record:
    assignable_id = b_int(data, "assignable_id")
    if assignable_id is None:
        assignable_id = b_int(data, "leave_id") or b_int(data, "leave_type_id")
    if assignable_id is None:
        raise ApiFailure(400, "assignable_id or leave_id is required")
    state.assignable(assignable_id)
    if user_id is not None:
        state.person(user_id)
    starts = b_date(data, "starts_at", required=True)
    ends = b_date(data, "ends_at", required=True)
    assert starts is not None and ends is not None
    if ends < starts:
        raise ApiFailure(400, "ends_at must not be before starts_at")
    mode = data.get("allocation_mode") or "percent"
    if mode not in MODES:
        raise ApiFailure(400, f"allocation_mode must be one of {', '.join(MODES)}")
    record: Record = {
        "allocation_mode": mode,
        "user_id": user_id,
        "assignable_id": assignable_id,
        "starts_at": starts,
        "ends_at": ends,
        "repetition_id": None,
        "all_day_assignment": True,
        "resource_request_id": None,
        "status": None,
        "status_option_id": b_int(data, "status_option_id"),
        "description": data.get("description"),
        "note": data.get("note"),
    }
    if record["status_option_id"] is not None:
        state.get("status_options", record["status_option_id"], "status option")
    amount_key = {
        "percent": "percent",
        "hours_per_day": "hours_per_day",
        "fixed": "fixed_hours",
    }[mode]
    amount = b_number(data, amount_key)
    if amount is None and mode != "percent":
        raise ApiFailure(400, f"{amount_key} is required for allocation_mode {mode}")
    record[amount_key] = 1.0 if amount is None else amount
    rate = rate_for(state, user_id, assignable_id, starts)
    record["bill_rate"] = rate["rate"] if rate else None
    record["bill_rate_id"] = rate["id"] if rate else None
    return record


def find(request: web.Request, owner_key: str | None = None) -> Record:
    assignment = fetch(request, "assignments", "assignment", "assignment_id")
    if owner_key == "user_id" and assignment["user_id"] != int_id(request, "user_id"):
        raise ApiFailure(404, f"assignment {assignment['id']} not found for this user")
    if owner_key == "project_id":
        project_id = int_id(request, "project_id")
        ids = {
            project_id,
            *(
                p["id"]
                for p in state_of(request).all("projects")
                if p.get("parent_id") == project_id
            ),
        }
        if assignment["assignable_id"] not in ids:
            raise ApiFailure(404, f"assignment {assignment['id']} not found in this project")
    return assignment


async def list_all(request: web.Request) -> web.Response:
    return paged(request, filtered(request, state_of(request).all("assignments")))


async def get_one(request: web.Request) -> web.Response:
    return json_response(find(request))


async def create_with_subtasks(request: web.Request) -> web.Response:
    state = state_of(request)
    data = await body(request)
    subtasks = data.get("subtasks") or []
    if not isinstance(subtasks, list) or not all(
        isinstance(s, dict) and s.get("description") for s in subtasks
    ):
        raise ApiFailure(400, "subtasks must be a list of objects with a description")
    assignment = state.insert("assignments", build(state, data, b_int(data, "user_id")))
    created = [
        state.insert(
            "subtasks",
            {
                "assignment_id": assignment["id"],
                "assignable_id": assignment["assignable_id"],
                "description": s["description"],
                "completed": b_bool(s.get("completed", False)),
                "updated_by": None,
            },
        )
        for s in subtasks
    ]
    state.emit("assignment.created", assignment)
    path = f"/projects/{assignment['assignable_id']}/assignments/{assignment['id']}/subtasks"
    out = {**assignment, "subtasks": nested(request, path, created)}
    return json_response({"data": [out]})


async def list_for_user(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = state.person(int_id(request, "user_id"))["id"]
    mine = [a for a in state.all("assignments") if a["user_id"] == uid]
    return paged(request, filtered(request, mine))


async def get_for_user(request: web.Request) -> web.Response:
    return json_response(find(request, "user_id"))


async def create_for_user(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = state.person(int_id(request, "user_id"))["id"]
    assignment = state.insert("assignments", build(state, await body(request), uid))
    state.emit("assignment.created", assignment)
    return json_response(assignment)


async def delete_for_user(request: web.Request) -> web.Response:
    state = state_of(request)
    assignment = find(request, "user_id")
    del state.tables["assignments"][assignment["id"]]
    for sub in [s for s in state.all("subtasks") if s["assignment_id"] == assignment["id"]]:
        del state.tables["subtasks"][sub["id"]]
    return no_content()


async def list_for_project(request: web.Request) -> web.Response:
    state = state_of(request)
    pid = project_of(state, request)["id"]
    fields = q_fields(request, ("subtasks_counts",))
    ids = {pid}
    if q_bool(request, "with_phases"):
        ids |= {p["id"] for p in state.all("projects") if p.get("parent_id") == pid}
    mine = filtered(
        request,
        [a for a in state.all("assignments") if a["assignable_id"] in ids],
        phases=False,
    )
    if "subtasks_counts" in fields:
        mine = [{**a, "subtask_counts": subtask_counts(state, a["id"])} for a in mine]
    return paged(request, mine)


async def get_for_project(request: web.Request) -> web.Response:
    return json_response(find(request, "project_id"))


# -- subtasks --------------------------------------------------------------------------
def subtask(request: web.Request) -> Record:
    assignment = find(request, "project_id")
    sub = fetch(request, "subtasks", "subtask", "subtask_id")
    if sub["assignment_id"] != assignment["id"]:
        raise ApiFailure(404, f"subtask {sub['id']} not found in this assignment")
    return sub


async def list_subtasks(request: web.Request) -> web.Response:
    aid = find(request, "project_id")["id"]
    return paged(
        request, [s for s in state_of(request).all("subtasks") if s["assignment_id"] == aid]
    )


async def get_subtask(request: web.Request) -> web.Response:
    return json_response(subtask(request))


async def create_subtask(request: web.Request) -> web.Response:
    assignment = find(request, "project_id")
    data = await body(request)
    if not data.get("description"):
        raise ApiFailure(400, "description is required")
    record = {
        "assignment_id": assignment["id"],
        "assignable_id": assignment["assignable_id"],
        "description": data["description"],
        "completed": b_bool(data.get("completed", False)),
        "updated_by": None,
    }
    return json_response(state_of(request).insert("subtasks", record))


async def update_subtask(request: web.Request) -> web.Response:
    sub = subtask(request)
    data = await body(request)
    changes: Record = {}
    if "description" in data:
        if not data["description"]:
            raise ApiFailure(400, "description cannot be blank")
        changes["description"] = data["description"]
    if "completed" in data:
        changes["completed"] = b_bool(data["completed"])
    return json_response(state_of(request).touch(sub, changes))


async def delete_subtask(request: web.Request) -> web.Response:
    del state_of(request).tables["subtasks"][subtask(request)["id"]]
    return no_content()


# -- assignables -----------------------------------------------------------------------
async def list_assignables(request: web.Request) -> web.Response:
    state = state_of(request)
    records = state.all("leave_types") + [
        p for p in state.all("projects") if p.get("parent_id") is None and not p.get("archived")
    ]
    return paged(request, sorted(records, key=lambda r: r["id"]))


async def get_assignable(request: web.Request) -> web.Response:
    return json_response(state_of(request).assignable(int_id(request, "assignable_id")))


_SUBTASKS = "/projects/{project_id}/assignments/{assignment_id}/subtasks"

ROUTES: tuple[Route, ...] = (
    ("GET", "/assignments", list_all),
    ("POST", "/assignments", create_with_subtasks),
    ("GET", "/assignments/{assignment_id}", get_one),
    ("GET", "/users/{user_id}/assignments", list_for_user),
    ("POST", "/users/{user_id}/assignments", create_for_user),
    ("GET", "/users/{user_id}/assignments/{assignment_id}", get_for_user),
    ("DELETE", "/users/{user_id}/assignments/{assignment_id}", delete_for_user),
    ("GET", "/projects/{project_id}/assignments", list_for_project),
    ("GET", "/projects/{project_id}/assignments/{assignment_id}", get_for_project),
    ("GET", _SUBTASKS, list_subtasks),
    ("POST", _SUBTASKS, create_subtask),
    ("GET", _SUBTASKS + "/{subtask_id}", get_subtask),
    ("PUT", _SUBTASKS + "/{subtask_id}", update_subtask),
    ("DELETE", _SUBTASKS + "/{subtask_id}", delete_subtask),
    ("GET", "/assignables", list_assignables),
    ("GET", "/assignables/{assignable_id}", get_assignable),
)
