"""In-memory AppSheet data: apps, tables with a key column, typed rows and data-change actions.

Define tables from a test::

    emu.appsheet.state.create_table(
        "Orders", key="Order ID", columns={"Order ID": "Text", "Qty": "Number", "Due": "Date"},
        generated_key=True,
    )
    emu.appsheet.state.add_action("Orders", "Close", set_column="Status", value="Closed")

Every app starts with a small ``People`` table (key ``ID``, generated when an Add leaves it out).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from . import coerce

#: The table every app starts with.
PEOPLE_COLUMNS: dict[str, str] = {
    "ID": "Text",
    "Name": "Name",
    "Email": "Email",
    "Age": "Number",
    "Active": "Yes/No",
    "Joined": "Date",
    "Score": "Decimal",
    "Tags": "EnumList",
}


class ApiFailure(Exception):
    """An error answer: HTTP status and AppSheet's message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@attrs.define
class DataAction:
    """A data-change action: sets ``column`` to ``value`` on each row it runs on."""

    name: str
    column: str
    value: Any


@attrs.define
class EmuTable:
    """One table. Rows are stored typed (dates as ``date``, Yes/No as ``bool``) by key text.

    Attributes:
        name: the table name.
        key: the key column.
        columns: column name -> AppSheet type (``Text``, ``Number``, ``Date``, ``Yes/No`` ...).
        generated_key: an Add may leave the key out (its Initial value is ``UNIQUEID()``).
        virtual: virtual columns: name -> function of the typed row.
        actions: data-change actions by name.
    """

    name: str
    key: str
    columns: dict[str, str]
    generated_key: bool = False
    virtual: dict[str, Callable[[Mapping[str, Any]], Any]] = attrs.field(factory=dict)
    actions: dict[str, DataAction] = attrs.field(factory=dict)
    rows: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    row_numbers: dict[str, int] = attrs.field(factory=dict)
    next_row_number: int = 2  # row 1 of the sheet behind a table holds the headers

    def check_column(self, name: str) -> None:
        from .expressions import SelectorError

        if name not in self.columns and name not in self.virtual and name != "_RowNumber":
            raise SelectorError(f"column '{name}' not found in table '{self.name}'")

    def key_text(self, value: Any) -> str:
        """The canonical text of a typed key value (how rows are indexed)."""
        return coerce.render(self.columns[self.key], value, "MDY")

    def typed_rows(self) -> Iterator[tuple[Any, dict[str, Any]]]:
        """(key value, row with virtual columns and ``_RowNumber``) in table order."""
        for text in list(self.rows):
            row = self.typed_row(text)
            if row is not None:
                yield row[self.key], row

    def typed_row(self, key: Any) -> dict[str, Any] | None:
        """One row by key value, with virtual columns and ``_RowNumber``; None if absent."""
        text = self.key_text(key)
        stored = self.rows.get(text)
        if stored is None:
            return None
        row = dict(stored)
        for name, fn in self.virtual.items():
            row[name] = fn(stored)
        row["_RowNumber"] = self.row_numbers[text]
        return row

    def insert(self, values: Mapping[str, Any]) -> str:
        """Store a typed row (the key must be set); returns its key text."""
        text = self.key_text(values[self.key])
        self.rows[text] = {c: values.get(c) for c in self.columns}
        self.row_numbers[text] = self.next_row_number
        self.next_row_number += 1
        return text

    def new_key(self) -> Any:
        """A fresh key, like ``UNIQUEID()`` (eight hex digits; a number for Number keys)."""
        for attempt in range(100):
            if self.columns[self.key] == "Number":
                candidate: Any = len(self.rows) + 1 + attempt
            else:
                candidate = secrets.token_hex(4)
            if self.key_text(candidate) not in self.rows:
                return candidate
        raise ApiFailure(500, "could not generate a unique key")


@attrs.define
class AppData:
    """One app: its tables and whether its API is enabled."""

    tables: dict[str, EmuTable] = attrs.field(factory=dict)
    api_enabled: bool = True


class AppSheetState:
    """Every emulated app.

    Args:
        app_ids: the apps; the first is the default for :meth:`create_table` and friends.
    """

    def __init__(self, app_ids: Iterable[str]) -> None:
        self.apps: dict[str, AppData] = {app: AppData() for app in app_ids}
        self.default_app = next(iter(self.apps), "")
        for app in self.apps:
            self.create_table(
                "People", key="ID", columns=PEOPLE_COLUMNS, generated_key=True, app_id=app
            )

    @property
    def app_ids(self) -> set[str]:
        return set(self.apps)

    def app(self, app_id: str | None = None) -> AppData:
        """An app's data (the default app when None)."""
        return self.apps[app_id or self.default_app]

    def create_table(
        self,
        name: str,
        *,
        key: str,
        columns: Mapping[str, str],
        generated_key: bool = False,
        virtual: Mapping[str, Callable[[Mapping[str, Any]], Any]] | None = None,
        rows: Iterable[Mapping[str, Any]] = (),
        app_id: str | None = None,
    ) -> EmuTable:
        """Create (or replace) a table.

        Args:
            name: the table name.
            key: the key column (one of ``columns``).
            columns: column name -> type (see ``coerce.COLUMN_TYPES``).
            generated_key: Add may leave the key out; the emulator makes one up.
            virtual: virtual columns computed from the stored row.
            rows: initial rows, values as a client would send them in en-US.
            app_id: the app (default: the first).

        Raises:
            ValueError: an unknown column type or a key that is not a column.
        """
        unknown = {t for t in columns.values() if t not in coerce.COLUMN_TYPES}
        if unknown:
            raise ValueError(
                f"unknown column types {sorted(unknown)}; use {sorted(coerce.COLUMN_TYPES)}"
            )
        if key not in columns:
            raise ValueError(f"the key {key!r} is not one of the columns")
        table = EmuTable(name, key, dict(columns), generated_key, dict(virtual or {}))
        self.app(app_id).tables[name] = table
        for row in rows:
            values = {
                c: coerce.parse(columns[c], v, c, "MDY") for c, v in row.items() if c in columns
            }
            if values.get(key) is None:
                values[key] = table.new_key()
            table.insert(values)
        return table

    def table(self, name: str, app_id: str | None = None) -> EmuTable:
        """A table by name (KeyError when absent)."""
        return self.app(app_id).tables[name]

    def add_action(
        self, table: str, name: str, *, set_column: str, value: Any, app_id: str | None = None
    ) -> DataAction:
        """Define a data-change action that sets ``set_column`` to ``value`` (en-US text or a
        Python value) on each row it is invoked on."""
        emu_table = self.table(table, app_id)
        if set_column not in emu_table.columns:
            raise ValueError(f"column {set_column!r} is not in table {table!r}")
        typed = value
        if isinstance(value, str | int | float):
            typed = coerce.parse(emu_table.columns[set_column], value, set_column, "MDY")
        action = DataAction(name, set_column, typed)
        emu_table.actions[name] = action
        return action


__all__ = ["PEOPLE_COLUMNS", "ApiFailure", "AppData", "AppSheetState", "DataAction", "EmuTable"]
