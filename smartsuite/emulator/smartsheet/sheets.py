"""Emulated sheet routes: list, create (Sheets, folder, workspace, from a template), get,
update, delete, copy, move, email, publish, version and the organization's sheet list."""

from __future__ import annotations

import copy
import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from . import exports
from ._http import (
    Route,
    body_json,
    index_result,
    int_id,
    query_ids,
    query_int,
    result,
    service_of,
    state_of,
)
from .cellvalues import present_column
from .columns import build_columns
from .rows import present_row
from .state import ApiFailure, SheetState, SmartsheetState

if TYPE_CHECKING:
    from .service import SmartsheetService

_PUBLISH_FLAGS = {
    "readOnlyLiteEnabled": ("readOnlyLiteUrl", "readOnlyLiteSslUrl"),
    "readOnlyFullEnabled": ("readOnlyFullUrl",),
    "readWriteEnabled": ("readWriteUrl",),
    "icalEnabled": ("icalUrl",),
}
_PUBLISH_KEYS = {
    "readOnlyFullAccessibleBy",
    "readOnlyFullDefaultView",
    "readOnlyFullShowToolbar",
    "readWriteAccessibleBy",
    "readWriteDefaultView",
    "readWriteShowToolbar",
}


def _level(request: web.Request) -> int:
    try:
        return int(request.query.get("level", "1") or 1)
    except ValueError:
        raise ApiFailure(400, 1018, "The value was not valid for the parameter level.") from None


