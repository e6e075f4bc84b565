"""In-memory Smartsheet data, stored in wire form (camelCase dicts)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import attrs

#: Documented limits (https://developers.smartsheet.com/api/smartsheet/guides/basics/limits).
MAX_ROWS_PER_REQUEST = 500
MAX_CELL_CHARS = 4000
MAX_CELLS_PER_SHEET = 500_000


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class ApiFailure(Exception):
    """Raised by state operations; the route turns it into an error response."""

    def __init__(self, status: int, code: int, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


@attrs.define
class SheetState:
    id: int
    name: str
    columns: list[dict[str, Any]]
    rows: list[dict[str, Any]] = attrs.field(factory=list)
    version: int = 1
    created_at: str = attrs.field(factory=now_iso)
    modified_at: str = attrs.field(factory=now_iso)
    extra: dict[str, Any] = attrs.field(factory=dict)

    def column(self, column_id: int) -> dict[str, Any]:
        for col in self.columns:
            if col["id"] == column_id:
                return col
        raise ApiFailure(400, 1036, f"The columnId {column_id} is invalid.")

    def row_index(self, row_id: int) -> int:
        for i, row in enumerate(self.rows):
            if row["id"] == row_id:
                return i
        raise ApiFailure(404, 1006, f"Row not found: {row_id}")

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "accessLevel": "OWNER",
            "permalink": f"https://app.smartsheet.com/sheets/{self.id}",
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
            "version": self.version,
        }


class SmartsheetState:
    """Every object the emulated account holds."""

    def __init__(self) -> None:
        self._ids = itertools.count(1_000_000_000_001, 7919)
        self.sheets: dict[int, SheetState] = {}
        from .collab_state import CollabState  # late: collab_state imports this module

        self.collab = CollabState(self.next_id)

    def next_id(self) -> int:
        return next(self._ids)

    def sheet(self, sheet_id: int) -> SheetState:
        try:
            return self.sheets[sheet_id]
        except KeyError:
            raise ApiFailure(404, 1006, "Not Found") from None
