"""Sheets, columns, rows and cells, addressable by column title as well as by column id.

A fetched :class:`Sheet` links its rows to one shared :class:`ColumnIndex`, built lazily from the
sheet's columns on first use, so ``row["Status"]`` works without any per-row work at decode time.
Rows built for writes stay plain attrs objects; the link is not part of the wire form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..._core.errors import ConfigurationError


@attrs.define
class Cell:
    """One cell. ``value`` is what the cell holds; ``display_value`` is what users see.
    ``object_value`` carries multi-contact, multi-picklist and predecessor values."""

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
    tags: list[str] | None = None


class ColumnIndex:
    """Column title -> id (and id -> title) for one list of columns, built on first use."""

    __slots__ = ("_by_id", "_by_title", "_columns")

    def __init__(self, columns: list[Column] | None) -> None:
        self._columns = columns or []
        self._by_title: dict[str, int] | None = None
        self._by_id: dict[int, str] | None = None

    def _build(self) -> None:
        by_title: dict[str, int] = {}
        by_id: dict[int, str] = {}
        for col in self._columns:
            if col.title is not None and col.id is not None:
                by_title[col.title] = col.id
                by_id[col.id] = col.title
        self._by_title, self._by_id = by_title, by_id

    def column_id(self, key: str | int) -> int:
        """The id of the column titled ``key`` (an int is taken as an id already)."""
        if isinstance(key, int):
            return key
        if self._by_title is None:
            self._build()
        assert self._by_title is not None
        try:
            return self._by_title[key]
        except KeyError:
            known = ", ".join(repr(t) for t in self._by_title)
            raise KeyError(f"no column titled {key!r} (columns: {known})") from None

    def titles(self) -> dict[int, str]:
        """Column id -> title, in column order."""
        if self._by_id is None:
            self._build()
        assert self._by_id is not None
        return self._by_id


@attrs.define
class Row:
    """A row and its cells. Location attributes (``to_top``, ``to_bottom``, ``parent_id``,
    ``sibling_id``, ``above``) are only sent on writes.

    Rows of a fetched sheet (or fetched with ``include=columns``) can be read by title:
    ``row["Status"]``, ``row.value("Status")``, ``row.to_record()``.
    """

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
    filtered_out: bool | None = None
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
    _index: ColumnIndex | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def link(self, index: ColumnIndex) -> None:
        """Let this row resolve column titles through ``index`` (done by :class:`Sheet`)."""
        self._index = index

    def _columns_index(self) -> ColumnIndex:
        if self._index is None:
            if self.columns is None:
                raise ConfigurationError(
                    "this row does not know its sheet's columns; read it from a fetched Sheet, "
                    "fetch it with include=['columns'], or address cells by column id"
                )
            self._index = ColumnIndex(self.columns)
        return self._index

    def cell(self, column: str | int) -> Cell | None:
        """The cell in ``column`` (a title or a column id), or None when absent.

        Raises:
            KeyError: no column has that title.
            ConfigurationError: a title was given but the row does not know its columns.
        """
        column_id = column if isinstance(column, int) else self._columns_index().column_id(column)
        for cell in self.cells or ():
            if cell.column_id == column_id:
                return cell
        return None

    def value(self, column: str | int, default: Any = None) -> Any:
        """The ``value`` of the cell in ``column`` (title or id), ``default`` when empty."""
        cell = self.cell(column)
        if cell is None or cell.value is None:
            return default
        return cell.value

    def __getitem__(self, column: str | int) -> Any:
        return self.value(column)

    def to_record(self) -> dict[str, Any]:
        """This row as a dict keyed by column title (every column, None when empty)."""
        titles = self._columns_index().titles()
        record: dict[str, Any] = dict.fromkeys(titles.values())
        for cell in self.cells or ():
            title = titles.get(cell.column_id)  # type: ignore[arg-type]
            if title is not None:
                record[title] = cell.value
        return record


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
    has_summary_fields: bool | None = None
    from_id: int | None = None
    workspace: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    project_settings: dict[str, Any] | None = None
    user_settings: dict[str, Any] | None = None
    user_permissions: dict[str, Any] | None = None
    effective_attachment_options: list[str] | None = None
    columns: list[Column] | None = None
    rows: list[Row] | None = None
    attachments: list[dict[str, Any]] | None = None
    discussions: list[dict[str, Any]] | None = None
    cross_sheet_references: list[dict[str, Any]] | None = None
    summary: dict[str, Any] | None = None
    _index: ColumnIndex | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.rows:
            index = self.column_index()
            for row in self.rows:
                row._index = index

    async def refresh(self) -> Sheet:
        """Re-read this sheet from the API in place (same include/filter options it was
        fetched with) and return it; only for sheets fetched with ``ss.sheets.get``.

        Raises:
            ConfigurationError: not fetched by ``ss.sheets.get``, or its client is gone.
        """
        from ..sheet_refresh import refresh

        return await refresh(self)

    def column_index(self) -> ColumnIndex:
        """The shared title index of this sheet's columns."""
        if self._index is None:
            self._index = ColumnIndex(self.columns)
        return self._index

    def column(self, key: str | int) -> Column:
        """The column titled ``key`` (or with id ``key``).

        Raises:
            ConfigurationError: no such column; the message lists the titles.
        """
        for col in self.columns or ():
            if (col.id if isinstance(key, int) else col.title) == key:
                return col
        titles = ", ".join(repr(c.title) for c in self.columns or ())
        raise ConfigurationError(f"sheet {self.id} has no column {key!r} (columns: {titles})")

    def get_row(self, row_id: int) -> Row:
        """The row with id ``row_id`` among the fetched rows.

        Raises:
            ConfigurationError: not among the fetched rows.
        """
        for row in self.rows or ():
            if row.id == row_id:
                return row
        raise ConfigurationError(f"row {row_id} is not among the fetched rows of sheet {self.id}")

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Each row as a dict keyed by column title (cell ``value``s)."""
        titles = self.column_index().titles()
        blank = dict.fromkeys(titles.values())
        for row in self.rows or ():
            record = blank.copy()
            for cell in row.cells or ():
                title = titles.get(cell.column_id)  # type: ignore[arg-type]
                if title is not None:
                    record[title] = cell.value
            yield record

    def to_records(self) -> list[dict[str, Any]]:
        """Every row as a dict keyed by column title."""
        return list(self.iter_records())

    def make_row(
        self, record: Mapping[str, Any], *, strict: bool | None = None, **location: Any
    ) -> Row:
        """A :class:`Row` for writes, built from a dict keyed by this sheet's column titles.

        See :func:`smartsuite.smartsheet.records.row_from_record` for the accepted values.
        """
        from ..records import row_from_record

        return row_from_record(record, self.columns or (), strict=strict, **location)

    def make_rows(
        self, records: Iterable[Mapping[str, Any]], *, strict: bool | None = None
    ) -> list[Row]:
        """:meth:`make_row` for each record."""
        from ..records import RecordEncoder

        encoder = RecordEncoder(self.columns or (), strict=strict)
        return [encoder.row(r) for r in records]
