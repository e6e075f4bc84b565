"""``ss.search``: search everything the user can see, or one sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..._core.errors import ConfigurationError
from .._resource import SmartsheetResource, operation
from ..models.discovery import SearchResult
from ._params import when_param


def _query(text: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ConfigurationError("a search needs non-empty query text")
    return text


class Search(SmartsheetResource):
    @operation("list-search", "GET", "/search")
    async def everything(
        self,
        query: str,
        *,
        scopes: Sequence[str] | None = None,
        include: Sequence[str] | None = None,
        modified_since: dt.datetime | str | None = None,
        location: str | None = None,
    ) -> SearchResult:
        """Search sheet, folder, workspace and template names, cell text, comments ...
        (``GET /search``, ``list-search``). Wrap the query in double quotes for an exact
        phrase; otherwise every word must match.

        Args:
            query: the text to find.
            scopes: restrict to ``cellData``, ``sheetNames``, ``folderNames``,
                ``workspaceNames``, ``templateNames``, ``reportNames``, ``sightNames``,
                ``attachments``, ``comments``, ``summaryFields``.
            include: ``favoriteFlag`` to flag favorites in the results.
            modified_since: only objects modified since then.
            location: ``personalWorkspace`` (deprecated by Smartsheet).

        Returns:
            At most 100 hits and the total count.

        Raises:
            ConfigurationError: an empty query.
        """
        params = {
            "query": _query(query),
            "scopes": scopes,
            "include": include,
            "modifiedSince": when_param(modified_since),
            "location": location,
        }
        return await self._object(cast_to=SearchResult, params=params)

    @operation("list-search-sheet", "GET", "/search/sheets/{sheetId}")
    async def sheet(self, sheet_id: int, query: str) -> SearchResult:
        """Search one sheet's cells, name and comments (``GET /search/sheets/{sheetId}``).

        Raises:
            ConfigurationError: an empty query.
            NotFoundError: no such sheet.
        """
        return await self._object(sheet_id, cast_to=SearchResult, params={"query": _query(query)})
