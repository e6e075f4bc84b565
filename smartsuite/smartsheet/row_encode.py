"""Write bodies of ``rows.add`` / ``rows.update``, checked up front and encoded batch by batch.

:class:`RowBodies` does two things with the caller's rows (:class:`Row` objects, or dicts keyed
by column title):

* :meth:`RowBodies.check` runs over every row before anything is sent and raises what the
  encoding would raise (an unknown title, a value a column cannot take, a row field of the
  wrong type, a cell over 4,000 characters, an update without an id). It builds nothing.
* :meth:`RowBodies.encode` builds the wire rows of one batch, just before that batch is sent,
  so the first request of a 100,000-row add goes out after one batch is encoded, not all 200.

A dict row is encoded straight to its wire form (no :class:`Row` or :class:`Cell` objects are
built for plain values); the result is exactly what :meth:`RowBodies.reference` gives, the
:class:`~smartsuite.smartsheet.records.RecordEncoder` path (dict -> Row -> wire), which the
tests compare it with. Anything off the common path (a :class:`Cell` value, an object value, a
list, a subclass of a scalar type) goes through that reference path for its cell or row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from math import isfinite
from typing import Any

import attrs
import cattrs

from .._core import sansio
from .._core.errors import ConfigurationError
from .._core.fields import field_checks
from .._core.model import BUILT, UNSET
from .._core.serde import to_camel
from .models.sheets import Column, Row
from .records import _ROW_FIELDS, RecordEncoder
from .resources._row_writes import MAX_CELL_CHARS, check_cells

RowInput = Row | Mapping[str, Any]

_PLAIN = frozenset({str, int, float, bool})
_ROW_CHECKS = field_checks(Row)
#: Row attributes a record may set, in the order the Row encoder writes them (field order).
_ROW_ORDER = tuple(
    (a.name, to_camel(a.name)) for a in attrs.fields(Row) if a.name in set(_ROW_FIELDS.values())
)


@attrs.frozen
class Body:
    """One batch's request body: how many rows it carries and their JSON."""

    count: int
    data: bytes


