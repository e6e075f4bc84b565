"""Emulated sheet summary routes: get, list (paged), add, update, delete, add an image."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, query_bool, query_ids, result
from .cells import store_image
from .columns import COLUMN_TYPES
from .state import CURRENT_USER, ApiFailure, SheetState, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService

_WRITABLE = {
    "title",
    "type",
    "index",
    "objectValue",
    "formula",
    "hyperlink",
    "options",
    "contactOptions",
    "symbol",
    "format",
    "locked",
    "validation",
}


def _display(field: dict[str, Any]) -> None:
    obj = field.get("objectValue")
    if isinstance(obj, dict):
        values = obj.get("values")
        if isinstance(values, list):
            field["displayValue"] = ", ".join(
                v.get("name") or v.get("email", "") if isinstance(v, dict) else str(v)
                for v in values
            )
        else:
            field["displayValue"] = str(obj.get("value", ""))
    elif obj is not None:
        field["displayValue"] = str(obj).lower() if isinstance(obj, bool) else str(obj)
    else:
        field.pop("displayValue", None)


def _apply(field: dict[str, Any], spec: dict[str, Any]) -> None:
    unknown = set(spec) - _WRITABLE - {"id"}
    if unknown:
        raise ApiFailure(
            400, 1032, f"The attribute(s) {', '.join(sorted(unknown))} are not allowed."
        )
    ctype = spec.get("type", field.get("type", "TEXT_NUMBER"))
    if ctype not in COLUMN_TYPES:
        raise ApiFailure(400, 1031, f"The value {ctype} was not valid for the attribute type.")
    if spec.get("formula") is not None and spec.get("objectValue") is not None:
        raise ApiFailure(400, 1130, "One of formula or objectValue may be set, but not both.")
    field.update({k: v for k, v in spec.items() if k != "id"})
    field["type"] = ctype
    field["modifiedAt"] = now_iso()
    field["modifiedBy"] = {"name": CURRENT_USER["name"], "email": CURRENT_USER["email"]}
    _display(field)


def _unique_title(sheet: SheetState, title: str, rename: bool, own_id: int | None) -> str:
    taken = {f["title"] for f in sheet.summary_fields if f["id"] != own_id}
    if title not in taken:
        return title
    if not rename:
        raise ApiFailure(400, 1129, "The resource you tried to create already exists.")
    n = 1
    while f"{title}{n}" in taken:
        n += 1
    return f"{title}{n}"


def _shown(field: dict[str, Any], request: web.Request) -> dict[str, Any]:
    excluded = set(request.query.get("exclude", "").split(","))
    hidden = {"displayValue", "image"} & excluded
    out = {k: v for k, v in field.items() if k not in hidden}
    if "imageAltText" in excluded and isinstance(out.get("image"), dict):
        out["image"] = {k: v for k, v in out["image"].items() if k != "altText"}
    return out


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    def find(sheet: SheetState, field_id: Any) -> dict[str, Any]:
        for field in sheet.summary_fields:
            if field["id"] == field_id:
                return field
        raise ApiFailure(404, 1006, f"Not Found: summary field {field_id}")

    def specs_of(body: Any) -> list[Any]:
        if not isinstance(body, list) or not body:
            raise ApiFailure(400, 1008, "Unable to parse request: expected an array of fields.")
        if not all(isinstance(s, dict) for s in body):
            raise ApiFailure(400, 1008, "Unable to parse request: fields must be objects.")
        return body

    async def get_summary(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        return json_response({"fields": [_shown(f, request) for f in sheet.summary_fields]})

    async def list_fields(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        return index_result(request, [_shown(f, request) for f in sheet.summary_fields])

    async def add_fields(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        specs = specs_of(await body_json(request))
        rename = query_bool(request, "renameIfConflict")
        added = []
        for spec in specs:
            if not isinstance(spec.get("title"), str) or not spec["title"]:
                raise ApiFailure(400, 1012, "A required object attribute is missing: title")
            field: dict[str, Any] = {"id": state.next_id(), "createdAt": now_iso()}
            field["createdBy"] = {"name": CURRENT_USER["name"], "email": CURRENT_USER["email"]}
            _apply(field, spec)
            field["title"] = _unique_title(sheet, spec["title"], rename, None)
            sheet.summary_fields.append(field)
            added.append(field)
        for i, field in enumerate(sheet.summary_fields):
            field["index"] = i
        sheet.touch()
        return result(added, version=sheet.version)

    async def update_fields(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        specs = specs_of(await body_json(request))
        rename = query_bool(request, "renameIfConflict")
        updated = []
        for spec in specs:
            if not isinstance(spec.get("id"), int):
                raise ApiFailure(400, 1012, "A required object attribute is missing: id")
            field = find(sheet, spec["id"])
            if "title" in spec:
                spec = {**spec, "title": _unique_title(sheet, spec["title"], rename, field["id"])}
            candidate = dict(field)
            _apply(candidate, spec)
            field.clear()
            field.update(candidate)
            updated.append(field)
        sheet.touch()
        return result(updated, version=sheet.version)

    async def delete_fields(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        ids = query_ids(request, "ids")
        if not ids:
            raise ApiFailure(400, 1009, "A required parameter is missing from your request: ids.")
        present = {f["id"] for f in sheet.summary_fields}
        missing = [i for i in ids if i not in present]
        if missing and not query_bool(request, "ignoreSummaryFieldsNotFound"):
            raise ApiFailure(404, 1006, f"Not Found: summary fields {missing[:5]}")
        sheet.summary_fields = [f for f in sheet.summary_fields if f["id"] not in set(ids)]
        sheet.touch()
        return result([i for i in ids if i in present], version=sheet.version)

    async def add_image(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        field = find(sheet, int_id(request, "field_id"))
        image = await store_image(state, request)
        for key in ("objectValue", "formula", "displayValue"):
            field.pop(key, None)
        field["image"] = image
        field["modifiedAt"] = now_iso()
        sheet.touch()
        return result(field, version=sheet.version)

    r = app.router
    r.add_get("/sheets/{sheet_id}/summary", handler(service, get_summary))
    r.add_get("/sheets/{sheet_id}/summary/fields", handler(service, list_fields))
    r.add_post("/sheets/{sheet_id}/summary/fields", handler(service, add_fields))
    r.add_put("/sheets/{sheet_id}/summary/fields", handler(service, update_fields))
    r.add_delete("/sheets/{sheet_id}/summary/fields", handler(service, delete_fields))
    r.add_post("/sheets/{sheet_id}/summary/fields/{field_id}/images", handler(service, add_image))
