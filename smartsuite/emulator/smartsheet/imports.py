"""Emulated sheet imports from CSV or XLSX (``/sheets/import`` and the folder and workspace
variants): the file becomes a new sheet of TEXT_NUMBER columns."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from aiohttp import web

from ._http import handler, int_id, result
from .state import MAX_CELL_CHARS, MAX_CELLS_PER_SHEET, ApiFailure, SheetState, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService

CSV_TYPES = {"text/csv", "application/csv", "text/plain"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiFailure(400, 1008, "Unable to parse request: the CSV is not UTF-8.") from None
    return [row for row in csv.reader(io.StringIO(text)) if any(v.strip() for v in row)]


def _column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number - 1


def _xlsx_rows(data: bytes) -> list[list[str]]:
    """The first worksheet's values (shared and inline strings, numbers), as text.

    The emulator is a loopback test peer parsing its caller's own upload, and the stdlib
    expat parser refuses entity-expansion bombs, so plain ElementTree is acceptable here."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = book.namelist()
            shared: list[str] = []
            if "xl/sharedStrings.xml" in names:
                root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))  # noqa: S314
                for item in root.findall("m:si", _NS):
                    shared.append("".join(t.text or "" for t in item.iter(f"{{{_NS['m']}}}t")))
            sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))  # noqa: S314
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise ApiFailure(400, 1008, "Unable to parse request: not an XLSX workbook.") from None
    rows: list[list[str]] = []
    for row in sheet.iter(f"{{{_NS['m']}}}row"):
        values: dict[int, str] = {}
        for cell in row.findall("m:c", _NS):
            match = _CELL_REF.match(cell.get("r", ""))
            index = _column_number(match.group(1)) if match else len(values)
            kind = cell.get("t")
            if kind == "inlineStr":
                text = "".join(t.text or "" for t in cell.iter(f"{{{_NS['m']}}}t"))
            else:
                raw = cell.findtext("m:v", default="", namespaces=_NS)
                text = shared[int(raw)] if kind == "s" and raw.isdigit() else raw
            values[index] = text
        if values:
            rows.append([values.get(i, "") for i in range(max(values) + 1)])
    return rows


def _value(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    def build(request: web.Request, data: bytes) -> SheetState:
        name = request.query.get("sheetName")
        if not name:
            raise ApiFailure(
                400, 1009, "A required parameter is missing from your request: sheetName."
            )
        if not name.isascii():
            raise ApiFailure(400, 1008, "Unable to parse request: sheetName must be ASCII.")
        ctype = request.content_type
        if ctype == XLSX_TYPE:
            table = _xlsx_rows(data)
        elif ctype in CSV_TYPES:
            table = _csv_rows(data)
        else:
            raise ApiFailure(
                415,
                1074,
                f"You are trying to upload a file of {ctype}, but the API currently only "
                "supports CSV or XLSX.",
            )
        try:
            header = (
                int(request.query["headerRowIndex"]) if "headerRowIndex" in request.query else None
            )
            primary = int(request.query.get("primaryColumnIndex", "0"))
        except ValueError:
            raise ApiFailure(400, 1018, "The value was not valid for headerRowIndex.") from None
        width = max((len(r) for r in table), default=1)
        titles = [f"Column{i + 1}" for i in range(width)]
        if header is not None:
            if not 0 <= header < len(table):
                raise ApiFailure(400, 1018, f"The value {header} was not valid for headerRowIndex.")
            for i, title in enumerate(table[header]):
                if title.strip():
                    titles[i] = title.strip()
            table = table[header + 1 :]
        if not 0 <= primary < width:
            raise ApiFailure(
                400, 1018, f"The value {primary} was not valid for primaryColumnIndex."
            )
        if len(table) * width > MAX_CELLS_PER_SHEET:
            raise ApiFailure(
                400, 1061, f"Max count exceeded: a sheet holds at most {MAX_CELLS_PER_SHEET} cells."
            )
        columns = []
        for i, title in enumerate(titles):
            column: dict[str, Any] = {
                "id": state.next_id(),
                "index": i,
                "title": title,
                "type": "TEXT_NUMBER",
                "version": 0,
                "width": 150,
            }
            if i == primary:
                column["primary"] = True
            columns.append(column)
        sheet = SheetState(state.next_id(), name, columns)
        stamp = now_iso()
        for number, values in enumerate(table, start=1):
            cells = []
            for column, text in zip(columns, values, strict=False):
                if text == "":
                    continue
                text = text[:MAX_CELL_CHARS]
                value = _value(text)
                cells.append({"columnId": column["id"], "value": value, "displayValue": text})
            sheet.rows.append(
                {
                    "id": state.next_id(),
                    "sheetId": sheet.id,
                    "rowNumber": number,
                    "cells": cells,
                    "createdAt": stamp,
                    "modifiedAt": stamp,
                    "expanded": True,
                }
            )
        state.sheets[sheet.id] = sheet
        return sheet

    def answer(sheet: SheetState) -> web.Response:
        summary = sheet.summary()
        keep = ("id", "name", "accessLevel", "permalink")
        return result({k: summary[k] for k in keep})

    async def into_sheets(request: web.Request) -> web.Response:
        return answer(build(request, await request.read()))

    async def into_folder(request: web.Request) -> web.Response:
        place = state.account.containers.check_place(("folder", int_id(request, "folder_id")))
        sheet = build(request, await request.read())
        state.account.containers.file_sheet(sheet, place)
        return answer(sheet)

    async def into_workspace(request: web.Request) -> web.Response:
        place = state.account.containers.check_place(("workspace", int_id(request, "workspace_id")))
        sheet = build(request, await request.read())
        state.account.containers.file_sheet(sheet, place)
        return answer(sheet)

    app.router.add_post("/sheets/import", handler(service, into_sheets))
    app.router.add_post("/folders/{folder_id}/sheets/import", handler(service, into_folder))
    app.router.add_post(
        "/workspaces/{workspace_id}/sheets/import", handler(service, into_workspace)
    )
