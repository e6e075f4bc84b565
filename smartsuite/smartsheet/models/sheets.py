"""Sheets, columns, rows and cells."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs

from ..._core.errors import ConfigurationError


@attrs.define
class Cell:
    """One cell. ``value`` is what the cell holds; ``display_value`` is what users see."""

    column_id: int | None = None
    value: Any = None
    display_value: str | None = None
    formula: str | None = None
    hyperlink: dict[str, Any] | None = None
    link_in_from_cell: dict[str, Any] | None = None
    links_out_to_cells: list[dict[str, Any]] | None = None
    object_value: Any = None
    format: str | None = None
    conditional_format: str | None = None
    strict: bool | None = None
    override_validation: bool | None = None
    column_type: str | None = None
    image: dict[str, Any] | None = None


@attrs.define
class Column:
    """A column. ``type`` is a string so values we do not know yet still decode
    (TEXT_NUMBER, DATE, DATETIME, CONTACT_LIST, CHECKBOX, PICKLIST, DURATION, PREDECESSOR,
    ABSTRACT_DATETIME, MULTI_CONTACT_LIST, MULTI_PICKLIST)."""

    id: int | None = None
    title: str | None = None
    type: str | None = None
    index: int | None = None
    primary: bool | None = None
    options: list[str] | None = None
    symbol: str | None = None
    system_column_type: str | None = None
    auto_number_format: dict[str, Any] | None = None
    contact_options: list[dict[str, Any]] | None = None
    description: str | None = None
    format: str | None = None
    formula: str | None = None
    hidden: bool | None = None
    locked: bool | None = None
    locked_for_user: bool | None = None
    validation: bool | None = None
    version: int | None = None
    width: int | None = None


@attrs.define
class Row:
    """A row and its cells. Location attributes (``to_top``, ``to_bottom``, ``parent_id``,
    ``sibling_id``, ``above``) are only sent on writes."""

    id: int | None = None
    sheet_id: int | None = None
    row_number: int | None = None
    parent_id: int | None = None
    sibling_id: int | None = None
    above: bool | None = None
    to_top: bool | None = None
    to_bottom: bool | None = None
    indent: int | None = None
    outdent: int | None = None
    expanded: bool | None = None
    locked: bool | None = None
    locked_for_user: bool | None = None
    in_critical_path: bool | None = None
    format: str | None = None
    conditional_format: str | None = None
    version: int | None = None
    access_level: str | None = None
    permalink: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    created_by: dict[str, Any] | None = None
    modified_by: dict[str, Any] | None = None
    cells: list[Cell] | None = None
    columns: list[Column] | None = None
    attachments: list[dict[str, Any]] | None = None
    discussions: list[dict[str, Any]] | None = None

    def cell(self, column_id: int) -> Cell | None:
        """The cell of this row in column ``column_id``, if present."""
        for cell in self.cells or ():
            if cell.column_id == column_id:
                return cell
        return None


@attrs.define
class Sheet:
    """A sheet, with its columns and rows when fetched with ``sheets.get``."""

    id: int | None = None
    name: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    version: int | None = None
    total_row_count: int | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    owner: str | None = None
    owner_id: int | None = None
    favorite: bool | None = None
    read_only: bool | None = None
    dependencies_enabled: bool | None = None
    gantt_enabled: bool | None = None
    resource_management_enabled: bool | None = None
    from_id: int | None = None
    workspace: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    user_settings: dict[str, Any] | None = None
    user_permissions: dict[str, Any] | None = None
    effective_attachment_options: list[str] | None = None
    columns: list[Column] | None = None
    rows: list[Row] | None = None
    attachments: list[dict[str, Any]] | None = None
    discussions: list[dict[str, Any]] | None = None
    summary: dict[str, Any] | None = None

    def column(self, title: str) -> Column:
        """The column titled ``title``; ConfigurationError naming the titles when absent."""
        for col in self.columns or ():
            if col.title == title:
                return col
        titles = ", ".join(repr(c.title) for c in self.columns or ())
        raise ConfigurationError(f"sheet {self.id} has no column {title!r} (columns: {titles})")

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Each row as a dict keyed by column title (cell ``value``s)."""
        titles = {c.id: c.title for c in self.columns or () if c.title is not None}
        for row in self.rows or ():
            record: dict[str, Any] = dict.fromkeys(titles.values())
            for cell in row.cells or ():
                title = titles.get(cell.column_id)
                if title is not None:
                    record[title] = cell.value
            yield record

    def to_records(self) -> list[dict[str, Any]]:
        """Every row as a dict keyed by column title."""
        return list(self.iter_records())
