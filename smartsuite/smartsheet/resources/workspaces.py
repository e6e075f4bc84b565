"""``ss.workspaces``: workspaces, their metadata and children (token-paged), and folders."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

import attrs

from ..._core.ids import ident
from ..._core.paging import AsyncPaginator
from ..._core.renames import renamed_arg
from .._resource import operation
from ..models.children import Child, TreeEntry
from ..models.common import Result
from ..models.containers import Folder, Workspace
from ._containers import copy_params, name_body
from ._params import csv_param
from .children import ChildrenMixin, as_folder, warn_removed


class Workspaces(ChildrenMixin):
    _kind = "workspaces"

    @operation("list-workspaces", "GET", "/workspaces")
    def list(
        self, *, page_size: int | None = None, max_items: int | None = None
    ) -> AsyncPaginator[Workspace]:
        """List the workspaces the user can see (``GET /workspaces``, ``list-workspaces``).

        Token-paged since 2026-06-03: sends ``paginationType=token``, ``maxItems`` and
        ``lastKey``; pages carry no totals. Save a page's ``next_cursor`` and call
        ``.resume(cursor)`` on a new paginator to continue later.

        Args:
            page_size: items per request (``maxItems``); ``max_items`` is its deprecated name.
        """
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        return self._token_pages(cast_to=Workspace, page_size=size, pagination_type=True)

    @operation("get-workspace-metadata", "GET", "/workspaces/{workspaceId}/metadata")
    async def metadata(
        self, workspace_id: int, *, include: Sequence[str] | None = None
    ) -> Workspace:
        """A workspace without its contents (``GET /workspaces/{workspaceId}/metadata``,
        ``get-workspace-metadata``).

        Args:
            include: ``source``.

        Raises:
            NotFoundError: no such workspace.
        """
        return await self._object(
            workspace_id, cast_to=Workspace, params={"include": csv_param(include)}
        )

    @operation("get-workspace-children", "GET", "/workspaces/{workspaceId}/children")
    def children(
        self,
        workspace_id: int,
        *,
        resource_types: Sequence[str] | str | None = None,
        include: Sequence[str] | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Child]:
        """What is directly in a workspace (``GET /workspaces/{workspaceId}/children``,
        ``get-workspace-children``), token-paged.

        Each item is a :class:`ChildSheet`, :class:`ChildReport`, :class:`ChildSight`,
        :class:`ChildFolder` or :class:`ChildTemplate` by its ``resourceType``; anything else
        is an :class:`UnknownChild` holding the raw object.

        Args:
            resource_types: ``sheets``, ``reports``, ``sights``, ``folders``, ``templates``
                (``childrenResourceTypes``; asking for templates adds sheets, which the API
                needs for templates to show).
            include: ``source``, ``ownerInfo``.
            page_size: items per request (``maxItems``); ``max_items`` is its deprecated name.
        """
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        return self._children(workspace_id, resource_types, include, size)

    async def walk(
        self, workspace_id: int, *, include: Sequence[str] | None = None
    ) -> AsyncIterator[TreeEntry]:
        """Every item in a workspace and its folders, breadth first: one
        :class:`TreeEntry` (the child and the folder names above it) per item.

        The API has no recursive listing (no ``loadAll``), so this lists the workspace's
        children, then each folder's, one folder at a time.

        Raises:
            PagingError: a folder seen twice, or more than 100,000 folders.
        """
        from .folders import Folders

        async for entry in self._walk(
            Folders(self._client), ident(workspace_id, "workspace_id"), include
        ):
            yield entry

    async def get(
        self,
        workspace_id: int,
        *,
        include: Sequence[str] | None = None,
        access_api_level: int | None = None,
    ) -> Workspace:
        """Deprecated: ``GET /workspaces/{workspaceId}`` was removed on 2026-06-03.

        Warns, then builds the old answer from :meth:`metadata` and :meth:`children`: the
        workspace with its top-level folders, sheets, reports, dashboards and templates.
        """
        warn_removed(
            "GET /workspaces/{workspaceId}", "ss.workspaces.metadata() + ss.workspaces.children()"
        )
        workspace = await self.metadata(workspace_id)
        contents = await self._legacy_contents(workspace_id)
        return attrs.evolve(workspace, **contents)

    @operation("create-workspace", "POST", "/workspaces")
    async def create(self, name: str) -> Workspace:
        """Create a workspace (``POST /workspaces``, ``create-workspace``)."""
        return (await self._result(cast_to=Workspace, json=name_body(name, "workspace"))).result

    @operation("update-workspace", "PUT", "/workspaces/{workspaceId}")
    async def update(
        self, workspace_id: int, name: str, *, access_api_level: int | None = None
    ) -> Workspace:
        """Rename a workspace (``PUT /workspaces/{workspaceId}``, ``update-workspace``)."""
        result = await self._result(
            workspace_id,
            cast_to=Workspace,
            json=name_body(name, "workspace"),
            params={"accessApiLevel": access_api_level},
        )
        return result.result

    @operation("delete-workspace", "DELETE", "/workspaces/{workspaceId}")
    async def delete(self, workspace_id: int) -> Result:
        """Delete a workspace and everything in it (``DELETE /workspaces/{workspaceId}``)."""
        return await self._result(workspace_id)

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
        result = await self._result(
            workspace_id,
            cast_to=Workspace,
            json={"newName": name_body(new_name, "workspace copy")["name"]},
            params=copy_params(include, skip_remap),
        )
        return result.result

    def list_folders(
        self, workspace_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Folder]:
        """Deprecated: ``GET /workspaces/{workspaceId}/folders`` was removed on 2026-06-03.

        Warns, then lists :meth:`children` with ``resource_types=["folders"]`` as
        :class:`Folder` objects.
        """
        warn_removed(
            "GET /workspaces/{workspaceId}/folders",
            "ss.workspaces.children(id, resource_types=['folders'])",
        )
        listing = self._children(workspace_id, ["folders"], None, page_size)
        return listing.map(as_folder)

    @operation("create-workspace-folder", "POST", "/workspaces/{workspaceId}/folders")
    async def create_folder(self, workspace_id: int, name: str) -> Folder:
        """Create a folder at a workspace's top level
        (``POST /workspaces/{workspaceId}/folders``, ``create-workspace-folder``)."""
        result = await self._result(workspace_id, cast_to=Folder, json=name_body(name, "folder"))
        return result.result