class RowBodies:
    """Checks and encodes the rows of one bulk write.

    Args:
        columns: the sheet's columns (needed for dict rows; ``()`` for Row objects only).
        converter: the Smartsheet converter (encodes Row objects and off-path values).
        strict: the ``strict`` flag put on plain values of dict rows (None: server default).
        location: ``toTop`` / ``toBottom`` / ``parentId`` / ``siblingId`` for rows that set no
            location of their own.
        above: ``above``, for rows placed by ``siblingId``.
    """

    def __init__(
        self,
        columns: Iterable[Column],
        converter: cattrs.Converter,
        *,
        strict: bool | None = None,
        location: Mapping[str, Any] | None = None,
        above: bool | None = None,
    ) -> None:
        known = list(columns)
        self._records = RecordEncoder(known, strict=strict)
        self._columns = {c.title: c for c in known if c.title is not None}
        self._unstructure: Callable[[Any], Any] = converter.unstructure
        self._strict = strict
        self._location = [(k, v) for k, v in (location or {}).items() if v is not None]
        self._above = above
        # Dict rows take the direct path only for columns with an int id, and a bool strict.
        self._fast = strict is None or type(strict) is bool
        self._known = {*self._columns, *_ROW_FIELDS}
        self._ids = {
            title: c.id
            for title, c in self._columns.items()
            if type(c.id) is int and type(title) is str
        }

    # -- checks before anything is sent -----------------------------------------------------

    def check(self, items: Sequence[RowInput], *, need_id: bool = False) -> None:
        """Raise what encoding ``items`` would raise, without building their bodies.

        Raises:
            ConfigurationError: a dict key that is not a column title or row field, a value
                a column cannot take, a NaN or infinite number (JSON has none), an update row
                without an id.
            ModelTypeError: a row field of the wrong type (``{"id": "x"}``).
            LimitExceededError: a cell value over 4,000 characters.
        """
        ids = self._ids
        known = self._known
        limit = MAX_CELL_CHARS
        for index, item in enumerate(items):
            if isinstance(item, Row):
                self._check_row(index, item)
                row_id: Any = item.id  # UNSET when never given
                if need_id and (row_id is UNSET or row_id is None):
                    raise _no_id(index)
                continue
            has_id = False
            slow = not self._fast
            if not slow:
                for key, value in item.items():
                    if value is None:
                        if key in known:
                            continue
                        slow = True  # an unknown key is refused whatever its value
                        break
                    cls = type(value)
                    if key in ids:
                        if cls is str:
                            if len(value) > limit:
                                slow = True
                                break
                        elif cls is float and not isfinite(value):
                            raise _not_a_number(index, key, value)
                        elif cls not in _PLAIN and cls is not dt.date and cls is not dt.datetime:
                            slow = True
                            break
                    elif key not in self._columns and cls in _PLAIN:
                        field = _ROW_FIELDS.get(key)
                        check = _ROW_CHECKS.get(field) if field is not None else None
                        if check is None or not check(value):
                            slow = True
                            break
                        has_id = has_id or field == "id"
                    else:
                        slow = True
                        break
            if slow:  # the reference path raises exactly what it raises today
                wire = self._reference_one(index, item)
                has_id = wire.get("id") is not None
            if need_id and not has_id:
                raise _no_id(index)

    def _check_row(self, index: int, row: Row) -> None:
        """Refuse a cell over 4,000 characters, or a NaN, among the cell values ``row`` would
        send: a built cell sends its value, a decoded one only a value assigned since
        decoding."""
        cells = row.cells
        if type(cells) is not list:
            return
        for cell in cells:
            value: Any = getattr(cell, "value", None)
            kind = type(value)
            if kind is str:
                if len(value) <= MAX_CELL_CHARS:
                    continue
            elif kind is float:
                if isfinite(value):
                    continue
            elif not isinstance(value, str):
                continue
            state = getattr(cell, "_state", None)
            if state is BUILT or (state is not None and "value" in state.assigned):
                if kind is float:
                    raise _not_a_number(index, cell.column_id, value)
                check_cells(index, {"cells": [{"columnId": cell.column_id, "value": value}]})

    # -- encoding one batch ---------------------------------------------------------------

    def body(self, items: Sequence[RowInput], start: int = 0) -> Body:
        """The JSON request body of one batch (what ``run_in_batches(prepare=...)`` calls).

        Raises:
            ConfigurationError: a value JSON cannot carry (a set, an object of no JSON type);
                the batch is then not sent (see :func:`~smartsuite._core.bulk.run_in_batches`).
        """
        wire = self.encode(items, start)
        try:
            data = sansio.dumps(wire)
        except (TypeError, ValueError) as exc:
            raise ConfigurationError(
                f"rows {start} to {start + len(items) - 1} cannot be sent as JSON: {exc}"
            ) from None
        return Body(len(items), data)

    def encode(self, items: Sequence[RowInput], start: int = 0) -> list[dict[str, Any]]:
        """The wire rows of ``items`` (one batch; ``start`` is the index of its first row in
        the caller's input, for error messages), equal to :meth:`reference`'s. Row objects
        are taken as :meth:`check` passed them: their cells are not checked again."""
        out: list[dict[str, Any]] = []
        append = out.append
        ids = self._ids
        strict = self._strict
        unstructure = self._unstructure
        # Without a batch location there is nothing to place (a row's own siblingId keeps
        # ``above`` its own too).
        place = self._place if self._location else None
        fast = self._fast
        for offset, item in enumerate(items):
            if type(item) is Row:
                wire = unstructure(item)
            else:
                wire = (
                    self._direct(item, ids, strict) if fast and isinstance(item, Mapping) else None
                )
                if wire is None:
                    append(self._reference_one(start + offset, item))
                    continue
            if place is not None:
                place(wire)
            append(wire)
        return out

    def _direct(
        self, record: Mapping[str, Any], ids: Mapping[str, int], strict: bool | None
    ) -> dict[str, Any] | None:
        """The wire form of a dict row of plain values, or None when it needs the reference
        path (a value off the common path, a long text, a key that is not a column)."""
        cells: list[dict[str, Any]] = []
        fields: dict[str, Any] | None = None
        for key, value in record.items():
            if value is None:
                if key in self._known:
                    continue
                return None
            cls = type(value)
            column_id = ids.get(key)
            if column_id is not None:
                if cls is str:
                    if len(value) > MAX_CELL_CHARS:
                        return None
                elif cls is dt.date or cls is dt.datetime:
                    value = value.isoformat()
                elif cls not in _PLAIN:
                    return None
                if strict is None:
                    cells.append({"columnId": column_id, "value": value})
                else:
                    cells.append({"columnId": column_id, "value": value, "strict": strict})
                continue
            field = _ROW_FIELDS.get(key)
            if field is None or key in self._columns or cls not in _PLAIN:
                return None
            if not _ROW_CHECKS[field](value):
                return None
            if fields is None:
                fields = {}
            fields[field] = value
        if fields is None:
            return {"cells": cells}
        wire = {wire_name: fields[name] for name, wire_name in _ROW_ORDER if name in fields}
        wire["cells"] = cells
        return wire

    def _place(self, wire: dict[str, Any]) -> None:
        """Give a row without a location of its own the batch's location (and ``above``)."""
        if (
            "toTop" not in wire
            and "toBottom" not in wire
            and "parentId" not in wire
            and "siblingId" not in wire
        ):
            for key, value in self._location:
                wire[key] = value
            if self._above is not None and "siblingId" in wire:
                wire.setdefault("above", self._above)

    def reference(self, items: Sequence[RowInput], start: int = 0) -> list[dict[str, Any]]:
        """The wire rows of ``items`` through the reference path: each dict row becomes a
        :class:`Row` (:class:`RecordEncoder`) and each Row goes through the converter."""
        return [self._reference_one(start + i, item) for i, item in enumerate(items)]

    def _reference_one(self, index: int, item: RowInput) -> dict[str, Any]:
        row = item if isinstance(item, Row) else self._records.row(item)
        wire: dict[str, Any] = self._unstructure(row)
        self._place(wire)
        check_cells(index, wire)
        return wire


def _not_a_number(index: int, column: object, value: float) -> ConfigurationError:
    return ConfigurationError(
        f"row {index}, column {column!r}: {value} cannot be sent (JSON has no NaN or infinity)"
    )


def _no_id(index: int) -> ConfigurationError:
    return ConfigurationError(f"row {index} has no id; updates need the row id")
