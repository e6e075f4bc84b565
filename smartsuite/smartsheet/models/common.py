"""Envelopes shared by many operations: Result and BulkItemFailure."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.define
class ErrorBody:
    """Smartsheet's Error object."""

    error_code: int | None = None
    message: str | None = None
    ref_id: str | None = None
    detail: Any = None


@attrs.define
class BulkItemFailure:
    """One failed item of a partial-success bulk write.

    Attributes:
        index: position of the item in the request body.
        error: why it failed.
        row_id: the row concerned, for row operations.
    """

    index: int | None = None
    error: ErrorBody | None = None
    row_id: int | None = None


@attrs.define
class Result:
    """The Result envelope of write operations (``resultCode`` 0 = SUCCESS,
    3 = PARTIAL_SUCCESS). ``result`` holds the raw payload; resources decode it."""

    message: str | None = None
    result_code: int | None = None
    version: int | None = None
    result: Any = None
    failed_items: list[BulkItemFailure] | None = None
