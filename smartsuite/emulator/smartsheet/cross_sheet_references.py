"""Emulated cross-sheet reference routes: list, get, create."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, result
from .state import ApiFailure, SheetState

if TYPE_CHECKING:
    from .service import SmartsheetService


def _check_range(source: SheetState, body: dict[str, Any]) -> None:
    rows = (body.get("startRowId"), body.get("endRowId"))
    cols = (body.get("startColumnId"), body.get("endColumnId"))
    for pair in (rows, cols):
        if (pair[0] is None) != (pair[1] is None):
            raise ApiFailure(400, 1012, "A required object attribute is missing: range end")
    if rows[0] is None and cols[0] is None:
        raise ApiFailure(400, 1012, "A required object attribute is missing: a row or column range")
    for row_id in rows:
        if row_id is not None and not source.has_row(row_id):
            raise ApiFailure(400, 1034, "Invalid Row Id.")
    for column_id in cols:
        if column_id is not None:
            source.column(column_id)


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    async def list_refs(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        return index_result(request, sheet.cross_sheet_references)

    async def get_ref(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        ref_id = int_id(request, "ref_id")
        for ref in sheet.cross_sheet_references:
            if ref["id"] == ref_id:
                return json_response(ref)
        raise ApiFailure(404, 1006, "Not Found")

    async def create_ref(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        body = await body_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not body["name"]:
            raise ApiFailure(400, 1012, "A required object attribute is missing: name")
        if not isinstance(body.get("sourceSheetId"), int):
            raise ApiFailure(400, 1012, "A required object attribute is missing: sourceSheetId")
        source = state.sheet(body["sourceSheetId"])
        _check_range(source, body)
        if any(r["name"] == body["name"] for r in sheet.cross_sheet_references):
            raise ApiFailure(400, 1129, "The resource you tried to create already exists.")
        keys = ("name", "sourceSheetId", "startRowId", "endRowId", "startColumnId", "endColumnId")
        ref = {"id": state.next_id(), **{k: body[k] for k in keys if body.get(k) is not None}}
        ref["status"] = "OK"
        sheet.cross_sheet_references.append(ref)
        sheet.touch()
        return result(ref, version=sheet.version)

    r = app.router
    r.add_get("/sheets/{sheet_id}/crosssheetreferences", handler(service, list_refs))
    r.add_post("/sheets/{sheet_id}/crosssheetreferences", handler(service, create_ref))
    r.add_get("/sheets/{sheet_id}/crosssheetreferences/{ref_id}", handler(service, get_ref))
