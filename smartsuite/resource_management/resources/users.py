"""``rm.users``: people in the account (no delete: archive instead)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, get_args

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, SortOrder, fields_param, sort_params
from ..models.people import User

UserField = Literal["tags", "assignments", "availabilities", "custom_field_values"]
USER_FIELDS = get_args(UserField)
UserSortField = Literal[
    "created", "updated", "first_name", "last_name", "hire_date", "termination_date"
]
USER_SORT_FIELDS = get_args(UserSortField)


class Users(RMResource):
    @operation("users", "GET", "/api/v1/users")
    def list(
        self,
        *,
        fields: Sequence[UserField] | None = None,
        sort_field: UserSortField | None = None,
        sort_order: SortOrder | None = None,
        with_archived: bool | None = None,
        include_placeholders: bool | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[User]:
        """Walk every user (``GET /users``).

        Args:
            fields: nested collections to include (``tags``, ``assignments`` ...).
            sort_field / sort_order: ordering (``created``, ``last_name`` ...; ``ascending``).
            with_archived: include archived users.
            include_placeholders: include placeholder resources.
            page_size: the walk's page size (default and maximum 1000; ``per_page=`` is deprecated).

        Raises:
            ConfigurationError: an unknown field or sort value.
        """
        params = {
            "fields": fields_param(fields, USER_FIELDS),
            **sort_params(sort_field, USER_SORT_FIELDS, sort_order),
            "with_archived": with_archived,
            "include_placeholders": include_placeholders,
        }
        return self._pages(cast_to=User, params=params, page_size=page_size)

    @operation("users", "GET", "/api/v1/users/{user_id}")
    async def get(
        self,
        user_id: int,
        *,
        fields: Sequence[UserField] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> User:
        """One user (``GET /users/{id}``); ``page_size`` sizes its nested collections.

        Raises:
            NotFoundError: no such user.
        """
        params = {"fields": fields_param(fields, USER_FIELDS), "per_page": page_size}
        return await self._object(cast_to=User, params=params)

    @operation("users", "POST", "/api/v1/users")
    async def create(
        self,
        *,
        first_name: str,
        last_name: str,
        email: str | Unset = UNSET,
        user_type_id: int | Unset = UNSET,
        billable: bool | Unset = UNSET,
        hire_date: dt.date | Unset | None = UNSET,
        termination_date: dt.date | Unset | None = UNSET,
        mobile_phone: str | Unset | None = UNSET,
        office_phone: str | Unset | None = UNSET,
        employee_number: str | Unset | None = UNSET,
        role: str | Unset | None = UNSET,
        discipline: str | Unset | None = UNSET,
        location: str | Unset | None = UNSET,
        license_type: str | Unset = UNSET,
        billability_target: float | Unset = UNSET,
    ) -> User:
        """Create a user (``POST /users``).

        Raises:
            ConfigurationError: ``user_type_id`` 1 (administrators are made in the app).
            BadRequestError: the server refused the values.
        """
        _check_user_type(user_type_id)
        body = self._body_of(locals())
        return await self._object(cast_to=User, body=body)

    @operation("users", "PUT", "/api/v1/users/{user_id}")
    async def update(
        self,
        user_id: int,
        *,
        first_name: str | Unset = UNSET,
        last_name: str | Unset = UNSET,
        email: str | Unset = UNSET,
        user_type_id: int | Unset = UNSET,
        billable: bool | Unset = UNSET,
        hire_date: dt.date | Unset | None = UNSET,
        termination_date: dt.date | Unset | None = UNSET,
        mobile_phone: str | Unset | None = UNSET,
        office_phone: str | Unset | None = UNSET,
        employee_number: str | Unset | None = UNSET,
        role: str | Unset | None = UNSET,
        discipline: str | Unset | None = UNSET,
        location: str | Unset | None = UNSET,
        license_type: str | Unset = UNSET,
        billability_target: float | Unset = UNSET,
        archived: bool | Unset = UNSET,
    ) -> User:
        """Change a user (``PUT /users/{id}``); only the arguments given are sent.

        Raises:
            ConfigurationError: ``user_type_id`` 1.
            BadRequestError: for example archiving the account owner.
        """
        _check_user_type(user_type_id)
        body = self._body_of(locals(), "user_id")
        return await self._object(cast_to=User, body=body)

    async def save(self, user: User) -> User:
        """Send the changes made to ``user`` since it was read (``PUT /users/{id}``): only the
        fields assigned, so the nulls the server sent stay unsent; assign ``None`` to clear.

        Raises:
            ConfigurationError: a changed field that ``update`` cannot change.
        """
        return await self._save(user, self.update)

    async def archive(self, user_id: int) -> User:
        """Archive a user (users cannot be deleted)."""
        return await self.update(user_id, archived=True)

    async def unarchive(self, user_id: int) -> User:
        """Bring an archived user back."""
        return await self.update(user_id, archived=False)


def _check_user_type(user_type_id: int | Unset) -> None:
    if user_type_id == 1:
        raise ConfigurationError(
            "user_type_id 1 (Administrator) cannot be set through the API; use the app"
        )
