"""Reports: rows gathered from source sheets, and their publish settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import Model, track, unset
from .sheets import Cell, Column, Row


@attrs.define(on_setattr=track)
class ReportCell(Cell):
    """A report cell; ``virtual_column_id`` names the report column it sits in (``column_id``
    is the source sheet's column)."""

    virtual_column_id: int | None = unset


@attrs.define(on_setattr=track)
class ReportColumn(Column):
    """A report column. Columns of the source sheets with the same title and type are merged
    into one, identified by ``virtual_id``."""

    virtual_id: int | None = unset
    sheet_name_column: bool | None = unset


@attrs.define(on_setattr=track)
class ReportRow(Row):
    """A row of a report: a row of one source sheet (``sheet_id``)."""

    cells: list[ReportCell] | None = None  # type: ignore[assignment]


@attrs.define(on_setattr=track)
class SourceSheet(Model):
    """A sheet a report draws rows from (``include=sourceSheets``)."""

    id: int = unset
    name: str | None = unset
    access_level: str | None = unset
    permalink: str | None = unset


@attrs.define(on_setattr=track)
class Report(Model):
    """A report. ``rows`` holds one page of rows (``page``/``page_size`` on ``get``);
    ``total_row_count`` counts them all.

    Attributes:
        columns: the report's (virtual) columns.
        rows: this page of rows, each tagged with its ``sheet_id``.
        source_sheets: with ``include=sourceSheets``.
        scope: with ``include=scope``: the sheets and workspaces the report covers.
    """

    id: int = unset
    name: str | None = unset
    access_level: str | None = unset
    permalink: str | None = unset
    version: int | None = unset
    total_row_count: int | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset
    owner: str | None = unset
    owner_id: int | None = unset
    favorite: bool | None = unset
    read_only: bool | None = unset
    is_summary_report: bool | None = unset
    from_id: int | None = unset
    workspace: dict[str, Any] | None = unset
    source: dict[str, Any] | None = unset
    scope: dict[str, Any] | None = unset
    columns: list[ReportColumn] | None = unset
    rows: list[ReportRow] | None = unset
    source_sheets: list[SourceSheet] | None = unset
    user_settings: dict[str, Any] | None = unset
    user_permissions: dict[str, Any] | None = unset
    effective_attachment_options: list[str] | None = unset

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


@attrs.define(on_setattr=track)
class ReportPublish(Model):
    """A report's publish settings. ``read_only_full_url`` is set by the server."""

    read_only_full_enabled: bool | None = unset
    read_only_full_accessible_by: str | None = unset
    read_only_full_default_view: str | None = unset
    read_only_full_show_toolbar: bool | None = unset
    read_only_full_url: str | None = unset
