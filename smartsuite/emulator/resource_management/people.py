"""Emulated people routes: users, user tags, availabilities, statuses and placeholders."""

from __future__ import annotations

import uuid
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
    q_bool,
    q_fields,
    remover,
    sort_records,
    state_of,
    tag_routes,
    user_of,
)
from .state import ApiFailure, Record

if TYPE_CHECKING:
    pass

USER_FIELDS = ("tags", "assignments", "availabilities", "custom_field_values")
USER_SORTS = {
    "created": "created_at",
    "updated": "updated_at",
    "first_name": "first_name",
    "last_name": "last_name",
    "hire_date": "hire_date",
    "termination_date": "termination_date",
}
STATUS_CODES = ("ITO", "WFH", "SIC", "OOO", "VAC", "OOF")
_USER_EDITABLE = (
    "first_name",
    "last_name",
    "email",
    "billable",
    "mobile_phone",
    "office_phone",
    "employee_number",
    "role",
    "discipline",
    "location",
    "license_type",
    "billability_target",
)


def render_person(request: web.Request, record: Record, fields: set[str]) -> Record:
    """A user or placeholder with the nested collections ``fields`` asks for."""
    state = state_of(request)
    out = dict(record)
    pid = record["id"]
    base = "/placeholder_resources" if record.get("type") == "Placeholder" else "/users"
    if "tags" in fields:
        out["tags"] = nested(request, f"/users/{pid}/tags", state.tag_records(state.user_tags[pid]))
    if "assignments" in fields:
        mine = [a for a in state.all("assignments") if a["user_id"] == pid]
        out["assignments"] = nested(request, f"{base}/{pid}/assignments", mine)
    if "availabilities" in fields:
        blocks = [a for a in state.all("availabilities") if a["user_id"] == pid]
        out["availabilities"] = nested(request, f"/users/{pid}/availabilities", blocks)
    if "custom_field_values" in fields:
        values = [v for v in state.all("custom_field_values") if v.get("user_id") == pid]
        out["custom_field_values"] = nested(request, f"/users/{pid}/custom_field_values", values)
    return out


def visible_users(request: web.Request, records: list[Record]) -> list[Record]:
    if not q_bool(request, "with_archived"):
        records = [r for r in records if not r.get("archived")]
    return records


def user_changes(data: Record) -> Record:
    changes = {k: data[k] for k in _USER_EDITABLE if k in data}
    if "billable" in changes:
        changes["billable"] = b_bool(changes["billable"])
    for name in ("hire_date", "termination_date"):
        if name in data:
            changes[name] = b_date(data, name)
    if "user_type_id" in data:
        type_id = b_int(data, "user_type_id")
        if type_id == 1:
            raise ApiFailure(400, "user_type_id 1 (Administrator) cannot be set via the API")
        changes["user_type_id"] = type_id
    return changes


def display(record: Record) -> Record:
    record["display_name"] = (
        f"{record.get('first_name') or ''} {record.get('last_name') or ''}".strip()
    )
    return record


async def list_users(request: web.Request) -> web.Response:
    state = state_of(request)
    fields = q_fields(request, USER_FIELDS)
    records = visible_users(request, state.all("users"))
    if q_bool(request, "include_placeholders"):
        records += state.all("placeholders")
    records = sort_records(request, records, USER_SORTS)
    return paged(request, [render_person(request, r, fields) for r in records])


async def get_user(request: web.Request) -> web.Response:
    fields = q_fields(request, USER_FIELDS)
    record = user_of(state_of(request), request)
    return json_response(render_person(request, record, fields))


async def create_user(request: web.Request) -> web.Response:
    state = state_of(request)
    data = await body(request)
    for name in ("first_name", "last_name"):
        if not data.get(name):
            raise ApiFailure(400, f"{name} is required")
    changes = user_changes(data)
    record = {
        "first_name": None,
        "last_name": None,
        "email": None,
        "user_type_id": 3,
        "billable": True,
        "hire_date": None,
        "termination_date": None,
        "mobile_phone": None,
        "office_phone": None,
        "archived": False,
        "archived_at": None,
        "deleted": False,
        "deleted_at": None,
        "account_owner": False,
        "invitation_pending": False,
        "guid": str(uuid.uuid4()),
        "employee_number": None,
        "role": None,
        "discipline": None,
        "location": None,
        "type": "User",
        "license_type": "licensed",
        "billability_target": 100.0,
        "has_login": False,
        "thumbnail": "",
        **changes,
    }
    user = state.insert("users", display(record))
    state.emit("user.created", user)
    return json_response(user)


async def update_user(request: web.Request) -> web.Response:
    state = state_of(request)
    user = user_of(state, request)
    data = await body(request)
    changes = user_changes(data)
    if "archived" in data:
        archived = b_bool(data["archived"])
        if archived and user.get("account_owner"):
            raise ApiFailure(400, "The account owner cannot be archived")
        changes["archived"] = archived
        changes["archived_at"] = state.stamp() if archived else None
    display(state.touch(user, changes))
    state.emit("user.updated", user)
    return json_response(user)


