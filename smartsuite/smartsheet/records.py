"""Rows from plain dicts keyed by column title, and builders for complex cell values.

Smartsheet addresses cells by column id; users think in column titles. :class:`RecordEncoder`
turns ``{"Name": "Ada", "Tags": ["a", "b"]}`` into a :class:`Row` with the right ``columnId``s,
and Python lists into the ``objectValue`` that multi-contact and multi-picklist columns need
(https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/cell-values).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._core.errors import ConfigurationError
from .._core.model import UNSET
from .models.sheets import Cell, Column, Row

#: Row attributes a record may carry next to its cells (both spellings accepted).
_ROW_FIELDS = {
    "id": "id",
    "parent_id": "parent_id",
    "parentId": "parent_id",
    "sibling_id": "sibling_id",
    "siblingId": "sibling_id",
    "to_top": "to_top",
    "toTop": "to_top",
    "to_bottom": "to_bottom",
    "toBottom": "to_bottom",
    "above": "above",
    "expanded": "expanded",
    "locked": "locked",
    "format": "format",
    "indent": "indent",
    "outdent": "outdent",
}
_LOCATIONS = ("to_top", "to_bottom", "parent_id", "sibling_id", "above")


def contact(email: str, name: str | None = None) -> dict[str, Any]:
    """A CONTACT object value (for contact and multi-contact cells)."""
    if not isinstance(email, str) or "@" not in email:
        raise ConfigurationError(f"a contact needs an email address, got {email!r}")
    out: dict[str, Any] = {"objectType": "CONTACT", "email": email}
    if name is not None:
        out["name"] = name
    return out


def multi_contact(contacts: Iterable[str | Mapping[str, Any]]) -> dict[str, Any]:
    """The ``objectValue`` of a MULTI_CONTACT_LIST cell.

    Args:
        contacts: email addresses, or dicts with ``email`` and optional ``name``.
    """
    values = []
    for item in contacts:
        if isinstance(item, str):
            values.append(contact(item))
        elif isinstance(item, Mapping):
            values.append(contact(item.get("email"), item.get("name")))  # type: ignore[arg-type]
        else:
            raise ConfigurationError(f"a contact must be an email or a dict, got {item!r}")
    return {"objectType": "MULTI_CONTACT", "values": values}


def multi_picklist(options: Iterable[str]) -> dict[str, Any]:
    """The ``objectValue`` of a MULTI_PICKLIST cell, from the chosen options."""
    values = [str(o) for o in options]
    return {"objectType": "MULTI_PICKLIST", "values": values}


class RecordEncoder:
    """Builds write rows from dicts keyed by the titles of ``columns``.

    Args:
        columns: the sheet's columns (fetched with ``level=2`` so multi-value types show).
        strict: the ``strict`` flag put on plain values (None leaves the server default).
    """

    def __init__(self, columns: Iterable[Column], *, strict: bool | None = None) -> None:
        self._columns = {c.title: c for c in columns if c.title is not None}
        self._strict = strict

    def row(self, record: Mapping[str, Any], **location: Any) -> Row:
        """One :class:`Row` from ``record``.

        Values may be plain (str, number, bool, date), a :class:`Cell` (for formulas,
        hyperlinks ...), an object value dict (``{"objectType": ...}``), or a list for
        multi-contact / multi-picklist columns. ``None`` leaves the cell (or row key) out;
        send ``""`` to clear a cell, or ``Cell(value=None)`` to send an explicit null.

        Args:
            record: column title -> value, plus optional row keys (``id``, ``parent_id`` ...).
            **location: ``to_top``, ``to_bottom``, ``parent_id``, ``sibling_id``, ``above``.

        Raises:
            ConfigurationError: an unknown title or a value the column cannot take.
        """
        row = Row()
        cells: list[Cell] = []
        for key, value in record.items():
            column = self._columns.get(key)
            if column is None:
                field = _ROW_FIELDS.get(key)
                if field is None:
                    known = ", ".join(repr(t) for t in self._columns)
                    raise ConfigurationError(f"no column titled {key!r} (columns: {known})")
                if value is not None:
                    setattr(row, field, value)
                continue
            if value is None:
                continue
            cells.append(self.cell(column, value))
        for name, value in location.items():
            if name not in _LOCATIONS:
                raise ConfigurationError(f"unknown row location {name!r}; use one of {_LOCATIONS}")
            if value is not None and getattr(row, name) is UNSET:
                setattr(row, name, value)
        row.cells = cells
        return row

    def cell(self, column: Column, value: Any) -> Cell:
        """The :class:`Cell` for ``value`` in ``column``."""
        if isinstance(value, Cell):
            return attrs.evolve(value, column_id=column.id)
        if isinstance(value, Mapping) and "objectType" in value:
            return Cell(column_id=column.id, object_value=dict(value))
        if isinstance(value, list | tuple | set | frozenset):
            if column.type == "MULTI_PICKLIST":
                return Cell(column_id=column.id, object_value=multi_picklist(value))
            if column.type == "MULTI_CONTACT_LIST":
                return Cell(column_id=column.id, object_value=multi_contact(value))
            raise ConfigurationError(
                f"column {column.title!r} is {column.type}; only MULTI_PICKLIST and "
                "MULTI_CONTACT_LIST columns take a list"
            )
        if isinstance(value, dt.date):  # datetime is a date too
            value = value.isoformat()
        elif not isinstance(value, str | int | float | bool):
            raise ConfigurationError(
                f"column {column.title!r}: cannot send a {type(value).__name__} as a cell value"
            )
        if self._strict is None:
            return Cell(column_id=column.id, value=value)
        return Cell(column_id=column.id, value=value, strict=self._strict)


def row_from_record(
    record: Mapping[str, Any],
    columns: Iterable[Column],
    *,
    strict: bool | None = None,
    **location: Any,
) -> Row:
    """A write :class:`Row` from a dict keyed by column title (see :class:`RecordEncoder`)."""
    return RecordEncoder(columns, strict=strict).row(record, **location)
