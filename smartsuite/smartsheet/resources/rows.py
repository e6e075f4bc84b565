"""``ss.rows``: bulk add, update and delete (chunked by 500, one sheet at a time), and get."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..._core.bulk import BatchOutcome, BulkResult, Outcome, run_in_batches
from ..._core.errors import APIError, ConfigurationError, LimitExceededError, SmartsuiteError
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.sheets import Cell, Column, Row

#: Documented limits (https://developers.smartsheet.com/api/smartsheet/guides/basics/limits).
MAX_ROWS_PER_REQUEST = 500
MAX_CELL_CHARS = 4000

RowInput = Row | Mapping[str, Any]


class Rows(SmartsheetResource):
    @operation("row-get", "GET", "/sheets/{sheetId}/rows/{rowId}")
    async def get(self, sheet_id: int, row_id: int, *, include: Sequence[str] | None = None) -> Row:
        """Get one row (``GET /sheets/{sheetId}/rows/{rowId}``, ``row-get``)."""
        return await self._get(
            f"/sheets/{int(sheet_id)}/rows/{int(row_id)}", Row, {"include": include}
        )

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
        strict: bool | None = None,
        allow_partial_success: bool = False,
        override_validation: bool = False,
        batch_size: int = MAX_ROWS_PER_REQUEST,
        result: BulkResult[Row] | None = None,
    ) -> BulkResult[Row]:
        """Add any number of rows (``POST /sheets/{sheetId}/rows``, ``add-rows``), 500 per
        request, one request at a time for this sheet.

        Args:
            sheet_id: the sheet.
            rows: :class:`Row` objects, or dicts keyed by column title.
            to_top / to_bottom / parent_id / sibling_id: where the new rows go (applied to
                rows that do not set their own location).
            strict: strict value parsing for dict rows.
            allow_partial_success: let valid rows land when others in the batch fail.
            override_validation: let values outside a column's validation through.
            batch_size: rows per request (at most 500).
            result: a result to fill in place (kept correct if the task is cancelled).

        Returns:
            A :class:`BulkResult`: for each input row, the added Row (with its id) or the error.
        """
        location = {
            "to_top": to_top,
            "to_bottom": to_bottom,
            "parent_id": parent_id,
            "sibling_id": sibling_id,
        }
        prepared = await self._prepare(sheet_id, rows, strict, location)
        return await self._bulk(
            "POST",
            sheet_id,
            prepared,
            allow_partial_success,
            override_validation,
            batch_size,
            result,
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
        batch_size: int = MAX_ROWS_PER_REQUEST,
        result: BulkResult[Row] | None = None,
    ) -> BulkResult[Row]:
        """Update any number of rows (``PUT /sheets/{sheetId}/rows``, ``update-rows``).

        Each row needs its ``id`` (a dict row gives it under the key ``"id"``).
        """
        prepared = await self._prepare(sheet_id, rows, strict, {})
        for i, row in enumerate(prepared):
            if row.get("id") is None:
                raise ConfigurationError(f"row {i} has no id; updates need the row id")
        return await self._bulk(
            "PUT",
            sheet_id,
            prepared,
            allow_partial_success,
            override_validation,
            batch_size,
            result,
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

        Ids go in the query string, so batches stay well under URL length limits.
        """
        ids = [int(i) for i in row_ids]
        _check_batch_size(batch_size)

        async def send(batch: Sequence[int]) -> list[BatchOutcome[int]]:
            response = await self._request(
                "DELETE",
                f"/sheets/{int(sheet_id)}/rows",
                params={"ids": list(batch), "ignoreRowsNotFound": ignore_rows_not_found},
            )
            data = self._decode(response.json(), Result)
            deleted = set(self._decode(data.result or [], list[int]))
            return [
                (Outcome.LANDED, i, None)
                if i in deleted or ignore_rows_not_found
                else (Outcome.FAILED, None, _missing(i))
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

    # -- helpers -----------------------------------------------------------------------------

    async def columns_by_title(self, sheet_id: int) -> dict[str, Column]:
        """The sheet's columns keyed by title (one request)."""
        response = await self._request(
            "GET", f"/sheets/{int(sheet_id)}/columns", params={"includeAll": True}
        )
        data = response.json()
        columns = self._decode(data.get("data", []) if isinstance(data, dict) else [], list[Column])
        return {c.title: c for c in columns if c.title is not None}

    async def _prepare(
        self,
        sheet_id: int,
        rows: Iterable[RowInput],
        strict: bool | None,
        location: Mapping[str, Any],
    ) -> list[dict[str, Any]]:
        items = list(rows)
        columns: dict[str, Column] | None = None
        if any(not isinstance(r, Row) for r in items):
            columns = await self.columns_by_title(sheet_id)
        out: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            row = item if isinstance(item, Row) else _row_from_record(item, columns or {}, strict)
            wire: dict[str, Any] = self._encode(row)
            if not any(k in wire for k in ("toTop", "toBottom", "parentId", "siblingId")):
                for key, value in location.items():
                    if value is not None:
                        wire[_CAMEL[key]] = value
            _check_cells(index, wire)
            out.append(wire)
        return out

    async def _bulk(
        self,
        method: str,
        sheet_id: int,
        rows: list[dict[str, Any]],
        allow_partial_success: bool,
        override_validation: bool,
        batch_size: int,
        result: BulkResult[Row] | None,
    ) -> BulkResult[Row]:
        _check_batch_size(batch_size)
        path = f"/sheets/{int(sheet_id)}/rows"
        params = {
            "allowPartialSuccess": allow_partial_success or None,
            "overrideValidation": override_validation or None,
        }

        async def send(batch: Sequence[dict[str, Any]]) -> list[BatchOutcome[Row]]:
            res = await self._result(method, path, json=list(batch), params=params)
            landed = self._decode(res.result or [], list[Row])
            failures = {f.index: f for f in res.failed_items or () if f.index is not None}
            outcomes: list[BatchOutcome[Row]] = []
            landed_iter = iter(landed)
            for i in range(len(batch)):
                failure = failures.get(i)
                if failure is not None:
                    outcomes.append((Outcome.FAILED, None, _failure_error(failure, method, path)))
                    continue
                row = next(landed_iter, None)
                if row is None:
                    outcomes.append((Outcome.UNKNOWN, None, _short(method, path)))
                else:
                    outcomes.append((Outcome.LANDED, row, None))
            return outcomes

        return await run_in_batches(
            rows,
            send,
            batch_size=batch_size,
            locks=self._transport.write_locks,
            lock_key=f"sheet:{int(sheet_id)}",
            result=result,
        )


_CAMEL = {
    "to_top": "toTop",
    "to_bottom": "toBottom",
    "parent_id": "parentId",
    "sibling_id": "siblingId",
}
_ROW_KEYS = {
    "id",
    "parentId",
    "siblingId",
    "toTop",
    "toBottom",
    "above",
    "expanded",
    "locked",
    "format",
    "indent",
    "outdent",
}


def _row_from_record(
    record: Mapping[str, Any], columns: Mapping[str, Column], strict: bool | None
) -> Row:
    cells: list[Cell] = []
    row = Row()
    for key, value in record.items():
        if key in _ROW_KEYS or key in ("parent_id", "sibling_id", "to_top", "to_bottom"):
            setattr(row, _snake(key), value)
            continue
        column = columns.get(key)
        if column is None:
            known = ", ".join(repr(t) for t in columns)
            raise ConfigurationError(f"no column titled {key!r} (columns: {known})")
        cells.append(Cell(column_id=column.id, value=value, strict=strict))
    row.cells = cells
    return row


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _check_batch_size(batch_size: int) -> None:
    if not 0 < batch_size <= MAX_ROWS_PER_REQUEST:
        raise LimitExceededError(
            f"batch_size must be between 1 and {MAX_ROWS_PER_REQUEST}, got {batch_size}"
        )


def _check_cells(index: int, wire: Mapping[str, Any]) -> None:
    for cell in wire.get("cells") or ():
        value = cell.get("value")
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise LimitExceededError(
                f"row {index}, column {cell.get('columnId')}: value has {len(value)} "
                f"characters; Smartsheet allows {MAX_CELL_CHARS} per cell"
            )


def _failure_error(failure: Any, method: str, path: str) -> SmartsuiteError:
    err = failure.error
    return APIError(
        (err.message if err else None) or "item failed",
        status=400,
        method=method,
        path=path,
        code=err.error_code if err else None,
        ref_id=err.ref_id if err else None,
        detail=err.detail if err else None,
    )


def _missing(row_id: int) -> SmartsuiteError:
    return APIError(
        f"row {row_id} was not deleted (not found)", status=404, method="DELETE", path="", code=1006
    )


def _short(method: str, path: str) -> SmartsuiteError:
    from ..._core.errors import OutcomeUnknownError

    return OutcomeUnknownError(
        "the server returned fewer rows than were sent", method=method, path=path
    )
