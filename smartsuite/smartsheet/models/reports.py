"""Reports: rows gathered from source sheets, and their publish settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from .sheets import Cell, Column, Row


@attrs.define
class ReportCell(Cell):
    """A report cell; ``virtual_column_id`` names the report column it sits in (``column_id``
    is the source sheet's column)."""

    virtual_column_id: int | None = None


@attrs.define
class ReportColumn(Column):
    """A report column. Columns of the source sheets with the same title and type are merged
    into one, identified by ``virtual_id``."""

    virtual_id: int | None = None
    sheet_name_column: bool | None = None


@attrs.define
class ReportRow(Row):
    """A row of a report: a row of one source sheet (``sheet_id``)."""

    cells: list[ReportCell] | None = None  # type: ignore[assignment]


@attrs.define
class SourceSheet:
    """A sheet a report draws rows from (``include=sourceSheets``)."""

    id: int | None = None
    name: str | None = None
    access_level: str | None = None
    permalink: str | None = None


@attrs.define
class Report:
    """A report. ``rows`` holds one page of rows (``page``/``page_size`` on ``get``);
    ``total_row_count`` counts them all.

    Attributes:
        columns: the report's (virtual) columns.
        rows: this page of rows, each tagged with its ``sheet_id``.
        source_sheets: with ``include=sourceSheets``.
        scope: with ``include=scope``: the sheets and workspaces the report covers.
    """

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
    is_summary_report: bool | None = None
    from_id: int | None = None
    workspace: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    scope: dict[str, Any] | None = None
    columns: list[ReportColumn] | None = None
    rows: list[ReportRow] | None = None
    source_sheets: list[SourceSheet] | None = None
    user_settings: dict[str, Any] | None = None
    user_permissions: dict[str, Any] | None = None
    effective_attachment_options: list[str] | None = None

    def to_records(self) -> list[dict[str, Any]]:
        """This page's rows as dicts keyed by report column title (cell ``value``s)."""
        titles = {
            c.virtual_id: c.title or "" for c in self.columns or [] if c.virtual_id is not None
        }
        out: list[dict[str, Any]] = []
        for row in self.rows or []:
            record: dict[str, Any] = dict.fromkeys(titles.values())
            for cell in row.cells or []:
                vid = cell.virtual_column_id
                title = titles.get(vid) if vid is not None else None
                if title is not None:
                    record[title] = cell.value
            out.append(record)
        return out


@attrs.define
class ReportPublish:
    """A report's publish settings. ``read_only_full_url`` is set by the server."""

    read_only_full_enabled: bool | None = None
    read_only_full_accessible_by: str | None = None
    read_only_full_default_view: str | None = None
    read_only_full_show_toolbar: bool | None = None
    read_only_full_url: str | None = None
