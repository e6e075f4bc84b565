"""``ss.columns``: list, get, add, update and delete columns."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.sheets import Column

ColumnInput = Column | dict[str, Any]


class Columns(SmartsheetResource):
    @operation("columns-listOnSheet", "GET", "/sheets/{sheetId}/columns")
    def list(
        self,
        sheet_id: int,
        *,
        level: int | None = None,
        include: str | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Column]:
        """List a sheet's columns (``GET /sheets/{sheetId}/columns``, ``columns-listOnSheet``).

        Args:
            level: 2 to see MULTI_CONTACT_LIST / MULTI_PICKLIST types (else TEXT_NUMBER).
            include: ``filters``.
        """
        params = {"level": level, "include": include}
        return self._index(sheet_id, cast_to=Column, params=params, page_size=page_size)

    @operation("column-get", "GET", "/sheets/{sheetId}/columns/{columnId}")
    async def get(self, sheet_id: int, column_id: int, *, level: int | None = None) -> Column:
        """Get one column (``GET /sheets/{sheetId}/columns/{columnId}``, ``column-get``).

        Raises:
            NotFoundError: no such sheet or column.
        """
        return await self._object(sheet_id, column_id, cast_to=Column, params={"level": level})

    @operation("columns-addToSheet", "POST", "/sheets/{sheetId}/columns")
    async def add(
        self, sheet_id: int, columns: ColumnInput | Iterable[ColumnInput]
    ) -> builtins.list[Column]:
        """Add columns (``POST /sheets/{sheetId}/columns``, ``columns-addToSheet``).

        Args:
            columns: one or more columns; each needs ``title``, ``type`` and ``index`` (the
                position; all new columns must share one index).

        Returns:
            The added columns, as a list.

        Raises:
            ConfigurationError: a column without title, type or index.
            BadRequestError: a duplicate title (1133/1056) or another refusal.
        """
        items = [columns] if isinstance(columns, Column | dict) else [*columns]
        if not items:
            raise ConfigurationError("no columns given")
        body = []
        for i, col in enumerate(items):
            wire = dict(col) if isinstance(col, dict) else self._encode(col)
            missing = [k for k in ("title", "type", "index") if wire.get(k) is None]
            if missing:
                raise ConfigurationError(f"column {i} needs {', '.join(missing)}")
            body.append(wire)
        return (await self._result_list(sheet_id, cast_to=Column, json=body)).result

    @operation("column-updateColumn", "PUT", "/sheets/{sheetId}/columns/{columnId}")
    async def update(self, sheet_id: int, column_id: int, column: ColumnInput) -> Column:
        """Rename, retype, move or reconfigure a column
        (``PUT /sheets/{sheetId}/columns/{columnId}``, ``column-updateColumn``).

        Args:
            column: the attributes to change (``title``, ``type``, ``index``, ``options`` ...).

        Returns:
            The updated column.
        """
        wire = dict(column) if isinstance(column, dict) else self._encode(column)
        wire.pop("id", None)
        if not wire:
            raise ConfigurationError("nothing to update")
        return (await self._result(sheet_id, column_id, cast_to=Column, json=wire)).result

    @operation("column-delete", "DELETE", "/sheets/{sheetId}/columns/{columnId}")
    async def delete(self, sheet_id: int, column_id: int) -> Result:
        """Delete a column and its cells (``DELETE /sheets/{sheetId}/columns/{columnId}``).

        Raises:
            BadRequestError: the primary column cannot be deleted (1065).
        """
        return await self._result(sheet_id, column_id)
