"""Local checks of the documented row-write limits, and errors for per-row outcomes
(https://developers.smartsheet.com/api/smartsheet/guides/basics/limits)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.errors import (
    APIError,
    LimitExceededError,
    OutcomeUnknownError,
    SmartsuiteError,
    error_class_for,
)
from .._error_codes import status_for_code
from ..models.common import BulkItemFailure, ErrorBody
from ..models.sheets import Sheet

MAX_ROWS_PER_REQUEST = 500
MAX_CELL_CHARS = 4000
MAX_CELLS_PER_SHEET = 500_000


def check_batch_size(batch_size: int) -> None:
    """Refuse a batch size the API would reject (more than 500 rows per request)."""
    if not 0 < batch_size <= MAX_ROWS_PER_REQUEST:
        raise LimitExceededError(
            f"batch_size must be between 1 and {MAX_ROWS_PER_REQUEST}, got {batch_size}"
        )


def check_cells(index: int, wire: Mapping[str, Any]) -> None:
    """Refuse a cell value longer than 4,000 characters (the server answers 1041)."""
    for cell in wire.get("cells") or ():
        value = cell.get("value")
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise LimitExceededError(
                f"row {index}, column {cell.get('columnId')}: value has {len(value)} "
                f"characters; Smartsheet allows {MAX_CELL_CHARS} per cell"
            )


def check_cell_budget(shape: Sheet, new_rows: int) -> None:
    """Refuse adding rows that would take the sheet past 500,000 cells."""
    columns = len(shape.columns or ())
    existing = shape.total_row_count or 0
    cells = (existing + new_rows) * columns
    if cells > MAX_CELLS_PER_SHEET:
        raise LimitExceededError(
            f"sheet {shape.id} has {existing} rows x {columns} columns; adding {new_rows} rows "
            f"would make {cells} cells, over the {MAX_CELLS_PER_SHEET} Smartsheet allows"
        )


def failure_error(failure: BulkItemFailure, method: str, path: str) -> SmartsuiteError:
    """The error of one failed item of a partial-success bulk write: the typed error class and
    the HTTP status its ``errorCode`` carries as a whole response (1006 is a 404
    :class:`NotFoundError`, 1004 a 403 :class:`PermissionDeniedError` ...)."""
    err = failure.error if isinstance(failure.error, ErrorBody) else None
    code = err.error_code if err is not None and isinstance(err.error_code, int) else None
    status = status_for_code(code)
    message = err.message if err is not None and isinstance(err.message, str) else None
    return error_class_for(status)(
        message or "item failed",
        status=status,
        method=method,
        path=path,
        code=code,
        ref_id=err.ref_id if err is not None and isinstance(err.ref_id, str) else None,
        detail=err.detail if err is not None else None,
    )


def missing_row(row_id: int, path: str) -> SmartsuiteError:
    """The error of a row the server did not delete."""
    return APIError(
        f"row {row_id} was not deleted (not found)",
        status=404,
        method="DELETE",
        path=path,
        code=1006,
    )


def short_answer(method: str, path: str) -> SmartsuiteError:
    """The server answered fewer rows than were sent: their fate is unknown."""
    return OutcomeUnknownError(
        "the server returned fewer rows than were sent", method=method, path=path
    )
