"""``rm.disciplines``: disciplines (created in the Resource Management app, read here)."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._resource import RMResource, operation
from ..models.settings import Discipline


class Disciplines(RMResource):
    @operation("disciplines", "GET", "/api/v1/disciplines")
    def list(self, *, per_page: int | None = None) -> AsyncPaginator[Discipline]:
        """Walk the account's disciplines."""
        return self._paginate("/disciplines", Discipline, per_page=per_page)

    @operation("disciplines", "GET", "/api/v1/disciplines/{discipline_id}")
    async def get(self, discipline_id: int) -> Discipline:
        """One discipline.

        Raises:
            NotFoundError: no such discipline.
        """
        return await self._get(f"/disciplines/{int(discipline_id)}", Discipline)
