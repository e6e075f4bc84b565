"""``rm.leave_types``: vacation, sick leave and other non-project assignables."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._resource import RMResource, operation
from ..models.projects import LeaveType


class LeaveTypes(RMResource):
    @operation("leave_types", "GET", "/api/v1/leave_types")
    def list(self, *, per_page: int | None = None) -> AsyncPaginator[LeaveType]:
        """Walk the leave types."""
        return self._paginate("/leave_types", LeaveType, per_page=per_page)

    @operation("leave_types", "GET", "/api/v1/leave_types/{leave_type_id}")
    async def get(self, leave_type_id: int) -> LeaveType:
        """One leave type."""
        return await self._get(f"/leave_types/{int(leave_type_id)}", LeaveType)
