"""``ss.sheets``: list, get and create sheets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.sheets import Column, Sheet


class Sheets(SmartsheetResource):
    @operation("list-sheets", "GET", "/sheets")
    def list(
        self,
        *,
        include: Sequence[str] | None = None,
        modified_since: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Sheet]:
        """List the sheets the token can see (``GET /sheets``, operationId ``list-sheets``).

        Args:
            include: ``sheetVersion``, ``source`` ...
            modified_since: ISO-8601 timestamp; only sheets modified since.
            access_api_level: 1 to include viewer-commenter levels.
            page_size: page size for the walk (default 1000).

        Returns:
            A paginator: ``async for sheet in ss.sheets.list()`` walks every page.
        """
        params = {
            "include": include,
            "modifiedSince": modified_since,
            "accessApiLevel": access_api_level,
        }
        return self._paginate("/sheets", Sheet, params, page_size=page_size)

    @operation("getSheet", "GET", "/sheets/{sheetId}")
    async def get(
        self,
        sheet_id: int,
        *,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        row_ids: Iterable[int] | None = None,
        column_ids: Iterable[int] | None = None,
        rows_modified_since: str | None = None,
        level: int | None = None,
        page_size: int | None = None,
        page: int | None = None,
    ) -> Sheet:
        """Get a sheet with its columns, rows and cells (``GET /sheets/{sheetId}``,
        ``getSheet``).

        Raises:
            NotFoundError: no such sheet (errorCode 1006).
        """
        params = {
            "include": include,
            "exclude": exclude,
            "rowIds": list(row_ids) if row_ids is not None else None,
            "columnIds": list(column_ids) if column_ids is not None else None,
            "rowsModifiedSince": rows_modified_since,
            "level": level,
            "pageSize": page_size,
            "page": page,
        }
        return await self._get(f"/sheets/{int(sheet_id)}", Sheet, params)

    @operation("create-sheet-in-sheets-folder", "POST", "/sheets")
    async def create(self, name: str, columns: Iterable[Column | dict[str, Any]]) -> Sheet:
        """Create a sheet in "Sheets" (``POST /sheets``, ``create-sheet-in-sheets-folder``).

        Args:
            name: the sheet name.
            columns: the columns; exactly one must have ``primary=True``.
        """
        body = {
            "name": name,
            "columns": [c if isinstance(c, dict) else self._encode(c) for c in columns],
        }
        return await self._send("POST", "/sheets", Sheet, json=body)
