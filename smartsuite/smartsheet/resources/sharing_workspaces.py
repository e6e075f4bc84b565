"""Deprecated workspace share methods, mixed into ``ss.sharing``; they forward to
``ss.shares`` (see :mod:`._share_shims`)."""

from __future__ import annotations

from collections.abc import Iterable

from ..._core.paging import AsyncPaginator
from ..models.common import Result
from ..models.shares import AssetShare
from ._share_shims import ShareInput, ShareShims


class WorkspaceSharing(ShareShims):
    """Deprecated workspace share methods: each warns and forwards to ``ss.shares`` with
    ``asset_type='workspace'``."""

    def list_workspace_shares(
        self,
        workspace_id: int,
        *,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[AssetShare]:
        """Deprecated: ``GET /workspaces/{workspaceId}/shares`` was removed on
        2026-06-03; this lists the
        workspace's shares through ``ss.shares.list('workspace', id)`` (token-paged; ``page_size``
        becomes ``maxItems``, ``access_api_level`` is no longer sent)."""
        return self._shim_list(
            "workspace", workspace_id, "GET /workspaces/{workspaceId}/shares", None, page_size
        )

    async def share_workspace(
        self,
        workspace_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[AssetShare]:
        """Deprecated: ``POST /workspaces/{workspaceId}/shares`` was removed on
        2026-06-03; this shares the
        workspace through ``ss.shares.share('workspace', id, shares)``."""
        return await self._shim_share(
            "workspace", workspace_id, "POST /workspaces/{workspaceId}/shares", shares, send_email
        )

    async def get_workspace_share(
        self, workspace_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> AssetShare:
        """Deprecated: ``GET /workspaces/{workspaceId}/shares/{shareId}`` was removed on
        2026-06-03; this
        reads the share through ``ss.shares.get('workspace', id, share_id)``."""
        return await self._shim_get(
            "workspace", workspace_id, "GET /workspaces/{workspaceId}/shares/{shareId}", share_id
        )

    async def update_workspace_share(
        self,
        workspace_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> AssetShare:
        """Deprecated: ``PUT /workspaces/{workspaceId}/shares/{shareId}`` was removed on
        2026-06-03; this
        changes the level through ``ss.shares.update('workspace', id, share_id, level)``
        (``PATCH /shares/{shareId}``)."""
        return await self._shim_update(
            "workspace",
            workspace_id,
            "PUT /workspaces/{workspaceId}/shares/{shareId}",
            share_id,
            access_level,
        )

    async def delete_workspace_share(
        self, workspace_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Result:
        """Deprecated: ``DELETE /workspaces/{workspaceId}/shares/{shareId}`` was removed on
        2026-06-03; this
        deletes the share through ``ss.shares.delete('workspace', id, share_id)``."""
        return await self._shim_delete(
            "workspace", workspace_id, "DELETE /workspaces/{workspaceId}/shares/{shareId}", share_id
        )