def _page_rows(request: web.Request, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if "pageSize" not in request.query and "page" not in request.query:
        return rows
    size = max(1, query_int(request, "pageSize", 100))
    page = max(1, query_int(request, "page", 1))
    page = min(page, max(1, -(-len(rows) // size)))  # past the end: the last page
    return rows[(page - 1) * size : page * size]


def sheet_body(sheet: SheetState, request: web.Request) -> dict[str, Any]:
    """The getSheet answer, honouring rowIds, rowNumbers, columnIds, paging, level and
    include=objectValue / crossSheetReferences."""
    rows = sheet.rows
    row_ids = query_ids(request, "rowIds")
    if row_ids is not None:
        wanted = set(row_ids)
        rows = [r for r in rows if r["id"] in wanted]
    numbers = query_ids(request, "rowNumbers")
    if numbers is not None:
        keep_numbers = set(numbers)
        rows = [r for r in rows if r.get("rowNumber") in keep_numbers]
    rows = _page_rows(request, rows)
    level = _level(request)
    columns = [present_column(c, level) for c in sheet.columns]
    column_ids = query_ids(request, "columnIds")
    rows = [present_row(r, request) for r in rows]
    if column_ids is not None:
        keep = set(column_ids)
        columns = [c for c in columns if c["id"] in keep]
        rows = [{**r, "cells": [c for c in r["cells"] if c["columnId"] in keep]} for r in rows]
    body = {
        **sheet.summary(),
        "totalRowCount": len(sheet.rows),
        "hasSummaryFields": bool(sheet.summary_fields),
        "columns": columns,
        "rows": rows,
        **sheet.extra,
    }
    if "crossSheetReferences" in request.query.get("include", "").split(","):
        body["crossSheetReferences"] = sheet.cross_sheet_references
    return body


def check_place(state: SmartsheetState, place: tuple[str, int] | None) -> tuple[str, int] | None:
    # Folders and workspaces live in the account state (when present): 404 if unknown.
    containers = getattr(getattr(state, "account", None), "containers", None)
    if place is not None and containers is not None:
        getattr(containers, place[0])(place[1])
    return place


def create(
    state: SmartsheetState, service: SmartsheetService, body: Any, container: tuple[str, int] | None
) -> SheetState:
    check_place(state, container)
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        raise ApiFailure(400, 1012, "A required object attribute is missing: name")
    if body.get("fromId") is not None:
        source = state.sheet(int(body["fromId"]))
        columns = build_columns(service, [_clean_column(c) for c in source.columns])
    else:
        columns = build_columns(service, body.get("columns"))
    sheet = SheetState(state.next_id(), body["name"], columns, container=container)
    state.sheets[sheet.id] = sheet
    return sheet


def created(sheet: SheetState) -> web.Response:
    return result({**sheet.summary(), "columns": sheet.columns})


async def list_sheets(request: web.Request) -> web.Response:
    return index_result(request, [s.summary() for s in state_of(request).sheets.values()])


async def list_org_sheets(request: web.Request) -> web.Response:
    items = [
        {
            "id": s.id,
            "name": s.name,
            "owner": s.summary()["owner"],
            "ownerId": s.summary()["ownerId"],
        }
        for s in state_of(request).sheets.values()
    ]
    return index_result(request, items)


async def create_sheet(request: web.Request) -> web.Response:
    return created(create(state_of(request), service_of(request), await body_json(request), None))


async def create_in_folder(request: web.Request) -> web.Response:
    folder = int_id(request, "folder_id")
    return created(
        create(state_of(request), service_of(request), await body_json(request), ("folder", folder))
    )


async def create_in_workspace(request: web.Request) -> web.Response:
    workspace = int_id(request, "workspace_id")
    return created(
        create(
            state_of(request),
            service_of(request),
            await body_json(request),
            ("workspace", workspace),
        )
    )


async def get_sheet(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    after = request.query.get("ifVersionAfter")
    if after is not None and after.isdigit() and sheet.version <= int(after):
        return json_response({"version": sheet.version})
    media = exports.wanted(request)
    if media is not None:
        titles = [c["title"] for c in sheet.columns]
        table = [titles] + [
            [str(c.get("displayValue", c.get("value", ""))) for c in row.get("cells", [])]
            for row in sheet.rows
        ]
        return exports.export(media, sheet.name, table)
    return json_response(sheet_body(sheet, request))


async def update_sheet(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    body = await body_json(request)
    if not isinstance(body, dict):
        raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
    if "name" in body:
        if not isinstance(body["name"], str) or not body["name"].strip():
            raise ApiFailure(400, 1031, "The value was not valid for the attribute name.")
        sheet.name = body["name"]
    for key in ("projectSettings", "userSettings"):
        if isinstance(body.get(key), dict):
            sheet.extra[key] = {**sheet.extra.get(key, {}), **body[key]}
    sheet.touch()
    return result({**sheet.summary(), **sheet.extra}, version=sheet.version)


async def delete_sheet(request: web.Request) -> web.Response:
    state = state_of(request)
    sheet_id = int_id(request, "sheet_id")
    state.sheet(sheet_id)
    del state.sheets[sheet_id]
    return result(None)


def destination(state: SmartsheetState, body: Any) -> tuple[str, int] | None:
    if not isinstance(body, dict) or body.get("destinationType") not in (
        "home",
        "folder",
        "workspace",
    ):
        raise ApiFailure(400, 1012, "A required object attribute is missing: destinationType")
    if body["destinationType"] == "home":
        return None
    if not isinstance(body.get("destinationId"), int):
        raise ApiFailure(400, 1012, "A required object attribute is missing: destinationId")
    return check_place(state, (body["destinationType"], body["destinationId"]))


async def copy_sheet(request: web.Request) -> web.Response:
    state = state_of(request)
    source = state.sheet(int_id(request, "sheet_id"))
    body = await body_json(request)
    container = destination(state, body)
    name = body.get("newName")
    if not isinstance(name, str) or not name:
        raise ApiFailure(400, 1012, "A required object attribute is missing: newName")
    includes = set(request.query.get("include", "").split(","))
    sheet = SheetState(state.next_id(), name, [], container=container)
    mapping = {}
    for col in source.columns:
        new_id = state.next_id()
        mapping[col["id"]] = new_id
        sheet.columns.append({**copy.deepcopy(col), "id": new_id})
    if "data" in includes:
        row_ids: dict[int, int] = {}
        for row in source.rows:
            row_ids[row["id"]] = state.next_id()
            new_row = {
                **copy.deepcopy(row),
                "id": row_ids[row["id"]],
                "sheetId": sheet.id,
                "cells": [{**c, "columnId": mapping[c["columnId"]]} for c in row["cells"]],
            }
            if row.get("parentId") is not None:
                new_row["parentId"] = row_ids[row["parentId"]]
            sheet.rows.append(new_row)
    if "shares" in includes:
        sheet.shares = copy.deepcopy(source.shares)
    state.sheets[sheet.id] = sheet
    summary = sheet.summary()
    return result({k: summary[k] for k in ("id", "name", "accessLevel", "permalink")})


async def move_sheet(request: web.Request) -> web.Response:
    state = state_of(request)
    sheet = state.sheet(int_id(request, "sheet_id"))
    sheet.container = destination(state, await body_json(request))
    summary = sheet.summary()
    return result({k: summary[k] for k in ("id", "name", "accessLevel", "permalink")})


async def send_sheet(request: web.Request) -> web.Response:
    state = state_of(request)
    sheet = state.sheet(int_id(request, "sheet_id"))
    body = await body_json(request)
    if not isinstance(body, dict) or not body.get("sendTo"):
        raise ApiFailure(400, 1012, "A required object attribute is missing: sendTo")
    if body.get("format") not in ("PDF", "EXCEL", "PDF_GANTT"):
        raise ApiFailure(
            400, 1031, f"The value {body.get('format')} was not valid for the attribute format."
        )
    state.sent_emails.append({"kind": "sheet", "sheetId": sheet.id, **body})
    return result(None)


async def get_publish(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    return json_response(_publish_body(sheet))


async def set_publish(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    body = await body_json(request)
    if not isinstance(body, dict):
        raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
    for key, value in body.items():
        if key in _PUBLISH_FLAGS or key in _PUBLISH_KEYS:
            sheet.publish[key] = value
        else:
            raise ApiFailure(
                400, 1032, f"The attribute(s) {key} are not allowed for this operation."
            )
    for flag, urls in _PUBLISH_FLAGS.items():
        for url in urls:
            if sheet.publish.get(flag) and url not in sheet.publish:
                sheet.publish[url] = f"https://publish.smartsheet.com/{secrets.token_hex(16)}"
            elif not sheet.publish.get(flag):
                sheet.publish.pop(url, None)
    return result(_publish_body(sheet))


async def get_version(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    return json_response({"version": sheet.version})


ROUTES: tuple[Route, ...] = (
    ("GET", "/sheets", list_sheets),
    ("POST", "/sheets", create_sheet),
    ("GET", "/users/sheets", list_org_sheets),
    ("POST", "/folders/{folder_id}/sheets", create_in_folder),
    ("POST", "/workspaces/{workspace_id}/sheets", create_in_workspace),
    ("GET", "/sheets/{sheet_id}", get_sheet),
    ("PUT", "/sheets/{sheet_id}", update_sheet),
    ("DELETE", "/sheets/{sheet_id}", delete_sheet),
    ("POST", "/sheets/{sheet_id}/copy", copy_sheet),
    ("POST", "/sheets/{sheet_id}/move", move_sheet),
    ("POST", "/sheets/{sheet_id}/emails", send_sheet),
    ("GET", "/sheets/{sheet_id}/publish", get_publish),
    ("PUT", "/sheets/{sheet_id}/publish", set_publish),
    ("GET", "/sheets/{sheet_id}/version", get_version),
)


def _clean_column(column: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in column.items() if k not in ("id", "index", "version")}


def _publish_body(sheet: SheetState) -> dict[str, Any]:
    body: dict[str, Any] = dict.fromkeys(_PUBLISH_FLAGS, False)
    body.update(sheet.publish)
    return body
