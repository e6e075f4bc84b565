"""``rm.holidays``: the organisation's non-working days."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._resource import RMResource, operation
from ..models.settings import Holiday


class Holidays(RMResource):
    @operation("holidays", "GET", "/api/v1/holidays")
    def list(self, *, per_page: int | None = None) -> AsyncPaginator[Holiday]:
        """Walk the holidays."""
        return self._paginate("/holidays", Holiday, per_page=per_page)
