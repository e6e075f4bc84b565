"""Sheets, columns, rows and cells, addressable by column title as well as by column id.

A fetched :class:`Sheet` links its rows to one shared :class:`ColumnIndex`, built lazily from the
sheet's columns on first use, so ``row["Status"]`` works without any per-row work at decode time.
Rows built for writes stay plain attrs objects; the link is not part of the wire form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from ..._core.errors import ConfigurationError
from ..._core.model import UNSET, Model, track, unset

M = TypeVar("M")


def _of(value: Any, cls: type[M]) -> list[M]:
    """The ``cls`` items of a list field (a value kept as sent, see ``decode_issues``, may be
    anything; derived views skip what is not a model)."""
    if type(value) is not list:
        return []
    return [v for v in value if isinstance(v, cls)]


@attrs.define(on_setattr=track)
class Cell(Model):
    """One cell. ``value`` is what the cell holds; ``display_value`` is what users see.
    ``object_value`` carries multi-contact, multi-picklist and predecessor values.

    Fields left out are not sent. Set a field to ``None`` to send JSON ``null``, which the API
    reads as "remove": ``hyperlink=None`` removes a hyperlink, ``link_in_from_cell=None`` a cell
    link, and ``value=None`` (or ``object_value=None``) empties a cell, a predecessor list
    included (https://developers.smartsheet.com/api/smartsheet/openapi/cells).
    """

    identity_fields = ("column_id",)

    column_id: int = unset
    value: Any = unset
    display_value: str | None = unset
    formula: str | None = unset
    hyperlink: dict[str, Any] | None = unset
    link_in_from_cell: dict[str, Any] | None = unset
    links_out_to_cells: list[dict[str, Any]] | None = unset
    object_value: Any = unset
    format: str | None = unset
    conditional_format: str | None = unset
    strict: bool | None = unset
    override_validation: bool | None = unset
    column_type: str | None = unset
    image: dict[str, Any] | None = unset


@attrs.define(on_setattr=track)
class Column(Model):
    """A column. ``type`` is a string so values we do not know yet still decode
    (TEXT_NUMBER, DATE, DATETIME, CONTACT_LIST, CHECKBOX, PICKLIST, DURATION, PREDECESSOR,
    ABSTRACT_DATETIME, MULTI_CONTACT_LIST, MULTI_PICKLIST)."""

    id: int = unset
    title: str = unset
    type: str = unset
    index: int = unset
    primary: bool | None = unset
    options: list[str] | None = unset
    symbol: str | None = unset
    system_column_type: str | None = unset
    auto_number_format: dict[str, Any] | None = unset
    contact_options: list[dict[str, Any]] | None = unset
    description: str | None = unset
    format: str | None = unset
    formula: str | None = unset
    hidden: bool | None = unset
    locked: bool | None = unset
    locked_for_user: bool | None = unset
    validation: bool | None = unset
    version: int | None = unset
    width: int | None = unset
    tags: list[str] | None = unset


class ColumnIndex:
    """Column title -> id (and id -> title) for one list of columns, built on first use."""

    __slots__ = ("_by_id", "_by_title", "_columns")

    def __init__(self, columns: list[Column] | None) -> None:
        self._columns = _of(columns, Column)
        self._by_title: dict[str, int] | None = None
        self._by_id: dict[int, str] | None = None

    def _build(self) -> None:
        by_title: dict[str, int] = {}
        by_id: dict[int, str] = {}
        for col in self._columns:
            if isinstance(col.title, str) and isinstance(col.id, int):
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


@attrs.define(on_setattr=track)
class Row(Model):
    """A row and its cells. Location attributes (``to_top``, ``to_bottom``, ``parent_id``,
    ``sibling_id``, ``above``) are only sent on writes.

    Rows of a fetched sheet (or fetched with ``include=columns``) can be read by title:
    ``row["Status"]``, ``row.value("Status")``, ``row.to_record()``.
    """

    def __repr__(self) -> str:  # a summary, like Sheet's: a row can carry hundreds of cells
        return f"Row(id={self.id!r}, row_number={self.row_number!r}, cells={_count(self.cells)!r})"

    wire_aliases = {"permalink": ("permaLink",)}

    id: int = unset
    sheet_id: int | None = unset
    row_number: int | None = unset
    parent_id: int | None = unset
    sibling_id: int | None = unset
    above: bool | None = unset
    to_top: bool | None = unset
    to_bottom: bool | None = unset
    indent: int | None = unset
    outdent: int | None = unset
    expanded: bool | None = unset
    locked: bool | None = unset
    locked_for_user: bool | None = unset
    in_critical_path: bool | None = unset
    filtered_out: bool | None = unset
    format: str | None = unset
    conditional_format: str | None = unset
    version: int | None = unset
    access_level: str | None = unset
    permalink: str | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset
    created_by: dict[str, Any] | None = unset
    modified_by: dict[str, Any] | None = unset
    cells: list[Cell] = unset
    columns: list[Column] | None = unset
    attachments: list[dict[str, Any]] | None = unset
    discussions: list[dict[str, Any]] | None = unset
    proofs: Any = unset
    _index: ColumnIndex | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def link(self, index: ColumnIndex) -> None:
        """Let this row resolve column titles through ``index`` (done by :class:`Sheet`)."""
        self._index = index

    def _columns_index(self) -> ColumnIndex:
        if self._index is None:
            if not self.columns:
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
        for cell in _of(self.cells, Cell):
            if cell.column_id == column_id:
                return cell
        return None

    def value(self, column: str | int, default: Any = None) -> Any:
        """The ``value`` of the cell in ``column`` (title or id), ``default`` when empty."""
        cell = self.cell(column)
        if cell is None or cell.value is None or cell.value is UNSET:
            return default
        return cell.value

    def __getitem__(self, column: str | int) -> Any:
        return self.value(column)

    def to_record(self) -> dict[str, Any]:
        """This row as a dict keyed by column title (every column, None when empty)."""
        titles = self._columns_index().titles()
        record: dict[str, Any] = dict.fromkeys(titles.values())
        for cell in _of(self.cells, Cell):
            title = titles.get(cell.column_id)
            if title is not None:
                record[title] = cell.value
        return record


@attrs.define(on_setattr=track)
class Sheet(Model):
    """A sheet, with its columns and rows when fetched with ``sheets.get``.

    Its repr is a summary (id, name, version and how many columns and rows): the full attrs
    repr of a 500,000-cell sheet is a 157 MB string that takes seconds to build, and Python
    builds it unasked, for example when ``asyncio.run`` reports the result of its main task.
    """

    def __repr__(self) -> str:
        return (
            f"Sheet(id={self.id!r}, name={self.name!r}, version={self.version!r}, "
            f"columns={_count(self.columns)!r}, rows={_count(self.rows)!r})"
        )

    id: int = unset
    name: str = unset
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
    dependencies_enabled: bool | None = unset
    gantt_enabled: bool | None = unset
    resource_management_enabled: bool | None = unset
    has_summary_fields: bool | None = unset
    from_id: int | None = unset
    workspace: dict[str, Any] | None = unset
    source: dict[str, Any] | None = unset
    project_settings: dict[str, Any] | None = unset
    user_settings: dict[str, Any] | None = unset
    user_permissions: dict[str, Any] | None = unset
    effective_attachment_options: list[str] | None = unset
    columns: list[Column] = unset
    rows: list[Row] = unset
    cell_image_upload_enabled: bool | None = unset
    is_multi_picklist_enabled: bool | None = unset
    resource_management_type: str | None = unset
    show_parent_rows_for_filters: bool | None = unset
    attachments: list[dict[str, Any]] | None = unset
    discussions: list[dict[str, Any]] | None = unset
    cross_sheet_references: list[dict[str, Any]] | None = unset
    summary: dict[str, Any] | None = unset
    _index: ColumnIndex | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def _after_decode(self) -> None:
        if self.rows and type(self.rows) is list:
            index = self.column_index()
            for row in self.rows:
                if isinstance(row, Row):
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
        for col in _of(self.columns, Column):
            if (col.id if isinstance(key, int) else col.title) == key:
                return col
        titles = ", ".join(repr(c.title) for c in _of(self.columns, Column))
        raise ConfigurationError(f"sheet {self.id} has no column {key!r} (columns: {titles})")

    def get_row(self, row_id: int) -> Row:
        """The row with id ``row_id`` among the fetched rows.

        Raises:
            ConfigurationError: not among the fetched rows.
        """
        for row in _of(self.rows, Row):
            if row.id == row_id:
                return row
        raise ConfigurationError(f"row {row_id} is not among the fetched rows of sheet {self.id}")

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Each row as a dict keyed by column title (cell ``value``s)."""
        titles = self.column_index().titles()
        blank = dict.fromkeys(titles.values())
        for row in _of(self.rows, Row):
            record = blank.copy()
            cells = row.cells
            for cell in cells if type(cells) is list else ():
                if type(cell) is not Cell:
                    continue
                title = titles.get(cell.column_id)
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

        return row_from_record(record, _of(self.columns, Column), strict=strict, **location)

    def make_rows(
        self, records: Iterable[Mapping[str, Any]], *, strict: bool | None = None
    ) -> list[Row]:
        """:meth:`make_row` for each record."""
        from ..records import RecordEncoder

        encoder = RecordEncoder(_of(self.columns, Column), strict=strict)
        return [encoder.row(r) for r in records]


def _count(items: object) -> object:
    """How many items a list field holds, for the summary reprs (or what it holds instead)."""
    return len(items) if isinstance(items, list) else items
