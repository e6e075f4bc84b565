"""Emulated account settings: lookups, status options, custom fields and values, webhooks."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web

from ..base import json_response
from ._http import (
    Handler,
    b_bool,
    b_int,
    b_number,
    body,
    handler,
    int_id,
    no_content,
    paged,
    project_of,
    q_bool,
    user_of,
)
from .state import MAX_WEBHOOKS_PER_EVENT, WEBHOOK_EVENTS, ApiFailure, Record

if TYPE_CHECKING:
    from .service import ResourceManagementService

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


def register(service: ResourceManagementService, app: web.Application) -> None:
    state = service.state

    def read_only(kind: str, what: str) -> tuple[Handler, Handler]:
        async def listing(request: web.Request) -> web.Response:
            return paged(service, request, state.all(kind))

        async def one(request: web.Request) -> web.Response:
            return json_response(state.get(kind, int_id(request, "id"), what))

        return listing, one

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
        records = state.all("status_options")
        if not q_bool(request, "with_deleted"):
            records = [o for o in records if o["deleted_at"] is None]
        return paged(service, request, sorted(records, key=lambda o: (o["order"] or 0, o["id"])))

    async def get_option(request: web.Request) -> web.Response:
        return json_response(state.get("status_options", int_id(request, "id"), "status option"))

    async def create_option(request: web.Request) -> web.Response:
        data = await body(request)
        missing = [k for k in ("color", "label", "stage", "order") if data.get(k) in (None, "")]
        if missing:
            raise ApiFailure(400, f"missing required parameters: {', '.join(missing)}")
        return json_response(
            state.insert("status_options", {"deleted_at": None, **option_changes(data)})
        )

    async def update_option(request: web.Request) -> web.Response:
        option = state.get("status_options", int_id(request, "id"), "status option")
        return json_response(state.touch(option, option_changes(await body(request))))

    async def delete_option(request: web.Request) -> web.Response:
        option = state.get("status_options", int_id(request, "id"), "status option")
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

    async def list_fields(request: web.Request) -> web.Response:
        return paged(service, request, state.all("custom_fields"))

    async def get_field(request: web.Request) -> web.Response:
        return json_response(state.get("custom_fields", int_id(request, "id"), "custom field"))

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
        return json_response(state.insert("custom_fields", record))

    async def update_field(request: web.Request) -> web.Response:
        record = state.get("custom_fields", int_id(request, "id"), "custom field")
        return json_response(state.touch(record, field_changes(await body(request))))

    async def delete_field(request: web.Request) -> web.Response:
        record = state.get("custom_fields", int_id(request, "id"), "custom field")
        del state.tables["custom_fields"][record["id"]]
        values = state.tables["custom_field_values"]
        for value_id in [v["id"] for v in values.values() if v["custom_field_id"] == record["id"]]:
            del values[value_id]
        return no_content()

    # -- custom field values ---------------------------------------------------------------

    def owner(request: web.Request) -> tuple[str, int, str]:
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
                raise ApiFailure(
                    400, f"not an option of {field['name']}: {', '.join(map(str, bad))}"
                )
        return [str(v) for v in values]

    async def list_values(request: web.Request) -> web.Response:
        key, oid, _ = owner(request)
        return paged(
            service, request, [v for v in state.all("custom_field_values") if v.get(key) == oid]
        )

    async def set_values(request: web.Request) -> web.Response:
        key, oid, namespace = owner(request)
        data = await body(request)
        field_id = b_int(data, "custom_field_id", required=True)
        assert field_id is not None
        field = state.get("custom_fields", field_id, "custom field")
        if field["namespace"] != namespace:
            raise ApiFailure(400, f"custom field {field_id} belongs to {field['namespace']}")
        wanted = check_value(field, data.get("value"))
        table = state.tables["custom_field_values"]
        current = [
            v for v in table.values() if v.get(key) == oid and v["custom_field_id"] == field_id
        ]
        # An array is the complete set: values not in it are removed (seed 002).
        if field["data_type"] != "multiple_choice_selection_list" and current:
            state.touch(current[0], {"value": wanted[0]})  # one value: changed in place
            return json_response({"data": current[:1], "paging": _single_paging()})
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
        return json_response({"data": out, "paging": _single_paging(len(out))})

    async def update_value(request: web.Request) -> web.Response:
        key, oid, _ = owner(request)
        record = state.get("custom_field_values", int_id(request, "id"), "custom field value")
        if record.get(key) != oid:
            raise ApiFailure(404, f"custom field value {record['id']} not found here")
        field = state.get("custom_fields", record["custom_field_id"], "custom field")
        value = (await body(request)).get("value")
        if isinstance(value, list):
            raise ApiFailure(400, "PUT takes a single value; POST an array to replace the set")
        return json_response(state.touch(record, {"value": check_value(field, value)[0]}))

    # -- webhooks --------------------------------------------------------------------------

    async def list_hooks(request: web.Request) -> web.Response:
        return paged(service, request, state.all("webhooks"))

    async def create_hook(request: web.Request) -> web.Response:
        data = await body(request)
        event, url = data.get("event_type"), data.get("url")
        if event not in WEBHOOK_EVENTS:
            raise ApiFailure(400, f"event_type must be one of {', '.join(WEBHOOK_EVENTS)}")
        parts = urlsplit(str(url or ""))
        if parts.scheme != "https" or not parts.hostname:
            raise ApiFailure(400, "url must be https with a valid host")
        if (
            sum(1 for w in state.all("webhooks") if w["event_type"] == event)
            >= MAX_WEBHOOKS_PER_EVENT
        ):
            raise ApiFailure(400, f"no more than {MAX_WEBHOOKS_PER_EVENT} webhooks per event type")
        record = {"event_type": event, "url": url, "status": "active", "organization_id": 1}
        return json_response(state.insert("webhooks", record))

    async def delete_hook(request: web.Request) -> web.Response:
        record = state.get("webhooks", int_id(request, "webhook_id"), "webhook")
        del state.tables["webhooks"][record["id"]]
        return no_content()

    r = app.router

    def h(fn: Handler) -> Handler:
        return handler(service, fn)

    for kind, what in (
        ("disciplines", "discipline"),
        ("roles", "role"),
        ("leave_types", "leave type"),
    ):
        listing, one = read_only(kind, what)
        r.add_get(f"/{kind}", h(listing))
        r.add_get(f"/{kind}/{{id}}", h(one))
    r.add_get("/holidays", h(read_only("holidays", "holiday")[0]))
    r.add_get("/status_options", h(list_options))
    r.add_post("/status_options", h(create_option))
    r.add_get("/status_options/{id}", h(get_option))
    r.add_put("/status_options/{id}", h(update_option))
    r.add_delete("/status_options/{id}", h(delete_option))
    r.add_get("/custom_fields", h(list_fields))
    r.add_post("/custom_fields", h(create_field))
    r.add_get("/custom_fields/{id}", h(get_field))
    r.add_put("/custom_fields/{id}", h(update_field))
    r.add_delete("/custom_fields/{id}", h(delete_field))
    for base in ("/projects/{project_id}", "/users/{user_id}"):
        r.add_get(base + "/custom_field_values", h(list_values))
        r.add_post(base + "/custom_field_values", h(set_values))
        r.add_put(base + "/custom_field_values/{id}", h(update_value))
    r.add_get("/webhooks", h(list_hooks))
    r.add_post("/webhooks", h(create_hook))
    r.add_delete("/webhooks/{webhook_id}", h(delete_hook))


def _single_paging(count: int = 1) -> Record:
    return {"page": 1, "per_page": max(1, count), "previous": None, "self": None, "next": None}
