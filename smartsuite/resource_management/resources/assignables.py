"""``rm.assignables``: projects and leave types together, decoded by their ``type``."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.projects import Assignable


class Assignables(RMResource):
    @operation("assignables", "GET", "/api/v1/assignables")
    def list(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Assignable]:
        """Walk every assignable: each item is a :class:`Project` or :class:`LeaveType`
        (an unknown kind decodes to :class:`AssignableBase`)."""
        return self._pages(cast_to=Assignable, page_size=page_size)  # type: ignore[arg-type]

    @operation("assignables", "GET", "/api/v1/assignables/{assignable_id}")
    async def get(self, assignable_id: int) -> Assignable:
        """Whatever an ``assignable_id`` refers to, as its own model."""
        return await self._object(cast_to=Assignable)  # type: ignore[arg-type]
