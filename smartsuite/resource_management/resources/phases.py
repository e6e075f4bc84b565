"""``rm.phases``: phases of a project (child projects with a ``phase_name``)."""

from __future__ import annotations

import datetime as dt

from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource
from ..models.projects import Project


class Phases(RMResource):
    @operation("phases", "GET", "/api/v1/projects/{project_id}/phases")
    def list(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Project]:
        """Walk a project's phases (``GET /projects/{id}/phases``)."""
        return self._pages(cast_to=Project, page_size=page_size)

    @operation("phases", "POST", "/api/v1/projects/{project_id}/phases")
    async def create(
        self,
        project_id: int,
        *,
        phase_name: str,
        starts_at: dt.date,
        ends_at: dt.date,
        use_parent_bill_rates: bool | Unset = UNSET,
    ) -> Project:
        """Add a phase to a project (``POST /projects/{id}/phases``).

        Raises:
            NotFoundError: no such project.
            BadRequestError: missing name or dates.
        """
        body = self._body_of(locals(), "project_id")
        return await self._object(cast_to=Project, body=body)

    @operation("phases", "PUT", "/api/v1/projects/{project_id}/phases/{phase_id}")
    async def update(
        self,
        project_id: int,
        phase_id: int,
        *,
        phase_name: str | Unset = UNSET,
        starts_at: dt.date | Unset = UNSET,
        ends_at: dt.date | Unset = UNSET,
        use_parent_bill_rates: bool | Unset = UNSET,
    ) -> Project:
        """Change a phase; ``use_parent_bill_rates=True`` makes it inherit the project's rates."""
        body = self._body_of(locals(), "project_id", "phase_id")
        return await self._object(cast_to=Project, body=body)

    @operation("phases", "DELETE", "/api/v1/projects/{project_id}/phases/{phase_id}")
    async def delete(self, project_id: int, phase_id: int) -> None:
        """Delete a phase.

        Raises:
            BadRequestError: the phase still has assignments.
        """
        await self._no_content()
