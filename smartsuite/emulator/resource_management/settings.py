"""Emulated account settings: lookups, status options, custom fields and values, webhooks."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web

from ..base import json_response
from ._http import (
    Route,
    b_bool,
    b_int,
    b_number,
    body,
    fetch,
    listing,
    no_content,
    paged,
    project_of,
    q_bool,
    remover,
    show,
    single_page,
    state_of,
    user_of,
)
from .state import MAX_WEBHOOKS_PER_EVENT, WEBHOOK_EVENTS, ApiFailure, Record

if TYPE_CHECKING:
    pass

COLORS = (
    "blue_bright",
    "blue_dark",
    "green_bright",
    "green_dark",
    "yellow",
    "orange",
    "red",
    "purple",
)
STAGES = ("planned", "in_progress", "done")
DATA_TYPES = ("string", "selection_list", "multiple_choice_selection_list")
_FIELD_EDITABLE = ("name", "description", "default_value", "options")


# -- status options --------------------------------------------------------------------
def option_changes(data: Record) -> Record:
    changes: Record = {}
    if "color" in data:
        if data["color"] not in COLORS:
            raise ApiFailure(400, f"color must be one of {', '.join(COLORS)}")
        changes["color"] = data["color"]
    if "stage" in data:
        if data["stage"] not in STAGES:
            raise ApiFailure(400, f"stage must be one of {', '.join(STAGES)}")
        changes["stage"] = data["stage"]
    if "label" in data:
        changes["label"] = data["label"]
    if "order" in data:
        changes["order"] = b_number(data, "order")
    return changes


async def list_options(request: web.Request) -> web.Response:
    records = state_of(request).all("status_options")
    if not q_bool(request, "with_deleted"):
        records = [o for o in records if o["deleted_at"] is None]
    return paged(request, sorted(records, key=lambda o: (o["order"] or 0, o["id"])))


async def create_option(request: web.Request) -> web.Response:
    data = await body(request)
    missing = [k for k in ("color", "label", "stage", "order") if data.get(k) in (None, "")]
    if missing:
        raise ApiFailure(400, f"missing required parameters: {', '.join(missing)}")
    return json_response(
        state_of(request).insert("status_options", {"deleted_at": None, **option_changes(data)})
    )


async def update_option(request: web.Request) -> web.Response:
    option = fetch(request, "status_options", "status option")
    return json_response(state_of(request).touch(option, option_changes(await body(request))))


async def delete_option(request: web.Request) -> web.Response:
    state = state_of(request)
    option = fetch(request, "status_options", "status option")
    state.touch(option, {"deleted_at": state.stamp()})  # flagged, never destroyed
    return no_content()


# -- custom fields ---------------------------------------------------------------------
def field_changes(data: Record) -> Record:
    changes = {k: data[k] for k in _FIELD_EDITABLE if k in data}
    for name in ("is_visible_on_info_page", "is_visible_as_filter"):
        if name in data:
            changes[name] = b_bool(data[name])
    if "options" in changes and not isinstance(changes["options"], list):
        raise ApiFailure(400, "options must be an array")
    return changes


async def create_field(request: web.Request) -> web.Response:
    data = await body(request)
    if data.get("namespace") not in ("assignables", "users"):
        raise ApiFailure(400, "namespace must be assignables or users")
    if data.get("data_type") not in DATA_TYPES:
        raise ApiFailure(400, f"data_type must be one of {', '.join(DATA_TYPES)}")
    if not data.get("name"):
        raise ApiFailure(400, "name is required")
    if data["data_type"] != "string" and not data.get("options"):
        raise ApiFailure(400, "options are required for selection lists")
    record = {
        "namespace": data["namespace"],
        "data_type": data["data_type"],
        "description": None,
        "default_value": None,
        "is_visible_on_info_page": True,
        "is_visible_as_filter": False,
        "options": [],
        **field_changes(data),
    }
    return json_response(state_of(request).insert("custom_fields", record))


async def update_field(request: web.Request) -> web.Response:
    record = fetch(request, "custom_fields", "custom field")
    return json_response(state_of(request).touch(record, field_changes(await body(request))))


async def delete_field(request: web.Request) -> web.Response:
    state = state_of(request)
    record = fetch(request, "custom_fields", "custom field")
    del state.tables["custom_fields"][record["id"]]
    values = state.tables["custom_field_values"]
    for value_id in [v["id"] for v in values.values() if v["custom_field_id"] == record["id"]]:
        del values[value_id]
    return no_content()


# -- custom field values ---------------------------------------------------------------
def owner(request: web.Request) -> tuple[str, int, str]:
    state = state_of(request)
    if "project_id" in request.match_info:
        pid = project_of(state, request)["id"]
        return "project_id", pid, "assignables"
    uid = user_of(state, request)["id"]
    return "user_id", uid, "users"


def check_value(field: Record, value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if isinstance(value, list) and field["data_type"] != "multiple_choice_selection_list":
        raise ApiFailure(400, "only multiple_choice_selection_list fields accept an array")
    if not values or not all(isinstance(v, str) for v in values):
        raise ApiFailure(400, "value must be a string or an array of strings")
    if field["data_type"] != "string":
        bad = [v for v in values if v not in field["options"]]
        if bad:
            raise ApiFailure(400, f"not an option of {field['name']}: {', '.join(map(str, bad))}")
    return [str(v) for v in values]


async def list_values(request: web.Request) -> web.Response:
    key, oid, _ = owner(request)
    return paged(
        request, [v for v in state_of(request).all("custom_field_values") if v.get(key) == oid]
    )


async def set_values(request: web.Request) -> web.Response:
    state = state_of(request)
    key, oid, namespace = owner(request)
    data = await body(request)
    field_id = b_int(data, "custom_field_id", required=True)
    assert field_id is not None
    field = state.get("custom_fields", field_id, "custom field")
    if field["namespace"] != namespace:
        raise ApiFailure(400, f"custom field {field_id} belongs to {field['namespace']}")
    wanted = check_value(field, data.get("value"))
    table = state.tables["custom_field_values"]
    current = [v for v in table.values() if v.get(key) == oid and v["custom_field_id"] == field_id]
    # An array is the complete set: values not in it are removed (seed 002).
    if field["data_type"] != "multiple_choice_selection_list" and current:
        state.touch(current[0], {"value": wanted[0]})  # one value: changed in place
        return json_response(single_page(current[:1]))
    keep = []
    for record in current:
        if record["value"] in wanted and field["data_type"] == "multiple_choice_selection_list":
            keep.append(record)
        else:
            del table[record["id"]]
    have = {r["value"] for r in keep}
    created = [
        state.insert("custom_field_values", {"custom_field_id": field_id, key: oid, "value": v})
        for v in wanted
        if v not in have
    ]
    out = sorted(keep + created, key=lambda r: r["id"])
    return json_response(single_page(out))


async def update_value(request: web.Request) -> web.Response:
    state = state_of(request)
    key, oid, _ = owner(request)
    record = fetch(request, "custom_field_values", "custom field value")
    if record.get(key) != oid:
        raise ApiFailure(404, f"custom field value {record['id']} not found here")
    field = state.get("custom_fields", record["custom_field_id"], "custom field")
    value = (await body(request)).get("value")
    if isinstance(value, list):
        raise ApiFailure(400, "PUT takes a single value; POST an array to replace the set")
    return json_response(state.touch(record, {"value": check_value(field, value)[0]}))


# -- webhooks --------------------------------------------------------------------------
async def create_hook(request: web.Request) -> web.Response:
    state = state_of(request)
    data = await body(request)
    event, url = data.get("event_type"), data.get("url")
    if event not in WEBHOOK_EVENTS:
        raise ApiFailure(400, f"event_type must be one of {', '.join(WEBHOOK_EVENTS)}")
    parts = urlsplit(str(url or ""))
    if parts.scheme != "https" or not parts.hostname:
        raise ApiFailure(400, "url must be https with a valid host")
    if sum(1 for w in state.all("webhooks") if w["event_type"] == event) >= MAX_WEBHOOKS_PER_EVENT:
        raise ApiFailure(400, f"no more than {MAX_WEBHOOKS_PER_EVENT} webhooks per event type")
    record = {"event_type": event, "url": url, "status": "active", "organization_id": 1}
    return json_response(state.insert("webhooks", record))


ROUTES: tuple[Route, ...] = (
    ("GET", "/disciplines", listing("disciplines")),
    ("GET", "/disciplines/{id}", show("disciplines", "discipline")),
    ("GET", "/roles", listing("roles")),
    ("GET", "/roles/{id}", show("roles", "role")),
    ("GET", "/leave_types", listing("leave_types")),
    ("GET", "/leave_types/{id}", show("leave_types", "leave type")),
    ("GET", "/holidays", listing("holidays")),
    ("GET", "/status_options", list_options),
    ("POST", "/status_options", create_option),
    ("GET", "/status_options/{id}", show("status_options", "status option")),
    ("PUT", "/status_options/{id}", update_option),
    ("DELETE", "/status_options/{id}", delete_option),
    ("GET", "/custom_fields", listing("custom_fields")),
    ("POST", "/custom_fields", create_field),
    ("GET", "/custom_fields/{id}", show("custom_fields", "custom field")),
    ("PUT", "/custom_fields/{id}", update_field),
    ("DELETE", "/custom_fields/{id}", delete_field),
    ("GET", "/projects/{project_id}/custom_field_values", list_values),
    ("POST", "/projects/{project_id}/custom_field_values", set_values),
    ("PUT", "/projects/{project_id}/custom_field_values/{id}", update_value),
    ("GET", "/users/{user_id}/custom_field_values", list_values),
    ("POST", "/users/{user_id}/custom_field_values", set_values),
    ("PUT", "/users/{user_id}/custom_field_values/{id}", update_value),
    ("GET", "/webhooks", listing("webhooks")),
    ("POST", "/webhooks", create_hook),
    ("DELETE", "/webhooks/{webhook_id}", remover("webhooks", "webhook", "webhook_id")),
)
