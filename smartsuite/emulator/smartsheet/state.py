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
MAX_COLUMNS_PER_SHEET = 400

#: The account's own user: owner of every sheet, author of every change.
CURRENT_USER: dict[str, Any] = {
    "id": 4_000_000_000_001,
    "name": "Emulator User",
    "email": "owner@emulator.example",
}


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
    #: Where the sheet lives: None (the user's Sheets), ("folder", id) or ("workspace", id).
    container: tuple[str, int] | None = None
    shares: list[dict[str, Any]] = attrs.field(factory=list)
    summary_fields: list[dict[str, Any]] = attrs.field(factory=list)
    cross_sheet_references: list[dict[str, Any]] = attrs.field(factory=list)
    publish: dict[str, Any] = attrs.field(factory=dict)
    #: (row id, column id) -> the cell's past states, newest first.
    history: dict[tuple[int, int], list[dict[str, Any]]] = attrs.field(factory=dict)
    _positions: dict[int, int] = attrs.field(factory=dict, init=False, repr=False)

    def touch(self) -> None:
        """Record a change: a new version and modification time."""
        self.version += 1
        self.modified_at = now_iso()

    def record_history(self, row_id: int, cell: dict[str, Any]) -> None:
        """Remember a cell's new state (cell history lists every change, newest first)."""
        entry = {k: v for k, v in cell.items() if k not in ("conditionalFormat",)}
        entry["modifiedAt"] = now_iso()
        entry["modifiedBy"] = {"name": CURRENT_USER["name"], "email": CURRENT_USER["email"]}
        self.history.setdefault((row_id, cell["columnId"]), []).insert(0, entry)

    def column(self, column_id: int) -> dict[str, Any]:
        for col in self.columns:
            if col["id"] == column_id:
                return col
        raise ApiFailure(400, 1036, f"The columnId {column_id} is invalid.")

    def column_order(self) -> dict[int, int]:
        """Column id -> position."""
        return {c["id"]: i for i, c in enumerate(self.columns)}

    def row_index(self, row_id: int) -> int:
        """The position of row ``row_id``; the id -> position cache checks itself, so
        callers may reorder ``rows`` freely."""
        for attempt in range(2):
            pos = self._positions.get(row_id)
            if pos is not None and pos < len(self.rows) and self.rows[pos]["id"] == row_id:
                return pos
            if attempt == 0:
                self._positions = {row["id"]: i for i, row in enumerate(self.rows)}
        raise ApiFailure(404, 1006, f"Row not found: {row_id}")

    def has_row(self, row_id: int) -> bool:
        try:
            self.row_index(row_id)
        except ApiFailure:
            return False
        return True

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "accessLevel": "OWNER",
            "permalink": f"https://app.smartsheet.com/sheets/{self.id}",
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
            "version": self.version,
            "owner": CURRENT_USER["email"],
            "ownerId": CURRENT_USER["id"],
        }


class SmartsheetState:
    """Every object the emulated account holds."""

    def __init__(self) -> None:
        self._ids = itertools.count(1_000_000_000_001, 7919)
        self.sheets: dict[int, SheetState] = {}
        from .collab_state import CollabState  # late: collab_state imports this module

        self.collab = CollabState(self.next_id)
        from .account_state import AccountState  # late: it imports this module

        self.account = AccountState(self)
        from .integrations_state import IntegrationsState  # late: it imports this module

        self.integrations = IntegrationsState(self)
        #: Uploaded cell / summary images: image id -> {"data", "width", "height", ...}.
        self.images: dict[str, dict[str, Any]] = {}
        #: Emails the API was asked to send (sheet and row emails), for tests to inspect.
        self.sent_emails: list[dict[str, Any]] = []

    def next_id(self) -> int:
        return next(self._ids)

    def sheet(self, sheet_id: int) -> SheetState:
        try:
            return self.sheets[sheet_id]
        except KeyError:
            raise ApiFailure(404, 1006, "Not Found") from None
