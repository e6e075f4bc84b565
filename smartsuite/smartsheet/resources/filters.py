"""``ss.sheet_filters``: filters saved on a sheet (``/sheets/{id}/filters``; Python SDK 4.4.0
``list_filters``, ``get_filter``, ``delete_filter``)."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.filters import SheetFilter


def _filters(sheet_id: int) -> str:
    return f"/sheets/{int(sheet_id)}/filters"


class SheetFilters(SmartsheetResource):
    @operation("list-sheet-filters", "GET", "/sheets/{sheetId}/filters")
    def list(self, sheet_id: int, *, page_size: int | None = None) -> AsyncPaginator[SheetFilter]:
        """The filters saved on a sheet (``GET /sheets/{sheetId}/filters``), page-numbered."""
        return self._paginate(_filters(sheet_id), SheetFilter, page_size=page_size)

    @operation("get-sheet-filter", "GET", "/sheets/{sheetId}/filters/{filterId}")
    async def get(self, sheet_id: int, filter_id: int) -> SheetFilter:
        """One saved filter (``GET /sheets/{sheetId}/filters/{filterId}``).

        Raises:
            NotFoundError: no such sheet or filter.
        """
        return await self._get(f"{_filters(sheet_id)}/{int(filter_id)}", SheetFilter)

    @operation("delete-sheet-filter", "DELETE", "/sheets/{sheetId}/filters/{filterId}")
    async def delete(self, sheet_id: int, filter_id: int) -> Result:
        """Delete a saved filter (``DELETE /sheets/{sheetId}/filters/{filterId}``)."""
        return await self._result("DELETE", f"{_filters(sheet_id)}/{int(filter_id)}")
