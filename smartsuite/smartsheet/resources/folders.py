"""``ss.folders``: folders, their metadata and children (token-paged), copies and moves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

import attrs

from ..._core.ids import ident
from ..._core.paging import AsyncPaginator
from ..._core.renames import renamed_arg
from .._resource import operation
from ..models.children import Child, TreeEntry
from ..models.common import Result
from ..models.containers import Folder
from ._containers import copy_params, destination, name_body
from ._params import csv_param
from .children import ChildrenMixin, as_folder, warn_removed


class Folders(ChildrenMixin):
    _kind = "folders"

    @operation("get-folder-metadata", "GET", "/folders/{folderId}/metadata")
    async def metadata(self, folder_id: int, *, include: Sequence[str] | None = None) -> Folder:
        """A folder without its contents (``GET /folders/{folderId}/metadata``,
        ``get-folder-metadata``).

        Args:
            include: ``source``.

        Raises:
            NotFoundError: no such folder.
        """
        return await self._object(folder_id, cast_to=Folder, params={"include": csv_param(include)})

    @operation("get-folder-children", "GET", "/folders/{folderId}/children")
    def children(
        self,
        folder_id: int,
        *,
        resource_types: Sequence[str] | str | None = None,
        include: Sequence[str] | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Child]:
        """What is directly in a folder (``GET /folders/{folderId}/children``,
        ``get-folder-children``), token-paged; items are typed by ``resourceType`` as in
        :meth:`Workspaces.children <.workspaces.Workspaces.children>` (``max_items`` is the
        deprecated name of ``page_size``)."""
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        return self._children(folder_id, resource_types, include, size)

    async def walk(
        self, folder_id: int, *, include: Sequence[str] | None = None
    ) -> AsyncIterator[TreeEntry]:
        """Every item in a folder and its subfolders, breadth first (see
        :meth:`Workspaces.walk <.workspaces.Workspaces.walk>`)."""
        async for entry in self._walk(self, ident(folder_id, "folder_id"), include):
            yield entry

    async def get(self, folder_id: int, *, include: Sequence[str] | None = None) -> Folder:
        """Deprecated: ``GET /folders/{folderId}`` was removed on 2026-06-03.

        Warns, then builds the old answer from :meth:`metadata` and :meth:`children`: the
        folder with its direct subfolders, sheets, reports, dashboards and templates.
        """
        warn_removed("GET /folders/{folderId}", "ss.folders.metadata() + ss.folders.children()")
        folder = await self.metadata(folder_id)
        contents = await self._legacy_contents(folder_id)
        return attrs.evolve(folder, **contents)

    @operation("update-folder", "PUT", "/folders/{folderId}")
    async def update(self, folder_id: int, name: str) -> Folder:
        """Rename a folder (``PUT /folders/{folderId}``, ``update-folder``)."""
        body = name_body(name, "folder")
        return (await self._result(folder_id, cast_to=Folder, json=body)).result

    @operation("delete-folder", "DELETE", "/folders/{folderId}")
    async def delete(self, folder_id: int) -> Result:
        """Delete a folder and everything in it (``DELETE /folders/{folderId}``)."""
        return await self._result(folder_id)

    def list_folders(
        self, folder_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Folder]:
        """Deprecated: ``GET /folders/{folderId}/folders`` was removed on 2026-06-03.

        Warns, then lists :meth:`children` with ``resource_types=["folders"]``.
        """
        warn_removed(
            "GET /folders/{folderId}/folders",
            "ss.folders.children(id, resource_types=['folders'])",
        )
        return self._children(folder_id, ["folders"], None, page_size).map(as_folder)

    @operation("create-folder-folder", "POST", "/folders/{folderId}/folders")
    async def create_folder(self, folder_id: int, name: str) -> Folder:
        """Create a subfolder (``POST /folders/{folderId}/folders``, ``create-folder-folder``)."""
        body = name_body(name, "folder")
        return (await self._result(folder_id, cast_to=Folder, json=body)).result

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
        body = destination(destination_type, destination_id, new_name)
        params = copy_params(include, skip_remap, exclude)
        return (await self._result(folder_id, cast_to=Folder, json=body, params=params)).result

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
        body = destination(destination_type, destination_id)
        return (await self._result(folder_id, cast_to=Folder, json=body)).result
