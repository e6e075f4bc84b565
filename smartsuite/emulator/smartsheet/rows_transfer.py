"""Emulated row routes beyond add/update/delete: copy and move to another sheet, sort, and
send rows by email."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, int_id, query_bool, result
from .rows import renumber, serial, subtree_end
from .sheets import sheet_body
from .state import MAX_CELLS_PER_SHEET, ApiFailure, SheetState

if TYPE_CHECKING:
    from .service import SmartsheetService


def _directive(body: Any) -> tuple[list[int], int]:
    if not isinstance(body, dict) or not isinstance(body.get("rowIds"), list):
        raise ApiFailure(400, 1012, "A required object attribute is missing: rowIds")
    to = body.get("to")
    if not isinstance(to, dict) or not isinstance(to.get("sheetId"), int):
        raise ApiFailure(400, 1012, "A required object attribute is missing: to.sheetId")
    ids = body["rowIds"]
    if not ids or not all(isinstance(i, int) for i in ids):
        raise ApiFailure(400, 1012, "A required object attribute is missing: rowIds")
    if len(set(ids)) != len(ids):
        raise ApiFailure(
            400, 1137, "Input collection contains multiple instances of the same element."
        )
    return ids, to["sheetId"]


def _sort_key(column_id: int) -> Any:
    def key(row: dict[str, Any]) -> tuple[int, Any]:
        for cell in row["cells"]:
            if cell["columnId"] == column_id and cell.get("value") is not None:
                value = cell["value"]
                # numbers before text, blanks last, as in the app
                return (0, value) if isinstance(value, int | float) else (1, str(value).lower())
        return (2, "")

    return key


def sort_rows(sheet: SheetState, criteria: list[dict[str, Any]]) -> None:
    """Sort siblings under each parent, keeping children under their parents."""
    children: dict[int | None, list[dict[str, Any]]] = {}
    for row in sheet.rows:
        children.setdefault(row.get("parentId"), []).append(row)
    for group in children.values():
        for crit in reversed(criteria):  # stable sorts, least significant first
            group.sort(key=_sort_key(crit["columnId"]), reverse=crit["direction"] == "DESCENDING")
    ordered: list[dict[str, Any]] = []

    def walk(parent: int | None) -> None:
        for row in children.get(parent, []):
            ordered.append(row)
            walk(row["id"])

    walk(None)
    sheet.rows = ordered


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    def transfer(request: web.Request, body: Any, remove: bool) -> dict[str, Any]:
        source = state.sheet(int_id(request, "sheet_id"))
        ids, target_id = _directive(body)
        if target_id == source.id:
            raise ApiFailure(400, 1136, "Cannot copy or move row(s) within the same sheet.")
        target = state.sheet(target_id)
        ignore = query_bool(request, "ignoreRowsNotFound")
        include = set(request.query.get("include", "").split(","))
        with_children = remove or bool(include & {"children", "all"})
        picked: list[int] = []
        for row_id in ids:
            if not source.has_row(row_id):
                if ignore:
                    continue
                raise ApiFailure(404, 1006, f"Not Found: row {row_id}")
            start = source.row_index(row_id)
            end = subtree_end(source, start) if with_children else start + 1
            picked.extend(range(start, end))
        positions = sorted(set(picked))
        if (len(target.rows) + len(positions)) * len(target.columns) > MAX_CELLS_PER_SHEET:
            raise ApiFailure(400, 1061, "Max count exceeded for field cells.")
        by_title = {c["title"]: c["id"] for c in target.columns}
        titles = {c["id"]: c["title"] for c in source.columns}
        mappings, new_ids = [], {}
        for pos in positions:
            row = source.rows[pos]
            new_ids[row["id"]] = state.next_id()
            cells = [
                {**copy.deepcopy(c), "columnId": by_title[titles[c["columnId"]]]}
                for c in row["cells"]
                if titles.get(c["columnId"]) in by_title
            ]
            new_row = {**copy.deepcopy(row), "id": new_ids[row["id"]], "sheetId": target.id}
            new_row["cells"] = cells
            parent = row.get("parentId")
            if parent in new_ids:
                new_row["parentId"] = new_ids[parent]
            else:
                new_row.pop("parentId", None)
            target.rows.append(new_row)
            for cell in cells:
                target.record_history(new_row["id"], cell)
            mappings.append({"from": row["id"], "to": new_row["id"]})
        if remove:
            moved = {source.rows[p]["id"] for p in positions}
            source.rows = [r for r in source.rows if r["id"] not in moved]
            renumber(source)
            source.touch()
        renumber(target)
        target.touch()
        return {"destinationSheetId": target.id, "rowMappings": mappings}

    async def copy_rows(request: web.Request) -> web.Response:
        return json_response(transfer(request, await body_json(request), remove=False))

    async def move_rows(request: web.Request) -> web.Response:
        return json_response(transfer(request, await body_json(request), remove=True))

    async def sort(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        body = await body_json(request)
        criteria = body.get("sortCriteria") if isinstance(body, dict) else None
        if not isinstance(criteria, list) or not criteria:
            raise ApiFailure(400, 1012, "A required object attribute is missing: sortCriteria")
        for crit in criteria:
            if not isinstance(crit, dict) or not isinstance(crit.get("columnId"), int):
                raise ApiFailure(400, 1012, "A required object attribute is missing: columnId")
            sheet.column(crit["columnId"])
            crit.setdefault("direction", "ASCENDING")
            if crit["direction"] not in ("ASCENDING", "DESCENDING"):
                raise ApiFailure(400, 1031, "The value was not valid for the attribute direction.")
        sort_rows(sheet, criteria)
        renumber(sheet)
        sheet.touch()
        return json_response(sheet_body(sheet, request))

    async def send_rows(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        body = await body_json(request)
        if not isinstance(body, dict) or not body.get("sendTo"):
            raise ApiFailure(400, 1012, "A required object attribute is missing: sendTo")
        ids = body.get("rowIds")
        if not isinstance(ids, list) or not ids:
            raise ApiFailure(400, 1012, "A required object attribute is missing: rowIds")
        for row_id in ids:
            sheet.row_index(row_id)
        for column_id in body.get("columnIds") or ():
            sheet.column(column_id)
        state.sent_emails.append({"kind": "rows", "sheetId": sheet.id, **body})
        return result(None)

    r = app.router
    r.add_post("/sheets/{sheet_id}/rows/copy", handler(service, copy_rows))
    r.add_post("/sheets/{sheet_id}/rows/move", handler(service, serial(move_rows)))
    r.add_post("/sheets/{sheet_id}/sort", handler(service, serial(sort)))
    r.add_post("/sheets/{sheet_id}/rows/emails", handler(service, send_rows))
