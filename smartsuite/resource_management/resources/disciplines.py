"""``rm.disciplines``: disciplines (created in the Resource Management app, read here)."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.settings import Discipline


class Disciplines(RMResource):
    @operation("disciplines", "GET", "/api/v1/disciplines")
    def list(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Discipline]:
        """Walk the account's disciplines."""
        return self._pages(cast_to=Discipline, page_size=page_size)

    @operation("disciplines", "GET", "/api/v1/disciplines/{discipline_id}")
    async def get(self, discipline_id: int) -> Discipline:
        """One discipline.

        Raises:
            NotFoundError: no such discipline.
        """
        return await self._object(cast_to=Discipline)
