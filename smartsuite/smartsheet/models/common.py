"""Envelopes shared by many operations: Result and BulkItemFailure."""

from __future__ import annotations

from typing import Any

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class ErrorBody(Model):
    """Smartsheet's Error object."""

    error_code: int | None = unset
    message: str | None = unset
    ref_id: str | None = unset
    detail: Any = unset


@attrs.define(on_setattr=track)
class BulkItemFailure(Model):
    """One failed item of a partial-success bulk write.

    Attributes:
        index: position of the item in the request body.
        error: why it failed.
        row_id: the row concerned, for row operations.
    """

    index: int | None = unset
    error: ErrorBody | None = unset
    row_id: int | None = unset


@attrs.define(on_setattr=track)
class Result(Model):
    """The Result envelope of write operations (``resultCode`` 0 = SUCCESS,
    3 = PARTIAL_SUCCESS). ``result`` holds the raw payload; resources decode it."""

    message: str | None = unset
    result_code: int | None = unset
    version: int | None = unset
    result: Any = unset
    failed_items: list[BulkItemFailure] | None = unset
