"""``ss.templates``: what is left of the template listings.

``GET /templates`` and ``GET /templates/public`` were removed from the API on 2026-06-03
(Python SDK 4.0.0, JavaScript SDK 5.0.0, C# SDK 7.0.0 changelogs). Templates are now listed as
children of the workspace or folder that holds them; Smartsheet names no replacement for the
public templates.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource
from ..models.children import Child, ChildTemplate
from ..models.containers import Template
from .children import as_template, warn_removed
from .folders import Folders
from .workspaces import Workspaces


class Templates(SmartsheetResource):
    def list(
        self,
        *,
        workspace_id: int | None = None,
        folder_id: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Template]:
        """Deprecated: ``GET /templates`` was removed on 2026-06-03.

        Warns, then lists the templates in one workspace or folder through its children
        (``childrenResourceTypes=sheets,templates``); give exactly one of ``workspace_id`` or
        ``folder_id``. Items that are not templates are skipped.

        Raises:
            ConfigurationError: neither or both of ``workspace_id`` and ``folder_id``.
        """
        from ..._core.errors import ConfigurationError

        if (workspace_id is None) == (folder_id is None):
            raise ConfigurationError(
                "GET /templates was removed on 2026-06-03: templates are listed per container; "
                "give exactly one of workspace_id= or folder_id="
            )
        warn_removed("GET /templates", "ss.workspaces/folders.children(id, resource_types=...)")
        types: Sequence[str] = ("sheets", "templates")
        if workspace_id is not None:
            listing = Workspaces(self._client).children(
                workspace_id, resource_types=types, page_size=page_size
            )
        else:
            assert folder_id is not None
            listing = Folders(self._client).children(
                folder_id, resource_types=types, page_size=page_size
            )
        return _only_templates(listing)


def _only_templates(listing: AsyncPaginator[Child]) -> AsyncPaginator[Template]:
    from ..._core.paging import Page

    async def fetch(cursor: object) -> Page[Template]:
        page = await listing.resume(cursor)
        items = [as_template(c) for c in page.items if isinstance(c, ChildTemplate)]
        return Page(items, page.next_cursor)

    paginator: AsyncPaginator[Template] = AsyncPaginator(fetch)
    return paginator
