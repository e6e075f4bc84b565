"""Envelopes shared by many operations: Result and BulkItemFailure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from ..._core.model import Model, track, unset

if TYPE_CHECKING:  # a bare ``Result`` means ``Result[Any]`` (PEP 696 default)
    from typing_extensions import TypeVar as DefaultingTypeVar

    T = DefaultingTypeVar("T", default=Any)
else:
    T = TypeVar("T")


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
class Result(Model, Generic[T]):
    """The Result envelope of write operations (``resultCode`` 0 = SUCCESS,
    3 = PARTIAL_SUCCESS), decoded once with its payload: ``Result[Folder].result`` is a
    ``Folder``. The payload is read from ``result``, or from ``data`` where the API documents
    it there (alternate emails, user updates). A bare ``Result`` keeps the payload as sent."""

    wire_aliases = {"result": ("data",)}

    message: str | None = unset
    result_code: int | None = unset
    version: int | None = unset
    result: T = unset
    failed_items: list[BulkItemFailure] | None = unset
