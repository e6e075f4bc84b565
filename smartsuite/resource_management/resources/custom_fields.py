"""``rm.custom_fields``: custom field definitions for projects (``assignables``) or users."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, choice
from ..models.settings import CustomField, CustomFieldType

TYPES = tuple(t.value for t in CustomFieldType)


class CustomFields(RMResource):
    @operation("custom_fields", "GET", "/api/v1/custom_fields")
    def list(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[CustomField]:
        """Walk the custom field definitions."""
        return self._pages(cast_to=CustomField, page_size=page_size)

    @operation("custom_fields", "GET", "/api/v1/custom_fields/{custom_field_id}")
    async def get(self, custom_field_id: int) -> CustomField:
        """One custom field."""
        return await self._object(cast_to=CustomField)

    @operation("custom_fields", "POST", "/api/v1/custom_fields")
    async def create(
        self,
        *,
        name: str,
        namespace: str,
        data_type: str,
        options: Sequence[str] | Unset = UNSET,
        description: str | Unset | None = UNSET,
        default_value: str | Unset | None = UNSET,
        is_visible_on_info_page: bool | Unset = UNSET,
        is_visible_as_filter: bool | Unset = UNSET,
        apply_default_to_existing_objects: bool | Unset = UNSET,
    ) -> CustomField:
        """Define a custom field.

        Args:
            namespace: ``assignables`` (projects) or ``users``.
            data_type: ``string``, ``selection_list`` or ``multiple_choice_selection_list``.
            options: the choices, required for selection lists.

        Raises:
            ConfigurationError: an unknown namespace or type, or a selection list without
                options.
        """
        choice(namespace, ("assignables", "users"), "namespace")
        choice(data_type, TYPES, "data_type")
        if data_type != CustomFieldType.STRING and not options:
            raise ConfigurationError(f"a {data_type} custom field needs options")
        body = self._body_of(locals(), options=list(options) if options is not UNSET else UNSET)
        return await self._object(cast_to=CustomField, body=body)

    @operation("custom_fields", "PUT", "/api/v1/custom_fields/{custom_field_id}")
    async def update(
        self,
        custom_field_id: int,
        *,
        name: str | Unset = UNSET,
        options: Sequence[str] | Unset = UNSET,
        description: str | Unset | None = UNSET,
        default_value: str | Unset | None = UNSET,
        is_visible_on_info_page: bool | Unset = UNSET,
        is_visible_as_filter: bool | Unset = UNSET,
    ) -> CustomField:
        """Change a custom field (namespace and type are fixed). When removing the option that
        is the default, change ``default_value`` too."""
        body = self._body_of(
            locals(), "custom_field_id", options=list(options) if options is not UNSET else UNSET
        )
        return await self._object(cast_to=CustomField, body=body)

    @operation("custom_fields", "DELETE", "/api/v1/custom_fields/{custom_field_id}")
    async def delete(self, custom_field_id: int) -> None:
        """Delete a custom field and every value of it."""
        await self._no_content()
