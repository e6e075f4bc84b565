"""Emulated column routes: list, get, add, update, delete; and column validation shared with
sheet creation (1054, 1055, 1056, 1057, 1133, 1135)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, result
from .cellvalues import present_column
from .state import MAX_CELLS_PER_SHEET, MAX_COLUMNS_PER_SHEET, ApiFailure, SheetState

if TYPE_CHECKING:
    from .service import SmartsheetService

COLUMN_TYPES = {
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


def _checked(col: Any, index: int, service: SmartsheetService) -> dict[str, Any]:
    if not isinstance(col, dict) or not isinstance(col.get("title"), str) or not col["title"]:
        raise ApiFailure(400, 1012, "A required object attribute is missing: column.title")
    ctype = col.get("type", "TEXT_NUMBER")
    if ctype not in COLUMN_TYPES:
        raise ApiFailure(400, 1031, f"The value {ctype} was not valid for the attribute type.")
    if col.get("primary") and ctype != "TEXT_NUMBER":
        raise ApiFailure(400, 1057, "Primary columns must be of type TEXT_NUMBER.")
    if col.get("options") and ctype not in ("PICKLIST", "MULTI_PICKLIST"):
        raise ApiFailure(400, 1060, f"Column options are not allowed for column type {ctype}.")
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
    return stored


def build_columns(service: SmartsheetService, columns: Any) -> list[dict[str, Any]]:
    """The columns of a new sheet, validated as Smartsheet does."""
    if not isinstance(columns, list) or not columns:
        raise ApiFailure(400, 1054, "The new sheet requires either a fromId or columns.")
    if len(columns) > MAX_COLUMNS_PER_SHEET:
        raise ApiFailure(400, 1061, "Max count exceeded for field columns.")
    primaries = [c for c in columns if isinstance(c, dict) and c.get("primary")]
    if len(primaries) != 1:
        raise ApiFailure(400, 1055, "One and only one column must be primary.")
    titles = [c.get("title") for c in columns if isinstance(c, dict)]
    if len(set(titles)) != len(titles):
        raise ApiFailure(400, 1056, "Column titles must be unique.")
    return [_checked(col, index, service) for index, col in enumerate(columns)]


def _reindex(sheet: SheetState) -> None:
    for i, col in enumerate(sheet.columns):
        col["index"] = i


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    def level(request: web.Request) -> int:
        raw = request.query.get("level", "1")
        return int(raw) if raw.isdigit() else 1

    async def list_columns(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        lvl = level(request)
        return index_result(request, [present_column(c, lvl) for c in sheet.columns])

    async def get_column(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        column_id = int_id(request, "column_id")
        for col in sheet.columns:
            if col["id"] == column_id:
                return json_response(present_column(col, level(request)))
        raise ApiFailure(404, 1006, "Not Found")

    async def add_columns(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        body = await body_json(request)
        specs = body if isinstance(body, list) else [body]
        if not specs:
            raise ApiFailure(400, 1012, "A required object attribute is missing: columns")
        indexes = [s.get("index") if isinstance(s, dict) else None for s in specs]
        if not all(isinstance(i, int) for i in indexes):
            raise ApiFailure(400, 1012, "A required object attribute is missing: column.index")
        first: int = indexes[0]  # type: ignore[assignment]
        if len(set(indexes)) > 1:
            raise ApiFailure(
                400,
                1135,
                f"Input column index {indexes[1]} is different from the first input column "
                f"index {indexes[0]}.",
            )
        titles = [s.get("title") for s in specs]
        if len(set(titles)) != len(titles):
            raise ApiFailure(400, 1133, "Column titles are not unique among input columns.")
        existing = {c["title"] for c in sheet.columns}
        if existing & set(titles):
            raise ApiFailure(400, 1056, "Column titles must be unique.")
        if any(s.get("primary") for s in specs):
            raise ApiFailure(400, 1055, "One and only one column must be primary.")
        count = len(sheet.columns) + len(specs)
        if count > MAX_COLUMNS_PER_SHEET or count * len(sheet.rows) > MAX_CELLS_PER_SHEET:
            raise ApiFailure(400, 1061, "Max count exceeded for field columns.")
        at = min(max(first, 0), len(sheet.columns))
        added = [_checked(s, at + i, service) for i, s in enumerate(specs)]
        sheet.columns[at:at] = added
        _reindex(sheet)
        sheet.touch()
        return result(added, version=sheet.version)

    async def update_column(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        column = _find(sheet, int_id(request, "column_id"))
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        renamed = "title" in body and body["title"] != column["title"]
        if renamed and any(c["title"] == body["title"] for c in sheet.columns):
            raise ApiFailure(400, 1056, "Column titles must be unique.")
        ctype = body.get("type", column["type"])
        if ctype not in COLUMN_TYPES:
            raise ApiFailure(400, 1031, f"The value {ctype} was not valid for the attribute type.")
        if column.get("primary") and ctype != "TEXT_NUMBER":
            raise ApiFailure(400, 1057, "Primary columns must be of type TEXT_NUMBER.")
        for key in ("id", "primary", "version"):
            body.pop(key, None)
        new_index = body.pop("index", None)
        column.update(body)
        column["version"] = column.get("version", 0) + 1
        if isinstance(new_index, int):
            sheet.columns.remove(column)
            sheet.columns.insert(min(max(new_index, 0), len(sheet.columns)), column)
            _reindex(sheet)
        sheet.touch()
        return result(column, version=sheet.version)

    async def delete_column(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        column = _find(sheet, int_id(request, "column_id"))
        if column.get("primary"):
            raise ApiFailure(400, 1065, "The column specified cannot be deleted.")
        sheet.columns.remove(column)
        for row in sheet.rows:
            row["cells"] = [c for c in row["cells"] if c["columnId"] != column["id"]]
        for key in [k for k in sheet.history if k[1] == column["id"]]:
            del sheet.history[key]
        _reindex(sheet)
        sheet.touch()
        return result(None, version=sheet.version)

    r = app.router
    r.add_get("/sheets/{sheet_id}/columns", handler(service, list_columns))
    r.add_post("/sheets/{sheet_id}/columns", handler(service, add_columns))
    r.add_get("/sheets/{sheet_id}/columns/{column_id}", handler(service, get_column))
    r.add_put("/sheets/{sheet_id}/columns/{column_id}", handler(service, update_column))
    r.add_delete("/sheets/{sheet_id}/columns/{column_id}", handler(service, delete_column))


def _find(sheet: SheetState, column_id: int) -> dict[str, Any]:
    for col in sheet.columns:
        if col["id"] == column_id:
            return col
    raise ApiFailure(404, 1006, "Not Found")