# -- availabilities --------------------------------------------------------------------
def availability_changes(data: Record) -> Record:
    changes: Record = {}
    for n in range(7):
        if f"day{n}" in data:
            hours = b_number(data, f"day{n}")
            if hours is None or not 0 <= hours <= 24:
                raise ApiFailure(400, f"day{n} must be hours between 0 and 24")
            changes[f"day{n}"] = hours
    for name in ("starts_at", "ends_at"):
        if name in data:
            changes[name] = b_date(data, name)
    return changes


def availability(request: web.Request) -> Record:
    uid = int_id(request, "user_id")
    record = fetch(request, "availabilities", "availability")
    if record["user_id"] != uid:
        raise ApiFailure(404, f"availability {record['id']} not found for user {uid}")
    return record


async def list_availabilities(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = user_of(state, request)["id"]
    return paged(request, [a for a in state.all("availabilities") if a["user_id"] == uid])


async def get_availability(request: web.Request) -> web.Response:
    return json_response(availability(request))


async def create_availability(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = user_of(state, request)["id"]
    defaults = {f"day{n}": (8.0 if 1 <= n <= 5 else 0.0) for n in range(7)}
    record = {"user_id": uid, "starts_at": None, "ends_at": None, **defaults}
    record.update(availability_changes(await body(request)))
    return json_response(state.insert("availabilities", record))


async def update_availability(request: web.Request) -> web.Response:
    record = availability(request)
    return json_response(state_of(request).touch(record, availability_changes(await body(request))))


async def delete_availability(request: web.Request) -> web.Response:
    record = availability(request)
    del state_of(request).tables["availabilities"][record["id"]]
    return no_content()


# -- statuses --------------------------------------------------------------------------
async def list_statuses(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = user_of(state, request)["id"]
    mine = [s for s in state.all("statuses") if s["user_id"] == uid]
    return paged(request, sorted(mine, key=lambda s: -s["id"]))


async def create_status(request: web.Request) -> web.Response:
    state = state_of(request)
    uid = user_of(state, request)["id"]
    data = await body(request)
    if data.get("status") not in STATUS_CODES:
        raise ApiFailure(400, f"status must be one of {', '.join(STATUS_CODES)}")
    record = {
        "user_id": uid,
        "status": data["status"],
        "assignable_id": b_int(data, "assignable_id"),
        "current_task": data.get("current_task"),
        "message": data.get("message"),
        "start": state.stamp(),
        "end": data.get("end"),
    }
    return json_response(state.insert("statuses", record))


# -- placeholders ----------------------------------------------------------------------
def placeholder_changes(data: Record) -> Record:
    return {k: data[k] for k in ("title", "role", "discipline", "location") if k in data}


async def list_placeholders(request: web.Request) -> web.Response:
    fields = q_fields(request, ("assignments", "custom_field_values"))
    records = [render_person(request, p, fields) for p in state_of(request).all("placeholders")]
    return paged(request, records)


async def get_placeholder(request: web.Request) -> web.Response:
    fields = q_fields(request, ("assignments", "custom_field_values"))
    record = fetch(request, "placeholders", "placeholder resource")
    return json_response(render_person(request, record, fields))


async def create_placeholder(request: web.Request) -> web.Response:
    data = await body(request)
    if not data.get("title"):
        raise ApiFailure(400, "title is required")
    record = {"role": None, "discipline": None, "location": None, "type": "Placeholder"}
    record.update(placeholder_changes(data))
    return json_response(state_of(request).insert("placeholders", record))


async def update_placeholder(request: web.Request) -> web.Response:
    record = fetch(request, "placeholders", "placeholder resource")
    changes = placeholder_changes(await body(request))
    if "title" in changes and not changes["title"]:
        raise ApiFailure(400, "title cannot be blank")
    return json_response(state_of(request).touch(record, changes))


async def placeholder_assignments(request: web.Request) -> web.Response:
    pid = fetch(request, "placeholders", "placeholder resource")["id"]
    return paged(request, [a for a in state_of(request).all("assignments") if a["user_id"] == pid])


ROUTES: tuple[Route, ...] = (
    ("GET", "/users", list_users),
    ("POST", "/users", create_user),
    ("GET", "/users/{user_id}", get_user),
    ("PUT", "/users/{user_id}", update_user),
    *tag_routes("users", "user_id", "user", "user_tags"),
    ("GET", "/users/{user_id}/availabilities", list_availabilities),
    ("POST", "/users/{user_id}/availabilities", create_availability),
    ("GET", "/users/{user_id}/availabilities/{id}", get_availability),
    ("PUT", "/users/{user_id}/availabilities/{id}", update_availability),
    ("DELETE", "/users/{user_id}/availabilities/{id}", delete_availability),
    ("GET", "/users/{user_id}/statuses", list_statuses),
    ("POST", "/users/{user_id}/statuses", create_status),
    ("GET", "/placeholder_resources", list_placeholders),
    ("POST", "/placeholder_resources", create_placeholder),
    ("GET", "/placeholder_resources/{id}", get_placeholder),
    ("PUT", "/placeholder_resources/{id}", update_placeholder),
    ("DELETE", "/placeholder_resources/{id}", remover("placeholders", "placeholder resource")),
    ("GET", "/placeholder_resources/{id}/assignments", placeholder_assignments),
)
