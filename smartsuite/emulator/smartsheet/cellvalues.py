"""Writing cells: validation (1036, 1037, 1038, 1041, 1042, 1130), display values, object
values of multi-contact / multi-picklist columns, formulas kept as text, and cell history.

Cells are stored in wire form. How they are shown depends on the request (``level``,
``include=objectValue``); :func:`present_cell` does that on the way out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .state import MAX_CELL_CHARS, ApiFailure, SheetState

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MULTI = {"MULTI_CONTACT_LIST": "MULTI_CONTACT", "MULTI_PICKLIST": "MULTI_PICKLIST"}
#: Numbers beyond these bounds are refused under strict parsing (errorCode 1148).
_MAX_NUMBER = 9007199254740992


def display(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _strict_check(column: dict[str, Any], value: Any) -> None:
    ctype = column.get("type", "TEXT_NUMBER")
    ok = True
    if ctype == "CHECKBOX":
        ok = isinstance(value, bool)
    elif ctype in ("DATE", "ABSTRACT_DATETIME"):
        ok = isinstance(value, str) and _is_date(value)
    elif ctype == "CONTACT_LIST":
        ok = isinstance(value, str) and bool(_EMAIL.match(value))
    elif ctype in _MULTI:
        raise ApiFailure(
            400,
            1131,
            f"cell.value for column {column['id']} was of the wrong object type. "
            f"Allowed types: {_MULTI[ctype]} (use objectValue).",
        )
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > _MAX_NUMBER:
        raise ApiFailure(
            400, 1148, f"Numeric cell values must be between -{_MAX_NUMBER} and {_MAX_NUMBER}."
        )
    if not ok:
        raise ApiFailure(
            400,
            1042,
            f"The value for cell in column {column['id']}, {value!r}, did not conform to the "
            f"strict requirements for type {ctype}.",
        )


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _object_value(column: dict[str, Any], obj: Any) -> tuple[Any, str]:
    """The stored ``(objectValue, value)`` for an object value, checked against the column."""
    if not isinstance(obj, dict) or not isinstance(obj.get("objectType"), str):
        if isinstance(obj, str | int | float | bool):
            return obj, str(obj)
        raise ApiFailure(400, 1008, "Unable to parse request: objectValue must be an object.")
    kind = obj["objectType"]
    expected = _MULTI.get(column.get("type", ""))
    if kind in ("MULTI_CONTACT", "MULTI_PICKLIST") and kind != expected:
        raise ApiFailure(
            400,
            1131,
            f"cell.objectValue for column {column['id']} was of the wrong object type. "
            f"Allowed types: {expected or column.get('type')}.",
        )
    values = obj.get("values")
    if kind == "MULTI_PICKLIST":
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ApiFailure(400, 1008, "Unable to parse request: values must be strings.")
        return {"objectType": kind, "values": list(values)}, ", ".join(values)
    if kind == "MULTI_CONTACT":
        contacts = []
        for item in values if isinstance(values, list) else [None]:
            email = item.get("email") if isinstance(item, dict) else None
            if not isinstance(item, dict) or not isinstance(email, str) or not _EMAIL.match(email):
                raise ApiFailure(400, 1156, "Invalid email.")
            contacts.append({"objectType": "CONTACT", "email": email, "name": item.get("name")})
        shown = ", ".join(str(c["name"] or c["email"]) for c in contacts)
        return {"objectType": kind, "values": contacts}, shown
    if kind == "PREDECESSOR_LIST":
        preds = obj.get("predecessors")
        if not isinstance(preds, list) or not all(isinstance(p, dict) for p in preds):
            raise ApiFailure(400, 1008, "Unable to parse request: predecessors must be objects.")
        shown = ", ".join(
            f"{p.get('rowNumber', p.get('rowId'))}{p.get('type', 'FS')}" for p in preds
        )
        return {"objectType": kind, "predecessors": [dict(p) for p in preds]}, shown
    return dict(obj), str(obj.get("value", ""))


def apply_cells(sheet: SheetState, row: dict[str, Any], cells: Any) -> list[dict[str, Any]]:
    """Write ``cells`` (request form) into ``row`` (a candidate copy).

    Returns:
        The cells that changed; the caller records them with :func:`record` once the write
        commits.

    Raises:
        ApiFailure: the first invalid cell; the row is left for the caller to discard.
    """
    if cells is None:
        return []
    if not isinstance(cells, list):
        raise ApiFailure(400, 1008, "Unable to parse request: cells must be an array.")
    seen: set[int] = set()
    by_column = {c["columnId"]: c for c in row["cells"]}
    changed: list[dict[str, Any]] = []
    for cell in cells:
        if not isinstance(cell, dict) or not isinstance(cell.get("columnId"), int):
            raise ApiFailure(400, 1012, "A required object attribute is missing: cell.columnId")
        column_id = cell["columnId"]
        column = sheet.column(column_id)
        if column_id in seen:
            raise ApiFailure(
                400, 1037, f"The columnId {column_id} is included more than once in a single row."
            )
        seen.add(column_id)
        stored = build_cell(column, cell, by_column.get(column_id))
        if stored != by_column.get(column_id):
            by_column[column_id] = stored
            changed.append(stored)
    order = sheet.column_order()
    row["cells"] = sorted(by_column.values(), key=lambda c: order.get(c["columnId"], 0))
    return changed


def record(sheet: SheetState, row_id: int, changed: list[dict[str, Any]]) -> None:
    """Add committed cell changes to the cell history."""
    for stored in changed:
        sheet.record_history(row_id, stored)


#: Attributes a request cell must carry at least one of (a bare ``{"columnId": ...}`` says
#: nothing to write: Smartsheet answers 1012 for a missing ``cell.value``).
_CONTENT = ("value", "objectValue", "formula", "hyperlink", "linkInFromCell", "image")
#: Attributes that stay on a cell until a request sets them to null: Smartsheet removes a
#: hyperlink or a cell link only when the request sends ``null`` for it (seed 001, "Cell Links"
#: and "Hyperlinks"; the official SDK sends ``ExplicitNull()`` for exactly this).
_KEPT_UNTIL_NULL = ("hyperlink", "linkInFromCell")


def build_cell(
    column: dict[str, Any], cell: dict[str, Any], previous: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The stored form of one request cell in ``column`` (``previous``: the stored cell it
    replaces, whose hyperlink and cell link survive unless the request nulls them)."""
    column_id = column["id"]
    if not any(key in cell for key in _CONTENT):
        raise ApiFailure(
            400, 1012, "Required object attribute(s) are missing from your request: cell.value."
        )
    if column.get("systemColumnType"):
        raise ApiFailure(
            400,
            1046,
            "Cells containing system values cannot be inserted or updated through the API, "
            f"columnId : {column_id}.",
        )
    value = cell.get("value")
    formula = cell.get("formula")
    obj = cell.get("objectValue")
    if value is not None and obj is not None:
        raise ApiFailure(400, 1130, "One of cell.value or objectValue may be set, but not both.")
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
        if not isinstance(formula, str) or not formula.startswith("="):
            raise ApiFailure(
                400, 1031, f"The value {formula} was not valid for the attribute formula."
            )
        stored["formula"] = formula  # kept as text, not evaluated
    elif obj is not None:
        stored["objectValue"], shown = _object_value(column, obj)
        stored["value"] = stored["displayValue"] = shown
    elif value is not None and value != "":
        if cell.get("strict", True):
            _strict_check(column, value)
        stored["value"] = value
        text = display(value)
        if text is not None:
            stored["displayValue"] = cell.get("displayValue") or text
    for key in ("hyperlink", "format", "image"):
        if cell.get(key) is not None:
            stored[key] = cell[key]
    _links(cell, previous or {}, stored)
    return stored


