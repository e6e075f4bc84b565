"""Emulated row routes: add, update, delete (bulk, with partial success) and get.

Writes to one sheet that overlap in time are answered with errorCode 4004, as Smartsheet does
for concurrent updates; the service counts them in ``overlapping_writes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, int_id, query_bool, query_ids, result
from .state import (
    MAX_CELL_CHARS,
    MAX_CELLS_PER_SHEET,
    MAX_ROWS_PER_REQUEST,
    ApiFailure,
    SheetState,
    now_iso,
)

if TYPE_CHECKING:
    from .service import SmartsheetService


def _display(value: Any) -> Any:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None if value is None else str(value)


def _apply_cells(sheet: SheetState, row: dict[str, Any], cells: Any) -> None:
    if cells is None:
        return
    if not isinstance(cells, list):
        raise ApiFailure(400, 1008, "Unable to parse request: cells must be an array.")
    seen: set[int] = set()
    by_column = {c["columnId"]: c for c in row["cells"]}
    for cell in cells:
        if not isinstance(cell, dict) or not isinstance(cell.get("columnId"), int):
            raise ApiFailure(400, 1012, "A required object attribute is missing: cell.columnId")
        column_id = cell["columnId"]
        sheet.column(column_id)
        if column_id in seen:
            raise ApiFailure(
                400, 1037, f"The columnId {column_id} is included more than once in a single row."
            )
        seen.add(column_id)
        value = cell.get("value")
        formula = cell.get("formula")
        if value is not None and not isinstance(value, str | int | float | bool):
            raise ApiFailure(400, 1038, "Invalid Cell value. Must be numeric or a string.")
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise ApiFailure(
                400,
                1041,
                f"The value for cell in column {column_id} must be {MAX_CELL_CHARS} characters "
                f"in length or less, but was {len(value)}.",
            )
        stored: dict[str, Any] = {"columnId": column_id}
        if formula is not None:
            stored["formula"] = formula  # kept as text, not evaluated
        if value is not None and value != "":
            stored["value"] = value
            display = _display(value)
            if display is not None:
                stored["displayValue"] = display
        for key in ("hyperlink", "objectValue", "format"):
            if cell.get(key) is not None:
                stored[key] = cell[key]
        by_column[column_id] = stored
    row["cells"] = [by_column[c] for c in sorted(by_column, key=_col_order(sheet))]


def _col_order(sheet: SheetState) -> Any:
    order = {c["id"]: i for i, c in enumerate(sheet.columns)}
    return lambda cid: order.get(cid, 0)


def _rows_payload(body: Any) -> list[Any]:
    rows = body if isinstance(body, list) else [body]
    if len(rows) > MAX_ROWS_PER_REQUEST:
        raise ApiFailure(
            400, 1061, f"Max count exceeded for field rows: {len(rows)} > {MAX_ROWS_PER_REQUEST}."
        )
    return rows


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    def serial(fn: Any) -> Any:
        async def wrapped(request: web.Request) -> web.StreamResponse:
            key = f"sheet:{request.match_info['sheet_id']}"
            if not service.begin_write(key):
                service.end_write(key)
                raise ApiFailure(500, 4004, "An unexpected error has occurred. Please retry.")
            try:
                return await fn(request)  # type: ignore[no-any-return]
            finally:
                service.end_write(key)

        return wrapped

    def new_row(sheet: SheetState, spec: dict[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": state.next_id(),
            "sheetId": sheet.id,
            "cells": [],
            "createdAt": now_iso(),
            "modifiedAt": now_iso(),
            "expanded": True,
        }
        _apply_cells(sheet, row, spec.get("cells"))
        if spec.get("parentId") is not None:
            sheet.row_index(spec["parentId"])
            row["parentId"] = spec["parentId"]
        return row

    def place(sheet: SheetState, row: dict[str, Any], spec: dict[str, Any]) -> None:
        if spec.get("toTop"):
            sheet.rows.insert(0, row)
        elif spec.get("siblingId") is not None:
            idx = sheet.row_index(spec["siblingId"])
            sheet.rows.insert(idx if spec.get("above") else idx + 1, row)
        else:
            sheet.rows.append(row)

    def renumber(sheet: SheetState) -> None:
        for number, row in enumerate(sheet.rows, start=1):
            row["rowNumber"] = number

    async def add_rows(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        specs = _rows_payload(await body_json(request))
        partial = query_bool(request, "allowPartialSuccess")
        if (len(sheet.rows) + len(specs)) * len(sheet.columns) > MAX_CELLS_PER_SHEET:
            raise ApiFailure(
                400, 1061, f"Max count exceeded: a sheet holds at most {MAX_CELLS_PER_SHEET} cells."
            )
        added, failed = [], []
        for index, spec in enumerate(specs):
            try:
                if not isinstance(spec, dict):
                    raise ApiFailure(400, 1008, "Unable to parse request: row must be an object.")
                row = new_row(sheet, spec)
            except ApiFailure as exc:
                if not partial:
                    raise
                failed.append(
                    {"index": index, "error": {"errorCode": exc.code, "message": exc.message}}
                )
                continue
            added.append((row, spec))
        for row, spec in added:
            place(sheet, row, spec)
        renumber(sheet)
        if added:
            sheet.version += 1
            sheet.modified_at = now_iso()
        return result([r for r, _ in added], version=sheet.version, failed=failed)

    async def update_rows(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        specs = _rows_payload(await body_json(request))
        partial = query_bool(request, "allowPartialSuccess")
        updated: list[tuple[int, dict[str, Any]]] = []
        failed = []
        for index, spec in enumerate(specs):
            try:
                if not isinstance(spec, dict) or not isinstance(spec.get("id"), int):
                    raise ApiFailure(400, 1034, "Invalid Row Id.")
                position = sheet.row_index(spec["id"])
                candidate = {**sheet.rows[position], "cells": list(sheet.rows[position]["cells"])}
                _apply_cells(sheet, candidate, spec.get("cells"))
                for key in ("locked", "expanded", "format"):
                    if key in spec:
                        candidate[key] = spec[key]
                candidate["modifiedAt"] = now_iso()
            except ApiFailure as exc:
                if not partial:
                    raise
                failed.append(
                    {
                        "index": index,
                        "rowId": spec.get("id") if isinstance(spec, dict) else None,
                        "error": {"errorCode": exc.code, "message": exc.message},
                    }
                )
                continue
            updated.append((position, candidate))
        for position, row in updated:
            sheet.rows[position] = row
        if updated:
            sheet.version += 1
        return result([r for _, r in updated], version=sheet.version, failed=failed)

    async def delete_rows(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        ids = query_ids(request, "ids") or []
        if len(ids) > MAX_ROWS_PER_REQUEST:
            raise ApiFailure(400, 1061, "Max count exceeded for field ids.")
        present = {r["id"] for r in sheet.rows}
        missing = [i for i in ids if i not in present]
        if missing and not query_bool(request, "ignoreRowsNotFound"):
            raise ApiFailure(404, 1006, f"Not Found: rows {missing[:5]}")
        doomed = set(ids) & present
        # children go with their parents
        changed = True
        while changed:
            extra = {r["id"] for r in sheet.rows if r.get("parentId") in doomed} - doomed
            changed = bool(extra)
            doomed |= extra
        sheet.rows = [r for r in sheet.rows if r["id"] not in doomed]
        renumber(sheet)
        sheet.version += 1
        return result([i for i in ids if i in doomed], version=sheet.version)

    async def get_row(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        row = sheet.rows[sheet.row_index(int_id(request, "row_id"))]
        return json_response(row)

    app.router.add_post("/sheets/{sheet_id}/rows", handler(service, serial(add_rows)))
    app.router.add_put("/sheets/{sheet_id}/rows", handler(service, serial(update_rows)))
    app.router.add_delete("/sheets/{sheet_id}/rows", handler(service, serial(delete_rows)))
    app.router.add_get("/sheets/{sheet_id}/rows/{row_id}", handler(service, get_row))
