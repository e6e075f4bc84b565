"""``rm.project_tags`` and ``rm.user_tags``: attach (find-or-create) and detach tags."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.common import Tag


class ProjectTags(RMResource):
    @operation("project_tags", "GET", "/api/v1/projects/{project_id}/tags")
    def list(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Tag]:
        """Walk a project's tags."""
        return self._pages(cast_to=Tag, page_size=page_size)

    @operation("project_tags", "POST", "/api/v1/projects/{project_id}/tags", idempotent=True)
    async def add(self, project_id: int, value: str) -> Tag:
        """Attach a tag, creating it in the account if new; attaching twice is harmless."""
        return await self._object(cast_to=Tag, body={"value": value})

    @operation("project_tags", "DELETE", "/api/v1/projects/{project_id}/tags/{tag_id}")
    async def remove(self, project_id: int, tag_id: int) -> None:
        """Detach a tag from a project (the tag stays in the account)."""
        await self._no_content()


class UserTags(RMResource):
    @operation("user_tags", "GET", "/api/v1/users/{user_id}/tags")
    def list(
        self, user_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Tag]:
        """Walk a user's tags."""
        return self._pages(cast_to=Tag, page_size=page_size)

    @operation("user_tags", "POST", "/api/v1/users/{user_id}/tags", idempotent=True)
    async def add(self, user_id: int, value: str) -> Tag:
        """Attach a tag to a user (find-or-create)."""
        return await self._object(cast_to=Tag, body={"value": value})

    @operation("user_tags", "DELETE", "/api/v1/users/{user_id}/tags/{tag_id}")
    async def remove(self, user_id: int, tag_id: int) -> None:
        """Detach a tag from a user."""
        await self._no_content()
