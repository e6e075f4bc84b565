"""``rm.placeholders``: placeholder resources (stand-ins for people not yet known)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, get_args

from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, fields_param
from ..models.people import PlaceholderResource
from ..models.work import Assignment

PlaceholderField = Literal["assignments", "custom_field_values"]
_FIELDS = get_args(PlaceholderField)


class Placeholders(RMResource):
    @operation("placeholder_resources", "GET", "/api/v1/placeholder_resources")
    def list(
        self,
        *,
        fields: Sequence[PlaceholderField] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[PlaceholderResource]:
        """Walk placeholder resources."""
        params = {"fields": fields_param(fields, _FIELDS)}
        return self._pages(cast_to=PlaceholderResource, params=params, page_size=page_size)

    @operation("placeholder_resources", "GET", "/api/v1/placeholder_resources/{id}")
    async def get(
        self,
        placeholder_id: int,
        *,
        fields: Sequence[PlaceholderField] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> PlaceholderResource:
        """One placeholder."""
        params = {"fields": fields_param(fields, _FIELDS), "per_page": page_size}
        return await self._object(cast_to=PlaceholderResource, params=params)

    @operation("placeholder_resources", "POST", "/api/v1/placeholder_resources")
    async def create(
        self,
        *,
        title: str,
        role: str | Unset | None = UNSET,
        discipline: str | Unset | None = UNSET,
        location: str | Unset | None = UNSET,
    ) -> PlaceholderResource:
        """Create a placeholder; ``title`` is how it appears everywhere."""
        body = self._body(title=title, role=role, discipline=discipline, location=location)
        return await self._object(cast_to=PlaceholderResource, body=body)

    @operation("placeholder_resources", "PUT", "/api/v1/placeholder_resources/{id}")
    async def update(
        self,
        placeholder_id: int,
        *,
        title: str | Unset = UNSET,
        role: str | Unset | None = UNSET,
        discipline: str | Unset | None = UNSET,
        location: str | Unset | None = UNSET,
    ) -> PlaceholderResource:
        """Change a placeholder."""
        body = self._body(title=title, role=role, discipline=discipline, location=location)
        return await self._object(cast_to=PlaceholderResource, body=body)

    @operation("placeholder_resources", "DELETE", "/api/v1/placeholder_resources/{id}")
    async def delete(self, placeholder_id: int) -> None:
        """Delete a placeholder."""
        await self._no_content()

    @operation("placeholder_resources", "GET", "/api/v1/placeholder_resources/{id}/assignments")
    def assignments(
        self, placeholder_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Assignment]:
        """Walk a placeholder's assignments (make them with ``rm.assignments.create`` and the
        placeholder's id as ``user_id``)."""
        return self._pages(cast_to=Assignment, page_size=page_size)

    @operation(
        "placeholder_resources", "GET", "/api/v1/projects/{project_id}/placeholder_resources"
    )
    def list_for_project(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[PlaceholderResource]:
        """Walk the placeholders assigned to a project."""
        return self._pages(cast_to=PlaceholderResource, page_size=page_size)
