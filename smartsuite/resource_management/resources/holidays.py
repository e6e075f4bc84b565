"""``rm.holidays``: the organisation's non-working days."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.settings import Holiday


class Holidays(RMResource):
    @operation("holidays", "GET", "/api/v1/holidays")
    def list(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Holiday]:
        """Walk the holidays."""
        return self._pages(cast_to=Holiday, page_size=page_size)
