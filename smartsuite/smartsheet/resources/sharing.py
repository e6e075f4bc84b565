"""``ss.sharing``: the per-object share methods, kept for compatibility.

The ``/{sheets|workspaces|reports|sights}/{id}/shares`` endpoints were removed on 2026-06-03;
every method here warns (DeprecationWarning) and forwards to :class:`~.shares.Shares`
(``ss.shares``). Use ``ss.shares`` in new code.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..._core.paging import AsyncPaginator
from ..models.common import Result
from ..models.shares import AssetShare
from ._share_shims import ShareInput, ShareShims
from .sharing_reports import DashboardSharing, ReportSharing
from .sharing_workspaces import WorkspaceSharing

__all__ = ["ShareInput", "Sharing"]


class Sharing(WorkspaceSharing, ReportSharing, DashboardSharing, ShareShims):
    """Deprecated sheet share methods: each warns and forwards to ``ss.shares`` with
    ``asset_type='sheet'``."""

    def list_sheet_shares(
        self,
        sheet_id: int,
        *,
        sharing_include: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[AssetShare]:
        """Deprecated: ``GET /sheets/{sheetId}/shares`` was removed on 2026-06-03; this lists the
        sheet's shares through ``ss.shares.list('sheet', id)`` (token-paged; ``page_size``
        becomes ``maxItems``, ``access_api_level`` is no longer sent)."""
        return self._shim_list(
            "sheet", sheet_id, "GET /sheets/{sheetId}/shares", sharing_include, page_size
        )

    async def share_sheet(
        self,
        sheet_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[AssetShare]:
        """Deprecated: ``POST /sheets/{sheetId}/shares`` was removed on 2026-06-03; this shares the
        sheet through ``ss.shares.share('sheet', id, shares)``."""
        return await self._shim_share(
            "sheet", sheet_id, "POST /sheets/{sheetId}/shares", shares, send_email
        )

    async def get_sheet_share(
        self, sheet_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> AssetShare:
        """Deprecated: ``GET /sheets/{sheetId}/shares/{shareId}`` was removed on 2026-06-03; this
        reads the share through ``ss.shares.get('sheet', id, share_id)``."""
        return await self._shim_get(
            "sheet", sheet_id, "GET /sheets/{sheetId}/shares/{shareId}", share_id
        )

    async def update_sheet_share(
        self,
        sheet_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> AssetShare:
        """Deprecated: ``PUT /sheets/{sheetId}/shares/{shareId}`` was removed on 2026-06-03; this
        changes the level through ``ss.shares.update('sheet', id, share_id, level)``
        (``PATCH /shares/{shareId}``)."""
        return await self._shim_update(
            "sheet", sheet_id, "PUT /sheets/{sheetId}/shares/{shareId}", share_id, access_level
        )

    async def delete_sheet_share(
        self, sheet_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Result:
        """Deprecated: ``DELETE /sheets/{sheetId}/shares/{shareId}`` was removed on 2026-06-03; this
        deletes the share through ``ss.shares.delete('sheet', id, share_id)``."""
        return await self._shim_delete(
            "sheet", sheet_id, "DELETE /sheets/{sheetId}/shares/{shareId}", share_id
        )
