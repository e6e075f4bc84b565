"""Envelopes shared by many operations: Result and BulkItemFailure."""

from __future__ import annotations

from typing import Any

import attrs

from ..._core.model import UNSET, Model, track


@attrs.define(on_setattr=track)
class ErrorBody(Model):
    """Smartsheet's Error object."""

    error_code: int | None = UNSET
    message: str | None = UNSET
    ref_id: str | None = UNSET
    detail: Any = UNSET


@attrs.define(on_setattr=track)
class BulkItemFailure(Model):
    """One failed item of a partial-success bulk write.

    Attributes:
        index: position of the item in the request body.
        error: why it failed.
        row_id: the row concerned, for row operations.
    """

    index: int | None = UNSET
    error: ErrorBody | None = UNSET
    row_id: int | None = UNSET


@attrs.define(on_setattr=track)
class Result(Model):
    """The Result envelope of write operations (``resultCode`` 0 = SUCCESS,
    3 = PARTIAL_SUCCESS). ``result`` holds the raw payload; resources decode it."""

    message: str | None = UNSET
    result_code: int | None = UNSET
    version: int | None = UNSET
    result: Any = UNSET
    failed_items: list[BulkItemFailure] | None = UNSET
