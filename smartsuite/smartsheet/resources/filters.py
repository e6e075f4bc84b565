"""``ss.sheet_filters``: filters saved on a sheet (``/sheets/{id}/filters``; Python SDK 4.4.0
``list_filters``, ``get_filter``, ``delete_filter``)."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.filters import SheetFilter


class SheetFilters(SmartsheetResource):
    @operation("list-sheet-filters", "GET", "/sheets/{sheetId}/filters")
    def list(self, sheet_id: int, *, page_size: int | None = None) -> AsyncPaginator[SheetFilter]:
        """The filters saved on a sheet (``GET /sheets/{sheetId}/filters``), page-numbered."""
        return self._index(sheet_id, cast_to=SheetFilter, page_size=page_size)

    @operation("get-sheet-filter", "GET", "/sheets/{sheetId}/filters/{filterId}")
    async def get(self, sheet_id: int, filter_id: int) -> SheetFilter:
        """One saved filter (``GET /sheets/{sheetId}/filters/{filterId}``).

        Raises:
            NotFoundError: no such sheet or filter.
        """
        return await self._object(sheet_id, filter_id, cast_to=SheetFilter)

    @operation("delete-sheet-filter", "DELETE", "/sheets/{sheetId}/filters/{filterId}")
    async def delete(self, sheet_id: int, filter_id: int) -> Result:
        """Delete a saved filter (``DELETE /sheets/{sheetId}/filters/{filterId}``)."""
        return await self._result(sheet_id, filter_id)
