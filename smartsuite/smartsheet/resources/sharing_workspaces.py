"""Workspace shares, mixed into ``ss.sharing`` (:class:`~.sharing.Sharing`).

The methods lean on the share helpers every object kind uses (``_list``, ``_create`` ...),
declared here as a protocol so this module stays independent of the class it is mixed into.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from ..._core.paging import AsyncPaginator
from .._resource import operation
from ..models.common import Result
from ..models.sharing import Share
from ._payload import path_id

ShareInput = Share | Mapping[str, Any]


class _ShareHelpers(Protocol):
    def _list(
        self,
        collection: str,
        sharing_include: str | None,
        access_api_level: int | None,
        page_size: int | None,
    ) -> AsyncPaginator[Share]: ...

    async def _create(
        self,
        collection: str,
        shares: ShareInput | Iterable[ShareInput],
        send_email: bool | None,
        access_api_level: int | None,
    ) -> list[Share]: ...

    async def _get_share(
        self, collection: str, share_id: str, access_api_level: int | None
    ) -> Share: ...

    async def _update(
        self, collection: str, share_id: str, access_level: str, access_api_level: int | None
    ) -> Share: ...

    async def _delete(
        self, collection: str, share_id: str, access_api_level: int | None
    ) -> Result: ...


def _shares(workspace_id: int) -> str:
    return f"/workspaces/{path_id(workspace_id, 'workspace_id')}/shares"


class WorkspaceSharing:
    @operation("list-workspace-shares", "GET", "/workspaces/{workspaceId}/shares")
    def list_workspace_shares(
        self: _ShareHelpers,
        workspace_id: int,
        *,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Share]:
        """List a workspace's shares (``GET /workspaces/{workspaceId}/shares``,
        ``list-workspace-shares``).

        Returns:
            A paginator of :class:`Share`.
        """
        return self._list(_shares(workspace_id), None, access_api_level, page_size)

    @operation("share-workspace", "POST", "/workspaces/{workspaceId}/shares")
    async def share_workspace(
        self: _ShareHelpers,
        workspace_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[Share]:
        """Share a workspace with users or groups (``POST /workspaces/{workspaceId}/shares``,
        ``share-workspace``). Everything in the workspace is shared with it.

        Args:
            workspace_id: the workspace.
            shares: one :class:`Share` (or dict) or several; each needs ``access_level`` and
                one of ``email`` (a primary address), ``user_id`` or ``group_id``.
            send_email: notify the recipients.
            access_api_level: 1 to allow ``COMMENTER``.

        Returns:
            The created shares, one per input.

        Raises:
            ConfigurationError: a share without an access level or recipient.
        """
        return await self._create(_shares(workspace_id), shares, send_email, access_api_level)

    @operation("share-workspace-get", "GET", "/workspaces/{workspaceId}/shares/{shareId}")
    async def get_workspace_share(
        self: _ShareHelpers,
        workspace_id: int,
        share_id: str,
        *,
        access_api_level: int | None = None,
    ) -> Share:
        """One share of a workspace (``GET /workspaces/{workspaceId}/shares/{shareId}``).

        Raises:
            NotFoundError: no such workspace or share.
        """
        return await self._get_share(_shares(workspace_id), share_id, access_api_level)

    @operation("update-workspace-share", "PUT", "/workspaces/{workspaceId}/shares/{shareId}")
    async def update_workspace_share(
        self: _ShareHelpers,
        workspace_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> Share:
        """Change a workspace share's access level
        (``PUT /workspaces/{workspaceId}/shares/{shareId}``, ``update-workspace-share``).

        Returns:
            The updated share.
        """
        return await self._update(_shares(workspace_id), share_id, access_level, access_api_level)

    @operation("delete-workspace-share", "DELETE", "/workspaces/{workspaceId}/shares/{shareId}")
    async def delete_workspace_share(
        self: _ShareHelpers,
        workspace_id: int,
        share_id: str,
        *,
        access_api_level: int | None = None,
    ) -> Result:
        """Stop sharing a workspace with someone
        (``DELETE /workspaces/{workspaceId}/shares/{shareId}``, ``delete-workspace-share``)."""
        return await self._delete(_shares(workspace_id), share_id, access_api_level)
