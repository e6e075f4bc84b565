"""``ss.paths``: where a sheet, report, dashboard or folder lives
(``GET /{sheets|reports|sights|folders}/{id}/path``, added 2026-02-16: developers.smartsheet.com
changelog; Python SDK 4.4.0 ``get_*_path``)."""

from __future__ import annotations

from .._resource import SmartsheetResource, operation
from ..models.paths import PathNode


class Paths(SmartsheetResource):
    @operation("get-sheet-path", "GET", "/sheets/{sheetId}/path")
    async def sheet(self, sheet_id: int) -> PathNode:
        """The workspace and folders above a sheet, down to the sheet (``get-sheet-path``).
        ``(await ss.paths.sheet(id)).names()`` gives ``["Team", "Plans", "Q3 plan"]``."""
        return await self._object(sheet_id, cast_to=PathNode)

    @operation("get-report-path", "GET", "/reports/{reportId}/path")
    async def report(self, report_id: int) -> PathNode:
        """Where a report lives (``get-report-path``)."""
        return await self._object(report_id, cast_to=PathNode)

    @operation("get-sight-path", "GET", "/sights/{sightId}/path")
    async def dashboard(self, dashboard_id: int) -> PathNode:
        """Where a dashboard lives (``get-sight-path``)."""
        return await self._object(dashboard_id, cast_to=PathNode)

    @operation("get-folder-path", "GET", "/folders/{folderId}/path")
    async def folder(self, folder_id: int) -> PathNode:
        """The workspace and folders above a folder, down to the folder (``get-folder-path``)."""
        return await self._object(folder_id, cast_to=PathNode)