def _links(cell: dict[str, Any], previous: dict[str, Any], stored: dict[str, Any]) -> None:
    for key in _KEPT_UNTIL_NULL:
        if key in cell:
            if cell[key] is not None and not isinstance(cell[key], dict):
                raise ApiFailure(
                    400, 1008, f"Unable to parse request: cell.{key} must be an object."
                )
            if cell[key] is not None:
                stored[key] = cell[key]
        elif key in previous:
            stored[key] = previous[key]
    link = stored.get("linkInFromCell")
    if link is not None:
        if "hyperlink" in stored:
            raise ApiFailure(
                400, 1109, "Only one of cell.hyperlink or cell.linkInFromCell may be non-null."
            )
        if "linkInFromCell" in cell and cell.get("value") is not None:
            raise ApiFailure(
                400, 1110, "cell.value must be null if cell.linkInFromCell is non-null."
            )
        stored["linkInFromCell"] = {**link, "status": link.get("status", "OK")}


def present_cell(cell: dict[str, Any], object_values: bool) -> dict[str, Any]:
    """A stored cell as a response shows it (objectValue only with include=objectValue)."""
    if not object_values and "objectValue" in cell:
        return {k: v for k, v in cell.items() if k != "objectValue"}
    return cell


def present_column(column: dict[str, Any], level: int) -> dict[str, Any]:
    """A column as a response at ``level`` shows it: multi-value types need level 2."""
    if level < 2 and column.get("type") in _MULTI:
        return {**column, "type": "TEXT_NUMBER"}
    return column
