"""``ss.workspaces``: workspaces and the folders at their top level."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from .._resource import operation
from ..models.common import Result
from ..models.containers import Folder, Workspace
from ._containers import copy_params, name_body
from ._payload import PayloadResource, path_id


def _path(workspace_id: int) -> str:
    return f"/workspaces/{path_id(workspace_id, 'workspace_id')}"


class Workspaces(PayloadResource):
    @operation("list-workspaces", "GET", "/workspaces")
    def list(
        self, *, access_api_level: int | None = None, page_size: int | None = None
    ) -> AsyncPaginator[Workspace]:
        """List the workspaces the user can see (``GET /workspaces``, ``list-workspaces``).

        Args:
            access_api_level: 1 to report viewer-commenter access as ``COMMENTER``.
            page_size: page size for the walk.
        """
        params = {"accessApiLevel": access_api_level}
        return self._paginate("/workspaces", Workspace, params, page_size=page_size)

    @operation("get-workspace", "GET", "/workspaces/{workspaceId}")
    async def get(
        self,
        workspace_id: int,
        *,
        include: Sequence[str] | None = None,
        access_api_level: int | None = None,
    ) -> Workspace:
        """A workspace with its folders, sheets, reports, dashboards and templates
        (``GET /workspaces/{workspaceId}``, ``get-workspace``).

        Args:
            include: ``source``, ``distributionLink``, ``ownerInfo``, ``sheetVersion``,
                ``permalinks``.
            access_api_level: 1 to report viewer-commenter access as ``COMMENTER``.

        Raises:
            NotFoundError: no such workspace.
        """
        params = {"include": include, "accessApiLevel": access_api_level}
        return await self._get(_path(workspace_id), Workspace, params)

    @operation("create-workspace", "POST", "/workspaces")
    async def create(self, name: str) -> Workspace:
        """Create a workspace (``POST /workspaces``, ``create-workspace``)."""
        return await self._payload_one(
            "POST", "/workspaces", Workspace, json=name_body(name, "workspace")
        )

    @operation("update-workspace", "PUT", "/workspaces/{workspaceId}")
    async def update(
        self, workspace_id: int, name: str, *, access_api_level: int | None = None
    ) -> Workspace:
        """Rename a workspace (``PUT /workspaces/{workspaceId}``, ``update-workspace``)."""
        return await self._send(
            "PUT",
            _path(workspace_id),
            Workspace,
            json=name_body(name, "workspace"),
            params={"accessApiLevel": access_api_level},
        )

    @operation("delete-workspace", "DELETE", "/workspaces/{workspaceId}")
    async def delete(self, workspace_id: int) -> Result:
        """Delete a workspace and everything in it (``DELETE /workspaces/{workspaceId}``)."""
        return await self._result("DELETE", _path(workspace_id))

    @operation("copy-workspace", "POST", "/workspaces/{workspaceId}/copy")
    async def copy(
        self,
        workspace_id: int,
        new_name: str,
        *,
        include: Sequence[str] | None = None,
        skip_remap: Sequence[str] | None = None,
    ) -> Workspace:
        """Copy a workspace (``POST /workspaces/{workspaceId}/copy``, ``copy-workspace``).

        Args:
            workspace_id: the workspace to copy.
            new_name: the copy's name.
            include: what to copy besides structure: ``all``, ``data``, ``attachments``,
                ``discussions``, ``cellLinks``, ``forms``, ``rules``, ``shares`` ...
            skip_remap: references not to re-map: ``cellLinks``, ``reports``,
                ``sheetHyperlinks``, ``sights``.

        Returns:
            The new workspace (id, name, permalink).
        """
        return await self._payload_one(
            "POST",
            f"{_path(workspace_id)}/copy",
            Workspace,
            json={"newName": name_body(new_name, "workspace copy")["name"]},
            params=copy_params(include, skip_remap),
        )

    @operation("get-workspace-folders", "GET", "/workspaces/{workspaceId}/folders")
    def list_folders(
        self, workspace_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Folder]:
        """The folders at a workspace's top level (``GET /workspaces/{workspaceId}/folders``)."""
        return self._paginate(f"{_path(workspace_id)}/folders", Folder, page_size=page_size)

    @operation("create-workspace-folder", "POST", "/workspaces/{workspaceId}/folders")
    async def create_folder(self, workspace_id: int, name: str) -> Folder:
        """Create a folder at a workspace's top level
        (``POST /workspaces/{workspaceId}/folders``, ``create-workspace-folder``)."""
        return await self._send(
            "POST", f"{_path(workspace_id)}/folders", Folder, json=name_body(name, "folder")
        )
