"""``ss.rows``: bulk add, update and delete (chunked by 500, one sheet at a time), get, copy,
move, sort and send by email."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..._core.bulk import BatchOutcome, BulkResult, Outcome, run_in_batches
from ..._core.ids import ident, idents
from .._resource import Send, SmartsheetResource, operation
from ..models.common import Result
from ..models.sheets import Column, ColumnIndex, Row, Sheet
from ..row_encode import Body, RowBodies, RowInput
from ._row_writes import (
    MAX_CELL_CHARS,
    MAX_CELLS_PER_SHEET,
    MAX_ROWS_PER_REQUEST,
    check_batch_size,
    check_cell_budget,
    failure_error,
    missing_row,
    short_answer,
)
from .row_transfers import RowTransfers

if TYPE_CHECKING:
    import os

    from ...etl import OnProgress, UpsertResult

__all__ = ["MAX_CELLS_PER_SHEET", "MAX_CELL_CHARS", "MAX_ROWS_PER_REQUEST", "RowInput", "Rows"]

_JSON_BODY = {"Content-Type": "application/json"}


class Rows(RowTransfers, SmartsheetResource):
    @operation("row-get", "GET", "/sheets/{sheetId}/rows/{rowId}")
    async def get(
        self,
        sheet_id: int,
        row_id: int,
        *,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        level: int | None = None,
        access_api_level: int | None = None,
    ) -> Row:
        """Get one row (``GET /sheets/{sheetId}/rows/{rowId}``, ``row-get``).

        Args:
            include: ``columns`` (then ``row["Title"]`` works), ``filters``.
            exclude: ``nonexistentCells`` ...
            level: 2 to see multi-contact / multi-picklist values as such.

        Raises:
            NotFoundError: no such sheet or row (1006).
        """
        params = {
            "include": include,
            "exclude": exclude,
            "level": level,
            "accessApiLevel": access_api_level,
        }
        return await self._object(sheet_id, row_id, cast_to=Row, params=params)

    @operation("rows-addToSheet", "POST", "/sheets/{sheetId}/rows")
    async def add(
        self,
        sheet_id: int,
        rows: Iterable[RowInput],
        *,
        to_top: bool | None = None,
        to_bottom: bool | None = None,
        parent_id: int | None = None,
        sibling_id: int | None = None,
        above: bool | None = None,
        strict: bool | None = None,
        allow_partial_success: bool = False,
        override_validation: bool = False,
        check_limits: bool | None = None,
        include: Sequence[str] | None = None,
        batch_size: int = MAX_ROWS_PER_REQUEST,
        result: BulkResult[Row] | None = None,
    ) -> BulkResult[Row]:
        """Add any number of rows (``POST /sheets/{sheetId}/rows``, ``rows-addToSheet``), 500
        per request, one request at a time for this sheet.

        Every row is checked before the first request (an error below means nothing was
        sent); each batch's body is then built just before that batch goes out, so a large
        add starts writing at once and never holds all of its bodies. A batch whose body
        still cannot be built (a value JSON cannot carry, such as a set) is not sent: it and
        every later batch come back ``NOT_SENT`` with that error, after the batches before it.

        Args:
            sheet_id: the sheet.
            rows: :class:`Row` objects, or dicts keyed by column title (see
                :class:`~smartsuite.smartsheet.records.RecordEncoder`).
            to_top / to_bottom / parent_id / sibling_id / above: where the new rows go
                (applied to rows that do not set their own location).
            strict: strict value parsing for dict rows.
            allow_partial_success: let valid rows land when others in the batch fail; the
                failures come back at their index in ``rows``.
            override_validation: let values outside a column's validation through.
            check_limits: refuse locally when the sheet would pass 500,000 cells. None checks
                when the sheet is fetched anyway (dict rows) or more than one batch is sent.
            include: what the returned rows carry, e.g. ``objectValue`` (sent as ``include``).
            batch_size: rows per request (at most 500).
            result: a result to fill in place (kept correct if the task is cancelled).

        Returns:
            A :class:`BulkResult`: for each input row, the added Row (with its id) or the error.

        Raises:
            LimitExceededError: batch_size over 500, a cell over 4,000 characters, or the
                sheet would exceed 500,000 cells. Nothing is sent.
            ConfigurationError: a dict key that is not a column title, a value its column
                cannot take, a NaN or infinite number. Nothing is sent.
            ModelTypeError: a row field of the wrong type (``{"parent_id": "x"}``). Nothing
                is sent.
        """
        check_batch_size(batch_size)
        items = list(rows)
        has_records = any(not isinstance(r, Row) for r in items)
        need_shape = (
            has_records
            or check_limits is True
            or (check_limits is None and len(items) > batch_size)
        )
        shape = await self.sheet_shape(sheet_id) if need_shape else None
        if shape is not None and check_limits is not False:
            check_cell_budget(shape, len(items))
        location = {
            "toTop": to_top,
            "toBottom": to_bottom,
            "parentId": parent_id,
            "siblingId": sibling_id,
        }
        bodies = self._bodies(shape, strict, location, above)
        bodies.check(items)
        index = ColumnIndex(shape.columns) if shape is not None else None
        return await self._bulk(
            "POST",
            sheet_id,
            items,
            bodies,
            allow_partial_success,
            override_validation,
            batch_size,
            result,
            index,
            include,
        )

    @operation("update-rows", "PUT", "/sheets/{sheetId}/rows")
    async def update(
        self,
        sheet_id: int,
        rows: Iterable[RowInput],
        *,
        strict: bool | None = None,
        allow_partial_success: bool = False,
        override_validation: bool = False,
        include: Sequence[str] | None = None,
        batch_size: int = MAX_ROWS_PER_REQUEST,
        result: BulkResult[Row] | None = None,
    ) -> BulkResult[Row]:
        """Update any number of rows (``PUT /sheets/{sheetId}/rows``, ``update-rows``).

        Each row needs its ``id`` (a dict row gives it under the key ``"id"``). Rows may also
        move: set ``parent_id``, ``sibling_id``, ``to_top`` or ``to_bottom`` on them.
        ``include`` (e.g. ``["objectValue"]``) is sent as for :meth:`add`.

        Rows are checked up front and encoded batch by batch, as for :meth:`add`.

        Raises:
            ConfigurationError: a row without an id; as for :meth:`add`.
            LimitExceededError: as for :meth:`add`.
        """
        check_batch_size(batch_size)
        items = list(rows)
        shape = None
        if any(not isinstance(r, Row) for r in items):
            shape = await self.sheet_shape(sheet_id)
        bodies = self._bodies(shape, strict, {}, None)
        bodies.check(items, need_id=True)
        index = ColumnIndex(shape.columns) if shape is not None else None
        return await self._bulk(
            "PUT",
            sheet_id,
            items,
            bodies,
            allow_partial_success,
            override_validation,
            batch_size,
            result,
            index,
            include,
        )

    @operation("delete-rows", "DELETE", "/sheets/{sheetId}/rows")
    async def delete(
        self,
        sheet_id: int,
        row_ids: Iterable[int],
        *,
        ignore_rows_not_found: bool = False,
        batch_size: int = 450,
        result: BulkResult[int] | None = None,
    ) -> BulkResult[int]:
        """Delete rows by id (``DELETE /sheets/{sheetId}/rows?ids=``, ``delete-rows``).

        Ids go in the query string, so batches stay well under URL length limits. Child rows
        go with their parents.

        Returns:
            A :class:`BulkResult` of the row ids, one entry per input id.
        """
        ids = idents(row_ids, "row_ids")
        check_batch_size(batch_size)
        path = f"/sheets/{int(sheet_id)}/rows"

        async def send(batch: Sequence[int]) -> list[BatchOutcome[int]]:
            response = await self._request(
                "DELETE",
                path,
                params={"ids": list(batch), "ignoreRowsNotFound": ignore_rows_not_found},
            )
            if response.already_gone:  # a retry met 404: the lost first attempt deleted them
                return [(Outcome.LANDED, i, None) for i in batch]
            data = self._decode(response.json(), Result[list[int]])
            deleted = set(data.result or [])
            return [
                (Outcome.LANDED, i, None)
                if i in deleted or ignore_rows_not_found
                else (Outcome.FAILED, None, missing_row(i, path))
                for i in batch
            ]

        return await run_in_batches(
            ids,
            send,
            batch_size=batch_size,
            locks=self._transport.write_locks,
            lock_key=f"sheet:{int(sheet_id)}",
            result=result,
        )

    async def upsert(
        self,
        sheet_id: int,
        records: Iterable[Mapping[str, Any]],
        *,
        key: str | Sequence[str],
        checkpoint: str | os.PathLike[str] | None = None,
        dry_run: bool = False,
        on_progress: OnProgress | None = None,
        batch_size: int = MAX_ROWS_PER_REQUEST,
    ) -> UpsertResult:
        """Insert or update rows by key column: existing keys get only their changed cells,
        new keys are added, writes with an unknown outcome are reconciled (exactly once).
        See :func:`smartsuite.etl.upsert_rows` for the arguments.

        Returns:
            An :class:`~smartsuite.etl.UpsertResult`, one entry per record.
        """
        from ...etl import upsert_rows

        return await upsert_rows(
            self._client,  # type: ignore[arg-type]
            sheet_id,
            records,
            key=key,
            checkpoint=checkpoint,
            dry_run=dry_run,
            on_progress=on_progress,
            batch_size=batch_size,
        )

    # -- helpers -----------------------------------------------------------------------------

    async def sheet_shape(self, sheet_id: int) -> Sheet:
        """The sheet's columns (``level=2``, so multi-value types show) and ``total_row_count``
        in one small request (one row of data)."""
        return await self._object(
            method="GET",
            path=f"/sheets/{ident(sheet_id, 'sheet_id')}",
            cast_to=Sheet,
            params={"pageSize": 1, "page": 1, "level": 2},
        )

    async def columns_by_title(self, sheet_id: int) -> dict[str, Column]:
        """The sheet's columns keyed by title (one request)."""
        shape = await self.sheet_shape(sheet_id)
        return {c.title: c for c in shape.columns or () if c.title is not None}

    def _bodies(
        self,
        shape: Sheet | None,
        strict: bool | None,
        location: Mapping[str, Any],
        above: bool | None,
    ) -> RowBodies:
        columns = shape.columns or () if shape is not None else ()
        return RowBodies(columns, self._converter, strict=strict, location=location, above=above)

    async def _bulk(
        self,
        method: str,
        sheet_id: int,
        rows: list[RowInput],
        bodies: RowBodies,
        allow_partial_success: bool,
        override_validation: bool,
        batch_size: int,
        result: BulkResult[Row] | None,
        index: ColumnIndex | None,
        include: Sequence[str] | None = None,
    ) -> BulkResult[Row]:
        path = f"/sheets/{ident(sheet_id, 'sheet_id')}/rows"
        params = {
            "allowPartialSuccess": allow_partial_success or None,
            "overrideValidation": override_validation or None,
            "include": ",".join(include) if include is not None else None,
        }

        async def send(batch: Body) -> list[BatchOutcome[Row]]:
            send: Send = {
                "method": method,
                "path": path,
                "content": batch.data,
                "params": params,
                "headers": _JSON_BODY,
            }
            res = await self._result_list(cast_to=Row, **send)
            landed = res.result
            failures = {f.index: f for f in res.failed_items or () if f.index is not None}
            outcomes: list[BatchOutcome[Row]] = []
            landed_iter = iter(landed)
            for i in range(batch.count):
                failure = failures.get(i)
                if failure is not None:
                    outcomes.append((Outcome.FAILED, None, failure_error(failure, method, path)))
                    continue
                row = next(landed_iter, None)
                if row is None:
                    outcomes.append((Outcome.UNKNOWN, None, short_answer(method, path)))
                else:
                    if index is not None:
                        row.link(index)
                    outcomes.append((Outcome.LANDED, row, None))
            return outcomes

        return await run_in_batches(
            rows,
            send,
            batch_size=batch_size,
            locks=self._transport.write_locks,
            lock_key=f"sheet:{ident(sheet_id, 'sheet_id')}",
            result=result,
            prepare=bodies.body,
        )
