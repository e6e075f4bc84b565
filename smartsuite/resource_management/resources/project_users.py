"""``rm.project_users``: the people assigned to a project."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource, SortOrder, fields_param, sort_params
from ..models.people import User
from .users import USER_FIELDS, USER_SORT_FIELDS, UserField, UserSortField


class ProjectUsers(RMResource):
    @operation("project_users", "GET", "/api/v1/projects/{project_id}/users")
    def list(
        self,
        project_id: int,
        *,
        fields: Sequence[UserField] | None = None,
        sort_field: UserSortField | None = None,
        sort_order: SortOrder | None = None,
        with_phases: bool | None = None,
        with_archived: bool | None = None,
        include_placeholders: bool | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[User]:
        """Walk the users assigned to a project (``GET /projects/{id}/users``).

        Args:
            with_phases: include people assigned to the project's phases.
            with_archived / include_placeholders: widen the set.
        """
        params = {
            "fields": fields_param(fields, USER_FIELDS),
            **sort_params(sort_field, USER_SORT_FIELDS, sort_order),
            "with_phases": with_phases,
            "with_archived": with_archived,
            "include_placeholders": include_placeholders,
        }
        return self._pages(cast_to=User, params=params, page_size=page_size)
