"""``ss.home``: the Home tab and the folders at its top level.

Smartsheet deprecated the Home / "Sheets folder" endpoints on 2025-03-25 and withdrew their
sunset date on 2026-01-09 (developers.smartsheet.com changelog): they still answer, and each
method here warns (DeprecationWarning). Use workspaces (``ss.workspaces.children``) instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.containers import Folder, Home
from ._containers import name_body
from ._deprecation import warn_deprecated
from ._params import csv_param


class HomeResource(SmartsheetResource):
    @operation("list-all-contents", "GET", "/home")
    async def list_all_contents(
        self, *, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> Home:
        """Everything the user can reach from Home (``GET /home``), as the Python SDK 4.4.0
        lists it. Deprecated by Smartsheet but answered: warns.

        Args:
            include: ``source``, ``ownerInfo``, ``sheetVersion``, ``permalinks`` ...
            exclude: ``permalinks``.
        """
        warn_deprecated("GET /home", "ss.workspaces.list() and ss.workspaces.children()")
        params = {"include": csv_param(include), "exclude": csv_param(exclude)}
        return await self._object(cast_to=Home, params=params)

    @operation("list-home-contents", "GET", "/folders/personal")
    async def contents(self, *, include: Sequence[str] | None = None) -> Home:
        """Everything on the Home tab (``GET /folders/personal``, ``list-home-contents``).
        Deprecated by Smartsheet but answered: warns.

        Args:
            include: ``source``, ``distributionLink``, ``ownerInfo``, ``sheetVersion``,
                ``permalinks``.
        """
        warn_deprecated("GET /folders/personal", "ss.workspaces.children()")
        return await self._object(cast_to=Home, params={"include": csv_param(include)})

    @operation("home-list-folders", "GET", "/home/folders")
    def list_folders(self, *, page_size: int | None = None) -> AsyncPaginator[Folder]:
        """The folders at Home's top level (``GET /home/folders``, ``home-list-folders``).
        Deprecated by Smartsheet but answered: warns."""
        warn_deprecated("GET /home/folders", "ss.workspaces.children(id, resource_types=...)")
        return self._index(cast_to=Folder, page_size=page_size)

    @operation("create-home-folder", "POST", "/home/folders")
    async def create_folder(self, name: str) -> Folder:
        """Create a folder at Home's top level (``POST /home/folders``). Deprecated by
        Smartsheet but answered: warns."""
        warn_deprecated("POST /home/folders", "ss.workspaces.create_folder()")
        return (await self._result(cast_to=Folder, json=name_body(name, "folder"))).result
