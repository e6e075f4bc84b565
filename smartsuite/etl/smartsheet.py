"""The Smartsheet adapter of the ETL engine (sheets keyed by a column) and streaming exports of
sheets and reports."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._core.bulk import BatchOutcome, BulkResult
from .._core.errors import ConfigurationError, LimitExceededError, SmartsuiteError
from .._core.ids import ident
from .._core.paging import AsyncPaginator, Page
from ..smartsheet.models.reports import Report
from ..smartsheet.models.sheets import Cell, Row, Sheet
from ..smartsheet.resources._row_writes import check_cell_budget
from .engine import Existing, OnProgress, Update, upsert
from .records import Key, Record, key_of, normalize
from .resend import without_resends
from .result import UpsertResult

if TYPE_CHECKING:
    import os

    from ..smartsheet.client import SmartsheetClient

#: Documented limits (https://developers.smartsheet.com/api/smartsheet/guides/basics/limits).
MAX_ROWS_PER_REQUEST = 500
MAX_CELL_CHARS = 4000
#: Rows per page when streaming a sheet or report.
EXPORT_PAGE_SIZE = 1000
#: The API serves at most this many report rows per page.
MAX_REPORT_PAGE_SIZE = 10_000


class SheetTarget:
    """Upserts rows of one sheet, matching on key column(s) by title.

    Args:
        ss: the client.
        sheet_id: the sheet.
        batch_size: rows per write request (at most 500).
    """

    def __init__(
        self, ss: SmartsheetClient, sheet_id: int, *, batch_size: int = MAX_ROWS_PER_REQUEST
    ) -> None:
        if not 0 < batch_size <= MAX_ROWS_PER_REQUEST:
            raise LimitExceededError(
                f"batch_size must be between 1 and {MAX_ROWS_PER_REQUEST}, got {batch_size}"
            )
        # Adds never re-sent blind: the engine re-reads first (see etl.resend).
        self._ss = without_resends(ss)
        self.sheet_id = ident(sheet_id, "sheet_id")
        self._batch_size = batch_size
        self._ids: dict[str, int] = {}
        self._read_ids: list[int] = []
        self._shape: Sheet | None = None  # columns and row count, from prepare() and read()

    @property
    def name(self) -> str:
        return f"smartsheet:sheet:{self.sheet_id}"

    @property
    def batch_size(self) -> int:
        return self._batch_size

    async def prepare(self, fields: Sequence[str], key: Sequence[str]) -> None:
        """Learn the column ids; refuse titles the sheet does not have."""
        self._shape = await self._ss.rows.sheet_shape(self.sheet_id)
        columns = {c.title: c for c in self._shape.columns or () if c.title is not None}
        unknown = [f for f in (*key, *fields) if f not in columns]
        if unknown:
            titles = ", ".join(repr(t) for t in columns)
            raise ConfigurationError(
                f"sheet {self.sheet_id} has no column {unknown[0]!r} (columns: {titles})"
            )
        self._ids = {t: c.id for t, c in columns.items() if c.id is not None}
        wanted = dict.fromkeys((*key, *fields))
        self._read_ids = [self._ids[f] for f in wanted]

    def validate(self, record: Record) -> SmartsuiteError | None:
        for field, value in record.items():
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                return LimitExceededError(
                    f"column {field!r}: {len(value)} characters; Smartsheet allows "
                    f"{MAX_CELL_CHARS} per cell"
                )
        return None

    async def read(self, key: Sequence[str]) -> dict[Key, Existing]:
        """One GET of the sheet, only the key and written columns (``columnIds``)."""
        sheet = await self._ss.sheets.get(self.sheet_id, column_ids=self._read_ids)
        if self._shape is not None:
            self._shape.total_row_count = sheet.total_row_count or len(sheet.rows or ())
        found: dict[Key, Existing] = {}
        for row_id, record in _row_records(sheet):
            k = key_of(record, key)
            if k is not None and k not in found:
                found[k] = Existing(row_id, record)
        return found

    def refuse_adds(self, count: int) -> SmartsuiteError | None:
        """Refuse adds that would take the sheet past 500,000 cells, before any write."""
        if self._shape is None:
            return None
        try:
            check_cell_budget(self._shape, count)
        except LimitExceededError as exc:
            return exc
        return None

    def _cells(self, values: Mapping[str, Any], *, clear: bool) -> list[Cell]:
        cells = []
        for field, value in values.items():
            if normalize(value) == "":
                if not clear:
                    continue
                value = ""  # an empty string clears the cell
            cells.append(Cell(column_id=self._ids[field], value=value))
        return cells

    async def add(self, records: Sequence[Record]) -> list[BatchOutcome[Any]]:
        rows = [Row(to_bottom=True, cells=self._cells(r, clear=False)) for r in records]
        result = await self._ss.rows.add(
            self.sheet_id, rows, allow_partial_success=True, batch_size=len(rows)
        )
        return _outcomes(result)

    async def update(self, updates: Sequence[Update]) -> list[BatchOutcome[Any]]:
        rows = [Row(id=u.id, cells=self._cells(u.changes, clear=True)) for u in updates]
        result = await self._ss.rows.update(
            self.sheet_id, rows, allow_partial_success=True, batch_size=len(rows)
        )
        return _outcomes(result)


def _outcomes(result: BulkResult[Row]) -> list[BatchOutcome[Any]]:
    return [(r.outcome, r.value.id if r.value is not None else None, r.error) for r in result]


def _row_records(sheet: Sheet) -> Iterable[tuple[int | None, dict[str, Any]]]:
    return zip((r.id for r in sheet.rows or ()), sheet.iter_records(), strict=True)


async def upsert_rows(
    ss: SmartsheetClient,
    sheet_id: int,
    records: Iterable[Record],
    *,
    key: str | Sequence[str],
    checkpoint: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    on_progress: OnProgress | None = None,
    batch_size: int = MAX_ROWS_PER_REQUEST,
) -> UpsertResult:
    """Insert or update rows of a sheet by key column (``ss.rows.upsert`` calls this).

    Reads the key (and written) columns once, sends only changed cells for existing keys, adds
    the rest, 500 rows per request and one request at a time for the sheet. Writes whose outcome
    is unknown are reconciled by re-reading, so each record lands exactly once.

    Args:
        ss: the client.
        sheet_id: the sheet.
        records: dicts keyed by column title.
        key: the key column title (or several, for a composite key).
        checkpoint: JSON file to resume from after a crash (see :func:`upsert`).
        dry_run: compare only; write nothing.
        on_progress: called after each batch with a :class:`ProgressEvent`.
        batch_size: rows per request (at most 500).

    Returns:
        An :class:`UpsertResult`: per record added (with the new row id), updated, unchanged,
        failed or duplicate.

    Raises:
        ConfigurationError: a record field that is not a column title, or a bad key.
    """
    target = SheetTarget(ss, sheet_id, batch_size=batch_size)
    return await upsert(
        target, records, key=key, checkpoint=checkpoint, dry_run=dry_run, on_progress=on_progress
    )


#: Fetches page ``n`` (1-based): its records and the total row count.
_FetchRecords = Callable[[int], Awaitable[tuple[list[dict[str, Any]], int | None]]]


def _paged(
    fetch_page: _FetchRecords, page_size: int, max_pages: int
) -> AsyncPaginator[dict[str, Any]]:
    if page_size < 1:
        raise ConfigurationError(f"page_size must be >= 1, got {page_size}")

    async def fetch(cursor: Hashable | None) -> Page[dict[str, Any]]:
        number = cursor if isinstance(cursor, int) else 1
        records, total = await fetch_page(number)
        more = isinstance(total, int) and number * page_size < total and bool(records)
        return Page(records, number + 1 if more else None, total, number)

    return AsyncPaginator(fetch, max_pages=max_pages)


def stream_sheet(
    ss: SmartsheetClient, sheet_id: int, *, page_size: int = EXPORT_PAGE_SIZE
) -> AsyncPaginator[dict[str, Any]]:
    """Every row of a sheet as a dict keyed by column title, one page at a time; the next
    page is fetched while the caller works on the current one.

    Args:
        ss: the client.
        sheet_id: the sheet.
        page_size: rows per request.

    Returns:
        A paginator: ``async for record in stream_sheet(ss, sheet_id)``.
    """

    async def page(number: int) -> tuple[list[dict[str, Any]], int | None]:
        sheet = await ss.sheets.get(sheet_id, page=number, page_size=page_size)
        return sheet.to_records(), sheet.total_row_count

    return _paged(page, page_size, ss._transport.limits.max_pages)


def _report_records(report: Report, source_field: str | None) -> list[dict[str, Any]]:
    records = report.to_records()
    if source_field is not None:
        for row, record in zip(report.rows or (), records, strict=True):
            record[source_field] = row.sheet_id
    return records


def stream_report(
    ss: SmartsheetClient,
    report_id: int,
    *,
    page_size: int = EXPORT_PAGE_SIZE,
    source_field: str | None = None,
) -> AsyncPaginator[dict[str, Any]]:
    """Every row of a report as a dict keyed by report column title, one page at a time; the
    next page is fetched while the caller works on the current one.

    A report gathers rows from several sheets; pass ``source_field`` to tag each record with
    the id of the sheet its row lives in.

    Args:
        ss: the client.
        report_id: the report.
        page_size: rows per request (1 to 10,000).
        source_field: the name of an extra field holding each row's source sheet id (None:
            no such field).

    Returns:
        A paginator: ``async for record in stream_report(ss, report_id)``.

    Raises:
        ConfigurationError: a page size outside 1..10,000, or a ``source_field`` that is empty.
    """
    if page_size > MAX_REPORT_PAGE_SIZE:
        raise LimitExceededError(
            f"page_size must be at most {MAX_REPORT_PAGE_SIZE} for a report, got {page_size}"
        )
    if source_field is not None and not source_field:
        raise ConfigurationError("source_field must be a non-empty field name, or None")

    async def page(number: int) -> tuple[list[dict[str, Any]], int | None]:
        report = await ss.reports.get(report_id, page=number, page_size=page_size)
        return _report_records(report, source_field), report.total_row_count

    return _paged(page, page_size, ss._transport.limits.max_pages)
