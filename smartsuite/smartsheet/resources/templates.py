"""``ss.templates``: the user's templates and Smartsheet's public ones."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.containers import Template


class Templates(SmartsheetResource):
    @operation("templates-list", "GET", "/templates")
    def list(
        self, *, access_api_level: int | None = None, page_size: int | None = None
    ) -> AsyncPaginator[Template]:
        """Templates the user created or can use (``GET /templates``, ``templates-list``)."""
        params = {"accessApiLevel": access_api_level}
        return self._paginate("/templates", Template, params, page_size=page_size)

    @operation("templates-listPublic", "GET", "/templates/public")
    def list_public(
        self, *, access_api_level: int | None = None, page_size: int | None = None
    ) -> AsyncPaginator[Template]:
        """Smartsheet's public templates (``GET /templates/public``, ``templates-listPublic``)."""
        params = {"accessApiLevel": access_api_level}
        return self._paginate("/templates/public", Template, params, page_size=page_size)
