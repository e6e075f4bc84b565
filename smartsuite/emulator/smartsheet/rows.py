"""Emulated row routes: add, update, delete (bulk, with partial success) and get.

Writes to one sheet that overlap in time are answered with errorCode 4004, as Smartsheet does
for concurrent updates; the service counts them in ``overlapping_writes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import CURRENT_REQUEST, json_response
from ._http import (
    Handler,
    Route,
    body_json,
    int_id,
    query_bool,
    query_ids,
    result,
    state_of,
)
from .cellvalues import apply_cells, present_cell, present_column, record
from .state import (
    MAX_CELLS_PER_SHEET,
    MAX_ROWS_PER_REQUEST,
    ApiFailure,
    SheetState,
    SmartsheetState,
    now_iso,
)

if TYPE_CHECKING:
    pass

_LOCATION = ("toTop", "toBottom", "parentId", "siblingId", "above")


def rows_payload(body: Any) -> list[Any]:
    rows = body if isinstance(body, list) else [body]
    if len(rows) > MAX_ROWS_PER_REQUEST:
        raise ApiFailure(
            400, 1061, f"Max count exceeded for field rows: {len(rows)} > {MAX_ROWS_PER_REQUEST}."
        )
    return rows


def location_of(spec: Any) -> tuple[Any, ...]:
    return tuple(spec.get(k) for k in _LOCATION) if isinstance(spec, dict) else ()


def check_location(sheet: SheetState, loc: dict[str, Any]) -> None:
    """Errors 1062 (contradictory), 1063 (unknown parent) and 1064 (unknown sibling).

    One location attribute per request, except parentId + toBottom and siblingId + above;
    siblingId excludes parentId, toTop and toBottom (OpenAPI 2024, "Specify Row Location")."""
    given = [k for k in ("toTop", "toBottom", "siblingId") if loc.get(k)]
    both = loc.get("parentId") is not None and (loc.get("toTop") or loc.get("siblingId"))
    if len(given) > 1 or both:
        raise ApiFailure(400, 1062, "Invalid row location.")
    if loc.get("parentId") is not None and not sheet.has_row(loc["parentId"]):
        raise ApiFailure(400, 1063, f"Invalid parentId: {loc['parentId']}.")
    if loc.get("siblingId") is not None and not sheet.has_row(loc["siblingId"]):
        raise ApiFailure(400, 1064, f"Invalid siblingId: {loc['siblingId']}.")


def subtree_end(sheet: SheetState, index: int) -> int:
    """One past the last descendant of the row at ``index`` (descendants follow it)."""
    ids = {sheet.rows[index]["id"]}
    end = index + 1
    while end < len(sheet.rows) and sheet.rows[end].get("parentId") in ids:
        ids.add(sheet.rows[end]["id"])
        end += 1
    return end


def place(sheet: SheetState, block: list[dict[str, Any]], loc: dict[str, Any]) -> None:
    """Insert ``block`` (rows, first one the top of the moved subtree) at ``loc``."""
    head = block[0]
    if loc.get("siblingId") is not None:
        at = sheet.row_index(loc["siblingId"])
        head["parentId"] = sheet.rows[at].get("parentId")
        position = at if loc.get("above") else subtree_end(sheet, at)
    elif loc.get("parentId") is not None:
        at = sheet.row_index(loc["parentId"])
        head["parentId"] = loc["parentId"]
        position = subtree_end(sheet, at) if loc.get("toBottom") else at + 1
    else:
        head.pop("parentId", None)
        position = 0 if loc.get("toTop") else len(sheet.rows)
    if head.get("parentId") is None:
        head.pop("parentId", None)
    sheet.rows[position:position] = block


def renumber(sheet: SheetState) -> None:
    for number, row in enumerate(sheet.rows, start=1):
        row["rowNumber"] = number


def present_row(row: dict[str, Any], request: web.Request) -> dict[str, Any]:
    includes = set(request.query.get("include", "").split(","))
    cells = [present_cell(c, "objectValue" in includes) for c in row["cells"]]
    return {**row, "cells": cells}


def serial(fn: Handler) -> Handler:
    """Answer 4004 to a write that overlaps another write to the same sheet."""

    async def wrapped(request: web.Request) -> web.StreamResponse:
        entry = CURRENT_REQUEST.get()
        if entry is not None and entry.overlapped:
            raise ApiFailure(
                500,
                4004,
                f"Request failed because sheetId {request.match_info['sheet_id']} is currently "
                "being updated by another request that uses the same access token. Please "
                "retry your request once the previous request has completed.",
            )
        return await fn(request)

    return wrapped


def new_row(
    state: SmartsheetState, sheet: SheetState, spec: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    stamp = now_iso()
    row: dict[str, Any] = {
        "id": state.next_id(),
        "sheetId": sheet.id,
        "cells": [],
        "createdAt": stamp,
        "modifiedAt": stamp,
        "expanded": spec.get("expanded", True),
    }
    for key in ("locked", "format"):
        if key in spec:
            row[key] = spec[key]
    return row, apply_cells(sheet, row, spec.get("cells"))


def failure(index: int, exc: ApiFailure, spec: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "index": index,
        "error": {"errorCode": exc.code, "message": exc.message},
    }
    if isinstance(spec, dict) and isinstance(spec.get("id"), int):
        item["rowId"] = spec["id"]
    return item


async def add_rows(request: web.Request) -> web.Response:
    state = state_of(request)
    sheet = state.sheet(int_id(request, "sheet_id"))
    specs = rows_payload(await body_json(request))
    partial = query_bool(request, "allowPartialSuccess")
    if len({location_of(s) for s in specs}) > 1:
        raise ApiFailure(
            400,
            1123,
            "Specifying multiple row locations is not yet supported. Each row must use the "
            "same row location attribute and value (toBottom, toTop, parentId, siblingId, "
            "above).",
        )
    if (len(sheet.rows) + len(specs)) * len(sheet.columns) > MAX_CELLS_PER_SHEET:
        raise ApiFailure(
            400, 1061, f"Max count exceeded for field cells ({MAX_CELLS_PER_SHEET} per sheet)."
        )
    loc = specs[0] if specs and isinstance(specs[0], dict) else {}
    check_location(sheet, loc)
    added, changes, failed = [], [], []
    for index, spec in enumerate(specs):
        try:
            if not isinstance(spec, dict):
                raise ApiFailure(400, 1008, "Unable to parse request: row must be an object.")
            row, changed = new_row(state, sheet, spec)
        except ApiFailure as exc:
            if not partial:
                raise
            failed.append(failure(index, exc, spec))
            continue
        added.append(row)
        changes.append(changed)
    if added:
        place(sheet, added, loc)
        for row, changed in zip(added, changes, strict=True):
            if added[0].get("parentId") is not None:
                row["parentId"] = added[0]["parentId"]
            record(sheet, row["id"], changed)
        renumber(sheet)
        sheet.touch()
    return result([present_row(r, request) for r in added], version=sheet.version, failed=failed)


async def update_rows(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    specs = rows_payload(await body_json(request))
    partial = query_bool(request, "allowPartialSuccess")
    updated: list[dict[str, Any]] = []
    failed = []
    for index, spec in enumerate(specs):
        try:
            if not isinstance(spec, dict) or not isinstance(spec.get("id"), int):
                raise ApiFailure(400, 1034, "Invalid Row Id.")
            position = sheet.row_index(spec["id"])
            current = sheet.rows[position]
            if current.get("locked") and spec.get("locked") is not False:
                raise ApiFailure(403, 1050, "You cannot edit a locked row.")
            candidate = {**current, "cells": list(current["cells"])}
            changed = apply_cells(sheet, candidate, spec.get("cells"))
            for key in ("locked", "expanded", "format"):
                if key in spec:
                    candidate[key] = spec[key]
            candidate["modifiedAt"] = now_iso()
            loc = {k: spec.get(k) for k in _LOCATION if spec.get(k) is not None}
            if loc:
                check_location(sheet, loc)
                if loc.get("parentId") == spec["id"] or loc.get("siblingId") == spec["id"]:
                    raise ApiFailure(400, 1062, "Invalid row location.")
        except ApiFailure as exc:
            if not partial:
                raise
            failed.append(failure(index, exc, spec))
            continue
        sheet.rows[position] = candidate
        record(sheet, candidate["id"], changed)
        if loc:
            end = subtree_end(sheet, position)
            block = sheet.rows[position:end]
            del sheet.rows[position:end]
            place(sheet, block, loc)
        updated.append(candidate)
    if updated:
        renumber(sheet)
        sheet.touch()
    return result([present_row(r, request) for r in updated], version=sheet.version, failed=failed)


async def delete_rows(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    ids = query_ids(request, "ids") or []
    if not ids:
        raise ApiFailure(400, 1009, "A required parameter is missing from your request: ids.")
    if len(ids) > MAX_ROWS_PER_REQUEST:
        raise ApiFailure(400, 1061, "Max count exceeded for field ids.")
    present = {r["id"] for r in sheet.rows}
    missing = [i for i in ids if i not in present]
    if missing and not query_bool(request, "ignoreRowsNotFound"):
        raise ApiFailure(404, 1006, f"Not Found: rows {missing[:5]}")
    doomed = set(ids) & present
    changed = True
    while changed:  # children go with their parents
        extra = {r["id"] for r in sheet.rows if r.get("parentId") in doomed} - doomed
        changed = bool(extra)
        doomed |= extra
    sheet.rows = [r for r in sheet.rows if r["id"] not in doomed]
    renumber(sheet)
    sheet.touch()
    return result([i for i in ids if i in doomed], version=sheet.version)


async def get_row(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    row = present_row(sheet.rows[sheet.row_index(int_id(request, "row_id"))], request)
    if "columns" in request.query.get("include", "").split(","):
        level = int(request.query.get("level", "1") or 1)
        row["columns"] = [present_column(c, level) for c in sheet.columns]
    return json_response(row)


ROUTES: tuple[Route, ...] = (
    ("POST", "/sheets/{sheet_id}/rows", serial(add_rows)),
    ("PUT", "/sheets/{sheet_id}/rows", serial(update_rows)),
    ("DELETE", "/sheets/{sheet_id}/rows", serial(delete_rows)),
    ("GET", "/sheets/{sheet_id}/rows/{row_id}", get_row),
)
