"""``rm.roles``: roles (created in the Resource Management app, read here)."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.settings import Role


class Roles(RMResource):
    @operation("roles", "GET", "/api/v1/roles")
    def list(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Role]:
        """Walk the account's roles."""
        return self._pages(cast_to=Role, page_size=page_size)

    @operation("roles", "GET", "/api/v1/roles/{role_id}")
    async def get(self, role_id: int) -> Role:
        """One role.

        Raises:
            NotFoundError: no such role.
        """
        return await self._object(cast_to=Role)
