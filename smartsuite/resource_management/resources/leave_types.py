"""``rm.leave_types``: vacation, sick leave and other non-project assignables."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.projects import LeaveType


class LeaveTypes(RMResource):
    @operation("leave_types", "GET", "/api/v1/leave_types")
    def list(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[LeaveType]:
        """Walk the leave types."""
        return self._pages(cast_to=LeaveType, page_size=page_size)

    @operation("leave_types", "GET", "/api/v1/leave_types/{leave_type_id}")
    async def get(self, leave_type_id: int) -> LeaveType:
        """One leave type."""
        return await self._object(cast_to=LeaveType)
