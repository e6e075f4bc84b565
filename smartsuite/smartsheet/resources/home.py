"""``ss.home``: the Home tab and the folders at its top level."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.containers import Folder, Home
from ._containers import name_body


class HomeResource(SmartsheetResource):
    @operation("list-home-contents", "GET", "/folders/personal")
    async def contents(self, *, include: Sequence[str] | None = None) -> Home:
        """Everything on the Home tab (``GET /folders/personal``, ``list-home-contents``).

        Args:
            include: ``source``, ``distributionLink``, ``ownerInfo``, ``sheetVersion``,
                ``permalinks``.
        """
        return await self._get("/folders/personal", Home, {"include": include})

    @operation("home-list-folders", "GET", "/home/folders")
    def list_folders(self, *, page_size: int | None = None) -> AsyncPaginator[Folder]:
        """The folders at Home's top level (``GET /home/folders``, ``home-list-folders``)."""
        return self._paginate("/home/folders", Folder, page_size=page_size)

    @operation("create-home-folder", "POST", "/home/folders")
    async def create_folder(self, name: str) -> Folder:
        """Create a folder at Home's top level (``POST /home/folders``)."""
        return await self._send("POST", "/home/folders", Folder, json=name_body(name, "folder"))
