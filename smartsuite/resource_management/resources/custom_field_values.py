"""``rm.custom_field_values``: custom field values on projects and users.

Values cannot be deleted one by one; a POST with a list replaces the whole set for that field
(seed 002, "Creating Custom Field Values").
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.settings import CustomFieldValue

Value = str | Sequence[str]


def _value(value: Value) -> str | builtins.list[str]:
    return value if isinstance(value, str) else builtins.list(value)


class CustomFieldValues(RMResource):
    @operation("custom_field_values", "GET", "/api/v1/projects/{project_id}/custom_field_values")
    def list_for_project(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[CustomFieldValue]:
        """Walk a project's custom field values."""
        return self._pages(cast_to=CustomFieldValue, page_size=page_size)

    @operation(
        "custom_field_values",
        "POST",
        "/api/v1/projects/{project_id}/custom_field_values",
        idempotent=True,
    )
    async def set_for_project(
        self, project_id: int, custom_field_id: int, value: Value
    ) -> builtins.list[CustomFieldValue]:
        """Set a project's value of a field. A list (multiple choice only) replaces every
        earlier value of that field on the project.

        Returns:
            The field's values on the project after the change.
        """
        body = {"custom_field_id": int(custom_field_id), "value": _value(value)}
        return await self._objects(cast_to=CustomFieldValue, body=body)

    @operation(
        "custom_field_values", "PUT", "/api/v1/projects/{project_id}/custom_field_values/{id}"
    )
    async def update_for_project(
        self, project_id: int, value_id: int, value: str
    ) -> CustomFieldValue:
        """Change one value record of a project."""
        return await self._object(cast_to=CustomFieldValue, body={"value": value})

    @operation("custom_field_values", "GET", "/api/v1/users/{user_id}/custom_field_values")
    def list_for_user(
        self, user_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[CustomFieldValue]:
        """Walk a user's custom field values."""
        return self._pages(cast_to=CustomFieldValue, page_size=page_size)

    @operation(
        "custom_field_values",
        "POST",
        "/api/v1/users/{user_id}/custom_field_values",
        idempotent=True,
    )
    async def set_for_user(
        self, user_id: int, custom_field_id: int, value: Value
    ) -> builtins.list[CustomFieldValue]:
        """Set a user's value of a field (a list replaces the whole set)."""
        body = {"custom_field_id": int(custom_field_id), "value": _value(value)}
        return await self._objects(cast_to=CustomFieldValue, body=body)

    @operation("custom_field_values", "PUT", "/api/v1/users/{user_id}/custom_field_values/{id}")
    async def update_for_user(self, user_id: int, value_id: int, value: str) -> CustomFieldValue:
        """Change one value record of a user."""
        return await self._object(cast_to=CustomFieldValue, body={"value": value})
