"""``rm.subtasks``: an assignment's task list."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource
from ..models.work import Subtask

_BASE = "/api/v1/projects/{project_id}/assignments/{assignment_id}/subtasks"


class Subtasks(RMResource):
    @operation("subtasks", "GET", _BASE)
    def list(
        self,
        project_id: int,
        assignment_id: int,
        *,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[Subtask]:
        """Walk an assignment's subtasks."""
        return self._pages(cast_to=Subtask, page_size=page_size)

    @operation("subtasks", "GET", _BASE + "/{subtask_id}")
    async def get(self, project_id: int, assignment_id: int, subtask_id: int) -> Subtask:
        """One subtask."""
        return await self._object(cast_to=Subtask)

    @operation("subtasks", "POST", _BASE)
    async def create(
        self, project_id: int, assignment_id: int, *, description: str, completed: bool = False
    ) -> Subtask:
        """Add a subtask."""
        body = {"description": description, "completed": completed}
        return await self._object(cast_to=Subtask, body=body)

    @operation("subtasks", "PUT", _BASE + "/{subtask_id}")
    async def update(
        self,
        project_id: int,
        assignment_id: int,
        subtask_id: int,
        *,
        description: str | Unset = UNSET,
        completed: bool | Unset = UNSET,
    ) -> Subtask:
        """Change a subtask (tick it with ``completed=True``)."""
        body = self._body(description=description, completed=completed)
        return await self._object(cast_to=Subtask, body=body)

    @operation("subtasks", "DELETE", _BASE + "/{subtask_id}")
    async def delete(self, project_id: int, assignment_id: int, subtask_id: int) -> None:
        """Destroy a subtask."""
        await self._no_content()
