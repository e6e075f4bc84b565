"""``ss.folders``: folders, their subfolders, copies and moves."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from .._resource import operation
from ..models.common import Result
from ..models.containers import Folder
from ._containers import copy_params, destination, name_body
from ._payload import PayloadResource, path_id


def _path(folder_id: int) -> str:
    return f"/folders/{path_id(folder_id, 'folder_id')}"


class Folders(PayloadResource):
    @operation("get-folder", "GET", "/folders/{folderId}")
    async def get(self, folder_id: int, *, include: Sequence[str] | None = None) -> Folder:
        """A folder with its subfolders, sheets, reports, dashboards and templates
        (``GET /folders/{folderId}``, ``get-folder``).

        Args:
            include: ``source``, ``distributionLink``, ``ownerInfo``, ``sheetVersion``,
                ``permalinks``.

        Raises:
            NotFoundError: no such folder.
        """
        return await self._get(_path(folder_id), Folder, {"include": include})

    @operation("update-folder", "PUT", "/folders/{folderId}")
    async def update(self, folder_id: int, name: str) -> Folder:
        """Rename a folder (``PUT /folders/{folderId}``, ``update-folder``)."""
        return await self._send("PUT", _path(folder_id), Folder, json=name_body(name, "folder"))

    @operation("delete-folder", "DELETE", "/folders/{folderId}")
    async def delete(self, folder_id: int) -> Result:
        """Delete a folder and everything in it (``DELETE /folders/{folderId}``)."""
        return await self._result("DELETE", _path(folder_id))

    @operation("list-folders", "GET", "/folders/{folderId}/folders")
    def list_folders(
        self, folder_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Folder]:
        """A folder's direct subfolders (``GET /folders/{folderId}/folders``)."""
        return self._paginate(f"{_path(folder_id)}/folders", Folder, page_size=page_size)

    @operation("create-folder-folder", "POST", "/folders/{folderId}/folders")
    async def create_folder(self, folder_id: int, name: str) -> Folder:
        """Create a subfolder (``POST /folders/{folderId}/folders``, ``create-folder-folder``)."""
        return await self._send(
            "POST", f"{_path(folder_id)}/folders", Folder, json=name_body(name, "folder")
        )

    @operation("copy-folder", "POST", "/folders/{folderId}/copy")
    async def copy(
        self,
        folder_id: int,
        destination_type: str,
        destination_id: int | None,
        *,
        new_name: str | None = None,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        skip_remap: Sequence[str] | None = None,
    ) -> Folder:
        """Copy a folder into a folder, a workspace or Home
        (``POST /folders/{folderId}/copy``, ``copy-folder``).

        Args:
            folder_id: the folder to copy.
            destination_type: ``folder``, ``workspace`` or ``home``.
            destination_id: the destination's id (None for ``home``).
            new_name: the copy's name (defaults to the folder's).
            include: what to copy besides structure: ``data``, ``attachments``,
                ``discussions``, ``cellLinks``, ``forms``, ``rules``, ``shares`` ...
            exclude: ``sheetHyperlinks``.
            skip_remap: references not to re-map.

        Returns:
            The new folder (id, name, permalink).

        Raises:
            ConfigurationError: an unknown destination type or a missing destination id.
        """
        return await self._send(
            "POST",
            f"{_path(folder_id)}/copy",
            Folder,
            json=destination(destination_type, destination_id, new_name),
            params=copy_params(include, skip_remap, exclude),
        )

    @operation("move-folder", "POST", "/folders/{folderId}/move")
    async def move(
        self, folder_id: int, destination_type: str, destination_id: int | None
    ) -> Folder:
        """Move a folder into another folder, a workspace or Home
        (``POST /folders/{folderId}/move``, ``move-folder``).

        Raises:
            ConfigurationError: an unknown destination type or a missing destination id.
            BadRequestError: moving a folder into itself or one of its subfolders.
        """
        return await self._send(
            "POST",
            f"{_path(folder_id)}/move",
            Folder,
            json=destination(destination_type, destination_id),
        )
