"""Emulated sheet routes: list, create, get, columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, query_ids, result
from .state import ApiFailure, SheetState

if TYPE_CHECKING:
    from .service import SmartsheetService

_COLUMN_TYPES = {
    "TEXT_NUMBER",
    "DATE",
    "DATETIME",
    "ABSTRACT_DATETIME",
    "CONTACT_LIST",
    "MULTI_CONTACT_LIST",
    "CHECKBOX",
    "PICKLIST",
    "MULTI_PICKLIST",
    "DURATION",
    "PREDECESSOR",
}


def build_columns(service: SmartsheetService, columns: Any) -> list[dict[str, Any]]:
    if not isinstance(columns, list) or not columns:
        raise ApiFailure(400, 1054, "The new sheet requires either a fromId or columns.")
    primaries = [c for c in columns if isinstance(c, dict) and c.get("primary")]
    if len(primaries) != 1:
        raise ApiFailure(400, 1055, "One and only one column must be primary.")
    titles = [c.get("title") for c in columns if isinstance(c, dict)]
    if len(set(titles)) != len(titles):
        raise ApiFailure(400, 1056, "Column titles must be unique.")
    out = []
    for index, col in enumerate(columns):
        if not isinstance(col, dict) or not isinstance(col.get("title"), str):
            raise ApiFailure(400, 1012, "A required object attribute is missing: column.title")
        ctype = col.get("type", "TEXT_NUMBER")
        if ctype not in _COLUMN_TYPES:
            raise ApiFailure(400, 1031, f"The value {ctype} was not valid for the attribute type.")
        if col.get("primary") and ctype != "TEXT_NUMBER":
            raise ApiFailure(400, 1057, "Primary columns must be of type TEXT_NUMBER.")
        stored = {
            **col,
            "id": service.state.next_id(),
            "index": index,
            "type": ctype,
            "version": 0,
            "width": col.get("width", 150),
        }
        if not stored.get("primary"):
            stored.pop("primary", None)
        out.append(stored)
    return out


def _page_of(request: web.Request, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows paged by ``page``/``pageSize`` (a page past the end is the last page);
    ``totalRowCount`` still counts every row."""
    try:
        size = max(1, int(request.query.get("pageSize", "100")))
        page = max(1, int(request.query.get("page", "1")))
    except ValueError:
        raise ApiFailure(400, 1018, "The value was not valid for the parameter page.") from None
    page = min(page, max(1, -(-len(rows) // size)))
    return rows[(page - 1) * size : page * size]


def sheet_body(sheet: SheetState, request: web.Request) -> dict[str, Any]:
    rows = sheet.rows
    row_ids = query_ids(request, "rowIds")
    if row_ids is not None:
        wanted = set(row_ids)
        rows = [r for r in rows if r["id"] in wanted]
    if "pageSize" in request.query or "page" in request.query:
        rows = _page_of(request, rows)
    column_ids = query_ids(request, "columnIds")
    columns = sheet.columns
    if column_ids is not None:
        keep = set(column_ids)
        columns = [c for c in columns if c["id"] in keep]
        rows = [{**r, "cells": [c for c in r["cells"] if c["columnId"] in keep]} for r in rows]
    return {
        **sheet.summary(),
        "totalRowCount": len(sheet.rows),
        "columns": columns,
        "rows": rows,
        **sheet.extra,
    }


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    async def list_sheets(request: web.Request) -> web.Response:
        return index_result(request, [s.summary() for s in state.sheets.values()])

    async def create_sheet(request: web.Request) -> web.Response:
        body = await body_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("name"), str):
            raise ApiFailure(400, 1012, "A required object attribute is missing: name")
        sheet = SheetState(
            state.next_id(), body["name"], build_columns(service, body.get("columns"))
        )
        state.sheets[sheet.id] = sheet
        return result({**sheet.summary(), "columns": sheet.columns})

    async def get_sheet(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        return json_response(sheet_body(sheet, request))

    async def list_columns(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        return index_result(request, sheet.columns)

    app.router.add_get("/sheets", handler(service, list_sheets))
    app.router.add_post("/sheets", handler(service, create_sheet))
    app.router.add_get("/sheets/{sheet_id}", handler(service, get_sheet))
    app.router.add_get("/sheets/{sheet_id}/columns", handler(service, list_columns))
