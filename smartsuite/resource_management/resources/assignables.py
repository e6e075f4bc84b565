"""``rm.assignables``: projects and leave types together, decoded by their ``type``."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._resource import RMResource, operation
from ..models.projects import Assignable


class Assignables(RMResource):
    @operation("assignables", "GET", "/api/v1/assignables")
    def list(self, *, per_page: int | None = None) -> AsyncPaginator[Assignable]:
        """Walk every assignable: each item is a :class:`Project` or :class:`LeaveType`
        (an unknown kind decodes to :class:`AssignableBase`)."""
        return self._paginate("/assignables", Assignable, per_page=per_page)  # type: ignore[arg-type]

    @operation("assignables", "GET", "/api/v1/assignables/{assignable_id}")
    async def get(self, assignable_id: int) -> Assignable:
        """Whatever an ``assignable_id`` refers to, as its own model."""
        return await self._get(f"/assignables/{int(assignable_id)}", Assignable)  # type: ignore[arg-type]
